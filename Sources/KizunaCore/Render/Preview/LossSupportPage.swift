import Mustache

/// The preview of an edition's loss support message (`preview/loss-support.html`): the message as it looks in LINE,
/// when it is sent, and where it came from, for the doctors and the municipality's approvers to review.
struct LossSupportPage {
    struct DeskView { let name: String; let phone: String; let hours: String?; let tel: String }

    let editionName: String
    let title: String
    let altText: String
    /// The text as HTML (`HTMLText.paragraphs`: every string escaped).
    let textHTML: String
    let desks: [DeskView]
    let unsubscribeLabel: String
    let unsubscribeURL: String
    let publisher: String
    let footerDesk: DeskView?
    let supportPath: String
    let review: String
    let reviewClass: String
    let unapproved: Bool
    /// 「保健師A 承認済み」, and the date of the approval of the text as it stands.
    let approvalSummary: String
    let approvedOn: String?
    /// The support message's review sheet, written by the same build under output/review/.
    let sheetHref: String
    let payload: DayPage.PayloadView

    init(_ message: LossSupportMessage, payload: RenderedPayload) {
        func view(_ desk: ContactDesk) -> DeskView {
            DeskView(name: desk.name.value, phone: desk.phone.value, hours: desk.hours?.value, tel: desk.telURI)
        }
        let support = message.support
        editionName = message.editionName
        title = support.title.value
        altText = FlexRenderer().altText(for: message)
        textHTML = HTMLText.paragraphs(support.body)
        desks = message.desks.map(view)
        unsubscribeLabel = message.footer.unsubscribeLabel
        unsubscribeURL = message.footer.unsubscribeURL
        publisher = message.footer.publisher
        footerDesk = message.footer.contact.map(view)
        supportPath = support.path
        review = support.signOff.state.displayName
        reviewClass = support.signOff.state.rawValue
        unapproved = support.signOff.state != .approved
        approvalSummary = support.signOff.summary
        approvedOn = support.approval?.date(approving: ReaderText(support).sha256)?.description
        sheetHref = "../../\(ReviewSheetBuilder.folder)/sheets/\(LossSupport.folder)/\(support.id.value).html"
        var html: [UInt8] = []
        payload.bytes.withUnsafeBufferPointer {
            HTMLText.escapeElementText(utf8: UnsafeBufferPointer(rebasing: $0.dropLast()), into: &html)
        }
        self.payload = DayPage.PayloadView(jsonHTMLBytes: html, messages: String(payload.messageCount))
    }
}

extension PreviewRenderer {
    /// The loss support message's page, as the UTF-8 bytes written to disk.
    func lossSupportPageBytes(_ message: LossSupportMessage, payload: RenderedPayload) -> [UInt8] {
        Array(templates.render(LossSupportPage(message, payload: payload), template: "loss-support").utf8)
    }
}

extension LossSupportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "editionName": editionName
        case "title": title
        case "altText": altText
        case "textHTML": textHTML
        case "desks": desks
        case "unsubscribeLabel": unsubscribeLabel
        case "unsubscribeURL": unsubscribeURL
        case "publisher": publisher
        case "footerDesk": footerDesk
        case "supportPath": supportPath
        case "review": review
        case "reviewClass": reviewClass
        case "unapproved": unapproved
        case "approvalSummary": approvalSummary
        case "approvedOn": approvedOn
        case "sheetHref": sheetHref
        case "payload": payload
        default: nil
        }
    }
}

extension LossSupportPage.DeskView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "phone": phone
        case "hours": hours
        case "tel": tel
        default: nil
        }
    }
}
