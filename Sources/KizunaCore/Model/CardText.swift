/// The texts of the おめでとうカード, the card a municipality hands to an expectant parent with the 母子健康手帳
/// (`card:`): the shared default in kizuna.yaml, any of them replaced by an edition's own `card:`. Each is signed
/// with the file it is written in: the default with the shared texts, an edition's with the edition's texts.
public struct CardText: Sendable {
    /// 「妊娠おめでとう。」: the front's large line.
    public var greeting: LocatedText?
    /// 「あなたの妊娠や出産を、私達もサポートします。」
    public var message: LocatedText?
    /// What the reader will receive, and from when to when.
    public var about: LocatedText?
    /// How to register, beside the QR code.
    public var howToRegister: LocatedText?
    /// A desk id of the edition's contacts, printed as the card's contact desk; the edition's first desk when none
    /// is named.
    public var contact: LocatedText?
    /// Where `card:` is written.
    public var location: SourceLocation

    public init(
        greeting: LocatedText? = nil, message: LocatedText? = nil, about: LocatedText? = nil,
        howToRegister: LocatedText? = nil, contact: LocatedText? = nil, location: SourceLocation
    ) {
        self.greeting = greeting
        self.message = message
        self.about = about
        self.howToRegister = howToRegister
        self.contact = contact
        self.location = location
    }

    /// The texts a parent reads, with their keys, in the card's order.
    var texts: [(key: String, text: LocatedText)] {
        [("greeting", greeting), ("message", message), ("about", about), ("how_to_register", howToRegister)]
            .compactMap { key, text in text.map { (key, $0) } }
    }

    /// `edition`'s texts over `shared`'s, field by field.
    func over(_ shared: CardText?) -> CardText {
        CardText(
            greeting: greeting ?? shared?.greeting, message: message ?? shared?.message,
            about: about ?? shared?.about, howToRegister: howToRegister ?? shared?.howToRegister,
            contact: contact ?? shared?.contact, location: location)
    }
}
