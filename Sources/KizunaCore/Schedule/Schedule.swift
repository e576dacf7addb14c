/// One edition's deliveries on one date, subscriber by subscriber: the day due (computed directly, O(1) per row),
/// its payload (rendered once per day and kept), the nickname filled in.
///
/// Memory is bounded by the edition's manuscripts, not by the number of subscribers: rows are read, answered and
/// dropped one at a time.
///
/// A reader whose status is `ended` gets nothing from `ended_on` on, of either series; on `ended_on` itself, unless
/// they had finished the series, the edition's loss support message once (`Delivery.message`).
public final class Schedule {
    public let edition: Edition
    public let date: CalendarDate
    public let rules: SubscriberRules
    private let compiler: EditionCompiler
    private let series: Set<Series>
    /// The edition's manuscripts by day, built once.
    private let manuscripts: [DayKey: Manuscript]
    /// The edition's birthday messages by anniversary: they go out on the calendar birthday, not on their day count.
    private let birthdays: [Int: Manuscript]
    /// Rendered LINE payloads (the push request body without its final newline, `{nickname}` in place) and e-mails,
    /// by day: at most one of each per manuscript.
    private var payloads: [Variant: CompiledPayload] = [:]
    private var emails: [Variant: [UInt8]] = [:]
    /// The edition's loss support message, and its payload and e-mail once rendered.
    private let lossSupport: LossSupportMessage?
    private var lossSupportFiles: (line: [UInt8]?, email: [UInt8]?) = (nil, nil)

    /// A day as one reader gets it: the month age matters only on the days where readers of different month ages get
    /// different inserts.
    private struct Variant: Hashable {
        let day: DayKey
        let reader: ReaderAge
    }

    public init(content: ValidatedContent, edition: Edition, date: CalendarDate) {
        self.edition = edition
        self.date = date
        compiler = content.compiler
        rules = SubscriberRules(edition: edition, nicknameMaxLength: content.compiler.nicknameMaxLength(for: edition))
        let series = Set(edition.series.map(\.value))
        self.series = series
        let sent = content.content.manuscripts.filter { series.contains($0.series) }
        manuscripts = Dictionary(sent.map { ($0.day.value, $0) }, uniquingKeysWith: { a, _ in a })
        birthdays = Dictionary(
            sent.compactMap { m in m.anniversary.map { ($0.value, m) } }, uniquingKeysWith: { a, _ in a })
        lossSupport = content.compiler.lossSupportMessage(for: edition)
    }

    /// What one subscriber gets on the date.
    public func outcome(for row: SubscriberRow) -> ScheduleOutcome {
        if let ended = row.endedOn, date >= ended {
            // From the day a loss is recorded nothing of either series goes out; that day, the support message once.
            return date == ended && !hasFinished(row) ? lossSupportOutcome(for: row) : .ended
        }
        var key: DayKey
        switch row.day(on: date) {
        case .notStarted: return .notStarted
        case .finished: return .finished
        case .awaitingBirth: return .noMessage(nil)
        case .day(let day): key = day
        }
        guard series.contains(key.series) else {
            // An edition that sends one series only: before it starts, or after it ends.
            return key.series == .maternity ? .notStarted : .finished
        }
        guard let manuscript = manuscript(on: key, born: row.born) else { return .noMessage(key) }
        key = manuscript.day.value
        var payload: [UInt8]?, eml: String?
        // A childcare day is read by a born child: its month age on this date picks the month-window inserts.
        let reader = row.born.flatMap { MonthAge.completed(born: $0, on: date) }.map(ReaderAge.months) ?? .anyReader
        let variant = Variant(day: key, reader: key.series == .childcare ? reader : .anyReader)
        do {
            switch row.channel {
            case .line:
                payload = try self.payload(variant, manuscript)
                    .filled(nickname: row.nickname, maxLength: rules.nicknameMaxLength)
            case .email:
                let filled = try EmailFiller.fill(
                    email(variant, manuscript), nickname: row.nickname, maxLength: rules.nicknameMaxLength)
                eml = String(decoding: filled, as: UTF8.self)
            }
        } catch {
            // SubscriberRow.parse checked the nickname with PayloadFiller.checked, as both fillers do: not reached.
            return .rejected(
                ScheduleError(
                    row: row.row, line: row.line, id: row.id,
                    problems: [LocalizedText(en: error.description, ja: error.description)]))
        }
        var json: [UInt8] = []
        var o = JSONObjectWriter()
        o.string("channel", row.channel.rawValue, into: &json)
        o.string("date", date.description, into: &json)
        o.string("day", key.description, into: &json)
        o.string("eml", eml, into: &json)
        o.string("id", row.id, into: &json)
        o.string("label", manuscript.label, into: &json)
        if let payload { o.json("payload", payload, into: &json) }
        o.string("series", key.series.rawValue, into: &json)
        o.close(into: &json)
        return .delivered(Delivery(row: row, message: .day(key), json: json))
    }

    /// Whether the reader is past the series this edition sends (after day 1096, or born in a maternity-only edition).
    private func hasFinished(_ row: SubscriberRow) -> Bool {
        switch row.day(on: date) {
        case .finished: true
        case .day(let key): !series.contains(key.series) && key.series == .childcare
        case .notStarted, .awaitingBirth: false
        }
    }

    /// The loss support message for an ended reader on `ended_on`: no day, label or series, `"message":
    /// "loss-support"`; nothing (`.ended`) when the edition has none.
    private func lossSupportOutcome(for row: SubscriberRow) -> ScheduleOutcome {
        guard let lossSupport else { return .ended }
        var payload: [UInt8]?, eml: String?
        switch row.channel {
        case .line:
            if lossSupportFiles.line == nil {
                var bytes = FlexRenderer().payload(for: lossSupport).bytes
                while bytes.last == 0x0A { bytes.removeLast() }
                lossSupportFiles.line = bytes
            }
            payload = lossSupportFiles.line
        case .email:
            if lossSupportFiles.email == nil { lossSupportFiles.email = EmailRenderer().message(for: lossSupport) }
            eml = lossSupportFiles.email.map { String(decoding: $0, as: UTF8.self) }
        }
        var json: [UInt8] = []
        var o = JSONObjectWriter()
        o.string("channel", row.channel.rawValue, into: &json)
        o.string("date", date.description, into: &json)
        o.string("eml", eml, into: &json)
        o.string("id", row.id, into: &json)
        o.string("message", LossSupportMessage.name, into: &json)
        if let payload { o.json("payload", payload, into: &json) }
        o.close(into: &json)
        return .delivered(Delivery(row: row, message: .lossSupport, json: json))
    }

    /// The manuscript a reader on `day` gets: on a calendar birthday, that birthday's message; otherwise the day's, unless
    /// it is a birthday message, which never goes out on a day count that is not the birthday.
    private func manuscript(on day: DayKey, born: CalendarDate?) -> Manuscript? {
        if case .dayCount = day, let born, let years = MonthAge.birthdayYears(born: born, on: date),
            let birthday = birthdays[years]
        {
            return birthday
        }
        guard let manuscript = manuscripts[day], manuscript.anniversary == nil else { return nil }
        return manuscript
    }

    /// The day's LINE payload, rendered the first time it is asked for.
    private func payload(_ key: Variant, _ manuscript: Manuscript) -> CompiledPayload {
        if let cached = payloads[key] { return cached }
        var bytes = FlexRenderer().payload(for: compiler.message(edition, manuscript, for: key.reader)).bytes
        while bytes.last == 0x0A { bytes.removeLast() }
        let compiled = CompiledPayload(bytes)
        payloads[key] = compiled
        return compiled
    }

    /// The day's e-mail (`.eml`, `{nickname}` in place), rendered the first time it is asked for.
    private func email(_ key: Variant, _ manuscript: Manuscript) -> [UInt8] {
        if let cached = emails[key] { return cached }
        let bytes = EmailRenderer().message(for: compiler.message(edition, manuscript, for: key.reader))
        emails[key] = bytes
        return bytes
    }

    /// Reads every record of `csv`, hands each delivery and each malformed row to `sink` as soon as it is made, and
    /// counts the rest. `sink` may throw (a full disk) to stop the run.
    public func run<E: Error>(_ csv: SubscriberCSV, sink: (ScheduleEvent) throws(E) -> Void) throws -> ScheduleSummary {
        var summary = ScheduleSummary()
        while let record = try csv.next() {
            summary.rows += 1
            let result = SubscriberRow.parse(record, columns: csv.columns, rules: rules)
            let outcome: ScheduleOutcome
            switch result {
            case .success(let row): outcome = self.outcome(for: row)
            case .failure(let error): outcome = .rejected(error)
            }
            switch outcome {
            case .delivered(let delivery):
                summary.delivered += 1
                if delivery.row.channel == .email { summary.byEmail += 1 }
                if delivery.message == .lossSupport {
                    summary.lossSupport += 1
                    summary.ended += 1
                }
                try sink(.delivered(delivery))
            case .rejected(let error):
                summary.errors += 1
                try sink(.rejected(error))
            case .noMessage: summary.noMessage += 1
            case .notStarted: summary.notStarted += 1
            case .finished: summary.finished += 1
            case .ended: summary.ended += 1
            }
        }
        return summary
    }
}

/// What one row comes to.
public enum ScheduleOutcome: Sendable {
    case delivered(Delivery)
    /// The reader is in a series, but there is no message on their day (or they are between 41w6d and the birth);
    /// the key when there is one.
    case noMessage(DayKey?)
    case notStarted
    case finished
    /// The reader's status is `ended` and the date is `ended_on` or later: nothing goes out (on `ended_on`, the loss
    /// support message is `.delivered` instead, when the edition has one).
    case ended
    case rejected(ScheduleError)
}

/// What `Schedule.run` hands on, as it goes.
public enum ScheduleEvent: Sendable {
    case delivered(Delivery)
    case rejected(ScheduleError)
}

/// One subscriber's message on the date.
public struct Delivery: Sendable {
    public var row: SubscriberRow
    public var message: Message
    /// One JSON object, keys sorted, no final newline: for a day's message `channel`, `date`, `day`, `id`, `label`,
    /// `series`, and `payload` (LINE: the push request body, nickname filled in) or `eml` (e-mail: the message as a
    /// string, CRLF line ends, nickname filled in); for the loss support message `channel`, `date`, `id`,
    /// `"message": "loss-support"` and `payload` or `eml`, with no `day`, `label` or `series`.
    public var json: [UInt8]

    /// Which message goes out.
    public enum Message: Sendable, Hashable {
        /// The day's message of a series.
        case day(DayKey)
        /// The edition's loss support message, on the day a reader's loss is recorded.
        case lossSupport
    }

    /// The day, for a day's message.
    public var day: DayKey? {
        if case .day(let key) = message { key } else { nil }
    }
}

/// The counts of a run.
public struct ScheduleSummary: Sendable, Hashable {
    /// Subscriber rows read (blank lines not counted).
    public var rows = 0
    public var delivered = 0
    /// Of `delivered`, e-mail rows.
    public var byEmail = 0
    public var noMessage = 0
    public var notStarted = 0
    public var finished = 0
    /// Readers whose status is `ended` on the date (from their `ended_on` on): none got a day's message. Those sent the
    /// loss support message today (on their `ended_on`) are also counted in `delivered` and `lossSupport`.
    public var ended = 0
    /// Of `delivered`, loss support messages.
    public var lossSupport = 0
    public var errors = 0

    public init() {}
}

/// A compiled payload cut at each `{nickname}`, so that filling it for one reader is a join, not a search.
///
/// `PayloadFiller.fill` stays the one definition of filling: the nickname's bytes are what it writes for a lone
/// `{nickname}`, and an empty nickname (whose fallback depends on the text around the placeholder) goes through
/// `PayloadFiller.fill` on the whole payload. `ScheduleTests` checks both ways give the same bytes for every day.
struct CompiledPayload: Sendable {
    let whole: [UInt8]
    /// The bytes between placeholders: one more piece than placeholders.
    let pieces: [ArraySlice<UInt8>]
    static let placeholder = Array(Placeholder.nickname.utf8)

    init(_ bytes: [UInt8]) {
        whole = bytes
        var pieces: [ArraySlice<UInt8>] = []
        let p = Self.placeholder
        var start = 0, i = 0
        while i + p.count <= bytes.count {
            if bytes[i] == p[0] && bytes[i..<(i + p.count)].elementsEqual(p) {
                pieces.append(bytes[start..<i])
                i += p.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(bytes[start...])
        self.pieces = pieces
    }

    func filled(nickname: String, maxLength: Int) throws(PayloadFiller.NicknameError) -> [UInt8] {
        if nickname.isEmpty || pieces.count == 1 {
            return try PayloadFiller.fill(whole, nickname: nickname, maxLength: maxLength)
        }
        let name = try PayloadFiller.fill(Self.placeholder, nickname: nickname, maxLength: maxLength)
        var out: [UInt8] = []
        out.reserveCapacity(whole.count + (name.count - Self.placeholder.count) * (pieces.count - 1))
        for (i, piece) in pieces.enumerated() {
            if i > 0 { out += name }
            out += piece
        }
        return out
    }
}
