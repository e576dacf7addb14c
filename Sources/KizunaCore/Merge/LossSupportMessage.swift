/// An edition's loss support message as a reader gets it: the support text, the desks it lists resolved to names,
/// numbers and hours, and the edition's footer. No day label, greeting, nickname, insert, survey or disclaimer: the
/// disclaimer speaks of the baby's and the mother's state, which is not this message's subject.
public struct LossSupportMessage: Sendable {
    public let editionID: String
    public let editionName: String
    public let support: LossSupport
    /// The desks the message lists, in its order.
    public let desks: [ContactDesk]
    /// The footer every message carries; its desk is left out when the message lists it already.
    public let footer: ResolvedFooter

    /// `message` in a `schedule` delivery, the stem of the message's files, and `X-Kizuna-Message` in its e-mail.
    public static let name = "loss-support"

    /// `line/loss-support.json`, beside the edition's series folders.
    public static let linePath = "line/\(name).json"
    /// `preview/loss-support.html`, linked from the edition's preview index.
    public static let previewPath = "preview/\(name).html"
    /// `email/loss-support.eml`, for an edition with the e-mail channel.
    public static let emailPath = "email/\(name).eml"
}

extension EditionCompiler {
    /// The edition's loss support message, when it names one that this content holds (in a release: that ships).
    public func lossSupportMessage(for edition: Edition) -> LossSupportMessage? {
        guard let id = edition.lossSupport?.value,
            let support = content.lossSupports.first(where: { $0.id.value == id })
        else { return nil }
        let desks = support.contacts.compactMap { ref in edition.contacts.first { $0.id.value == ref.value } }
        var footer = self.footer(of: edition)
        if let desk = footer.contact, desks.contains(where: { $0.id.value == desk.id.value }) { footer.contact = nil }
        return LossSupportMessage(
            editionID: edition.id.value, editionName: edition.name.value, support: support, desks: desks,
            footer: footer)
    }
}
