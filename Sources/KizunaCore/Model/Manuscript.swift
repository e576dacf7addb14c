/// One supervised message of a series, for one day: the text every edition shares.
public struct Manuscript: Sendable {
    public var path: String
    public var day: Located<DayKey>
    public var title: LocatedText
    public var sections: [Section]
    /// Reviewer ids of the supervisors who vouch for the text.
    public var supervisors: [LocatedText]
    public var review: Located<ReviewStatus>
    public var sources: [EvidenceSource]
    /// The recorded sign-off, if any; stale when the text changed since.
    public var approval: Approval?
    /// Derived at load from the approval and the text (see `ReviewState`).
    public var state: ReviewState = .unreviewed

    public var series: Series { day.value.series }
}

/// A headed part of a manuscript.
public struct Section: Sendable {
    public var heading: LocatedText
    public var text: LocatedText
    public var body: RichText
}

/// Where a manuscript stands in medical review.
public enum ReviewStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case inReview = "in-review"
    case approved
}

/// Evidence the supervisors relied on.
public struct EvidenceSource: Sendable {
    public var title: LocatedText
    public var url: LocatedText?
}
