/// A municipality's edition: the shared manuscripts plus its own inserts, contacts and links.
public struct Edition: Sendable {
    public var path: String
    public var id: LocatedText
    /// 「きずなメール〇〇市版」
    public var name: LocatedText
    public var municipality: LocatedText
    public var series: [Located<Series>]
    public var channels: [Located<Channel>]
    public var nicknameMaxLength: Located<Int>?
    /// Contact desks; the first is the footer's contact.
    public var contacts: [ContactDesk]
    public var contactsLocation: SourceLocation
    public var unsubscribeURL: LocatedText
    public var survey: Survey?
    /// Where a parent signs up for the edition (`registration:`): printed on the おめでとうカード.
    public var registration: Registration?
    /// The edition's own texts of the おめでとうカード, over the shared ones (`card:`).
    public var card: CardText?
    public var inserts: [LocatedText]
    /// The id of the edition's message for a reader whose pregnancy ended or whose child died (`loss_support:`).
    public var lossSupport: LocatedText?
    public var disclaimer: LocatedText?
    public var footer: FooterOverride
    /// Who may approve the edition's inserts and its own texts: the municipality's 保健師 or 母子保健担当.
    public var approvers: [LocatedText] = []
    /// The sign-off of the edition's own texts.
    public var approval: Approval?
    /// Derived once the reviewers' registry is known (see `SignOffEvaluator`).
    public var signOff = SignOffStatus.unevaluated
    public var location: SourceLocation
}

/// How an edition reaches its readers.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case line
    case email
}

/// A desk parents can call.
public struct ContactDesk: Sendable {
    public var id: LocatedText
    public var name: LocatedText
    public var phone: LocatedText
    public var hours: LocatedText?

    /// The phone number as a `tel:` URI (digits only).
    public var telURI: String {
        // Filtered on the UTF-8 bytes, not over Characters: every payload, page and e-mail with the desk asks for it.
        var uri = Array("tel:".utf8)
        uri.append(contentsOf: phone.value.utf8.lazy.filter { (0x30...0x39).contains($0) })
        return String(decoding: uri, as: UTF8.self)
    }
}

/// The annual reader survey and the days its link goes out.
public struct Survey: Sendable {
    public var url: LocatedText
    public var days: [Located<DayRef>]
}

/// How a parent signs up for an edition: the municipality's LINE official account (its friend-add URL and the name
/// the account shows), and for e-mail editions the page where an address is registered.
public struct Registration: Sendable {
    public var lineURL: LocatedText?
    public var lineAccount: LocatedText?
    public var emailURL: LocatedText?
    public var location: SourceLocation
}

/// Fields of the shared footer an edition replaces.
public struct FooterOverride: Sendable {
    public var unsubscribeLabel: LocatedText?
    public var publisher: LocatedText?
    public var publisherURL: LocatedText?

    public init(unsubscribeLabel: LocatedText? = nil, publisher: LocatedText? = nil, publisherURL: LocatedText? = nil) {
        self.unsubscribeLabel = unsubscribeLabel
        self.publisher = publisher
        self.publisherURL = publisherURL
    }
}
