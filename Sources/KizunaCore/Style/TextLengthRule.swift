extension RuleID {
    public static let styleTitleLength = RuleID("style-title-length")
    public static let styleHeadingLength = RuleID("style-heading-length")
    public static let styleInsertTitleLength = RuleID("style-insert-title-length")
    public static let styleButtonLabelLength = RuleID("style-button-label-length")
}

/// `style-title-length`, `style-heading-length`, `style-insert-title-length`, `style-button-label-length`: the short
/// texts a reader sees first, each at most `max` characters (style.yaml). A manuscript's title also opens the phone's
/// notification, after the greeting; a heading is one line of the bubble; a label sits on a button. Each text is
/// reported once, however many editions show it.
struct TextLengthRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let descriptions = [
        RuleDescription(
            .styleTitleLength, .warning, en: "A manuscript title over the maximum length", ja: "長すぎる原稿のタイトル",
            styleOptions: ["max"]),
        RuleDescription(
            .styleHeadingLength, .warning, en: "A section heading over the maximum length", ja: "長すぎる見出し",
            styleOptions: ["max"]),
        RuleDescription(
            .styleInsertTitleLength, .warning, en: "An insert or support message title over the maximum length",
            ja: "長すぎる差し込み情報・サポートメッセージのタイトル", styleOptions: ["max"]),
        RuleDescription(
            .styleButtonLabelLength, .warning, en: "A button label over the maximum length", ja: "長すぎるボタンのラベル",
            styleOptions: ["max"]),
    ]

    /// Defaults, in characters: a title stays within two lines of the bubble's large title text and leaves the
    /// notification room for it after the greeting; a heading within one line; an insert title within its box's two
    /// lines; a button label well inside LINE's 40 (the sample's longest tel button has 29). docs/style-rules.md.
    static let defaults: [RuleID: Int] = [
        .styleTitleLength: 30, .styleHeadingLength: 16, .styleInsertTitleLength: 24, .styleButtonLabelLength: 30,
    ]

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let style = content.style
        func check(_ rule: RuleID, _ text: String, at location: SourceLocation, what: LocalizedText) {
            guard let severity = style.severity(rule) else { return }
            let max = style.max(rule, default: Self.defaults[rule]!)
            let count = text.count
            guard count > max else { return }
            diagnostics.append(
                Diagnostic(
                    rule, severity, at: location,
                    en: "\(what.en) is \(count) characters; keep it to \(max) so that it reads at a glance on a phone",
                    ja: "\(what.ja)が\(count)文字あります。スマートフォンでひと目で読めるよう、\(max)文字以内にしてください"))
        }
        let title = LocalizedText(en: "this title", ja: "このタイトル")
        let heading = LocalizedText(en: "this heading", ja: "この見出し")
        for m in content.manuscripts {
            check(.styleTitleLength, m.title.value, at: m.title.location, what: title)
            for section in m.sections {
                check(.styleHeadingLength, section.heading.value, at: section.heading.location, what: heading)
            }
        }
        for titled in content.inserts.map(\.title) + content.lossSupports.map(\.title) {
            check(.styleInsertTitleLength, titled.value, at: titled.location, what: title)
        }
        // The same labels `line-label-length` holds to LINE's 40 characters.
        for label in content.buttonLabels {
            check(
                .styleButtonLabelLength, label.text, at: label.location,
                what: LocalizedText(en: "the label of \(label.what.en)", ja: "\(label.what.ja)のラベル"))
        }
    }
}
