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

    /// The status as a reviewer reads it in the previews.
    public var displayName: String {
        switch self {
        case .draft: "下書き"
        case .inReview: "監修中"
        case .approved: "監修済み"
        }
    }
}

/// Evidence the supervisors relied on.
public struct EvidenceSource: Sendable {
    public var title: LocatedText
    public var url: LocatedText?
}
