/// Indentation typed with the wrong key: a full-width space (U+3000, the IME's space) or a tab where YAML indents
/// with half-width spaces only. Found by `KeyboardSlipScanner` before YAML reads the file.
enum IndentationSlip {
    static let fullwidthIndent = RuleDescription(
        .yamlFullwidthIndent, .error,
        en: "A full-width space (U+3000) where YAML needs a half-width one: in indentation, or after ':' or '-'",
        ja: "YAMLが半角スペースを必要とする位置（字下げ、「:」や「-」の後ろ）の全角スペース")
    static let tabIndent = RuleDescription(
        .yamlTabIndent, .error, en: "A tab in the indentation of a YAML line", ja: "YAMLの行の字下げに使われたタブ")

    /// The slip of an indentation (`scalars`) whose first tab or full-width space is at `first`, mended to `width`
    /// half-width spaces.
    static func slip(_ rule: RuleID, line: Int, scalars: Range<Int>, at first: Int, width: Int) -> KeyboardSlip {
        let message: LocalizedText
        if rule == .yamlTabIndent {
            message = LocalizedText(
                en: "a tab in the indentation: YAML indents with half-width spaces only, never tabs",
                ja: "字下げにタブが使われています。YAMLの字下げは半角スペースだけで書き、タブは使えません")
        } else {
            message = LocalizedText(
                en:
                    "a full-width space in the indentation: YAML indents with half-width spaces only "
                    + "(switch the input method off, or type the spaces again)",
                ja: "字下げに全角スペースが使われています。YAMLの字下げは半角スペースだけで書きます（日本語入力を切って打ち直してください）")
        }
        return KeyboardSlip(
            rule: rule, line: line, scalars: scalars, at: first, replacement: String(repeating: " ", count: width),
            message: message,
            fix: LocalizedText(
                en: "indent with \(width) half-width space\(width == 1 ? "" : "s")", ja: "半角スペース\(width)個で字下げする"))
    }

    /// A full-width space right after the `:` of a key or the `-` of a list item, where YAML needs a half-width one.
    static func separator(after mark: Character, line: Int, at offset: Int) -> KeyboardSlip {
        KeyboardSlip(
            rule: .yamlFullwidthIndent, line: line, scalars: offset..<(offset + 1), at: offset, replacement: " ",
            message: LocalizedText(
                en: "a full-width space after '\(mark)': YAML needs a half-width space there",
                ja: "「\(mark)」の後ろが全角スペースです。YAMLではここに半角スペースが必要です"),
            fix: LocalizedText(en: "use a half-width space", ja: "半角スペースにする"))
    }

    /// A line of nothing but full-width spaces, outside a text block or less indented than its text.
    static func blankLine(line: Int, length: Int, at offset: Int) -> KeyboardSlip {
        KeyboardSlip(
            rule: .yamlFullwidthIndent, line: line, scalars: 0..<length, at: offset, replacement: "",
            message: LocalizedText(
                en:
                    "a line of nothing but full-width spaces, not indented as text: YAML cannot read it; "
                    + "delete the spaces",
                ja: "全角スペースだけの行が、本文の字下げの外にあります。YAMLが読めないので、全角スペースを削除してください"),
            fix: LocalizedText(en: "empty the line", ja: "空行にする"))
    }
}

extension RuleID {
    public static let yamlFullwidthIndent = RuleID("yaml-fullwidth-indent")
    public static let yamlTabIndent = RuleID("yaml-tab-indent")
}
