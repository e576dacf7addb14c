/// One supervised message of a series, for one day: the text every edition shares.
/// Its fields live in one shared storage (`CopyOnWrite`), copied only when a copy is changed: a manuscript goes into
/// every day message of every edition, and a copy then retains one reference instead of its dozens.
public struct Manuscript: Sendable {
    private struct Fields: Sendable {
        var path: String
        var day: Located<DayKey>
        var title: LocatedText
        var sections: [Section]
        var supervisors: [LocatedText]
        var review: Located<ReviewStatus>
        var sources: [EvidenceSource]
        var approval: Approval?
        var state: ReviewState
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        path: String, day: Located<DayKey>, title: LocatedText, sections: [Section], supervisors: [LocatedText],
        review: Located<ReviewStatus>, sources: [EvidenceSource], approval: Approval?, state: ReviewState = .unreviewed
    ) {
        fields = CopyOnWrite(
            Fields(
                path: path, day: day, title: title, sections: sections, supervisors: supervisors,
                review: review, sources: sources, approval: approval, state: state))
    }

    public var path: String {
        get { fields.value.path }
        set { fields.value.path = newValue }
    }
    public var day: Located<DayKey> {
        get { fields.value.day }
        set { fields.value.day = newValue }
    }
    public var title: LocatedText {
        get { fields.value.title }
        set { fields.value.title = newValue }
    }
    public var sections: [Section] {
        get { fields.value.sections }
        set { fields.value.sections = newValue }
    }
    /// Reviewer ids of the supervisors who vouch for the text.
    public var supervisors: [LocatedText] {
        get { fields.value.supervisors }
        set { fields.value.supervisors = newValue }
    }
    public var review: Located<ReviewStatus> {
        get { fields.value.review }
        set { fields.value.review = newValue }
    }
    public var sources: [EvidenceSource] {
        get { fields.value.sources }
        set { fields.value.sources = newValue }
    }
    /// The recorded sign-off, if any; stale when the text changed since.
    public var approval: Approval? {
        get { fields.value.approval }
        set { fields.value.approval = newValue }
    }
    /// Derived at load from the approval and the text (see `ReviewState`).
    public var state: ReviewState {
        get { fields.value.state }
        set { fields.value.state = newValue }
    }

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
