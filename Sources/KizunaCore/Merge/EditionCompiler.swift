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
    public func messages(for edition: Edition) -> [DayMessage] {
        let series = Set(edition.series.map(\.value))
        let inserts = resolvedInserts(of: edition)
        var messages: [DayMessage] = []
        messages.reserveCapacity(content.manuscripts.count)
        for manuscript in content.manuscripts where series.contains(manuscript.series) {
            messages.append(message(edition, manuscript, inserts: inserts))
        }
        return messages
    }

    /// One day's message of an edition.
    public func message(_ edition: Edition, _ manuscript: Manuscript) -> DayMessage {
        message(edition, manuscript, inserts: resolvedInserts(of: edition))
    }

    /// One reader's calendar for an edition.
    public func timeline(for edition: Edition, due: CalendarDate, born: CalendarDate?) -> ReaderTimeline {
        ReaderTimeline(messages: messages(for: edition), inserts: resolvedInserts(of: edition).map(\.insert), due: due, born: born)
    }

    /// The edition's inserts in its order, each with its desk resolved.
    func resolvedInserts(of edition: Edition) -> [ResolvedInsert] {
        edition.inserts.compactMap { insertsByID[$0.value] }.map { insert in
            ResolvedInsert(insert: insert, contact: insert.contact.flatMap { c in edition.contacts.first { $0.id.value == c.value } })
        }
    }

    private func message(_ edition: Edition, _ manuscript: Manuscript, inserts: [ResolvedInsert]) -> DayMessage {
        let day = manuscript.day.value
        let survey = edition.survey.flatMap { s in s.days.contains { $0.value.day == day } ? s.url.value : nil }
        let shared = configuration.footer
        let footer = ResolvedFooter(
            unsubscribeLabel: (edition.footer.unsubscribeLabel ?? shared.unsubscribeLabel).value,
            unsubscribeURL: edition.unsubscribeURL.value,
            publisher: (edition.footer.publisher ?? shared.publisher).value,
            publisherURL: (edition.footer.publisherURL ?? shared.publisherURL)?.value,
            contact: edition.contacts.first)
        return DayMessage(editionID: edition.id.value, editionName: edition.name.value, manuscript: manuscript,
                          inserts: inserts.filter { $0.insert.window.value.contains(day) }, surveyURL: survey,
                          disclaimer: (edition.disclaimer ?? configuration.disclaimer).value, footer: footer,
                          nicknameMaxLength: nicknameMaxLength(for: edition))
    }

    /// The longest nickname this edition allows.
    public func nicknameMaxLength(for edition: Edition) -> Int {
        edition.nicknameMaxLength?.value ?? configuration.nicknameMaxLength
    }
}
