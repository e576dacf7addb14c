/// The content folder's configuration (`kizuna.yaml`): defaults and the shared disclaimer and footer.
public struct Configuration: Sendable {
    public var nicknameMaxLength: Int
    public var disclaimer: LocatedText
    public var footer: Footer
    /// The おめでとうカード's texts every edition prints unless it replaces them (`card:`).
    public var card: CardText?
    /// An approval older than this is due for re-review (`review_period_months`, 12 by default).
    public var reviewPeriodMonths: Int = 12
    /// When a text counts as approved, and whether approvals must be signed.
    public var signOff = SignOffPolicy()
    /// Who may approve the shared disclaimer and footer (`approvers:`).
    public var approvers: [LocatedText] = []
    /// The sign-off of the shared disclaimer and footer.
    public var approval: Approval?
    /// Derived once the reviewers' registry is known (see `SignOffEvaluator`).
    public var signOffStatus = SignOffStatus.unevaluated
    /// The file's path.
    public var path: String = "kizuna.yaml"

    /// When a content set has no readable configuration, limits are still checked with these.
    public static let defaultNicknameMaxLength = 20
}

/// The footer every message ends with.
public struct Footer: Sendable {
    public var unsubscribeLabel: LocatedText
    public var publisher: LocatedText
    public var publisherURL: LocatedText?
}
