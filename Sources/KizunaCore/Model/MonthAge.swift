/// A child's age in completed calendar months, the unit checkups and vaccinations are defined in: month m starts on
/// the day of the month m months after the birth, or on that month's last day when it has no such day (born 31 January:
/// 1 month on 28 or 29 February; born 29 February: 12 months on 28 February of a common year). docs/content-model.md
/// gives the basis.
public enum MonthAge {
    /// The completed months of a child born on `born`, on `date`; nil before the birth.
    public static func completed(born: CalendarDate, on date: CalendarDate) -> Int? {
        guard born <= date else { return nil }
        var months = (date.year - born.year) * 12 + (date.month - born.month)
        // The month's anniversary may still be ahead in `date`'s month (or clamped onto a later day of it).
        while months > 0, born.adding(months: months) > date { months -= 1 }
        return months
    }

    /// The child's `years`-th calendar birthday: the day it turns `12 × years` months by `completed(born:on:)` (born
    /// 29 February: 28 February of a common year). Birthday messages (`Manuscript.anniversary`) go out on it.
    public static func birthday(_ years: Int, born: CalendarDate) -> CalendarDate {
        born.adding(months: 12 * years)
    }

    /// The calendar birthday `date` is (1 for the first), or nil when it is none.
    public static func birthdayYears(born: CalendarDate, on date: CalendarDate) -> Int? {
        guard let months = completed(born: born, on: date), months > 0, months % 12 == 0,
            birthday(months / 12, born: born) == date
        else { return nil }
        return months / 12
    }

    /// The childcare day counts the `years`-th birthday can fall on, whatever the birth date: 366–367 for the first,
    /// 731–732 for the second, 1096–1097 for the third (a 29 February in between adds a day).
    public static func birthdayDayCounts(_ years: Int) -> ClosedRange<Int> {
        let table = FirstDayTable.shared
        return table.earliest[12 * years]...table.latest[12 * years]
    }

    /// The month ages a reader can have on childcare day `n` (the birth day is day 1), whatever the birth date: at most
    /// two consecutive values, since a month is 28 to 31 days.
    public static func possible(onDayCount n: Int) -> ClosedRange<Int> {
        let table = FirstDayTable.shared
        return table.possible.indices.contains(n) ? table.possible[n] : table.ages(onDayCount: n)
    }

    /// For each month m up to the 3rd birthday and a little beyond, the earliest and latest childcare day count on which a
    /// child turns m months, over the birth dates of a four-year cycle (every pattern of month lengths and leap days
    /// until 2100).
    struct FirstDayTable: Sendable {
        let earliest: [Int]
        let latest: [Int]

        static let shared = FirstDayTable()

        init() {
            let months = InsertWindow.lastMonth + 2
            var earliest = Array(repeating: Int.max, count: months)
            var latest = Array(repeating: Int.min, count: months)
            let start = CalendarDate(year: 2025, month: 1, day: 1)!.dayNumber
            for birth in start..<(start + 1461) {
                let born = CalendarDate(dayNumber: birth)
                for m in 0..<months {
                    let day = born.adding(months: m).dayNumber - birth + 1
                    earliest[m] = min(earliest[m], day)
                    latest[m] = max(latest[m], day)
                }
            }
            self.earliest = earliest
            self.latest = latest
            possible = []
            possible = (0...DayKey.lastDayCount).map(ages(onDayCount:))
        }

        /// The month ages of day `n`, by day count (index 0 unused): asked for every month window of every day.
        private(set) var possible: [ClosedRange<Int>]

        func ages(onDayCount n: Int) -> ClosedRange<Int> {
            var low = 0, high = 0
            for m in 0..<earliest.count {
                if latest[m] <= n { low = m }
                if earliest[m] <= n { high = m }
            }
            return low...high
        }
    }
}

/// What is known of a reader's age when the inserts of a childcare day are chosen.
public enum ReaderAge: Sendable, Hashable {
    /// The reader's child is this many completed calendar months old on the send date.
    case months(Int)
    /// Any reader of the day: a month-age insert is carried only when every reader of the day is in its window, so that
    /// nobody hears of it before it applies or after it ends.
    case anyReader
}

extension InsertWindow {
    /// The one rule for whether a reader gets this insert on a day: gestational weeks for maternity, day counts, and
    /// completed calendar months (`MonthAge`) for month windows.
    public func applies(on day: DayKey, to reader: ReaderAge) -> Bool {
        switch self {
        case .weeks, .days:
            return contains(day)
        case let .months(from, to):
            guard case .dayCount(let n) = day else { return false }
            switch reader {
            case .months(let m):
                return (from...to).contains(m)
            case .anyReader:
                let possible = MonthAge.possible(onDayCount: n)
                return from <= possible.lowerBound && possible.upperBound <= to
            }
        }
    }
}
