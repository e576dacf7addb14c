/// The national checkups (乳幼児健診) and routine vaccinations (定期接種) by month age, with their sources and the date
/// they were checked (`content/reference/national-schedule.yaml`): what `kizuna coverage` asks each edition's inserts to
/// announce. An insert names the entries it announces in `covers:`.
public struct NationalSchedule: Sendable {
    /// Where the table lies in a content folder.
    public static let relativePath = "reference/national-schedule.yaml"

    public var path: String
    /// When the table was last checked against its sources.
    public var checked: Located<CalendarDate>
    public var sources: [EvidenceSource]
    public var entries: [Entry]

    public enum Kind: String, Sendable, CaseIterable, Codable {
        case checkup
        case vaccination

        public var displayName: String {
            switch self {
            case .checkup: "乳幼児健診"
            case .vaccination: "定期接種"
            }
        }
    }

    /// One checkup or vaccination, with the month ages it is for.
    public struct Entry: Sendable {
        public var id: LocatedText
        public var kind: Located<Kind>
        /// 「1歳6か月児健診」, 「BCG」.
        public var name: LocatedText
        /// Completed calendar months (`MonthAge`), inclusive: the standard period, which may run past the series end.
        public var months: Located<ClosedRange<Int>>
        /// The last childcare day count of the period where it ends by days, not months (ロタ: 出生14週6日後, day 105).
        public var lastDay: Located<Int>?
        /// The period as the source words it.
        public var period: LocatedText
        /// The law or notice it rests on.
        public var basis: LocatedText?

        /// Whether the period starts at or after the 3rd birthday, where the childcare series ends: no message reaches
        /// a child in it, so an insert can only announce it ahead.
        public var isAfterSeriesEnd: Bool { months.value.lowerBound >= InsertWindow.lastMonth }

        /// 「生後2〜6か月」, 「生後36〜47か月」, with 「（出生105日目まで）」 where the period ends by days.
        public var windowDescription: String {
            let m = months.value
            let range = m.lowerBound == m.upperBound ? "生後\(m.lowerBound)か月" : "生後\(m.lowerBound)〜\(m.upperBound)か月"
            return range + (lastDay.map { "・生まれて\($0.value)日目まで" } ?? "")
        }

        /// The month ages a reader can have on childcare day `n` while in this period, or nil when none.
        public func ages(onDayCount n: Int) -> ClosedRange<Int>? {
            if let lastDay, n > lastDay.value { return nil }
            return MonthAge.possible(onDayCount: n).overlap(months.value)
        }
    }

    public func entry(_ id: String) -> Entry? { entries.first { $0.id.value == id } }
}

extension ClosedRange<Int> {
    /// The values both ranges hold, or nil when they are disjoint.
    func overlap(_ other: ClosedRange<Int>) -> ClosedRange<Int>? {
        let low = Swift.max(lowerBound, other.lowerBound), high = Swift.min(upperBound, other.upperBound)
        return low <= high ? low...high : nil
    }
}

extension InsertWindow {
    /// The month ages of the readers who get the insert on childcare day `n`, or nil when none does (a maternity
    /// window, or a day outside it).
    public func readerAges(onDayCount n: Int) -> ClosedRange<Int>? {
        switch self {
        case .weeks: return nil
        case let .days(from, to): return (from...to).contains(n) ? MonthAge.possible(onDayCount: n) : nil
        case let .months(from, to): return MonthAge.possible(onDayCount: n).overlap(from...to)
        }
    }
}
