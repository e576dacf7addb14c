/// An edition's おめでとうカード as it is printed: the shared texts with the edition's own over them, the desk it
/// names, and where to register. Handed out with the 母子健康手帳, the one time a municipality is sure to meet an
/// expectant parent.
public struct CongratulationCard: Sendable {
    public let editionID: String
    public let editionName: String
    public let municipality: String
    public let greeting: String
    public let message: String
    public let about: String
    public let howToRegister: String
    public let desk: ContactDesk
    /// What the QR code holds: the LINE friend-add URL, or the e-mail sign-up page of an edition without LINE.
    public let registrationURL: String
    /// The LINE account's name, printed under the code; nil when the code is the e-mail page's.
    public let lineAccount: String?
    /// The e-mail sign-up page, printed as text beside a LINE code.
    public let emailURL: String?
    /// Whether every text the card prints is approved: the edition's own texts, and the shared ones it takes.
    public let approved: Bool

    /// `card/index.html`: the card as two A6 pages, front and back.
    public static let htmlPath = "card/index.html"
    /// `card/card.pdf`: the same printed by headless Chromium, where a build has it.
    public static let pdfPath = "card/card.pdf"
    /// The QR code's printed width, quiet zone included. ISO/IEC 18004 leaves the size to the reader's camera; a
    /// hand-held card needs the symbol itself 20 mm wide at least, which 30 mm gives from version 1 (21.7 mm) on.
    public static let qrWidthMillimetres = 30
}

extension EditionCompiler {
    /// The edition's card, when it has a registration and every text of the card is written (`card-incomplete`
    /// reports one that is not).
    public func card(for edition: Edition) -> CongratulationCard? {
        guard let registration = edition.registration,
            let url = registration.lineURL ?? registration.emailURL
        else { return nil }
        let shared = configuration.card
        let card = (edition.card ?? CardText(location: edition.location)).over(shared)
        guard let greeting = card.greeting, let message = card.message, let about = card.about,
            let howToRegister = card.howToRegister
        else { return nil }
        let desk: ContactDesk?
        if let id = card.contact?.value {
            desk = edition.contacts.first { $0.id.value == id }
        } else {
            desk = edition.contacts.first
        }
        guard let desk else { return nil }
        // The shared sign-off counts when the card takes any of its texts from kizuna.yaml.
        let own = edition.card
        let takesShared =
            own?.greeting == nil || own?.message == nil || own?.about == nil || own?.howToRegister == nil
            || (own?.contact == nil && shared?.contact != nil)
        let approved =
            edition.signOff.state == .approved && (!takesShared || configuration.signOffStatus.state == .approved)
        return CongratulationCard(
            editionID: edition.id.value, editionName: edition.name.value, municipality: edition.municipality.value,
            greeting: greeting.value, message: message.value, about: about.value, howToRegister: howToRegister.value,
            desk: desk, registrationURL: url.value,
            lineAccount: registration.lineURL != nil ? registration.lineAccount?.value : nil,
            emailURL: registration.lineURL != nil ? registration.emailURL?.value : nil, approved: approved)
    }
}
