/// The calendar of one reader: on which date each message of an edition goes out, and which inserts it carries,
/// from the due date and, once known, the actual birth date.
///
/// - maternity day `w`週`d`日 falls on `due − (280 − 7w − d)` days;
/// - childcare day N falls on `born + (N − 1)` days (the birth day is 1日目); a birthday message
///   (`Manuscript.anniversary`) falls on the calendar birthday (`MonthAge.birthday`);
/// - the series switch on the birth date: a maternity message dated on or after the birth is not sent (preterm
///   birth), and after 41週6日 nothing is sent until the birth (late birth);
/// - month-age inserts follow the calendar (`MonthAge`, `InsertWindow.applies(on:to:)`): a child turns m months on the
///   same day of the month m months after the birth, or the month's last day when it has no such day (born 31 Jan →
///   1 month on 28/29 Feb).
public struct ReaderTimeline: Sendable {
    public struct Entry: Sendable {
        public var date: CalendarDate
        public var message: DayMessage
        public var inserts: [Insert]
    }

    public var due: CalendarDate
    public var born: CalendarDate?
    public var entries: [Entry]
    /// In a release, the days whose manuscript was never approved: on these dates the reader gets nothing.
    public var heldBack: [(date: CalendarDate, day: DayKey)]

    public init(
        messages: [DayMessage], inserts: [Insert], due: CalendarDate, born: CalendarDate?, heldBack: [DayKey] = []
    ) {
        self.due = due
        self.born = born
        let birth = born ?? due
        self.heldBack = heldBack.compactMap { day in Self.date(of: day, due: due, birth: birth).map { ($0, day) } }
            .sorted { $0.date < $1.date }
        entries = messages.compactMap { message -> Entry? in
            guard
                let date = Self.date(
                    of: message.day, anniversary: message.manuscript.anniversary?.value, due: due, birth: birth)
            else { return nil }
            let reader = Self.reader(born: birth, on: date)
            let carried = inserts.filter { $0.window.value.applies(on: message.day, to: reader) }
            return Entry(date: date, message: message, inserts: carried)
        }.sorted { $0.date < $1.date }
    }

    /// The date a day's message goes out for a reader due on `due` whose child was born on `birth` (the due date
    /// while the birth is not known); nil for a maternity day on or after the birth, which is not sent. A birthday
    /// message (`anniversary`) goes out on the calendar birthday, whatever its day count.
    public static func date(of day: DayKey, anniversary: Int? = nil, due: CalendarDate, birth: CalendarDate)
        -> CalendarDate?
    {
        if let anniversary, case .dayCount = day { return MonthAge.birthday(anniversary, born: birth) }
        switch day {
        case .gestation:
            let date = due.adding(days: day.ordinal - DayKey.dueDateGestationalDays)
            return date < birth ? date : nil
        case .dayCount(let n):
            return birth.adding(days: n - 1)
        }
    }

    /// The reader's age on `date`, in completed calendar months (`MonthAge`).
    static func reader(born: CalendarDate, on date: CalendarDate) -> ReaderAge {
        MonthAge.completed(born: born, on: date).map(ReaderAge.months) ?? .anyReader
    }

    /// One line per message: date, label, title, then its inserts.
    public var text: String {
        var out =
            "due \(due)"
            + (born.map { ", born \($0)" } ?? " (birth date not known: childcare counted from the due date)") + "\n"
        // Held-back days take their place among the messages, so the gap shows where it falls.
        var held = heldBack[...]
        for e in entries {
            while let h = held.first, h.date < e.date {
                out += Self.heldBackLine(h)
                held.removeFirst()
            }
            out +=
                "\(e.date)\t\(e.message.day.series.rawValue)/\(e.message.day)\t"
                + "\(e.message.label)\t\(e.message.manuscript.title.value)\n"
            for insert in e.inserts { out += "\t\tinsert: \(insert.id.value) \(insert.title.value)\n" }
        }
        for h in held { out += Self.heldBackLine(h) }
        return out
    }

    private static func heldBackLine(_ h: (date: CalendarDate, day: DayKey)) -> String {
        "\(h.date)\t\(h.day.series.rawValue)/\(h.day)\t\(h.day.label)\t— 配信保留（未承認のため送られません） held back\n"
    }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "due": .string(due.description),
            "entries": .array(
                entries.map { e in
                    .object([
                        "date": .string(e.date.description), "series": .string(e.message.day.series.rawValue),
                        "day": .string(e.message.day.description), "label": .string(e.message.label),
                        "title": .string(e.message.manuscript.title.value),
                        "inserts": .array(e.inserts.map { .string($0.id.value) }),
                    ])
                }),
        ]
        if let born { o["born"] = .string(born.description) }
        if !heldBack.isEmpty {
            o["heldBack"] = .array(
                heldBack.map {
                    .object([
                        "date": .string($0.date.description), "series": .string($0.day.series.rawValue),
                        "day": .string($0.day.description), "label": .string($0.day.label),
                    ])
                })
        }
        return .object(o)
    }
}
