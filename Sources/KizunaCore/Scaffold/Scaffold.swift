/// What `kizuna new` writes: a new manuscript, edition or insert with every required key, placeholders
/// (`ScaffoldText`) where a person must write the text, and what to do next. Values only: the command writes the
/// file and prints the steps.
public enum Scaffold {
    /// A file to write, relative to the content folder, and the steps that follow.
    public struct Plan: Sendable {
        public let relativePath: String
        public let text: String
        public let nextSteps: [LocalizedText]
    }

    /// Why nothing is written.
    public struct Refusal: Error, Sendable {
        public enum Kind: Sendable {
            /// The arguments are wrong (exit 2).
            case usage
            /// The content already has what would be written (exit 1).
            case exists
        }
        public let kind: Kind
        public let message: LocalizedText
    }

    /// How many manuscripts around the new day the supervisors are taken from.
    static let neighbours = 10

    // MARK: Manuscript

    /// A manuscript for `day` of `series` (as written on the command line), supervised as the manuscripts around it
    /// mostly are: those named by at least half of the nearest `neighbours` manuscripts by day (ties by the earlier
    /// day, then path), or else the one named most often; ties in count by id.
    public static func manuscript(
        series seriesName: String, day dayText: String, content: ContentSet, root: String = "content"
    ) throws(Refusal)
        -> Plan
    {
        guard let series = Series(rawValue: seriesName) else {
            throw Refusal(
                kind: .usage,
                message: (LocalizedText(
                    en: "there is no series '\(seriesName)' (series are maternity and childcare)",
                    ja: "シリーズ \(Japanese.quote(seriesName)) はありません（シリーズは 'maternity' と 'childcare'）")
                    + .didYouMean(closestMatch(to: seriesName, in: Series.allCases.map(\.rawValue)))).tidied)
        }
        guard let day = DayKey.parse(dayText, series: series) else {
            let form =
                series == .maternity
                ? LocalizedText(en: "weeks 'w' days 'd', e.g. 16w0d", ja: "週数「w」日数「d」の形（例: 16w0d）")
                : LocalizedText(en: "a day count, e.g. 200 (birth day = 1)", ja: "生まれた日を1とする日数（例: 200）")
            throw Refusal(
                kind: .usage,
                message: LocalizedText(
                    en: "'\(dayText)' is not a \(series.rawValue) day: write \(form.en)",
                    ja: "\(Japanese.quote(dayText)) は '\(series.rawValue)' の配信日になっていません。\(form.ja)で書いてください"
                ).tidied)
        }
        guard day.isInRange else {
            throw Refusal(
                kind: .usage,
                message: LocalizedText(
                    en: "day '\(dayText)' is outside the \(series.rawValue) series, which runs from "
                        + series.dayRangeDescription,
                    ja: "配信日 '\(dayText)' は '\(series.rawValue)' シリーズの範囲（\(series.dayRangeText.ja)）を外れています"
                ).tidied)
        }
        let path = "manuscripts/\(series.rawValue)/\(day.fileStem).yaml"
        if let existing = content.manuscripts.first(where: { $0.day.value == day }) {
            throw Refusal(
                kind: .exists,
                message: LocalizedText(
                    en: "\(day.label) already has a manuscript: \(existing.path)",
                    ja: "\(day.label)の原稿はすでにあります: \(existing.path)"))
        }
        let supervisors = self.supervisors(around: day, in: content)
        let heading = series == .maternity ? "おなかの赤ちゃん" : "赤ちゃんのようす"
        let text = """
            # Written by `kizuna new manuscript`: replace each 「（ここに…）」 with the text, then have it approved.
            series: \(series.rawValue)
            day: \(day)
            title: \(ScaffoldText.text("タイトル"))
            sections:
              - heading: \(heading)
                text: |
                  \(ScaffoldText.text("本文"))
            supervisors: [\(supervisors.joined(separator: ", "))]
            review: draft

            """
        var steps = [
            LocalizedText(
                en: "write the title and the text in \(root)/\(path) (every 「（ここに…）」)",
                ja: "\(root)/\(path) のタイトルと本文（「（ここに…）」のところ）を書く"),
            validateStep(root),
        ]
        if supervisors.isEmpty {
            steps.append(
                LocalizedText(
                    en: "name the supervisors in 'supervisors:' by their ids in reviewers.yaml",
                    ja: "'supervisors:' に監修者を reviewers.yaml のIDで書く"))
        }
        steps.append(
            LocalizedText(
                en: "set 'review: in-review'; each supervisor approves: "
                    + approveCommands(path, supervisors.isEmpty ? ["ID"] : supervisors, root),
                ja: "'review: in-review' にして、監修者がそれぞれ承認する: "
                    + approveCommands(path, supervisors.isEmpty ? ["ID"] : supervisors, root)))
        if !Cadence.contains(day) {
            let near = Cadence.days(of: series).min { abs($0.ordinal - day.ordinal) < abs($1.ordinal - day.ordinal) }
            steps.append(
                LocalizedText(
                    en: "note: \(day) is not a cadence day of the series (`kizuna coverage`); the nearest is \(near!)",
                    ja: "注意: \(day) はシリーズの配信日ではありません（kizuna coverage）。近い配信日は \(near!) です"))
        }
        return Plan(relativePath: path, text: text, nextSteps: steps)
    }

    /// The supervisors most of the manuscripts around `day` name (see `manuscript`), known reviewers only.
    static func supervisors(around day: DayKey, in content: ContentSet) -> [String] {
        let known = Set(content.reviewers.map(\.id.value))
        let nearest = content.manuscripts.filter { $0.series == day.series }.sorted {
            let (a, b) = (abs($0.day.value.ordinal - day.ordinal), abs($1.day.value.ordinal - day.ordinal))
            return a != b ? a < b : $0.day.value != $1.day.value ? $0.day.value < $1.day.value : $0.path < $1.path
        }.prefix(neighbours)
        var counts: [String: Int] = [:]
        for m in nearest {
            for id in Set(m.supervisors.map(\.value)) where known.contains(id) { counts[id, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let majority = ranked.filter { 2 * $0.value >= nearest.count }.map(\.key)
        return majority.isEmpty ? ranked.prefix(1).map(\.key) : majority
    }

    // MARK: Edition

    /// A new edition `id` for the municipality `name` (「〇〇市」): both series, LINE, one desk to fill in.
    public static func edition(id: String, municipality name: String, content: ContentSet, root: String = "content")
        throws(Refusal) -> Plan
    {
        try checkID(id, what: LocalizedText(en: "an edition id", ja: "版のID"))
        guard id != ReviewSheetBuilder.folder else {
            throw Refusal(
                kind: .usage,
                message: LocalizedText(
                    en: "'\(id)' cannot be an edition id: it names the review sheets' folder",
                    ja: "'\(id)' は監修シートのフォルダー名と同じため、版のIDに使えません"))
        }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            throw Refusal(
                kind: .usage,
                message: LocalizedText(
                    en: "--name must be the municipality's name on one line, e.g. 「桜ヶ丘市」",
                    ja: "--name には自治体名を1行で書いてください（例: 「桜ヶ丘市」）"))
        }
        if let existing = content.editions.first(where: { $0.id.value == id }) {
            throw Refusal(
                kind: .exists,
                message: LocalizedText(
                    en: "edition '\(id)' already exists: \(existing.path)", ja: "版 '\(id)' はすでにあります: \(existing.path)"))
        }
        let path = "editions/\(id).yaml"
        let text = """
            # Written by `kizuna new edition`: replace each 「（ここに…）」 and the example.invalid links.
            id: \(id)
            name: \(yamlText("きずなメール\(name)版"))
            municipality: \(yamlText(name))
            # Who approves this edition's texts and inserts (the municipality's 保健師 or 母子保健担当): their ids in
            # reviewers.yaml. Until one is named, nobody can approve them and a release leaves them out.
            approvers: []
            series: [maternity, childcare]
            channels: [line]
            # The first desk is the footer's contact of every message.
            contacts:
              - id: hoken-center
                name: \(ScaffoldText.text("窓口の名前"))
                phone: \(ScaffoldText.text("電話番号"))
                hours: \(ScaffoldText.text("受付時間"))
            unsubscribe_url: \(ScaffoldText.placeholderURLPrefix)\(id)/settings
            # Added after the shared disclaimer (kizuna.yaml): who to ask when in doubt. Delete the line if none.
            disclaimer: \(ScaffoldText.text("免責事項"))
            # The municipality's information: `kizuna new insert ID --edition \(id)`, then its id here.
            inserts: []

            """
        return Plan(
            relativePath: path, text: text,
            nextSteps: [
                LocalizedText(
                    en: "fill in the desk, the disclaimer and the unsubscribe link in \(root)/\(path)",
                    ja: "\(root)/\(path) の窓口、免責事項、配信解除のリンクを書く"),
                LocalizedText(
                    en: "register the municipality's approver (保健師 or 母子保健担当) in reviewers.yaml and name them in "
                        + "'approvers:'",
                    ja: "自治体の承認者（保健師・母子保健担当）を reviewers.yaml に登録し、'approvers:' に書く"),
                LocalizedText(
                    en: "add the municipality's information: kizuna new insert \(id)-... --edition \(id)",
                    ja: "自治体の情報を加える: kizuna new insert \(id)-... --edition \(id)"),
                validateStep(root),
                LocalizedText(
                    en: "the approver approves: " + approveCommands(path, ["APPROVER"], root),
                    ja: "承認者が承認する: " + approveCommands(path, ["APPROVER"], root)),
            ])
    }

    // MARK: Insert

    /// A new insert `id` of edition `editionID`, for its first desk.
    public static func insert(id: String, edition editionID: String, content: ContentSet, root: String = "content")
        throws(Refusal) -> Plan
    {
        try checkID(id, what: LocalizedText(en: "an insert id", ja: "差し込み情報のID"))
        guard let edition = content.editions.first(where: { $0.id.value == editionID }) else {
            throw Refusal(kind: .usage, message: unknownEdition(editionID, in: content))
        }
        if let existing = content.inserts.first(where: { $0.id.value == id }) {
            throw Refusal(
                kind: .exists,
                message: LocalizedText(
                    en: "insert '\(id)' already exists: \(existing.path)",
                    ja: "差し込み情報 '\(id)' はすでにあります: \(existing.path)"))
        }
        let path = "inserts/\(id).yaml"
        // A window that holds a manuscript's day, so that the insert is sent (`insert-unused`) until it is set.
        let sends = Set(edition.series.map(\.value))
        let first = content.manuscripts.first { sends.contains($0.series) }?.day.value
        let window =
            switch first {
            case .gestation(let weeks, _)?: "weeks: {from: \(weeks), to: \(weeks)}"
            case .dayCount(let n)?: "days: {from: \(n), to: \(n)}"
            case nil: sends.contains(.childcare) ? "months: {from: 2, to: 2}" : "weeks: {from: 20, to: 23}"
            }
        let reference = content.reference?.entries.map(\.id.value).joined(separator: ", ") ?? ""
        var lines = [
            "# Written by `kizuna new insert`: replace each 「（ここに…）」 and the example.invalid link.",
            "id: \(id)",
            "title: \(ScaffoldText.text("タイトル"))",
            "text: |",
            "  \(ScaffoldText.text("本文"))",
            "# When parents get it: weeks (maternity, 妊娠A週0日〜B週6日), days (childcare, 生まれてA〜B日目) or months",
            "# (childcare, 生後A〜Bか月 by calendar month age). Change it to the period the information is for.",
            "window:",
            "  \(window)",
            "link: \(ScaffoldText.placeholderURLPrefix)\(id)",
        ]
        if let desk = edition.contacts.first {
            lines.append("contact: \(desk.id.value)")
        }
        lines += [
            "# The national checkups and vaccinations it announces (kizuna coverage), by their ids in",
            "# \(NationalSchedule.relativePath)\(reference.isEmpty ? "" : ": \(reference)").",
            "covers: []",
            "",
        ]
        let approvers = edition.approvers.map(\.value)
        return Plan(
            relativePath: path, text: lines.joined(separator: "\n"),
            nextSteps: [
                LocalizedText(
                    en: "write the title, the text, the window and the link in \(root)/\(path)",
                    ja: "\(root)/\(path) のタイトル、本文、配信期間、リンクを書く"),
                LocalizedText(
                    en: "add '- \(id)' to 'inserts:' in \(edition.path)",
                    ja: "\(edition.path) の 'inserts:' に '- \(id)' を加える"),
                validateStep(root),
                LocalizedText(
                    en: "the edition's approver approves: "
                        + approveCommands(path, approvers.isEmpty ? ["APPROVER"] : approvers, root),
                    ja: "版の承認者が承認する: "
                        + approveCommands(path, approvers.isEmpty ? ["APPROVER"] : approvers, root)),
            ])
    }

    // MARK: Shared

    /// No edition `id`, with a did-you-mean and the editions there are.
    public static func unknownEdition(_ id: String, in content: ContentSet) -> LocalizedText {
        let ids = content.editions.map(\.id.value).sorted()
        return
            (LocalizedText(en: "there is no edition '\(id)'", ja: "版 \(Japanese.quote(id)) はありません")
            + .didYouMean(closestMatch(to: id, in: ids))
            + LocalizedText(
                en: " (editions: \(ids.isEmpty ? "none" : ids.joined(separator: ", ")))",
                ja: "（版: \(ids.isEmpty ? "なし" : ids.joined(separator: "、"))）")).tidied
    }

    /// An id is a plain file name: lowercase ASCII letters, digits and hyphens, starting with a letter or digit.
    static func checkID(_ id: String, what: LocalizedText) throws(Refusal) {
        let allowed = id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
        guard allowed, let first = id.utf8.first, first != 0x2D, id.utf8.count <= 64 else {
            throw Refusal(
                kind: .usage,
                message: LocalizedText(
                    en: "'\(id)' is not \(what.en): use lowercase letters, digits and hyphens (e.g. sakuragaoka)",
                    ja: "\(Japanese.quote(id)) は\(what.ja)に使えません。半角の小文字・数字・ハイフンで書いてください（例: sakuragaoka）"
                ).tidied)
        }
    }

    private static func validateStep(_ root: String) -> LocalizedText {
        let option = root == "content" ? "" : " --content \(root)"
        return LocalizedText(
            en: "check it: kizuna validate\(option) (scaffold-placeholder until every placeholder is replaced)",
            ja: "確かめる: kizuna validate\(option)（仮の文言が残るあいだは scaffold-placeholder）")
    }

    private static func approveCommands(_ path: String, _ reviewers: [String], _ root: String) -> String {
        reviewers.map { "kizuna approve \(root)/\(path) --reviewer \($0) --key KEY" }.joined(separator: "; ")
    }

    /// A one-line YAML text, quoted when YAML would read it as something else.
    static func yamlText(_ text: String) -> String {
        let plain =
            !text.isEmpty && !":#'\"{}[],&*!|>%@`-?".contains(text.first!)
            && !text.contains(": ") && !text.contains(" #") && text.trimmingCharacters(in: .whitespaces) == text
        return plain
            ? text
            : "\""
                + text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
