/// Where a text stands in medical sign-off, derived from its approvals, its current text, the reviewers' registry
/// and the policy (see `SignOffEvaluator`).
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// Approved as it stands by those the policy requires.
    case approved
    /// Approved as it stands by some, but others the policy requires have not approved it yet.
    case partial = "partially-approved"
    /// Approved once, but the reader-visible text changed since.
    case stale
    /// An approval by someone not entitled to approve the text, or not registered: it does not count.
    case notEntitled = "not-entitled"
    /// An approval whose signature does not verify, or that is unsigned where signatures are required.
    case unverified
    /// Marked `review: draft` by the editors.
    case draft
    /// Marked `review: in-review` by the editors (sent to its reviewers), and no approval of it counts yet.
    case inReview = "in-review"
    /// No approval recorded.
    case unreviewed = "never-reviewed"

    /// Not approved as it stands, whatever else: what the review index, its print page and `review --awaiting` list.
    public var awaitsReview: Bool { self != .approved }

    /// How a reviewer reads the state in previews and sheets.
    public var displayName: String {
        switch self {
        case .approved: "承認済み"
        case .partial: "一部承認"
        case .stale: "要再承認"
        case .notEntitled: "監修者以外の承認"
        case .unverified: "署名を確認できない承認"
        case .draft: "下書き"
        case .inReview: "監修中"
        case .unreviewed: "承認記録なし"
        }
    }
}
