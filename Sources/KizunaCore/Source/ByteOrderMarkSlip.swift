/// A byte order mark (U+FEFF) after the start of a file, usually pasted in with text copied from another file.
/// Invisible in an editor; YAML reads it as a character of the text. At the very start it is accepted and dropped.
enum ByteOrderMarkSlip {
    static let description = RuleDescription(
        .fileBOMInside, .error, en: "A byte order mark (U+FEFF) after the start of a file",
        ja: "ファイルの先頭以外にある、目に見えないバイト順マーク（U+FEFF）")

    static func slip(line: Int, at offset: Int) -> KeyboardSlip {
        KeyboardSlip(
            rule: .fileBOMInside, line: line, scalars: offset..<(offset + 1), at: offset, replacement: "",
            message: LocalizedText(
                en:
                    "an invisible byte order mark (U+FEFF) in the middle of the file, often pasted in with copied "
                    + "text; delete it",
                ja: "ファイルの途中に目に見えない文字（バイト順マーク、U+FEFF）があります。文章を貼り付けたときに紛れ込むことが多い文字です。削除してください"),
            fix: LocalizedText(en: "delete the byte order mark", ja: "バイト順マークを削除する"))
    }
}

extension RuleID {
    public static let fileBOMInside = RuleID("file-bom-inside")
}
