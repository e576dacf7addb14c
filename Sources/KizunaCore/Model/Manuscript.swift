/// One supervised message of a series, for one day: the text every edition shares.
/// A class, immutable once loaded: a manuscript goes into every day message of every edition, and all of them share
/// it rather than each holding a copy of its fields.
public final class Manuscript: Sendable {
    public let path: String
    public let day: Located<DayKey>
    /// For a birthday message, which birthday (1 for the first): it goes out on the calendar birthday
    /// (`MonthAge.birthday`), which is `day` or the day after it across a 29 February.
    public let anniversary: Located<Int>?
    public let title: LocatedText
    public let sections: [Section]
    /// Reviewer ids of the supervisors who vouch for the text.
    public let supervisors: [LocatedText]
    /// Where `supervisors:` is written (its value), or nil when the key is absent (already a `schema-missing-key`).
    public let supervisorsLocation: SourceLocation?
    public let review: Located<ReviewStatus>
    public let sources: [EvidenceSource]
    /// The recorded sign-off, if any; stale when the text changed since.
    public let approval: Approval?
    /// Derived from the approval, the text, the registry and the policy (see `SignOffEvaluator`).
    public let signOff: SignOffStatus
    /// False when its file had errors (a section or key that did not load): what is compared with it, such as its
    /// translations, waits until those are mended, so that one error is not reported again at every translation.
    public let isComplete: Bool

    public init(
        path: String, day: Located<DayKey>, anniversary: Located<Int>? = nil, title: LocatedText, sections: [Section],
        supervisors: [LocatedText], supervisorsLocation: SourceLocation? = nil,
        review: Located<ReviewStatus>, sources: [EvidenceSource], approval: Approval?,
        signOff: SignOffStatus = .unevaluated, isComplete: Bool = true
    ) {
        self.path = path
        self.day = day
        self.anniversary = anniversary
        self.title = title
        self.sections = sections
        self.supervisors = supervisors
        self.supervisorsLocation = supervisorsLocation
        self.review = review
        self.sources = sources
        self.approval = approval
        self.signOff = signOff
        self.isComplete = isComplete
    }

    /// The same manuscript with its sign-off evaluated.
    public func with(signOff: SignOffStatus) -> Manuscript {
        Manuscript(
            path: path, day: day, anniversary: anniversary, title: title, sections: sections, supervisors: supervisors,
            supervisorsLocation: supervisorsLocation, review: review,
            sources: sources, approval: approval, signOff: signOff, isComplete: isComplete)
    }

    /// Where the manuscript stands in sign-off.
    public var state: ReviewState { signOff.state }

    public var subject: ApprovalSubject { .manuscript(day.value) }

    public var series: Series { day.value.series }

    /// The label of the message header: 「1歳の誕生日」 for a birthday message (whose day count depends on the reader),
    /// else the day's (「生まれて45日目」).
    public var label: String { anniversary.map { "\($0.value)歳の誕生日" } ?? day.value.label }

    /// The greeting line with the nickname placeholder: a birthday message names the birthday, not a day count.
    public var greeting: String {
        anniversary.map { "\(Placeholder.nickname)さん、お子さんが\($0.value)歳の誕生日を迎えました。" } ?? day.value.greeting
    }
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
