/// Where a manuscript stands in medical sign-off, derived from its approval and its current text.
public enum ReviewState: String, Sendable, CaseIterable, Codable {
    /// Approved, and the text is exactly what was approved.
    case approved
    /// Approved once, but the reader-visible text changed since.
    case stale
    /// An approval by someone who is not among the manuscript's supervisors: it does not count.
    case notEntitled = "not-entitled"
    /// Marked `review: draft` by the editors.
    case draft
    /// No approval recorded.
    case unreviewed = "never-reviewed"

    public init(_ manuscript: Manuscript) {
        if manuscript.review.value == .draft {
            self = .draft
        } else if let approval = manuscript.approval {
            if !approval.isEntitled(for: manuscript) {
                self = .notEntitled
            } else {
                self = approval.sha256.value == ReaderText(manuscript).sha256 ? .approved : .stale
            }
        } else {
            self = .unreviewed
        }
    }

    /// How a reviewer reads the state in previews and sheets.
    public var displayName: String {
        switch self {
        case .approved: "承認済み"
        case .stale: "要再承認"
        case .notEntitled: "監修者以外の承認"
        case .draft: "下書き"
        case .unreviewed: "承認記録なし"
        }
    }
}
