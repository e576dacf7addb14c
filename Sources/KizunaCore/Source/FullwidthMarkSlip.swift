/// YAML's marks typed in full width by a Japanese input method: `：` after a key, `ー` `－` `・` for a list item's `-`,
/// `＃` for a comment, and `“…”` or `＂…＂` for quotes. Only marks where YAML's own would stand are slips: a `：` in a
/// value, a `・` in a text block or 「」 around a value are ordinary Japanese text and are never reported.
enum FullwidthMarkSlip {
    static let colon = RuleDescription(
        .yamlFullwidthColon, .error, en: "A full-width colon '：' after a key, where YAML needs ':'",
        ja: "キーの後ろの全角コロン「：」（YAMLでは半角の「:」）")
    static let listMarker = RuleDescription(
        .yamlFullwidthListMarker, .error, en: "A list item started with 'ー', '－' or '・' instead of '- '",
        ja: "「- 」ではなく「ー」「－」「・」で始めたリストの項目")
    static let comment = RuleDescription(
        .yamlFullwidthComment, .error, en: "A comment line started with a full-width '＃' instead of '#'",
        ja: "半角の「#」ではなく全角の「＃」で始めたコメント行")
    static let quote = RuleDescription(
        .yamlFullwidthQuote, .error, en: "A value wrapped in full-width quotes (“…” or ＂…＂) instead of \"…\"",
        ja: "半角の \"…\" ではなく全角の引用符（“…”、＂…＂）で囲んだ値")

    /// `：` at `offset` after the key `key`; `length` is 2 when a full-width space follows it (mended as well).
    static func colon(key: String, line: Int, at offset: Int, length: Int, replacement: String) -> KeyboardSlip {
        KeyboardSlip(
            rule: .yamlFullwidthColon, line: line, scalars: offset..<(offset + length), at: offset,
            replacement: replacement,
            message: LocalizedText(
                en: "full-width colon '：' after the key '\(key)': YAML needs a half-width ':' followed by a space",
                ja: "キー「\(key)」の後ろのコロンが全角の「：」です。半角の「:」と半角スペースにしてください"),
            fix: LocalizedText(en: "use a half-width ':'", ja: "半角の「:」にする"))
    }

    static func listMarker(_ mark: Unicode.Scalar, line: Int, at offset: Int, length: Int, replacement: String)
        -> KeyboardSlip
    {
        KeyboardSlip(
            rule: .yamlFullwidthListMarker, line: line, scalars: offset..<(offset + length), at: offset,
            replacement: replacement,
            message: LocalizedText(
                en: "'\(mark)' starts a list item: a YAML list item starts with a half-width '- '",
                ja: "リストの項目が「\(mark)」で始まっています。YAMLのリストの項目は半角の「- 」で始めます"),
            fix: LocalizedText(en: "start the item with '- '", ja: "「- 」で始める"))
    }

    static func comment(line: Int, at offset: Int) -> KeyboardSlip {
        KeyboardSlip(
            rule: .yamlFullwidthComment, line: line, scalars: offset..<(offset + 1), at: offset, replacement: "#",
            message: LocalizedText(
                en: "a full-width '＃' starts this line: a YAML comment starts with a half-width '#'",
                ja: "行頭の「＃」が全角です。コメントは半角の「#」で始めます"),
            fix: LocalizedText(en: "use a half-width '#'", ja: "半角の「#」にする"))
    }

    /// A value from `offset` to the end of `range`, wrapped in full-width quotes; the mend is the same text in
    /// half-width double quotes, escaped.
    static func quote(line: Int, scalars range: Range<Int>, inner: String, open: Unicode.Scalar, close: Unicode.Scalar)
        -> KeyboardSlip
    {
        var escaped = ""
        for c in inner.unicodeScalars {
            if c == "\\" || c == "\"" { escaped.append("\\") }
            escaped.unicodeScalars.append(c)
        }
        return KeyboardSlip(
            rule: .yamlFullwidthQuote, line: line, scalars: range, at: range.lowerBound,
            replacement: "\"" + escaped + "\"",
            message: LocalizedText(
                en:
                    "the value is wrapped in full-width quotes \(open)…\(close), which YAML keeps as part of the text; "
                    + "quote a value with half-width \"…\" (to show the quotes, write '\(open)…\(close)')",
                ja:
                    "値が全角の引用符 \(open)…\(close) で囲まれています。このままでは引用符も本文になります。"
                    + "値を囲むなら半角の \"…\" にしてください（引用符を見せるなら '\(open)…\(close)' と書きます）"),
            fix: LocalizedText(en: "use half-width quotes \"…\"", ja: "半角の \"…\" で囲む"))
    }
}

extension RuleID {
    public static let yamlFullwidthColon = RuleID("yaml-fullwidth-colon")
    public static let yamlFullwidthListMarker = RuleID("yaml-fullwidth-list-marker")
    public static let yamlFullwidthComment = RuleID("yaml-fullwidth-comment")
    public static let yamlFullwidthQuote = RuleID("yaml-fullwidth-quote")
}
