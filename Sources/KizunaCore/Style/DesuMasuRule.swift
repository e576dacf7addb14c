extension RuleID {
    public static let styleDesuMasu = RuleID("style-desu-masu")
}

/// `style-desu-masu`: a message written in です・ます keeps to it; a sentence ending in である・だ調 is reported at its end.
struct DesuMasuRule: StyleRule {
    static let description = RuleDescription(
        .styleDesuMasu, .error, en: "A である/だ sentence in a message written in です/ます", ja: "です・ます調のメッセージの中の、である・だ調の文",
        styleOptions: [])
    let proseOnly = true

    static let polite = ["です", "ます", "でした", "ました", "ません", "でしょう", "ましょう", "ください", "ませんか", "ですか"]
    static let plain = ["である", "であった", "であろう", "だ", "だった", "だろう", "ではない", "じゃない"]

    /// Each form as a sentence ends in it: alone, or followed by ね or よ.
    static let politeEndings = polite.flatMap { [$0, $0 + "ね", $0 + "よ"] }
    static let plainEndings = plain.map { (form: $0, endings: [$0, $0 + "ね", $0 + "よ"]) }

    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic]
    ) {
        var politeCount = 0
        var plainEnds: [(ProseText, Int, String)] = []
        for text in texts {
            for sentence in text.sentences where sentence.terminated {
                let (body, endIndex) = Self.body(of: sentence, in: text)
                if Self.politeEndings.contains(where: { body.hasSuffix($0) }) {
                    politeCount += 1
                } else if let form = Self.plainEndings.first(where: { $0.endings.contains { body.hasSuffix($0) } })?
                    .form
                {
                    plainEnds.append((text, endIndex - form.unicodeScalars.count, form))
                }
            }
        }
        guard politeCount > 0 else { return }
        for (text, index, form) in plainEnds {
            diagnostics.append(
                Diagnostic(
                    id, severity, at: text.location(at: index),
                    en: "this sentence ends in 「\(form)」 (である・だ調) in a message written in です・ます; write it in です・ます",
                    ja: "です・ます調のメッセージの中で、この文だけが「\(form)」（である・だ調）で終わっています。です・ます調にそろえてください"))
        }
    }

    /// The end of the sentence without its end marks and closing brackets, and the index just after its last word.
    static func body(of sentence: ProseText.Sentence, in text: ProseText) -> (String, Int) {
        var end = sentence.range.upperBound
        while end > sentence.range.lowerBound,
            ProseText.enders.contains(text.characters[end - 1]) || ProseText.closers.contains(text.characters[end - 1])
        {
            end -= 1
        }
        // Only the end matters: the last 32 scalars hold every ending, even written decomposed (NFD).
        return (text.string(max(sentence.range.lowerBound, end - 32)..<end), end)
    }
}
