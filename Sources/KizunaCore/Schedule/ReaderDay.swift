/// Where one reader stands on one date, computed directly (no timeline is built), by the rules of `ReaderTimeline`:
///
/// - the birth date switches the series: on and after it the day is the childcare day count `date − birth + 1`
///   (the birth day is 1日目), up to 1096, or 1097 when that is the 3rd birthday (`MonthAge.birthday`); with no birth date the reader is still pregnant (unlike a timeline,
///   where the due date stands in for the birth);
/// - before it, the day is the gestational age `280 − (due − date)` days, from 4w0d to 41w6d (40w0d is the due date):
///   a preterm birth ends the maternity series on the birth date, a late birth keeps it to the birth date;
/// - between 41w6d and a later birth nothing is due.
///
/// Day counting is by days, so a child born on 29 February is counted like any other: born 2028-02-29, day 366 is
/// 2029-02-28 and day 1096, the last, is 2031-02-28; on 2031-03-01 the reader has finished. Birthday messages go out
/// on the calendar birthday instead (`Manuscript.anniversary`); `Schedule` picks them.
public enum ReaderDay: Sendable, Hashable, CustomStringConvertible {
    /// The day key due on the date, within its series' range.
    case day(DayKey)
    /// Before 4w0d; or, with only a birth date known, before the birth.
    case notStarted
    /// After 41w6d, waiting for a late birth.
    case awaitingBirth
    /// After day 1096.
    case finished

    /// The last gestational day of the maternity series, 41w6d.
    static let lastGestationalDay = DayKey.maternityRange.upperBound.ordinal
    /// The first gestational day of the maternity series, 4w0d.
    static let firstGestationalDay = DayKey.maternityRange.lowerBound.ordinal

    /// The reader's day on `date`. At least one of `due` and `born` must be given (nil gives `.notStarted`).
    public static func on(_ date: CalendarDate, due: CalendarDate?, born: CalendarDate?) -> ReaderDay {
        guard born != nil || due != nil else { return .notStarted }
        let today = date.dayNumber
        // Sending day by day, no birth date means no birth yet: a reader past the due date is still pregnant and
        // must never read 「生まれて3日目」. (Timelines, planned ahead, let the due date stand in for the birth.)
        if let birth = born, today >= birth.dayNumber {
            let n = today - birth.dayNumber + 1
            // The series runs to the 3rd birthday, which is day 1097 when a 29 February falls in between.
            let lastDay = n <= DayKey.lastDayCount || date == MonthAge.birthday(3, born: birth)
            return lastDay ? .day(.dayCount(n)) : .finished
        }
        guard let due else { return .notStarted }
        let gestation = DayKey.dueDateGestationalDays - (due.dayNumber - today)
        if gestation < firstGestationalDay { return .notStarted }
        if gestation > lastGestationalDay { return .awaitingBirth }
        return .day(.gestation(weeks: gestation / 7, days: gestation % 7))
    }

    public var description: String {
        switch self {
        case .day(let key): "\(key.series.rawValue)/\(key)"
        case .notStarted: "not started"
        case .awaitingBirth: "awaiting the birth"
        case .finished: "finished"
        }
    }
}
