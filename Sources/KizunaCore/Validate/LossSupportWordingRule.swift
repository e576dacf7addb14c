extension RuleID {
    public static let lossSupportWording = RuleID("loss-support-wording")
}

/// `loss-support-wording`: the message a parent gets after a miscarriage, a stillbirth or a child's death addresses
/// nobody by nickname, counts no days and congratulates nobody. The supervisors read the rest; this catches what
/// would come from a day's message copied in.
struct LossSupportWordingRule: ContentRule {
    static let description = RuleDescription(
        .lossSupportWording, .error,
        en: "A loss support message with {nickname}, a day count (日目, 妊娠N週, 出産予定日まで) or a congratulation",
        ja: "{nickname}・日数（日目、妊娠N週、出産予定日まで）・お祝いの言葉を含む喪失時のサポートメッセージ")

    /// What must not be written, and why.
    enum Finding {
        case nickname, dayCount, congratulation

        var message: LocalizedText {
            switch self {
            case .nickname:
                LocalizedText(
                    en: "a loss support message addresses nobody by nickname: remove \(Placeholder.nickname)",
                    ja: "喪失時のサポートメッセージではニックネームで呼びかけません。\(Placeholder.nickname) を削除してください")
            case .dayCount:
                LocalizedText(
                    en: "a loss support message counts no days and names no stage of pregnancy or age",
                    ja: "喪失時のサポートメッセージには、日数や妊娠週数・月齢を書きません")
            case .congratulation:
                LocalizedText(
                    en: "a loss support message congratulates nobody",
                    ja: "喪失時のサポートメッセージには、お祝いの言葉を書きません")
            }
        }
    }

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for support in content.lossSupports {
            for text in [support.title, support.text] {
                for (offset, finding) in Self.findings(in: text.raw) {
                    diagnostics.append(
                        Diagnostic(.lossSupportWording, at: text.location(ofScalarOffset: offset), finding.message))
                }
            }
        }
    }

    static let congratulations = ["おめでとう", "お祝い"]

    /// Each finding in `text`, at its offset in Unicode scalars, in text order.
    static func findings(in text: String) -> [(offset: Int, finding: Finding)] {
        let scalars = Array(text.unicodeScalars)
        func matches(_ word: String, at i: Int) -> Bool {
            let w = Array(word.unicodeScalars)
            return i + w.count <= scalars.count && Array(scalars[i..<(i + w.count)]) == w
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool {
            ("0"..."9").contains(s) || ("０"..."９").contains(s) || "〇一二三四五六七八九十百千".unicodeScalars.contains(s)
        }
        /// The end of the digits starting at `i` (`i` when there are none).
        func digits(from i: Int) -> Int {
            var j = i
            while j < scalars.count, isDigit(scalars[j]) { j += 1 }
            return j
        }
        var found: [(Int, Finding)] = []
        var i = 0
        while i < scalars.count {
            if matches(Placeholder.nickname, at: i) {
                found.append((i, .nickname))
                i += Placeholder.nickname.unicodeScalars.count
                continue
            }
            if let word = congratulations.first(where: { matches($0, at: i) }) {
                found.append((i, .congratulation))
                i += word.unicodeScalars.count
                continue
            }
            // 「45日目」, 「妊娠20週」, 「出産予定日まで」
            if isDigit(scalars[i]), i == 0 || !isDigit(scalars[i - 1]) {
                let end = digits(from: i)
                if matches("日目", at: end) {
                    found.append((i, .dayCount))
                    i = end + 2
                    continue
                }
            }
            if matches("妊娠", at: i), digits(from: i + 2) > i + 2, matches("週", at: digits(from: i + 2)) {
                found.append((i, .dayCount))
                i = digits(from: i + 2) + 1
                continue
            }
            if matches("出産予定日まで", at: i) {
                found.append((i, .dayCount))
                i += 7
                continue
            }
            i += 1
        }
        return found
    }
}
