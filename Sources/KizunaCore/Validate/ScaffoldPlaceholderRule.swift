extension RuleID {
    public static let scaffoldPlaceholder = RuleID("scaffold-placeholder")
}

/// `scaffold-placeholder`: a text `kizuna new` left to be written (「（ここに本文）」, a desk's 「（ここに電話番号）」, a link
/// on the reserved `example.invalid`) must never reach a parent, so it is an error until it is replaced.
struct ScaffoldPlaceholderRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let description = RuleDescription(
        .scaffoldPlaceholder, .error, en: "A placeholder `kizuna new` wrote that is not yet replaced",
        ja: "kizuna new が書いた仮の文言が残っている")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        var texts = content.readerTexts
        for e in content.editions {
            texts += e.contacts.map(\.phone)
            texts += [e.unsubscribeURL, e.survey?.url, e.footer.publisherURL].compactMap { $0 }
        }
        texts += content.inserts.compactMap(\.link)
        for text in texts {
            if let offset = ScaffoldText.placeholderOffset(in: text.raw) {
                let placeholder = ScaffoldText.placeholder(in: text.raw, at: offset)
                diagnostics.append(
                    Diagnostic(
                        .scaffoldPlaceholder, at: text.location(ofScalarOffset: offset),
                        en: "\(placeholder) is a placeholder `kizuna new` wrote: replace it before this text is built",
                        ja: "\(placeholder) は 'kizuna new' が書いた仮の文言です。配信する文言に書き換えてください"))
            }
        }
    }
}
