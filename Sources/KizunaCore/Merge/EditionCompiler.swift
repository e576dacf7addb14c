/// Merges validated content into each edition's day messages.
public struct EditionCompiler: Sendable {
    public let content: ContentSet
    public let configuration: Configuration
    private let insertsByID: [String: Insert]

    public init(content: ContentSet, configuration: Configuration) {
        self.content = content
        self.configuration = configuration
        self.insertsByID = Dictionary(content.inserts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The edition's messages in reading order: maternity by gestational age, then childcare by day count.
    /// A childcare day near a month-window boundary, whose readers of different month ages get different inserts,
    /// gives one message per month age (`DayMessage.readerMonths`), in ascending order.
    public func messages(for edition: Edition) -> [DayMessage] {
        let inserts = resolvedInserts(of: edition)
        return manuscripts(of: edition).flatMap { variants(edition, $0, inserts: inserts) }
    }

    /// The day's message, or its variants by the readers' month age where their inserts differ.
    func variants(_ edition: Edition, _ manuscript: Manuscript, inserts: [ResolvedInsert]) -> [DayMessage] {
        readers(of: manuscript, inserts: inserts).map {
            message(edition, manuscript, inserts: inserts, for: $0)
        }
    }

    /// The readers a day's messages are made for: every reader at once, or, on a childcare day whose readers of
    /// different month ages get different inserts, each month age. Every reader of a birthday message is the
    /// birthday's age, 12 × its anniversary months, whatever its day count.
    func readers(of manuscript: Manuscript, inserts: [ResolvedInsert]) -> [ReaderAge] {
        let day = manuscript.day.value
        guard case .dayCount(let n) = day else { return [.anyReader] }
        if let years = manuscript.anniversary?.value { return [.months(12 * years)] }
        let ages = MonthAge.possible(onDayCount: n)
        let sets = ages.map { Self.inserts(inserts, on: day, for: .months($0)).map(\.insert.id.value) }
        return Set(sets).count > 1 ? ages.map(ReaderAge.months) : [.anyReader]
    }

    /// The manuscripts of the edition's series, in reading order.
    func manuscripts(of edition: Edition) -> [Manuscript] {
        let series = Set(edition.series.map(\.value))
        return content.manuscripts.filter { series.contains($0.series) }
    }

    /// One day's message of an edition, for `reader` (by default, what every reader of the day may be sent).
    public func message(_ edition: Edition, _ manuscript: Manuscript, for reader: ReaderAge = .anyReader) -> DayMessage
    {
        message(edition, manuscript, inserts: resolvedInserts(of: edition), for: reader)
    }

    /// The inserts a reader gets on `day`: the one place that decides it (`InsertWindow.applies(on:to:)`), for the
    /// payloads, `schedule`, `timeline`, previews, manifest and pack alike.
    static func inserts(_ inserts: [ResolvedInsert], on day: DayKey, for reader: ReaderAge) -> [ResolvedInsert] {
        inserts.filter { $0.insert.window.value.applies(on: day, to: reader) }
    }

    /// One reader's calendar for an edition.
    public func timeline(for edition: Edition, due: CalendarDate, born: CalendarDate?) -> ReaderTimeline {
        let series = Set(edition.series.map(\.value))
        let inserts = resolvedInserts(of: edition)
        // One message per day: the timeline chooses each day's inserts for its reader.
        return ReaderTimeline(
            messages: manuscripts(of: edition).map { message(edition, $0, inserts: inserts) },
            inserts: inserts.map(\.insert), due: due, born: born,
            heldBack: (content.released?.heldBackDays ?? []).filter { series.contains($0.series) })
    }

    /// The edition's inserts in its order, each with its desk resolved.
    func resolvedInserts(of edition: Edition) -> [ResolvedInsert] {
        edition.inserts.compactMap { insertsByID[$0.value] }.map { insert in
            ResolvedInsert(
                insert: insert,
                contact: insert.contact.flatMap { c in edition.contacts.first { $0.id.value == c.value } })
        }
    }

    /// The survey link on the days it goes out; nil on the others.
    func surveyURL(_ edition: Edition, on day: DayKey) -> String? {
        edition.survey.flatMap { s in s.days.contains { $0.value.day == day } ? s.url.value : nil }
    }

    /// One day's message, with the edition's inserts already resolved (`resolvedInserts(of:)`).
    func message(
        _ edition: Edition, _ manuscript: Manuscript, inserts: [ResolvedInsert], for reader: ReaderAge = .anyReader
    ) -> DayMessage {
        let day = manuscript.day.value
        let survey = surveyURL(edition, on: day)
        // Every reader of a birthday message is the birthday's age in months (`MonthAge.birthday`).
        let chosenFor = manuscript.anniversary.map { ReaderAge.months(12 * $0.value) } ?? reader
        let footer = footer(of: edition)
        return DayMessage(
            editionID: edition.id.value, editionName: edition.name.value, manuscript: manuscript,
            inserts: Self.inserts(inserts, on: day, for: chosenFor), surveyURL: survey,
            disclaimer: (edition.disclaimer ?? configuration.disclaimer).value, footer: footer,
            nicknameMaxLength: nicknameMaxLength(for: edition),
            readerMonths: { if manuscript.anniversary == nil, case .months(let m) = reader { m } else { nil } }())
    }

    /// The edition's footer: the shared one with the edition's overrides, and the edition's first desk.
    func footer(of edition: Edition) -> ResolvedFooter {
        let shared = configuration.footer
        return ResolvedFooter(
            unsubscribeLabel: (edition.footer.unsubscribeLabel ?? shared.unsubscribeLabel).value,
            unsubscribeURL: edition.unsubscribeURL.value,
            publisher: (edition.footer.publisher ?? shared.publisher).value,
            publisherURL: (edition.footer.publisherURL ?? shared.publisherURL)?.value,
            contact: edition.contacts.first)
    }

    /// The longest nickname this edition allows.
    public func nicknameMaxLength(for edition: Edition) -> Int {
        edition.nicknameMaxLength?.value ?? configuration.nicknameMaxLength
    }
}
