extension RuleID {
    public static let styleSentenceLength = RuleID("style-sentence-length")
}

/// `style-sentence-length`: a sentence is at most `max` characters (default 100), URLs not counted.
struct SentenceLengthRule: StyleRule {
    static let description = RuleDescription(
        .styleSentenceLength, .error, en: "A sentence over the maximum length", ja: "長すぎる文", styleOptions: ["max"])
    let proseOnly = true

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        let max = configuration.max(id, default: 100)
        for text in texts {
            for sentence in text.sentences {
                let string = text.string(sentence.range)
                let count = string.characterCountWithoutURLs
                if count > max {
                    diagnostics.append(
                        Diagnostic(
                            id, severity, at: text.location(at: sentence.range.lowerBound),
                            en:
                                "this sentence is \(count) characters long; "
                                + "keep sentences to \(max) or fewer so they read easily on a phone",
                            ja: "この文は\(count)文字あります。スマートフォンで読みやすいよう、1文を\(max)文字以内にしてください"))
                }
            }
        }
    }
}

extension String {
    /// Characters, not counting URLs (`https?://` followed by printable ASCII).
    var characterCountWithoutURLs: Int {
        guard containsBytes(of: "http") else { return count }
        var count = 0
        var rest = Substring(self)
        while let start = rest.firstRange(of: "http") {
            count += rest[..<start.lowerBound].count
            let after = rest[start.upperBound...]
            let scheme = after.hasPrefix("://") ? 3 : after.hasPrefix("s://") ? 4 : 0
            if scheme == 0 {
                count += 4
                rest = after
                continue
            }
            var end = after.unicodeScalars.index(after.startIndex, offsetBy: scheme)
            while end < after.endIndex, let scalar = after.unicodeScalars[end...].first,
                (0x21...0x7E).contains(scalar.value)
            {
                end = after.unicodeScalars.index(after: end)
            }
            rest = after[end...]
        }
        return count + rest.count
    }

}
