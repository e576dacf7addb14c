/// The two series a reader goes through, back to back.
public enum Series: String, Sendable, CaseIterable, Codable, Comparable {
    /// Daily from 妊娠4週0日 to 41週6日, keyed by gestational age.
    case maternity
    /// From birth to the 3rd birthday, keyed by 「生まれて N 日目」.
    case childcare

    /// The series' name as a parent reads it.
    public var displayName: String {
        switch self {
        case .maternity: "マタニティ"
        case .childcare: "子育て"
        }
    }

    public static func < (lhs: Series, rhs: Series) -> Bool {
        lhs == .maternity && rhs == .childcare
    }
}
