/// A stable rule id. Scripts and CI match on these strings: never rename one.
///
/// Each rule declares its id where it is reported (`extension RuleID { static let … = RuleID("…") }`), with its
/// `RuleDescription`; `RuleCatalog.all` registers them. `RuleID(rawValue:)` (and decoding) accepts only registered
/// ids. In JSON an id is its string.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CaseIterable,
    CustomStringConvertible
{
    public let rawValue: String

    /// A rule's own id, declared next to the code that reports it.
    init(_ rawValue: String) { self.rawValue = rawValue }

    /// The registered rule with this id, or nil.
    public init?(rawValue: String) {
        self.init(rawValue)
        guard RuleCatalog.byID[self] != nil else { return nil }
    }

    /// Every rule, in the catalog's order.
    public static let allCases: [RuleID] = RuleCatalog.all.map(\.id)

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    /// The rule's entry in the catalog; an id reported but never registered is a programming error.
    private var entry: RuleDescription {
        guard let found = RuleCatalog.byID[self] else {
            preconditionFailure("rule id '\(rawValue)' is not registered in RuleCatalog.all")
        }
        return found
    }

    /// The severity a rule reports with unless it says otherwise.
    public var defaultSeverity: Severity { entry.defaultSeverity }

    /// What the rule checks, in one short line (SARIF's shortDescription, `kizuna rules`).
    public var summary: LocalizedText { entry.summary }

    /// Whether the rule reads words as MeCab's dictionary gives them (and is skipped where MeCab is absent).
    public var needsMeCab: Bool { entry.needsMeCab }
}
