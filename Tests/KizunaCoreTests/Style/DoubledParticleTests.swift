import Testing
import Yams
@testable import KizunaCore

/// A one-line text as the loaders read it, written after `t: `, so that positions map into a file.
func located(_ text: String) -> LocatedText {
    let source = SourceText(path: "t.yaml", text: "t: \(text)\n")
    let scalar = try! Yams.compose(yaml: source.text)!.mapping!.first!.value.scalar!
    return LocatedText(scalar: scalar, source: source)
}

/// `style-doubled-particle` with MeCab: what is doubled, and the natural Japanese that is not.
@Suite(.enabled(if: MeCabPresence.available, MeCabPresence.reason))
struct DoubledParticleTests {
    static let analyzer = try! MorphologicalAnalyzer.load().get()

    /// Columns (1-based, characters) where the rule reports in a one-line text; ⚑ marks are the expected ones.
    func check(_ marked: String, minInterval: Int? = nil) -> (found: [Int], expected: [Int]) {
        var expected: [Int] = []
        var text = ""
        for c in marked {
            if c == "⚑" { expected.append(text.count + 1) } else { text.append(c) }
        }
        var style = StyleConfiguration()
        if let minInterval {
            style.settings[.styleDoubledParticle] = .init(severity: .warning, max: nil, minInterval: minInterval)
        }
        var found: [Diagnostic] = []
        DoubledParticleRule(analyzer: Self.analyzer).check(
            [ProseText(located(text))], configuration: style, severity: .warning, into: &found)
        // Columns in the text, without the `t: ` before it.
        return (found.map { $0.location.column - 3 }, expected)
    }

    @Test(arguments: [
        "私は今日⚑は休みます。",
        "この時期の赤ちゃんは夜⚑は長く眠ります。",
        "熱が急⚑が上がったら連絡しましょう。",
        "ミルクを量⚑を決めて飲ませましょう。",
        "病院に健診⚑に行きましょう。",
    ])
    func doubledParticlesAreReportedAtTheSecond(_ text: String) {
        let result = check(text)
        #expect(result.found == result.expected)
    }

    @Test(arguments: [
        "右が兄、左が弟です。",  // a 、 between them
        "赤ちゃんは夜の授乳は大変です。",  // の between: interval 2
        "沐浴の練習や出産の流れを学ぶ教室を開いています。",  // two を in two clauses
        "白目が黄色っぽく見えることがあります。",  // ことがある
        "赤ちゃんの脳が傷つくおそれがあります。",  // おそれがある
        "夜間や休日に不安になったときは相談しましょう。",  // 不安に: a predicate
        "簡単な言いつけにこたえられるようになります。",  // 〜ように
        "特にありがとうと言いましょう。",  // に of 特に, が of ありがとう
        "お風呂には、ママとパパが一緒に入りましょう。",  // には is one unit
    ])
    func naturalSentencesPass(_ text: String) {
        #expect(check(text).found.isEmpty)
    }

    @Test func theIntervalIsAnOption() {
        #expect(check("赤ちゃんは夜の授乳は大変です。").found.isEmpty)
        #expect(check("赤ちゃんは夜の授乳⚑は大変です。", minInterval: 2).found == [10])
    }

    @Test func theNotePointsAtTheFirst() {
        var found: [Diagnostic] = []
        DoubledParticleRule(analyzer: Self.analyzer).check(
            [ProseText(located("私は今日は休みます。"))], configuration: StyleConfiguration(), severity: .warning, into: &found)
        #expect(found.first?.notes.first?.location?.column == 3 + 2)
    }

    /// A build gives the dictionary's pages back after each edition's check; the next parse reads them again.
    @Test func releasingTheDictionaryPagesChangesNoWord() {
        let text = "赤ちゃんの体重は、ゆっくり増えていきます。"
        let before = Self.analyzer.words(in: text)
        Self.analyzer.releaseResidentPages()
        #expect(Self.analyzer.words(in: text) == before)
        #expect(before.map(\.surface.string) == ["赤ちゃん", "の", "体重", "は", "、", "ゆっくり", "増え", "て", "いき", "ます", "。"])
        #expect(!Self.analyzer.dictionaryMappings.isEmpty)
    }
}
