import KizunaQR

extension RuleID {
    public static let cardIncomplete = RuleID("card-incomplete")
    public static let cardTextLength = RuleID("card-text-length")
    public static let cardQRCapacity = RuleID("card-qr-capacity")
}

/// `card-incomplete`, `card-text-length`, and `contact-unknown` and `placeholder-unknown` on the おめでとうカード: an
/// edition with a registration prints a card, so every text of it must be written (in kizuna.yaml or the edition),
/// its desk must be one of the edition's, it names no reader (it is printed, not sent), and each text fits its place
/// on an A6 card.
struct CardRule: ContentRule {
    static let descriptions = [
        RuleDescription(
            .cardIncomplete, .error, en: "An edition with a registration whose おめでとうカード lacks a text",
            ja: "登録先があるのに、おめでとうカードの文面が欠けている版"),
        RuleDescription(
            .cardTextLength, .warning, en: "A text of the おめでとうカード longer than its place on the A6 card",
            ja: "A6のおめでとうカードに収まらない長さの文面"),
        RuleDescription(
            .cardQRCapacity, .error, en: "A registration URL too long for the card's QR code",
            ja: "おめでとうカードのQRコードに収まらない長さの登録先URL"),
    ]

    /// The most characters each text may have to fit its place on the card (`templates/card.mustache`).
    static let maxLength = ["greeting": 16, "message": 48, "about": 160, "how_to_register": 100]

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let shared = content.sharedCard
        // The shared texts are checked where kizuna.yaml is, not again with each edition.
        for card in [content.configuration?.card].compactMap({ $0 }) + content.editions.compactMap(\.card) {
            for (key, text) in card.texts {
                checkLength(key, text, into: &diagnostics)
                checkPlaceholder(text, into: &diagnostics)
            }
        }
        for edition in content.editions {
            guard let registration = edition.registration else { continue }
            let card = (edition.card ?? CardText(location: registration.location)).over(shared)
            let written = Set(card.texts.map(\.key))
            let missing = CardText.keys.filter { !written.contains($0) }
            if !missing.isEmpty {
                let keys = missing.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .cardIncomplete, at: edition.card?.location ?? registration.location,
                        en:
                            "edition '\(edition.id.value)' has a registration, so it prints an おめでとうカード, but "
                            + "its card has no \(keys): write them under `card:` in kizuna.yaml or in the edition",
                        ja:
                            "版 '\(edition.id.value)' には登録先があるため、おめでとうカードを作りますが、カードの "
                            + "\(keys) がありません。kizuna.yaml か版の 'card:' に書いてください"))
            }
            if let url = registration.lineURL ?? registration.emailURL {
                let capacity = QRCode.capacity(version: 10, errorCorrection: .medium)
                let bytes = url.value.utf8.count
                if bytes > capacity {
                    diagnostics.append(
                        Diagnostic(
                            .cardQRCapacity, at: url.location,
                            en:
                                "the URL is \(bytes) bytes; the おめでとうカード's QR code (versions 1–10, level M) "
                                + "holds at most \(capacity): use a shorter URL",
                            ja:
                                "このURLは\(bytes)バイトです。おめでとうカードのQRコード（バージョン1〜10、誤り訂正レベル 'M'）には"
                                + "\(capacity)バイトまでしか入りません。短いURLにしてください"))
                }
            }
            if let contact = card.contact, !edition.contacts.contains(where: { $0.id.value == contact.value }) {
                let deskIDs = edition.contacts.map(\.id.value)
                let message =
                    LocalizedText(
                        en: "the おめでとうカード of edition '\(edition.id.value)' names desk '\(contact.value)', "
                            + "which the edition does not have",
                        ja: "版 '\(edition.id.value)' のおめでとうカードの窓口 \(Japanese.quote(contact.value)) は、この版にありません")
                    + .didYouMean(closestMatch(to: contact.value, in: deskIDs))
                diagnostics.append(Diagnostic(.contactUnknown, at: contact.location, message.tidied))
            }
        }
    }

    private func checkLength(_ key: String, _ text: LocatedText, into diagnostics: inout [Diagnostic]) {
        guard let limit = Self.maxLength[key] else { return }
        // Line breaks are the writer's layout, not characters on the card.
        let length = text.value.trimmingTrailingWhitespace.nfc.filter { $0 != "\n" }.count
        guard length > limit else { return }
        diagnostics.append(
            Diagnostic(
                .cardTextLength, at: text.location,
                en: "the card's '\(key)' has \(length) characters; at most \(limit) fit its place on the A6 card",
                ja: "カードの '\(key)' は\(length)文字です。A6のカードのこの場所に収まるのは\(limit)文字までです"))
    }

    private func checkPlaceholder(_ text: LocatedText, into diagnostics: inout [Diagnostic]) {
        let scalars = Array(text.raw.unicodeScalars)
        let placeholder = Array(Placeholder.nickname.unicodeScalars)
        guard scalars.count >= placeholder.count else { return }
        for i in 0...(scalars.count - placeholder.count)
        where Array(scalars[i..<(i + placeholder.count)]) == placeholder {
            diagnostics.append(
                Diagnostic(
                    .placeholderUnknown, at: text.location(ofScalarOffset: i),
                    en: "the おめでとうカード is printed, not sent: it has no reader's nickname for \(Placeholder.nickname)",
                    ja: "おめでとうカードは印刷して手渡すもので、読者のニックネームがありません。\(Placeholder.nickname) は使えません"))
        }
    }
}

extension CardText {
    /// The keys of the texts every card must have.
    static let keys = ["greeting", "message", "about", "how_to_register"]
}
