/// The days a series sends on (DOMAIN.md): maternity daily from 妊娠4週0日 to 41週6日 (266 days); childcare daily to day
/// 100, every 3 days to the 1st birthday (101 to 365), weekly in the 2nd year (372 to 729), every 2 weeks in the 3rd
/// year (743 to 1093), and day 1096, the 3rd birthday (268 days): 534 in all, the grid
/// `scripts/make-national-corpus.py` writes. A birthday message (`anniversary:`) is on the cadence wherever it is keyed.
public enum Cadence {
    /// One stretch of a series' cadence: every `step` days from `from` through `to`.
    public struct Stretch: Sendable, Hashable {
        public let from: DayKey
        public let to: DayKey
        public let step: Int

        /// What a parent or editor reads: 「毎日」, 「3日ごと」, 「毎週」, 「2週ごと」.
        public var name: LocalizedText {
            switch step {
            case 1: LocalizedText(en: "daily", ja: "毎日")
            case 7: LocalizedText(en: "weekly", ja: "毎週")
            case 14: LocalizedText(en: "every 2 weeks", ja: "2週ごと")
            default: LocalizedText(en: "every \(step) days", ja: "\(step)日ごと")
            }
        }

        /// The stretch's days, in reading order.
        public var days: [DayKey] {
            stride(from: from.ordinal, through: to.ordinal, by: step).map { ordinal in
                switch from {
                case .gestation: DayKey.gestation(weeks: ordinal / 7, days: ordinal % 7)
                case .dayCount: DayKey.dayCount(ordinal)
                }
            }
        }
    }

    /// The stretches of a series, in reading order.
    public static func stretches(of series: Series) -> [Stretch] {
        switch series {
        case .maternity:
            [Stretch(from: DayKey.maternityRange.lowerBound, to: DayKey.maternityRange.upperBound, step: 1)]
        case .childcare:
            [
                Stretch(from: .dayCount(1), to: .dayCount(100), step: 1),
                Stretch(from: .dayCount(101), to: .dayCount(365), step: 3),
                Stretch(from: .dayCount(372), to: .dayCount(729), step: 7),
                Stretch(from: .dayCount(743), to: .dayCount(1093), step: 14),
                Stretch(from: .dayCount(DayKey.lastDayCount), to: .dayCount(DayKey.lastDayCount), step: 1),
            ]
        }
    }

    /// Every cadence day of a series, in reading order.
    public static func days(of series: Series) -> [DayKey] {
        series == .maternity ? maternityDays : childcareDays
    }

    /// Whether `day` is a cadence day of its series.
    public static func contains(_ day: DayKey) -> Bool {
        switch day {
        case .gestation: return day.isInRange
        case .dayCount(let n): return childcareSet.contains(n)
        }
    }

    private static let maternityDays = stretches(of: .maternity).flatMap(\.days)
    private static let childcareDays = stretches(of: .childcare).flatMap(\.days)
    private static let childcareSet = Set(childcareDays.map(\.ordinal))
}
