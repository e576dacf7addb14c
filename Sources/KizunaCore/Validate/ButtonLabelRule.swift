extension RuleID {
    public static let lineLabelLength = RuleID("line-label-length")
}

/// A button label as the content writes it, once per place it comes from however many editions show it.
struct ButtonLabel {
    var text: String
    var location: SourceLocation
    /// Which button, for messages: 「このリンクのボタン」.
    var what: LocalizedText
}

extension ContentSet {
    /// Every button label a reader can see: links' texts, desks' tel buttons and the unsubscribe labels.
    var buttonLabels: [ButtonLabel] {
        let link = LocalizedText(en: "this link's button", ja: "このリンクのボタン")
        let unsubscribe = LocalizedText(en: "the unsubscribe button", ja: "登録変更・配信解除ボタン")
        var labels: [ButtonLabel] = []
        let bodies = manuscripts.flatMap { $0.sections.map(\.body) } + inserts.map(\.body) + lossSupports.map(\.body)
        for body in bodies {
            labels += body.links.map { ButtonLabel(text: $0.text, location: $0.location, what: link) }
        }
        for edition in editions {
            labels += edition.contacts.map {
                ButtonLabel(
                    text: FlexRenderer.telLabel($0), location: $0.name.location,
                    what: LocalizedText(en: "the tel button for this desk", ja: "この窓口の電話ボタン"))
            }
            if let label = edition.footer.unsubscribeLabel {
                labels.append(ButtonLabel(text: label.value, location: label.location, what: unsubscribe))
            }
        }
        if let label = configuration?.footer.unsubscribeLabel {
            labels.append(ButtonLabel(text: label.value, location: label.location, what: unsubscribe))
        }
        return labels
    }
}

/// `line-label-length`: every button label fits LINE's 40 characters. Checked once per place a label comes from
/// (a link's text, a desk's tel button, an unsubscribe label), however many editions show it.
struct ButtonLabelRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let description = RuleDescription(
        .lineLabelLength, .error, en: "A button label over LINE's 40 characters", ja: "LINEの上限40文字を超えるボタンラベル")

    static let maxLabelCharacters = 40

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for label in content.buttonLabels {
            check(label.text, at: label.location, what: label.what, into: &diagnostics)
        }
    }

    private func check(
        _ label: String, at location: SourceLocation, what: LocalizedText, into diagnostics: inout [Diagnostic]
    ) {
        let count = label.unicodeScalars.count
        guard count > Self.maxLabelCharacters else { return }
        diagnostics.append(
            Diagnostic(
                .lineLabelLength, at: location,
                en: "the label of \(what.en) is \(count) characters; LINE takes at most \(Self.maxLabelCharacters)",
                ja: "\(what.ja)のラベルが\(count)文字あります。LINEのボタンラベルは\(Self.maxLabelCharacters)文字まで"))
    }
}
