/// The day a message is for: a gestational age in the maternity series, a day count in the childcare series.
public enum DayKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 妊娠 weeks 週 days 日 (4w0d … 41w6d); 40w0d is the due date.
    case gestation(weeks: Int, days: Int)
    /// 生まれて N 日目, the birth day being day 1 (1 … 1096).
    case dayCount(Int)

    public static let maternityRange = DayKey.gestation(weeks: 4, days: 0)...DayKey.gestation(weeks: 41, days: 6)
    /// Day 1096 is the 3rd birthday when no 29 February falls in between.
    public static let lastDayCount = 1096
    /// The due date, 40w0d, in days of gestation.
    public static let dueDateGestationalDays = 280

    public var series: Series {
        switch self {
        case .gestation: .maternity
        case .dayCount: .childcare
        }
    }

    /// Days from the start of the series' scale: gestational days, or the day count.
    public var ordinal: Int {
        switch self {
        case let .gestation(weeks, days): weeks * 7 + days
        case let .dayCount(n): n
        }
    }

    /// The key as written in YAML and in day references: `16w0d`, `45`.
    public var description: String { DayKey.texts[self]?.description ?? madeDescription }

    fileprivate var madeDescription: String {
        switch self {
        case let .gestation(weeks, days): "\(weeks)w\(days)d"
        case let .dayCount(n): "\(n)"
        }
    }

    /// A file name stem that sorts in reading order: `16w0d`→`16w0d`, `4w0d`→`04w0d`, `45`→`0045`.
    public var fileStem: String { DayKey.texts[self]?.fileStem ?? madeFileStem }

    fileprivate var madeFileStem: String {
        switch self {
        case let .gestation(weeks, days): (weeks < 10 ? "0" : "") + "\(weeks)w\(days)d"
        case let .dayCount(n): String(repeating: "0", count: max(0, 4 - String(n).count)) + "\(n)"
        }
    }

    /// The label shown in the message header: 「妊娠16週0日」, 「生まれて45日目」.
    public var label: String { DayKey.texts[self]?.label ?? madeLabel }

    fileprivate var madeLabel: String {
        switch self {
        case let .gestation(weeks, days): "妊娠\(weeks)週\(days)日"
        case let .dayCount(n): "生まれて\(n)日目"
        }
    }

    /// The greeting line with the nickname placeholder.
    public var greeting: String { DayKey.texts[self]?.greeting ?? madeGreeting }

    fileprivate var madeGreeting: String {
        switch self {
        case .gestation:
            let left = DayKey.dueDateGestationalDays - ordinal
            let due =
                left > 0
                ? "出産予定日まであと\(left)日です。"
                : left == 0 ? "今日が出産予定日です。" : "出産予定日から\(-left)日が過ぎました。"
            return "\(Placeholder.nickname)さん、今日で\(madeLabel)です。" + due
        case let .dayCount(n):
            return "\(Placeholder.nickname)さん、赤ちゃんが生まれて\(n)日目です。"
        }
    }

    /// Whether the key lies in its series' range.
    public var isInRange: Bool {
        switch self {
        case let .gestation(_, days): days >= 0 && days <= 6 && DayKey.maternityRange.contains(self)
        case let .dayCount(n): n >= 1 && n <= DayKey.lastDayCount
        }
    }

    public static func < (lhs: DayKey, rhs: DayKey) -> Bool {
        if lhs.series != rhs.series { return lhs.series < rhs.series }
        return lhs.ordinal < rhs.ordinal || (lhs.ordinal == rhs.ordinal && lhs.description < rhs.description)
    }

    /// Parses a key as written for a series; nil when it does not have the series' form.
    public static func parse(_ text: String, series: Series) -> DayKey? {
        switch series {
        case .maternity:
            // 16w0d; digits only, so 1e2w0d or ０ are refused.
            let parts = text.split(separator: "w", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].hasSuffix("d"),
                let weeks = Self.digits(parts[0]), let days = Self.digits(parts[1].dropLast())
            else { return nil }
            return .gestation(weeks: weeks, days: days)
        case .childcare:
            return Self.digits(Substring(text)).map(DayKey.dayCount)
        }
    }

    private static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 5, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(s)
    }
}

/// A day in a series, written `SERIES/KEY` (`maternity/20w0d`, `childcare/100`).
public struct DayRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var day: DayKey
    public var series: Series { day.series }

    public init(_ day: DayKey) { self.day = day }

    public var description: String { "\(series.rawValue)/\(day)" }

    public static func parse(_ text: String) -> DayRef? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let series = Series(rawValue: String(parts[0])),
            let day = DayKey.parse(String(parts[1]), series: series)
        else { return nil }
        return DayRef(day)
    }

    public static func < (lhs: DayRef, rhs: DayRef) -> Bool { lhs.day < rhs.day }
}

extension DayKey {
    /// The texts of one day key, made once: every day's files, payload, page and manifest entry ask for them, in every
    /// edition.
    struct Texts: Sendable {
        let description: String
        let fileStem: String
        let label: String
        let greeting: String
    }

    /// Every key of both series' ranges; keys outside them are made when asked for.
    static let texts: Texts.Table = Texts.Table()
}

extension DayKey.Texts {
    struct Table: Sendable {
        private let gestation: [DayKey.Texts]
        private let dayCount: [DayKey.Texts]

        init() {
            func texts(_ key: DayKey) -> DayKey.Texts {
                DayKey.Texts(
                    description: key.madeDescription, fileStem: key.madeFileStem,
                    label: key.madeLabel, greeting: key.madeGreeting)
            }
            gestation = (0..<(42 * 7)).map { texts(.gestation(weeks: $0 / 7, days: $0 % 7)) }
            dayCount = (0...DayKey.lastDayCount).map { texts(.dayCount($0)) }
        }

        subscript(key: DayKey) -> DayKey.Texts? {
            switch key {
            case let .gestation(weeks, days):
                guard weeks >= 0, (0...6).contains(days), weeks * 7 + days < gestation.count else { return nil }
                return gestation[weeks * 7 + days]
            case let .dayCount(n):
                return dayCount.indices.contains(n) ? dayCount[n] : nil
            }
        }
    }
}
