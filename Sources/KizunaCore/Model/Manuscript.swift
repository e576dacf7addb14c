/// One supervised message of a series, for one day: the text every edition shares.
/// A class, immutable once loaded: a manuscript goes into every day message of every edition, and all of them share
/// it rather than each holding a copy of its fields.
public final class Manuscript: Sendable {
    public let path: String
    public let day: Located<DayKey>
    public let title: LocatedText
    public let sections: [Section]
    /// Reviewer ids of the supervisors who vouch for the text.
    public let supervisors: [LocatedText]
    public let review: Located<ReviewStatus>
    public let sources: [EvidenceSource]
    /// The recorded sign-off, if any; stale when the text changed since.
    public let approval: Approval?
    /// Derived from the approval, the text, the registry and the policy (see `SignOffEvaluator`).
    public let signOff: SignOffStatus

    public init(
        path: String, day: Located<DayKey>, title: LocatedText, sections: [Section], supervisors: [LocatedText],
        review: Located<ReviewStatus>, sources: [EvidenceSource], approval: Approval?,
        signOff: SignOffStatus = .unevaluated
    ) {
        self.path = path
        self.day = day
        self.title = title
        self.sections = sections
        self.supervisors = supervisors
        self.review = review
        self.sources = sources
        self.approval = approval
        self.signOff = signOff
    }

    /// The same manuscript with its sign-off evaluated.
    public func with(signOff: SignOffStatus) -> Manuscript {
        Manuscript(
            path: path, day: day, title: title, sections: sections, supervisors: supervisors, review: review,
            sources: sources, approval: approval, signOff: signOff)
    }

    /// Where the manuscript stands in sign-off.
    public var state: ReviewState { signOff.state }

    public var subject: ApprovalSubject { .manuscript(day.value) }

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
