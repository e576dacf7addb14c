/// One supervised message of a series, for one day: the text every edition shares.
/// Its fields live in one shared storage, copied only when a copy is changed: a manuscript goes into every day
/// message of every edition, and copying its dozens of references each time was a tenth of `validate`'s time.
public struct Manuscript: Sendable {
    /// Changed only while uniquely referenced (see `unique`), so sharing it across threads is safe.
    private final class Storage: @unchecked Sendable {
        var path: String
        var day: Located<DayKey>
        var title: LocatedText
        var sections: [Section]
        var supervisors: [LocatedText]
        var review: Located<ReviewStatus>
        var sources: [EvidenceSource]
        var approval: Approval?
        var state: ReviewState

        init(path: String, day: Located<DayKey>, title: LocatedText, sections: [Section], supervisors: [LocatedText],
             review: Located<ReviewStatus>, sources: [EvidenceSource], approval: Approval?, state: ReviewState) {
            self.path = path
            self.day = day
            self.title = title
            self.sections = sections
            self.supervisors = supervisors
            self.review = review
            self.sources = sources
            self.approval = approval
            self.state = state
        }

        func copy() -> Storage {
            Storage(path: path, day: day, title: title, sections: sections, supervisors: supervisors, review: review,
                    sources: sources, approval: approval, state: state)
        }
    }

    private var storage: Storage

    public init(path: String, day: Located<DayKey>, title: LocatedText, sections: [Section], supervisors: [LocatedText],
                review: Located<ReviewStatus>, sources: [EvidenceSource], approval: Approval?, state: ReviewState = .unreviewed) {
        storage = Storage(path: path, day: day, title: title, sections: sections, supervisors: supervisors, review: review,
                          sources: sources, approval: approval, state: state)
    }

    /// The storage, made unique before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var path: String {
        get { storage.path }
        set { unique.path = newValue }
    }
    public var day: Located<DayKey> {
        get { storage.day }
        set { unique.day = newValue }
    }
    public var title: LocatedText {
        get { storage.title }
        set { unique.title = newValue }
    }
    public var sections: [Section] {
        get { storage.sections }
        set { unique.sections = newValue }
    }
    /// Reviewer ids of the supervisors who vouch for the text.
    public var supervisors: [LocatedText] {
        get { storage.supervisors }
        set { unique.supervisors = newValue }
    }
    public var review: Located<ReviewStatus> {
        get { storage.review }
        set { unique.review = newValue }
    }
    public var sources: [EvidenceSource] {
        get { storage.sources }
        set { unique.sources = newValue }
    }
    /// The recorded sign-off, if any; stale when the text changed since.
    public var approval: Approval? {
        get { storage.approval }
        set { unique.approval = newValue }
    }
    /// Derived at load from the approval and the text (see `ReviewState`).
    public var state: ReviewState {
        get { storage.state }
        set { unique.state = newValue }
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
