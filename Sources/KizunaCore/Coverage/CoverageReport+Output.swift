extension CoverageReport {
    /// Runs of consecutive cadence days in `state` (consecutive in the cadence, not in the calendar): `6`, `8–9`,
    /// `4w1d–4w6d`.
    public func runs(of coverage: SeriesCoverage, _ state: DayState) -> [String] {
        let wanted = Set(coverage.days(state))
        var runs: [String] = []
        var run: [DayKey] = []
        func flush() {
            guard let first = run.first, let last = run.last else { return }
            runs.append(first == last ? first.description : "\(first)–\(last)")
            run = []
        }
        for day in Cadence.days(of: coverage.series) {
            if wanted.contains(day) { run.append(day) } else { flush() }
        }
        flush()
        return runs
    }

    /// The report for a terminal, in `language`.
    public func text(_ language: Language) -> String {
        func t(_ en: String, _ ja: String) -> String { LocalizedText(en: en, ja: ja)[language] }
        func list(_ items: [String]) -> String { items.isEmpty ? t("none", "なし") : items.joined(separator: ", ") }
        var lines: [String] = []
        for s in series {
            let stretches = Cadence.stretches(of: s.series).map { st in
                st.from == st.to ? "\(st.from)" : "\(st.name[language]) \(st.from)–\(st.to)"
            }
            let covered = s.days(.covered).count
            lines.append(
                t(
                    "\(s.series.rawValue) (\(s.series.displayName)): \(s.manuscriptCount) manuscripts; "
                        + "\(covered) of \(s.cadenceCount) cadence days written",
                    "\(s.series.rawValue)（\(s.series.displayName)）: 原稿 \(s.manuscriptCount) 本、"
                        + "配信日 \(s.cadenceCount) 日のうち \(covered) 日に原稿あり"))
            lines.append("  " + t("cadence: ", "配信日: ") + stretches.joined(separator: ", "))
            let missing = s.days(.missing)
            lines.append(
                "  " + t("missing (\(missing.count)): ", "原稿のない配信日（\(missing.count)日）: ") + list(runs(of: s, .missing)))
            let off = s.days(.offCadence)
            lines.append(
                "  " + t("off the cadence (\(off.count)): ", "配信日でない日の原稿（\(off.count)本）: ")
                    + list(off.map(\.description)))
            let birthdays = s.days(.birthday)
            if !birthdays.isEmpty {
                lines.append(
                    "  " + t("birthday messages: ", "誕生日の原稿: ") + list(birthdays.map(\.description)))
            }
        }
        if let reference {
            lines.append("")
            lines.append(
                t(
                    "national checkups and vaccinations: \(reference.path) (checked \(reference.checked.value))",
                    "国の健診・予防接種: \(reference.path)（\(reference.checked.value) 確認）"))
        } else if !editions.isEmpty {
            lines.append("")
            lines.append(
                t(
                    "no \(NationalSchedule.relativePath): checkups and vaccinations not checked",
                    "\(NationalSchedule.relativePath) がないため、健診・予防接種は確かめていません"))
        }
        for e in editions where reference != nil {
            let due = e.entries.filter { !$0.entry.isAfterSeriesEnd }
            let covered = due.count { $0.state == .covered }
            lines.append("")
            guard !e.entries.isEmpty else {
                lines.append(
                    t(
                        "edition \(e.id) (\(e.name)): does not send the childcare series",
                        "版 \(e.id)（\(e.name)）: 子育てシリーズを配信しません"))
                continue
            }
            lines.append(
                t(
                    "edition \(e.id) (\(e.name)): \(covered) of \(due.count) announced by an insert",
                    "版 \(e.id)（\(e.name)）: \(due.count) 件のうち \(covered) 件を差し込み情報で案内"))
            let width = e.entries.map { Self.stateLabel($0.state)[language].count }.max() ?? 0
            for c in e.entries {
                let label = Self.stateLabel(c.state)[language]
                let pad = String(repeating: " ", count: max(0, width - label.count))
                let by =
                    c.inserts.isEmpty
                    ? t("no insert", "差し込み情報なし") : c.inserts.joined(separator: ", ")
                lines.append("  \(label)\(pad)  \(c.entry.name.value)（\(c.entry.windowDescription)）: \(by)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A state's label, in words (the page and the terminal do not rely on colour).
    public static func stateLabel(_ state: EntryState) -> LocalizedText {
        switch state {
        case .covered: LocalizedText(en: "covered", ja: "案内あり")
        case .missing: LocalizedText(en: "MISSING", ja: "案内なし")
        case .announced: LocalizedText(en: "announced ahead", ja: "事前に案内")
        case .afterSeriesEnd: LocalizedText(en: "after the series end", ja: "シリーズ終了後")
        }
    }

    public static func stateLabel(_ state: DayState) -> LocalizedText {
        switch state {
        case .covered: LocalizedText(en: "written", ja: "原稿あり")
        case .missing: LocalizedText(en: "missing", ja: "原稿なし")
        case .offCadence: LocalizedText(en: "off the cadence", ja: "配信日外")
        case .birthday: LocalizedText(en: "birthday", ja: "誕生日")
        }
    }

    /// The report as JSON: keys sorted, days as written in YAML, so that scripts can diff two runs.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "series": .array(
                series.map { s in
                    .object([
                        "series": .string(s.series.rawValue),
                        "manuscripts": .int(s.manuscriptCount),
                        "cadenceDays": .int(s.cadenceCount),
                        "covered": .int(s.days(.covered).count),
                        "missing": .array(s.days(.missing).map { .string($0.description) }),
                        "offCadence": .array(s.days(.offCadence).map { .string($0.description) }),
                        "birthdays": .array(s.days(.birthday).map { .string($0.description) }),
                    ])
                }),
            "editions": .array(
                editions.map { e in
                    .object([
                        "id": .string(e.id),
                        "name": .string(e.name),
                        "series": .array(e.series.map { .string($0.rawValue) }),
                        "entries": .array(
                            e.entries.map { c in
                                var entry: [String: JSONValue] = [
                                    "id": .string(c.entry.id.value),
                                    "kind": .string(c.entry.kind.value.rawValue),
                                    "name": .string(c.entry.name.value),
                                    "months": .object([
                                        "from": .int(c.entry.months.value.lowerBound),
                                        "to": .int(c.entry.months.value.upperBound),
                                    ]),
                                    "afterSeriesEnd": .bool(c.entry.isAfterSeriesEnd),
                                    "state": .string(c.state.rawValue),
                                    "inserts": .array(c.inserts.map { .string($0) }),
                                ]
                                if let last = c.entry.lastDay { entry["untilDay"] = .int(last.value) }
                                return .object(entry)
                            }),
                    ])
                }),
        ]
        if let reference {
            object["reference"] = .object([
                "path": .string(reference.path),
                "checked": .string(reference.checked.value.description),
                "sources": .array(reference.sources.map { .string($0.title.value) }),
            ])
        }
        return .object(object)
    }
}
