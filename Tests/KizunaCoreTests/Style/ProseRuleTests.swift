import Testing
@testable import KizunaCore

/// The prose rules of textlint's Japanese presets: for each, sentences it must catch (⚑ before each finding) and
/// natural sentences it must leave alone. The fixtures under Fixtures/diagnostics/<rule-id> show them in a file.
@Suite struct ProseRuleTests {
    /// Columns (1-based, characters) where `rule` reports in a one-line text, and where the ⚑ marks expect it.
    static func check(
        _ rule: any StyleRule, _ marked: String, style: StyleConfiguration = StyleConfiguration()
    ) -> (found: [Int], expected: [Int]) {
        var expected: [Int] = []
        var text = ""
        for c in marked {
            if c == "⚑" { expected.append(text.count + 1) } else { text.append(c) }
        }
        var found: [Diagnostic] = []
        rule.check([ProseText(located(text))], configuration: style, severity: .warning, into: &found)
        return (found.map { $0.location.column - 3 }.sorted(), expected)
    }

    static func expectExact(_ rule: any StyleRule, _ sentences: [String], style: StyleConfiguration = .init()) {
        for sentence in sentences {
            let (found, expected) = check(rule, sentence, style: style)
            #expect(found == expected, "\(rule.id.rawValue): \(sentence)")
        }
    }

    @Test func doubleNegative() {
        Self.expectExact(
            DoubleNegativeRule(),
            [
                "夜泣きが⚑ないわけではありません。", "ひとりででき⚑なくはないです。", "困ることが⚑ないことはないでしょう。",
                "行か⚑ないわけではない。", "でき⚑なくもない。",
                // Natural sentences that must not trigger.
                "危なくはないので、安心してください。", "量が少なくはないか、確かめましょう。", "無理をしないでください。",
                "泣かないわけを探しすぎなくて大丈夫です。", "もったいなくはありますが、捨てましょう。", "心配はいりません。",
                "眠れないことがあっても、あせらなくていいのです。",
            ])
    }

    @Test func repeatedConjunction() {
        Self.expectExact(
            RepeatedConjunctionRule(),
            [
                "しかし、夜は泣きます。⚑しかし、昼は眠ります。", "また、昼も泣きます。⚑また授乳も大変です。",
                "また、昼も泣きます。そして、夜は眠ります。また、授乳も大変です。",
                "またの機会にしましょう。またね、と声をかけます。", "なおさら大切です。なお、詳しくは町へ。",
                "ただ、無理はしないで。ただし、熱があれば受診を。", "しかし、夜は泣きます。",
            ])
    }

    @Test func kanjiRun() {
        var allow = StyleConfiguration()
        allow.settings[.styleKanjiRun] = .init(severity: .warning, allow: ["乳幼児突然死症候群"])
        Self.expectExact(
            KanjiRunRule(),
            [
                "⚑乳幼児健康診査受診票を出しましょう。", "⚑乳幼児突然死症候群を防ぎます。", "母子健康手帳を持っていきましょう。",
                "予防接種の予診票を書きます。", "出生届は14日以内に出します。", "日々の記録をつけましょう。",
            ])
        Self.expectExact(KanjiRunRule(), ["乳幼児突然死症候群を防ぎます。", "⚑乳幼児突然死症候群予防対策推進事業を。"], style: allow)
    }

    @Test func unmatchedBracket() {
        Self.expectExact(
            UnmatchedBracketRule(),
            [
                "⚑「大丈夫かなと思ったら。", "手帳⚑）を持って。", "『すくすく』は「毎月」届きます。", "（）と【】も閉じます。",
                "「『大丈夫』と言ってね」と話します。", "⚑「『大丈夫』と言ってね。", "母子手帳（母子健康手帳）を持っていきましょう。",
            ])
    }

    @Test func repeatedWord() {
        Self.expectExact(
            RepeatedWordRule(),
            [
                "赤ちゃんの⚑の様子を見ます。", "ミルクを⚑をあげます。", "大丈夫です⚑です。", "ママが⚑が、がんばりすぎないで。",
                // Legitimate repeats and doubled kana that belong to words.
                "ここまでよくがんばりました。", "いろいろな表情が見られます。", "それぞれのペースで大丈夫です。",
                "どんどん大きくなります。", "ときどき休みましょう。", "たまたま寝た日もあります。", "まだまだ小さな体です。",
                "少しずつ慣れていきます。", "ますます元気になります。", "体重は3300グラム、1111番へ。",
                "赤ちゃんののどを見ます。", "家でできる遊びです。", "ママががんばりすぎないように。", "あるものの、少ないです。",
                "ものの見方が変わります。", "赤ちゃんににこにこ話しかけます。", "のどがからからに乾きます。", "ははは、と笑います。",
            ])
    }

    @Test func kangxiRadicalWithAFixToTheKanji() {
        Self.expectExact(KangxiRadicalRule(), ["毎⚑⽇、⚑⽉齢に合った遊びを。", "⚑⺠話を読みます。", "毎日、月齢に合った遊びを。"])
        var found: [Diagnostic] = []
        KangxiRadicalRule().check(
            [ProseText(located("毎⽇です。"))], configuration: .init(), severity: .error, into: &found)
        #expect(found.first?.fixIt?.replacement == "日")
    }

    @Test func japaneseSpacing() {
        Self.expectExact(
            JapaneseSpacingRule(),
            [
                "町の⚑ LINE⚑ で相談できます。", "生後⚑ 2か月から。", "ようこそ {nickname} さん、{nickname さん。", "LINEで相談できます。",
                "生後2か月から、B型肝炎の接種です。",
                "詳しくは https://example.jp/hinata を見てください。", "電話 000-210-0001 まで。",
            ])
        var always = StyleConfiguration()
        always.settings[.styleJaSpacing] = .init(severity: .error, spacing: .always)
        Self.expectExact(
            JapaneseSpacingRule(), ["町の⚑LINE⚑で相談できます。", "町の LINE で相談できます。", "詳しくは https://example.jp/ を。"],
            style: always)
        var found: [Diagnostic] = []
        JapaneseSpacingRule().check(
            [ProseText(located("町の LINE です。"))], configuration: .init(), severity: .error, into: &found)
        #expect(found.first?.fixIt?.replacement == "")
    }

    @Test func exclamationAndQuestionAreAllowedByDefault() {
        Self.expectExact(ExclamationQuestionRule(), ["大丈夫！", "眠れていますか？", "https://example.jp/?a=1"])
        var neither = StyleConfiguration()
        neither.settings[.styleExclamationQuestion] = .init(
            severity: .error, allowExclamation: false, allowQuestion: false)
        Self.expectExact(
            ExclamationQuestionRule(), ["大丈夫⚑！", "眠れていますか⚑？", "本当⚑!", "https://example.jp/?a=1 を見てね。"],
            style: neither)
        var noExclamation = StyleConfiguration()
        noExclamation.settings[.styleExclamationQuestion] = .init(severity: .error, allowExclamation: false)
        Self.expectExact(ExclamationQuestionRule(), ["大丈夫⚑！", "眠れていますか？"], style: noExclamation)
    }
}

/// The prose rules that read MeCab's words.
@Suite(.enabled(if: MeCabPresence.available, MeCabPresence.reason))
struct ProseRuleWithMeCabTests {
    static let analyzer = try! MorphologicalAnalyzer.load().get()

    @Test func raNuki() {
        ProseRuleTests.expectExact(
            RaNukiRule(analyzer: Self.analyzer),
            [
                "テレビが⚑見れる。", "明日は⚑来れる？", "野菜を⚑食べれる。", "夜に⚑寝れない。", "ひとりで⚑着れる服。", "朝⚑起きれる。",
                // 五段 potentials and right forms.
                "写真が取れる。", "かもしれない。", "疲れがとれる日。", "見られる。", "来られる。", "食べられる。", "よく眠れる。",
                "離乳食を始められる時期です。", "お風呂に入れる。", "手を洗える。", "話せるようになります。",
            ])
    }

    @Test func gaTwice() {
        ProseRuleTests.expectExact(
            ConjunctiveGaRule(analyzer: Self.analyzer),
            [
                "夜は泣きますが、昼は眠ります⚑が、心配はいりません。", "眠いですが、頑張ります⚑が、無理はしません。",
                "赤ちゃんが、ミルクが好きです。", "夜は泣きますが、昼はよく眠ります。", "熱が出たら、ママが連絡しましょう。",
                "大変ですが、少しずつ慣れます。ですが、無理はしないで。",
            ])
    }
}
