import KizunaQR
import Mustache

/// The おめでとうカード as a print-ready page (`card/index.html`, template `card`): two A6 portrait pages, the front
/// with the congratulation and the back with what the reader receives, the QR code of the registration URL with the
/// URL and the account's name under it, and the contact desk. Self-contained: the code is inline SVG, and the page
/// loads nothing.
struct CardPage {
    let editionName: String
    let municipality: String
    /// The texts' lines as the writer broke them.
    let greetingLines: [String]
    let messageLines: [String]
    let aboutLines: [String]
    let howToRegisterLines: [String]
    /// The QR code as inline SVG (`QRCode.svg`), with its 4-module quiet zone.
    let qrSVG: String
    let qrWidth: String
    let registrationURL: String
    let lineAccount: String?
    let emailURL: String?
    let deskName: String
    let deskPhone: String
    let deskHours: String?
    let unapproved: Bool
    /// Whether the build printed `card.pdf` beside the page.
    let hasPDF: Bool

    /// Nil when the URL does not fit a QR code of versions 1–10 at level M (`card-qr-capacity` reports it).
    init?(_ card: CongratulationCard, hasPDF: Bool) {
        guard let code = try? QRCode(encoding: Array(card.registrationURL.utf8), errorCorrection: .medium) else {
            return nil
        }
        func lines(_ text: String) -> [String] {
            text.trimmingTrailingWhitespace.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        editionName = card.editionName
        municipality = card.municipality
        greetingLines = lines(card.greeting)
        messageLines = lines(card.message)
        aboutLines = lines(card.about)
        howToRegisterLines = lines(card.howToRegister)
        let label = card.lineAccount.map { "LINE公式アカウント「\($0)」の友だち追加QRコード" } ?? "メール登録ページのQRコード"
        qrSVG = code.svg(quietZone: 4, title: label)
        qrWidth = "\(CongratulationCard.qrWidthMillimetres)mm"
        registrationURL = card.registrationURL
        lineAccount = card.lineAccount
        emailURL = card.emailURL
        deskName = card.desk.name.value
        deskPhone = card.desk.phone.value
        deskHours = card.desk.hours?.value
        unapproved = !card.approved
        self.hasPDF = hasPDF
    }
}

extension CardPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionName": editionName
        case "municipality": municipality
        case "greetingLines": greetingLines
        case "messageLines": messageLines
        case "aboutLines": aboutLines
        case "howToRegisterLines": howToRegisterLines
        case "qrSVG": qrSVG
        case "qrWidth": qrWidth
        case "registrationURL": registrationURL
        case "lineAccount": lineAccount
        case "emailURL": emailURL
        case "deskName": deskName
        case "deskPhone": deskPhone
        case "deskHours": deskHours
        case "unapproved": unapproved
        case "hasPDF": hasPDF
        default: nil
        }
    }
}

extension PreviewRenderer {
    /// The card's page, as the UTF-8 bytes written to disk; nil when its URL does not fit a QR code.
    func cardPageBytes(_ card: CongratulationCard, hasPDF: Bool) -> [UInt8]? {
        CardPage(card, hasPDF: hasPDF).map { Array(templates.render($0, template: "card").utf8) }
    }
}
