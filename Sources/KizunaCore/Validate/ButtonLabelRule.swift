extension RuleID {
    public static let lineLabelLength = RuleID("line-label-length")
}

/// `line-label-length`: every button label fits LINE's 40 characters. Checked once per place a label comes from
/// (a link's text, a desk's tel button, an unsubscribe label), however many editions show it.
struct ButtonLabelRule: ContentRule {
    static let description = RuleDescription(
        .lineLabelLength, .error, en: "A button label over LINE's 40 characters", ja: "LINEの上限40文字を超えるボタンラベル")

    static let maxLabelCharacters = 40

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for m in content.manuscripts {
            for section in m.sections { checkLinks(section.body, into: &diagnostics) }
        }
        for insert in content.inserts { checkLinks(insert.body, into: &diagnostics) }
        for support in content.lossSupports { checkLinks(support.body, into: &diagnostics) }
        for edition in content.editions {
            for desk in edition.contacts {
                check(
                    FlexRenderer.telLabel(desk), at: desk.name.location,
                    what: LocalizedText(en: "the tel button for this desk", ja: "この窓口の電話ボタン"), into: &diagnostics)
            }
            if let label = edition.footer.unsubscribeLabel {
                check(
                    label.value, at: label.location,
                    what: LocalizedText(en: "the unsubscribe button", ja: "登録変更・配信解除ボタン"), into: &diagnostics)
            }
        }
        if let label = content.configuration?.footer.unsubscribeLabel {
            check(
                label.value, at: label.location, what: LocalizedText(en: "the unsubscribe button", ja: "登録変更・配信解除ボタン"),
                into: &diagnostics)
        }
    }

    private func checkLinks(_ text: RichText, into diagnostics: inout [Diagnostic]) {
        for link in text.links {
            check(
                link.text, at: link.location, what: LocalizedText(en: "this link's button", ja: "このリンクのボタン"),
                into: &diagnostics)
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
