/// Builds the doctors' review sheets under `output/review/`: an index of what awaits review (also one page per
/// reviewer and per series, so filtering needs no JavaScript), a sheet per text that takes approvals (manuscripts,
/// the shared disclaimer and footer, each edition's own texts, inserts) with a character-level diff against the
/// approved copy where the text changed since, and one printable page holding every awaiting sheet, a sheet per
/// printed page.
public struct ReviewSheetBuilder: Sendable {
    /// The output folder's name; no edition may take it.
    public static let folder = "review"

    let templates: PreviewTemplates

    public init(templates: PreviewTemplates) {
        self.templates = templates
    }

    /// The sheets of every text of `content`, and of `texts` read elsewhere (a build reads editions and inserts
    /// edition by edition): a text `content` holds is not taken again from `texts`.
    public func build(
        _ content: ContentSet, adding texts: [ApprovableText] = [], snapshots: (ApprovalSubject) -> ReaderText?
    ) -> EditionOutput {
        let reviewers = Dictionary(content.reviewers.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let manuscripts = Dictionary(content.manuscripts.map { ($0.subject, $0) }, uniquingKeysWith: { a, _ in a })
        var all = content.approvableTexts
        let held = Set(all.map(\.subject))
        let added = texts.filter { !held.contains($0.subject) }
        all += added.filter { if case .edition = $0.subject { true } else { false } }
        all += added.filter { if case .insert = $0.subject { true } else { false } }.sorted { $0.path < $1.path }
        all += added.filter { if case .lossSupport = $0.subject { true } else { false } }.sorted { $0.path < $1.path }
        let sheets = all.map {
            SheetView($0, manuscript: manuscripts[$0.subject], snapshot: snapshots($0.subject), reviewers: reviewers)
        }
        let awaiting = sheets.filter(\.awaiting)
        var files: [OutputFile] = []
        func add(_ path: String, _ html: String) {
            files.append(OutputFile(path: "\(Self.folder)/\(path)", bytes: Array(html.utf8)))
        }

        let filters = FilterLinks(reviewers: content.reviewers, series: Series.allCases)
        add(
            "index.html",
            templates.render(
                IndexView(heading: "監修待ちの文面", rows: awaiting, root: "", filters: filters, total: sheets.count),
                template: "review-index"))
        for reviewer in content.reviewers {
            let id = reviewer.id.value
            let rows = awaiting.filter { $0.reviewerIDs.contains(id) }
            add(
                "reviewer/\(id).html",
                templates.render(
                    IndexView(
                        heading: "監修待ちの文面：\(reviewer.name.value)", rows: rows, root: "../",
                        filters: filters, total: sheets.count), template: "review-index"))
        }
        for series in Series.allCases {
            let rows = awaiting.filter { $0.series == series.rawValue }
            add(
                "series/\(series.rawValue).html",
                templates.render(
                    IndexView(
                        heading: "監修待ちの原稿：\(series.displayName)シリーズ", rows: rows,
                        root: "../", filters: filters, total: sheets.count), template: "review-index"))
        }
        // One sheet per text: rendered on every core.
        let pages = ParallelMap.map(sheets) {
            templates.render(SheetPage(sheet: $0), template: "review-sheet")
        }
        for (sheet, page) in zip(sheets, pages) { add(sheet.href, page) }
        add("print.html", templates.render(PrintView(sheets: awaiting), template: "review-print"))
        return EditionOutput(editionID: Self.folder, files: files)
    }
}

struct FilterLinks {
    struct Link { let href: String; let label: String }
    let reviewers: [Link]
    let series: [Link]

    init(reviewers: [Reviewer], series: [Series]) {
        self.reviewers = reviewers.map { Link(href: "reviewer/\($0.id.value).html", label: $0.name.value) }
        self.series = series.map { Link(href: "series/\($0.rawValue).html", label: $0.displayName) }
    }
}

/// One text's review sheet, whatever its kind; what only manuscripts have (series, sources) is optional.
struct SheetView {
    struct Source { let title: String; let url: String? }
    /// An entitled reviewer and where they stand: 「小児科医A（医師・小児科・…）承認済み」.
    struct ReviewerView {
        let name: String
        let detail: String
        let standing: String
        let standingName: String
    }
    /// `manuscript`, `insert`, `loss-support`, `edition` or `shared`.
    let kind: String
    /// 原稿, 差し込み情報, 喪失時のサポート, 版の文面, 共通の文面.
    let kindName: String
    /// The manuscript's day, the insert's or edition's id.
    let label: String
    let title: String
    let series: String?
    let seriesName: String?
    let path: String
    /// Relative to the review folder.
    let href: String
    /// From the sheet back to the review folder (not `root`, which the index rows take from the index).
    let home: String
    let state: String
    let stateName: String
    /// 「小児科医A 承認済み・家庭医A 未承認」; empty when nobody is entitled.
    let summary: String
    let awaiting: Bool
    /// 監修者 for a manuscript, 承認者 for the other texts.
    let entitledName: String
    let reviewers: [ReviewerView]
    let reviewerIDs: Set<String>
    let approvedOn: String?
    let isManuscript: Bool
    let sources: [Source]
    let textHTML: String
    let diffHTML: String?
    /// Stale, but the approved copy (`approved/…`) is missing: the sheet says so instead of showing a diff.
    let snapshotMissing: Bool

    init(_ text: ApprovableText, manuscript: Manuscript?, snapshot: ReaderText?, reviewers: [String: Reviewer]) {
        title = text.title
        path = text.path
        switch text.subject {
        case .manuscript(let day):
            kind = "manuscript"
            kindName = "原稿"
            label = day.label
            href = "sheets/\(day.series.rawValue)/\(day.fileStem).html"
        case .insert(let id):
            kind = "insert"
            kindName = "差し込み情報"
            label = id
            href = "sheets/inserts/\(id).html"
        case .lossSupport(let id):
            kind = "loss-support"
            kindName = "喪失時のサポート"
            label = id
            href = "sheets/\(LossSupport.folder)/\(id).html"
        case .edition(let id):
            kind = "edition"
            kindName = "版の文面"
            label = id
            href = "sheets/editions/\(id).html"
        case .shared:
            kind = "shared"
            kindName = "共通の文面"
            label = "kizuna.yaml"
            href = "sheets/shared.html"
        }
        home = String(repeating: "../", count: href.split(separator: "/").count - 1)
        isManuscript = manuscript != nil
        series = manuscript?.series.rawValue
        seriesName = manuscript?.series.displayName
        sources = manuscript?.sources.map { Source(title: $0.title.value, url: $0.url?.value) } ?? []
        entitledName = isManuscript ? "監修者" : "承認者"
        state = text.state.rawValue
        stateName = text.state.displayName
        summary = text.signOff.summary
        awaiting = text.state.awaitsReview
        let standings = Dictionary(text.signOff.reviewers.map { ($0.id, $0.standing) }, uniquingKeysWith: { a, _ in a })
        var seen: Set<String> = []
        self.reviewers = text.entitled.map(\.value).filter { seen.insert($0).inserted }.map { id in
            let person = SupervisorView(id: id, reviewers: reviewers)
            let standing = standings[id] ?? .missing
            return ReviewerView(
                name: person.name, detail: person.detail, standing: standing.rawValue,
                standingName: standing.displayName)
        }
        reviewerIDs = Set(text.entitled.map(\.value) + (text.approval?.reviewerIDs ?? []))
        approvedOn = text.approval?.date(approving: text.reader.sha256)?.description
        textHTML = HTMLText.escape(text.reader.text).replacingAll("\n", with: "<br>")
        if text.state != .approved, let snapshot, snapshot.text != text.reader.text {
            diffHTML = TextDiff(from: snapshot.text, to: text.reader.text).html
        } else {
            diffHTML = nil
        }
        snapshotMissing = text.state == .stale && snapshot == nil
    }
}

struct IndexView {
    let heading: String
    let rows: [SheetView]
    let root: String
    let filters: FilterLinks
    let total: Int
    let count: Int
    let hasRows: Bool

    init(heading: String, rows: [SheetView], root: String, filters: FilterLinks, total: Int) {
        self.heading = heading
        self.rows = rows
        self.root = root
        self.filters = filters
        self.total = total
        self.count = rows.count
        self.hasRows = !rows.isEmpty
    }
}

struct SheetPage {
    let sheet: SheetView
}

struct PrintView {
    let sheets: [SheetView]
}
