/// Renders the doctors' HTML previews of an edition from the templates. Every manuscript string is escaped:
/// by Mustache for `{{…}}`, by `HTMLText` for the few `{{{…}}}` fragments.
public struct PreviewRenderer: Sendable {
    let templates: PreviewTemplates
    let reviewers: [String: Reviewer]
    /// The sections of `manuscripts` as HTML, made once for every edition's pages.
    let sections: [String: [DayPage.SectionView]]
    let dayTemplates = CompiledTemplateCache<DayPage.TemplateKey>()
    /// The templates with the index's row partial replaced by a slot marker; nil when the index does not use it.
    let indexFrameTemplates: PreviewTemplates?
    let indexRowTemplates = CompiledTemplateCache<[UInt8]>()
    /// What an index row shows of its day and supervisors that is the same in every edition, made once.
    let indexRowTexts: IndexPage.RowTexts

    public init(templates: PreviewTemplates, reviewers: [Reviewer], manuscripts: [Manuscript] = []) {
        self.init(templates: templates, reviewers: reviewers, manuscripts: manuscripts, memo: nil)
    }

    /// `memo`: section views made by earlier builds, by file hash.
    init(
        templates: PreviewTemplates, reviewers: [Reviewer], manuscripts: [Manuscript],
        memo: (ManuscriptMemo<[DayPage.SectionView]>, hashes: [String: FileHash])?
    ) {
        self.templates = templates
        indexFrameTemplates = IndexPage.frameTemplates(templates)
        self.reviewers = Dictionary(reviewers.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        indexRowTexts = IndexPage.RowTexts(
            days: manuscripts.map(\.day.value), due: Self.sampleDueDate, reviewers: self.reviewers)
        let views = ParallelMap.map(manuscripts) { manuscript in
            guard let (memo, hashes) = memo else { return DayPage.sectionViews(manuscript) }
            return memo.value(manuscript, hashes: hashes, make: DayPage.sectionViews)
        }
        sections = Dictionary(zip(manuscripts.map(\.path), views), uniquingKeysWith: { a, _ in a })
    }

    /// One day's page: the message as it looks in the chat, and where it came from.
    /// `payload`, the LINE push request as written, is shown as text (escaped: no `</pre>` or `</script>` in it
    /// can end its element).
    public func dayPage(
        _ message: DayMessage, previous: DayMessage?, next: DayMessage?, payload: RenderedPayload? = nil
    ) -> String {
        String(
            decoding: dayPageBytes(
                message, previous: previous, next: next, payload: payload, parts: PreviewEditionParts()),
            as: UTF8.self)
    }

    /// `dayPage` as the UTF-8 bytes written to disk.
    /// `parts`: the edition's inserts as HTML, made once for all its days.
    /// `variants`: a day's messages by month age, when it has them (`DayMessage.readerMonths`): each page lists them
    /// all side by side, with the inserts each carries. Such pages are few and rendered whole.
    public func dayPageBytes(
        _ message: DayMessage, previous: DayMessage?, next: DayMessage?, payload: RenderedPayload?,
        parts: PreviewEditionParts, variants: [DayMessage] = []
    ) -> [UInt8] {
        let edition = DayPage.EditionPart(message, payload: payload, parts: parts)
        guard variants.isEmpty else {
            return wholeDayPage(message, previous: previous, next: next, edition: edition, variants: variants)
        }
        return splicedDayPage(edition, of: message, previous: previous, next: next)
            ?? wholeDayPage(message, previous: previous, next: next, edition: edition)
    }

    /// `dayPageBytes` rendered whole through Mustache: the reference a spliced page equals.
    func dayPageBytesRenderedWhole(
        _ message: DayMessage, previous: DayMessage?, next: DayMessage?, payload: RenderedPayload?,
        parts: PreviewEditionParts
    ) -> [UInt8] {
        let edition = DayPage.EditionPart(message, payload: payload, parts: parts)
        return wholeDayPage(message, previous: previous, next: next, edition: edition)
    }

    /// The page with `edition`'s values, rendered whole through Mustache.
    func wholeDayPage(
        _ message: DayMessage, previous: DayMessage?, next: DayMessage?, edition: DayPage.EditionPart,
        variants: [DayMessage] = []
    ) -> [UInt8] {
        var page = DayPage(
            message, previous: previous, next: next, reviewers: reviewers, sections: sections[message.manuscript.path],
            edition: edition)
        page.variants = variants.map { v in
            DayPage.VariantView(
                label: v.readersName ?? "すべての読者", href: "\(v.fileStem).html",
                inserts: v.inserts.isEmpty ? "差し込み情報なし" : v.inserts.map(\.insert.title.value).joined(separator: "、"),
                current: v === message)
        }
        return Array(templates.render(page, template: "day").utf8)
    }

    /// The due date the timeline shows calendar dates for; fixed, so previews stay byte-identical across days.
    public static let sampleDueDate = CalendarDate(year: 2027, month: 4, day: 1)!

    /// The edition's timeline of every day, with each day's date for a reader due on `due` whose birth date is not
    /// known yet, and a link to the edition's loss support message when it has one.
    public func indexPage(
        editionName: String, editionID: String, messages: [DayMessage], due: CalendarDate = sampleDueDate,
        lossSupport: LossSupportMessage? = nil
    ) -> String {
        String(
            decoding: indexPageBytes(
                editionName: editionName, editionID: editionID, messages: messages, due: due, lossSupport: lossSupport),
            as: UTF8.self)
    }

    /// `indexPage` as the UTF-8 bytes written to disk.
    func indexPageBytes(
        editionName: String, editionID: String, messages: [DayMessage], due: CalendarDate = sampleDueDate,
        lossSupport: LossSupportMessage? = nil, card: Manifest.CardFiles? = nil
    ) -> [UInt8] {
        let page = indexPageView(
            editionName: editionName, editionID: editionID, messages: messages, due: due, lossSupport: lossSupport,
            card: card)
        return splicedIndexPage(page) ?? Array(templates.render(page, template: "index").utf8)
    }

    /// `indexPageBytes` rendered whole through Mustache: the reference a spliced page equals.
    func indexPageBytesRenderedWhole(
        editionName: String, editionID: String, messages: [DayMessage], due: CalendarDate = sampleDueDate,
        lossSupport: LossSupportMessage? = nil, card: Manifest.CardFiles? = nil
    ) -> [UInt8] {
        let page = indexPageView(
            editionName: editionName, editionID: editionID, messages: messages, due: due, lossSupport: lossSupport,
            card: card)
        return Array(templates.render(page, template: "index").utf8)
    }

    private func indexPageView(
        editionName: String, editionID: String, messages: [DayMessage], due: CalendarDate,
        lossSupport: LossSupportMessage?, card: Manifest.CardFiles?
    ) -> IndexPage {
        var page = IndexPage(
            editionName: editionName, editionID: editionID, messages: messages, due: due, reviewers: reviewers,
            rowTexts: indexRowTexts)
        page.lossSupport = lossSupport.map(IndexPage.LossSupportLink.init)
        page.card = card.map(IndexPage.CardLink.init)
        return page
    }
}

/// One edition's inserts as HTML, made once for all its days (an insert runs for weeks). Used by one thread at a time.
public final class PreviewEditionParts {
    private var inserts: [String: String] = [:]

    public init() {}

    func html(of insert: Insert) -> String {
        if let known = inserts[insert.path] { return known }
        let made = HTMLText.paragraphs(insert.body)
        inserts[insert.path] = made
        return made
    }
}

/// Links between pages are relative, so previews open from disk with no server.
private func href(from message: DayMessage, to other: DayMessage) -> String {
    other.day.series == message.day.series
        ? "\(other.fileStem).html" : "../\(other.day.series.rawValue)/\(other.fileStem).html"
}

struct SupervisorView: Sendable {
    let name: String
    let detail: String
    let known: Bool

    init(name: String, detail: String, known: Bool) {
        self.name = name
        self.detail = detail
        self.known = known
    }

    init(id: String, reviewers: [String: Reviewer]) {
        if let r = reviewers[id] {
            name = r.name.value
            detail = "\(r.role.value)・\(r.specialty.value)・\(r.affiliation.value)"
            known = true
        } else {
            name = id
            detail = "未登録の監修者"
            known = false
        }
    }
}

struct DayPage {
    struct SectionView: Sendable { let heading: String; let html: String }
    struct InsertView {
        var title: String; var html: String; var link: String?; var window: String
        var deskName: String?; var deskPhone: String?; var tel: String?; var source: String
        /// Where the insert stands in sign-off, as the day's own state is shown.
        var review: String; var reviewClass: String
    }
    struct NavLink { let href: String; let label: String }
    /// One of a day's messages by month age, as its variants' pages list them.
    struct VariantView { let label: String; let href: String; let inserts: String; let current: Bool }
    struct SourceView { let title: String; let url: String? }
    struct ApprovalView { let by: String; let date: String }

    /// What differs from one edition's page of a day to the next (written into a compiled template by
    /// `splicedDayPage`).
    struct EditionPart {
        var editionName: String
        var inserts: [InsertView]
        var surveyURL: String?
        var disclaimer: String
        var unsubscribeLabel: String
        var unsubscribeURL: String
        var publisher: String
        var deskName: String?
        var deskPhone: String?
        var tel: String?
        var payload: PayloadView?

        /// `parts`: the edition's inserts as HTML, made once for all its days.
        init(_ m: DayMessage, payload: RenderedPayload?, parts: PreviewEditionParts) {
            editionName = m.editionName
            inserts = m.inserts.map { r in
                InsertView(
                    title: r.insert.title.value, html: parts.html(of: r.insert),
                    link: r.insert.link?.value,
                    window: r.insert.window.value.description, deskName: r.contact?.name.value,
                    deskPhone: r.contact?.phone.value, tel: r.contact?.telURI, source: r.insert.path,
                    review: r.insert.signOff.state.displayName, reviewClass: r.insert.signOff.state.rawValue)
            }
            surveyURL = m.surveyURL
            disclaimer = m.disclaimer
            unsubscribeLabel = m.footer.unsubscribeLabel
            unsubscribeURL = m.footer.unsubscribeURL
            publisher = m.footer.publisher
            deskName = m.footer.contact?.name.value
            deskPhone = m.footer.contact?.phone.value
            tel = m.footer.contact?.telURI
            if let payload {
                // The JSON goes inside <pre>, element content: escaped for it in one pass over the bytes.
                var html: [UInt8] = []
                payload.bytes.withUnsafeBufferPointer {
                    HTMLText.escapeElementText(utf8: UnsafeBufferPointer(rebasing: $0.dropLast()), into: &html)
                }
                self.payload = PayloadView(jsonHTMLBytes: html, messages: String(payload.messageCount))
            }
        }
    }

    var edition: EditionPart
    var editionName: String { edition.editionName }
    var inserts: [InsertView] { edition.inserts }
    var surveyURL: String? { edition.surveyURL }
    var disclaimer: String { edition.disclaimer }
    var unsubscribeLabel: String { edition.unsubscribeLabel }
    var unsubscribeURL: String { edition.unsubscribeURL }
    var publisher: String { edition.publisher }
    var deskName: String? { edition.deskName }
    var deskPhone: String? { edition.deskPhone }
    var tel: String? { edition.tel }
    var payload: PayloadView? { edition.payload }
    /// The page's name: the day, and for a day's variant by month age, whose readers it is for.
    let label: String
    /// The day as the message itself says it (「生まれて366日目」).
    let dayLabel: String
    let seriesName: String
    let title: String
    let greetingHTML: String
    let sections: [SectionView]
    let manuscriptPath: String
    let review: String
    let reviewClass: String
    /// Shown as 「未承認」 on the page: this wording has no valid approval.
    let unapproved: Bool
    let approval: ApprovalView?
    let supervisors: [SupervisorView]
    let sources: [SourceView]
    let previous: NavLink?
    let next: NavLink?
    /// The manuscript's review sheet, written by the same build under output/review/.
    let sheetHref: String
    let altText: String
    /// The day's messages by month age, when it has them.
    var variants: [VariantView] = []
    /// The payload as the page shows it: escaped JSON kept as bytes, as it goes from the payload into the page.
    struct PayloadView {
        var jsonHTMLBytes: [UInt8]
        var messages: String
        var jsonHTML: String { String(decoding: jsonHTMLBytes, as: UTF8.self) }
    }

    static func sectionViews(_ manuscript: Manuscript) -> [SectionView] {
        manuscript.sections.map { SectionView(heading: $0.heading.value, html: HTMLText.paragraphs($0.body)) }
    }

    init(
        _ m: DayMessage, previous: DayMessage?, next: DayMessage?, reviewers: [String: Reviewer],
        sections: [SectionView]? = nil,
        edition: EditionPart
    ) {
        self.edition = edition
        dayLabel = m.label
        label = m.pageLabel
        seriesName = m.day.series.displayName
        title = m.manuscript.title.value
        greetingHTML = HTMLText.inline(m.greeting)
        self.sections = sections ?? Self.sectionViews(m.manuscript)
        manuscriptPath = m.manuscript.path
        review = m.manuscript.state.displayName
        reviewClass = m.manuscript.state.rawValue
        unapproved = m.manuscript.state != .approved
        approval = m.manuscript.approval.flatMap { a in
            a.date(approving: ReaderText(m.manuscript).sha256).map {
                ApprovalView(by: m.manuscript.signOff.summary, date: $0.description)
            }
        }
        supervisors = m.manuscript.supervisors.map { SupervisorView(id: $0.value, reviewers: reviewers) }
        sources = m.manuscript.sources.map { SourceView(title: $0.title.value, url: $0.url?.value) }
        func link(_ other: DayMessage) -> NavLink {
            NavLink(
                href: href(from: m, to: other),
                label: other.pageLabel)
        }
        self.previous = previous.map(link)
        self.next = next.map(link)
        altText = FlexRenderer().altText(for: m)
        sheetHref = "../../../\(ReviewSheetBuilder.folder)/sheets/\(m.day.series.rawValue)/\(m.day.fileStem).html"
    }
}

struct IndexPage {
    struct DayRow {
        let label: String; let href: String; let title: String; let inserts: [String]
        let supervisors: [SupervisorView]; let review: String; let reviewClass: String; let unapproved: Bool;
        let survey: Bool
        let sampleDate: String
    }
    struct SeriesGroup { let name: String; let count: Int; let days: [DayRow] }

    let editionName: String
    let editionID: String
    let total: Int
    let unapprovedCount: Int
    let sampleDue: String
    var series: [SeriesGroup]
    /// The edition's loss support message, which no day lists: its page, title and review state.
    var lossSupport: LossSupportLink?

    /// The edition's おめでとうカード, which no day lists: its page, its PDF when printed, and whether it is approved.
    var card: CardLink?

    struct CardLink {
        let href: String; let pdfHref: String?; let url: String; let unapproved: Bool

        init(_ files: Manifest.CardFiles) {
            href = "../\(CongratulationCard.htmlPath)"
            pdfHref = files.printed ? "../\(CongratulationCard.pdfPath)" : nil
            url = files.card.registrationURL
            unapproved = !files.card.approved
        }
    }

    struct LossSupportLink {
        let href: String; let title: String; let review: String; let reviewClass: String; let unapproved: Bool

        init(_ message: LossSupportMessage) {
            href = String(LossSupportMessage.previewPath.dropFirst("preview/".count))
            title = message.support.title.value
            review = message.support.signOff.state.displayName
            reviewClass = message.support.signOff.state.rawValue
            unapproved = message.support.signOff.state != .approved
        }
    }

    /// The link and sample date of each day, and the view of each known supervisor: the same in every edition's
    /// index, so made once per build rather than for 534 rows of every edition.
    struct RowTexts: Sendable {
        /// The due date the sample dates are for; an index for another one makes its own.
        let due: CalendarDate
        let days: [DayKey: (href: String, sampleDate: String)]
        let supervisors: [String: SupervisorView]

        init(days: [DayKey], due: CalendarDate, reviewers: [String: Reviewer]) {
            self.due = due
            var texts: [DayKey: (href: String, sampleDate: String)] = [:]
            for day in days where texts[day] == nil { texts[day] = IndexPage.texts(of: day, due: due) }
            self.days = texts
            supervisors = reviewers.mapValues { SupervisorView(id: $0.id.value, reviewers: reviewers) }
        }
    }

    static func texts(of day: DayKey, due: CalendarDate) -> (href: String, sampleDate: String) {
        (
            "\(day.series.rawValue)/\(day.fileStem).html",
            ReaderTimeline.date(of: day, due: due, birth: due)?.description ?? "—"
        )
    }

    /// Dates come from `ReaderTimeline.date(of:due:birth:)` alone: a whole `ReaderTimeline` would also copy each day's
    /// inserts, for every row of every edition's index. `rowTexts`: those texts made beforehand for `due`.
    init(
        editionName: String, editionID: String, messages: [DayMessage], due: CalendarDate,
        reviewers: [String: Reviewer],
        rowTexts: RowTexts? = nil
    ) {
        let rowTexts = rowTexts?.due == due ? rowTexts : nil
        sampleDue = due.description
        self.editionName = editionName
        self.editionID = editionID
        total = messages.count
        unapprovedCount = messages.withUnsafeBufferPointer { messages in
            messages.indices.count { messages[$0].manuscript.state != .approved }
        }
        series = messages.withUnsafeBufferPointer { messages in
            Series.allCases.compactMap { s in
                // Indices and the buffer, not copies: copying each DayMessage retains every string it holds.
                let days = messages.indices.filter { messages[$0].day.series == s }
                guard !days.isEmpty else { return nil }
                return SeriesGroup(
                    name: s.displayName, count: days.count,
                    days: days.map { i in
                        let day = messages[i].day
                        var texts = rowTexts?.days[day] ?? IndexPage.texts(of: day, due: due)
                        // A day's variants by month age: one row each, for the readers it serves.
                        if messages[i].readerMonths != nil {
                            texts.href = "\(day.series.rawValue)/\(messages[i].fileStem).html"
                        }
                        // A birthday message goes out on the calendar birthday, not on its day count.
                        if let years = messages[i].manuscript.anniversary?.value {
                            texts.sampleDate = MonthAge.birthday(years, born: due).description
                        }
                        let label = messages[i].pageLabel
                        let state = messages[i].manuscript.state
                        return DayRow(
                            label: label, href: texts.href, title: messages[i].manuscript.title.value,
                            inserts: messages[i].inserts.map(\.insert.title.value),
                            supervisors: messages[i].manuscript.supervisors.map {
                                rowTexts?.supervisors[$0.value] ?? SupervisorView(id: $0.value, reviewers: reviewers)
                            },
                            review: state.displayName, reviewClass: state.rawValue, unapproved: state != .approved,
                            survey: messages[i].surveyURL != nil, sampleDate: texts.sampleDate)
                    })
            }
        }
    }
}
