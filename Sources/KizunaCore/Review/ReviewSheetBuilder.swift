/// Builds the doctors' review sheets under `output/review/`: an index of what awaits review (also one page per
/// supervisor and per series, so filtering needs no JavaScript), a sheet per manuscript with a character-level diff
/// for stale ones, and one printable page holding every awaiting sheet, a sheet per printed page.
public struct ReviewSheetBuilder: Sendable {
    /// The output folder's name; no edition may take it.
    public static let folder = "review"

    let templates: PreviewTemplates

    public init(templates: PreviewTemplates) {
        self.templates = templates
    }

    public func build(_ content: ContentSet, snapshots: (DayKey) -> ReaderText?) -> EditionOutput {
        let reviewers = Dictionary(content.reviewers.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let sheets = content.manuscripts.map { SheetView($0, snapshot: snapshots($0.day.value), reviewers: reviewers) }
        let awaiting = sheets.filter(\.awaiting)
        var files: [OutputFile] = []
        func add(_ path: String, _ html: String) {
            files.append(OutputFile(path: "\(Self.folder)/\(path)", bytes: Array(html.utf8)))
        }

        let filters = FilterLinks(reviewers: content.reviewers, series: Series.allCases)
        add(
            "index.html",
            templates.render(
                IndexView(heading: "監修待ちの原稿", rows: awaiting, root: "", filters: filters, total: sheets.count),
                template: "review-index"))
        for reviewer in content.reviewers {
            let id = reviewer.id.value
            let rows = awaiting.filter { $0.reviewerIDs.contains(id) }
            add(
                "reviewer/\(id).html",
                templates.render(
                    IndexView(
                        heading: "監修待ちの原稿：\(reviewer.name.value)", rows: rows, root: "../",
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
        // One sheet per manuscript: rendered on every core.
        let pages = ParallelMap.map(sheets) {
            templates.render(SheetPage(sheet: $0, root: "../../"), template: "review-sheet")
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

struct SheetView {
    struct Source { let title: String; let url: String? }
    let label: String
    let title: String
    let series: String
    let seriesName: String
    let path: String
    let href: String
    let state: String
    let stateName: String
    let awaiting: Bool
    let supervisors: [SupervisorView]
    let reviewerIDs: Set<String>
    let approvedBy: String?
    let approvedOn: String?
    let sources: [Source]
    let textHTML: String
    let diffHTML: String?
    /// Stale, but `approved/…txt` is missing: the sheet says so instead of showing a diff.
    let snapshotMissing: Bool

    init(_ m: Manuscript, snapshot: ReaderText?, reviewers: [String: Reviewer]) {
        let reader = ReaderText(m)
        label = m.day.value.label
        title = m.title.value
        series = m.series.rawValue
        seriesName = m.series.displayName
        path = m.path
        href = "sheets/\(m.series.rawValue)/\(m.day.value.fileStem).html"
        state = m.state.rawValue
        stateName = m.state.displayName
        awaiting = m.state != .approved
        supervisors = m.supervisors.map { SupervisorView(id: $0.value, reviewers: reviewers) }
        reviewerIDs = Set(m.supervisors.map(\.value) + (m.approval?.reviewerIDs ?? []))
        approvedBy = m.approval.map { _ in m.signOff.summary }
        approvedOn = m.approval?.date(approving: reader.sha256)?.description
        sources = m.sources.map { Source(title: $0.title.value, url: $0.url?.value) }
        textHTML = HTMLText.escape(reader.text).replacingAll("\n", with: "<br>")
        if m.state == .stale, let snapshot {
            diffHTML = TextDiff(from: snapshot.text, to: reader.text).html
        } else {
            diffHTML = nil
        }
        snapshotMissing = m.state == .stale && snapshot == nil
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
    let root: String
}

struct PrintView {
    let sheets: [SheetView]
}
