/// What a reviewer signs: the text's identity, the SHA-256 of its reader text, the reviewer and the date, in one
/// canonical UTF-8 text (docs/sign-off.md gives the format). A signature over it cannot be moved to another text,
/// another version of the text, another reviewer or another day.
public struct ApprovalStatement: Sendable, Hashable {
    /// The first line, naming the format.
    public static let header = "kizuna-approval-v1"

    public var subject: ApprovalSubject
    public var sha256: String
    public var reviewer: String
    public var date: CalendarDate

    public init(subject: ApprovalSubject, sha256: String, reviewer: String, date: CalendarDate) {
        self.subject = subject
        self.sha256 = sha256
        self.reviewer = reviewer
        self.date = date
    }

    /// The statement an approval entry claims to sign.
    public init(_ entry: ApprovalEntry, of subject: ApprovalSubject) {
        self.init(subject: subject, sha256: entry.sha256.value, reviewer: entry.by.value, date: entry.date.value)
    }

    /// Five lines, each ending in LF.
    public var text: String {
        "\(Self.header)\ntext: \(subject)\nsha256: \(sha256)\nreviewer: \(reviewer)\ndate: \(date)\n"
    }

    /// The bytes signed with namespace `kizuna-approval`.
    public var bytes: [UInt8] { Array(text.utf8) }
}
