/// A municipality's information for an age or stage, shown in the messages its window covers.
public struct Insert: Sendable {
    public var path: String
    public var id: LocatedText
    public var title: LocatedText
    public var text: LocatedText
    public var body: RichText
    public var window: Located<InsertWindow>
    /// The 「詳しくはこちら」 link.
    public var link: LocatedText?
    /// A desk id of the edition's contacts: the insert's tel button.
    public var contact: LocatedText?
    /// Ids of the national schedule's checkups and vaccinations the insert announces (`kizuna coverage`).
    public var covers: [LocatedText] = []
    /// The sign-off of the insert, by its edition's approvers.
    public var approval: Approval?
    /// Derived once the edition and the reviewers' registry are known (see `SignOffEvaluator`).
    public var signOff = SignOffStatus.unevaluated
}

/// The days an insert covers, inclusive at both ends.
public enum InsertWindow: Sendable, Hashable, CustomStringConvertible {
    /// Maternity, from A週0日 to B週6日.
    case weeks(from: Int, to: Int)
    /// Childcare day counts.
    case days(from: Int, to: Int)
    /// Month age: from the day the child turns A months to the day before it turns B+1 months.
    case months(from: Int, to: Int)

    /// The largest month age a window may name (36 is the 3rd birthday, day 1096).
    public static let lastMonth = 36

    public var series: Series {
        if case .weeks = self { return .maternity }
        return .childcare
    }

    /// The days of its series on which some reader gets the insert. A month window's first day is the earliest day a
    /// child can turn `from` months, its last the latest day a child can still be `to` months old (`MonthAge`): which
    /// readers of those days get it is `applies(on:to:)`.
    public var range: ClosedRange<DayKey> {
        switch self {
        case let .weeks(from, to):
            return DayKey.gestation(weeks: from, days: 0)...DayKey.gestation(weeks: to, days: 6)
        case let .days(from, to):
            return DayKey.dayCount(from)...DayKey.dayCount(to)
        case let .months(from, to):
            let table = MonthAge.FirstDayTable.shared
            let last = min(DayKey.lastDayCount, table.latest[to + 1] - 1)
            return DayKey.dayCount(table.earliest[from])...DayKey.dayCount(last)
        }
    }

    /// Whether some reader of `day` gets the insert.
    public func contains(_ day: DayKey) -> Bool {
        day.series == series && range.contains(day)
    }

    public var description: String {
        switch self {
        case let .weeks(from, to): "妊娠\(from)週〜\(to)週"
        case let .days(from, to): "生まれて\(from)〜\(to)日目"
        case let .months(from, to): from == to ? "生後\(from)か月" : "生後\(from)〜\(to)か月"
        }
    }
}
