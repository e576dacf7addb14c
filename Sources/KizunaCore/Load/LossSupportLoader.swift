/// Reads a support file (`support/ID.yaml`) into a `LossSupport`.
struct LossSupportLoader {
    static let keys = ["id", "title", "text", "contacts"] + ApprovalLoader.keys

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> LossSupport? {
        let what = LocalizedText(en: "support message", ja: "サポートメッセージ")
        guard let reader = MappingReader(document.root, in: document, what: what, keys: Self.keys, into: &diagnostics)
        else { return nil }
        let id = reader.text("id", into: &diagnostics)
        let title = reader.text("title", into: &diagnostics)
        let text = reader.text("text", into: &diagnostics)
        let body = text.flatMap { InlineMarkupParser.parse($0, into: &diagnostics) }
        let contactsNode = reader.value("contacts")
        let contacts = reader.textList("contacts", into: &diagnostics)
        if let contacts, contacts.isEmpty, let node = contactsNode {
            // The message exists to give a number to call: the municipality's desk and a grief-support contact.
            diagnostics.append(
                Diagnostic(
                    .schemaEmpty, at: document.location(of: node),
                    en: "'contacts' in a support message names no desk; name the edition's desks it gives to call",
                    ja: "サポートメッセージの 'contacts' に窓口がありません。電話できる版の窓口を書いてください"))
        }
        let approval = ApprovalLoader().load(reader, into: &diagnostics)
        guard let id, let title, let text, let body, let contacts, !contacts.isEmpty else { return nil }
        return LossSupport(
            path: document.source.path, id: id, title: title, text: text, body: body, contacts: contacts,
            contactsLocation: contactsNode.map(document.location(of:)) ?? reader.location, approval: approval)
    }
}
