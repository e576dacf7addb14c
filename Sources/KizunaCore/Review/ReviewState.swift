/// Where a manuscript stands in medical sign-off, derived from its approval and its current text.
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// Approved, and the text is exactly what was approved.
    case approved
    /// Approved once, but the reader-visible text changed since.
    case stale
    /// Marked `review: draft` by the editors.
    case draft
    /// No approval recorded.
    case unreviewed = "never-reviewed"

    public init(_ manuscript: Manuscript) {
        if manuscript.review.value == .draft {
            self = .draft
        } else if let approval = manuscript.approval {
            self = approval.sha256.value == ReaderText(manuscript).sha256 ? .approved : .stale
        } else {
            self = .unreviewed
        }
    }

    /// How a reviewer reads the state in previews and sheets.
    public var displayName: String {
        switch self {
        case .approved: "承認済み"
        case .stale: "要再承認"
        case .draft: "下書き"
        case .unreviewed: "承認記録なし"
        }
    }
}
