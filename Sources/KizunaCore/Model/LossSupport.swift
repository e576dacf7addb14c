/// An edition's one message for a reader whose pregnancy ended (miscarriage, stillbirth) or whose child died
/// (`support/ID.yaml`, named by the edition's `loss_support:`). Sent once, on the day the end is recorded
/// (`SubscriberRow.endedOn`), and never again; approved like an insert, by the approvers of the editions that name
/// it. It carries no day label, no greeting and no nickname: its title, its text, the desks it names and the footer.
public struct LossSupport: Sendable {
    public var path: String
    public var id: LocatedText
    public var title: LocatedText
    public var text: LocatedText
    public var body: RichText
    /// Desk ids of the edition's contacts, in the order the message lists them: the municipality's desk and a
    /// grief-support contact at least.
    public var contacts: [LocatedText]
    /// Where `contacts:` is written.
    public var contactsLocation: SourceLocation
    /// The sign-off of the message, by its editions' approvers.
    public var approval: Approval?
    /// Derived once the edition and the reviewers' registry are known (see `SignOffEvaluator`).
    public var signOff = SignOffStatus.unevaluated

    /// The content folder where support messages are kept: `support/ID.yaml`.
    public static let folder = "support"
}
