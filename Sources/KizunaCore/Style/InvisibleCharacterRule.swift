extension RuleID {
    public static let styleInvisibleCharacter = RuleID("style-invisible-character")
}

/// `style-invisible-character`: no zero-width or control characters, and no decomposed (NFD) text, which looks
/// right but compares, searches and counts wrong. Decomposed text is fixed to NFC; zero-width spaces are deleted.
struct InvisibleCharacterRule: StyleRule {
    static let description = RuleDescription(
        .styleInvisibleCharacter, .error, en: "Zero-width or control characters, or decomposed (NFD) text",
        ja: "ゼロ幅文字・制御文字、分解された（NFDの）文字", styleOptions: [])
    let proseOnly = false

    /// Characters with no use in a message; deleting them changes nothing a reader sees.
    static let deletable: Set<UInt32> = [
        0x200B, 0x2060, 0xFEFF, 0x00AD,
        // Bidirectional marks, embeddings, overrides and isolates: they can reorder
        // what a parent sees (a phone number shown backwards).
        0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]
    /// Joiners, which are invisible too but hold emoji sequences (👨‍👩‍👧) together.
    static let joiners: Set<UInt32> = [0x200C, 0x200D]

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        for text in texts {
            let c = text.characters
            var i = 0
            while i < c.count {
                if Self.isOrdinary(c[i].value) {
                    i += 1
                    continue
                }
                let code = String(format4: c[i].value)
                if Self.deletable.contains(c[i].value) {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "an invisible character (U+\(code)) is here: delete it",
                            ja: "見えない文字（U+\(code)）があります。削除してください",
                            fixIt: text.fixIt(
                                i..<(i + 1), replacement: "",
                                message: LocalizedText(en: "delete U+\(code)", ja: "U+\(code) を削除する"))))
                } else if Self.joiners.contains(c[i].value),
                    !(i > 0 && i + 1 < c.count && c[i - 1].properties.isEmoji && c[i + 1].properties.isEmoji)
                {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "an invisible character (U+\(code)) is here: delete it",
                            ja: "見えない文字（U+\(code)）があります。削除してください"))
                } else if c[i].properties.generalCategory == .control && c[i] != "\n" && c[i] != "\t" {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: i),
                            en: "a control character (U+\(code)) is here: delete it",
                            ja: "制御文字（U+\(code)）があります。削除してください"))
                } else if Self.isCombining(c[i]) {
                    // One finding per decomposed character: its base and the combining marks after it.
                    var end = i + 1
                    while end < c.count, Self.isCombining(c[end]) { end += 1 }
                    let base = max(0, i - 1)
                    let composed = text.string(base..<end).nfc
                    // Compared scalar by scalar: String's == holds NFD and NFC text equal.
                    let fix =
                        !composed.unicodeScalars.elementsEqual(text.string(base..<end).unicodeScalars) && i > 0
                        ? text.fixIt(
                            base..<end, replacement: composed,
                            message: LocalizedText(
                                en: "replace with 「\(composed)」 (NFC)", ja: "「\(composed)」（NFC）に置き換える"))
                        : nil
                    // At the decomposed character itself: its base, which the combining marks join.
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: base),
                            en: "a decomposed character (NFD) is here: retype it or save the file in NFC",
                            ja: "分解された文字（NFD）があります。入力し直すか、NFCで保存してください",
                            fixIt: fix))
                    i = end
                    continue
                }
                i += 1
            }
        }
    }

    /// Most of any text: scalars stable in NFC (no combining marks among them) that are not control characters.
    /// No check below applies to them.
    static func isOrdinary(_ value: UInt32) -> Bool {
        value >= 0x20 && value != 0x7F && String.isStableInNFC(value)
    }

    static func isCombining(_ c: Unicode.Scalar) -> Bool {
        c.properties.canonicalCombiningClass != .notReordered || (0x3099...0x309A).contains(c.value)
    }
}

extension String {
    init(format4 value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        self = String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
