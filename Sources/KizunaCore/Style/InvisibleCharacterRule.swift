/// `style-invisible-character`: no zero-width or control characters, and no decomposed (NFD) text, which looks
/// right but compares, searches and counts wrong.
struct InvisibleCharacterRule: StyleRule {
    let id = RuleID.styleInvisibleCharacter
    let proseOnly = false

    static let zeroWidth: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]

    func check(_ texts: [ProseText], configuration: StyleConfiguration, severity: Severity, into diagnostics: inout [Diagnostic]) {
        for text in texts {
            for (i, c) in text.characters.enumerated() {
                if Self.zeroWidth.contains(c.value) {
                    diagnostics.append(Diagnostic(id, severity, at: text.location(at: i),
                        "an invisible character (U+\(String(c.value, radix: 16, uppercase: true))) is here: delete it"))
                } else if c.properties.generalCategory == .control && c != "\n" && c != "\t" {
                    diagnostics.append(Diagnostic(id, severity, at: text.location(at: i),
                        "a control character (U+\(String(format4: c.value))) is here: delete it"))
                } else if c.properties.canonicalCombiningClass != .notReordered || (0x3099...0x309A).contains(c.value) {
                    diagnostics.append(Diagnostic(id, severity, at: text.location(at: i),
                        "a decomposed character (NFD) is here: retype it or save the file in NFC"))
                }
            }
        }
    }
}

extension String {
    init(format4 value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        self = String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}
