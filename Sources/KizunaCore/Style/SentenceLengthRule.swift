/// `style-sentence-length`: a sentence is at most `max` characters (default 100), URLs not counted.
struct SentenceLengthRule: StyleRule {
    let id = RuleID.styleSentenceLength
    let proseOnly = true

    func check(_ texts: [ProseText], configuration: StyleConfiguration, severity: Severity, into diagnostics: inout [Diagnostic]) {
        let max = configuration.max(id, default: 100)
        for text in texts {
            for sentence in text.sentences {
                let string = text.string(sentence.range)
                let withoutURLs = string.replacingMatches(of: "https?://[!-~]+")
                let count = withoutURLs.count
                if count > max {
                    diagnostics.append(Diagnostic(id, severity, at: text.location(at: sentence.range.lowerBound),
                        en: "this sentence is \(count) characters long; keep sentences to \(max) or fewer so they read easily on a phone",
                        ja: "この文は\(count)文字あります。スマートフォンで読みやすいよう、1文を\(max)文字以内にしてください"))
                }
            }
        }
    }
}

extension String {
    /// The string with every match of a regular expression removed.
    func replacingMatches(of pattern: String) -> String {
        guard let regex = try? Regex(pattern) else { return self }
        return replacing(regex, with: "")
    }
}
