/// Reads a `card:` mapping (of kizuna.yaml or an edition) into a `CardText`.
struct CardTextLoader {
    static let keys = ["greeting", "message", "about", "how_to_register", "contact"]

    func load(_ reader: MappingReader, into diagnostics: inout [Diagnostic]) -> CardText? {
        guard let node = reader.value("card"),
            let card = MappingReader(
                node, in: reader.document, what: LocalizedText(en: "card", ja: "おめでとうカード"), keys: Self.keys,
                into: &diagnostics)
        else { return nil }
        return CardText(
            greeting: card.text("greeting", required: false, into: &diagnostics),
            message: card.text("message", required: false, into: &diagnostics),
            about: card.text("about", required: false, into: &diagnostics),
            howToRegister: card.text("how_to_register", required: false, into: &diagnostics),
            contact: card.text("contact", required: false, into: &diagnostics), location: card.location)
    }
}
