import Foundation
import Testing
@testable import KizunaCore

/// The shortcuts validation takes on ordinary text give what the long way gives.
@Suite struct TextFastPathTests {
    static let samples = [
        "", "abc", "ママ、今日は晴れです。", "か\u{3099}んばって", "ｶﾞｰｾﾞ", "ＡＢＣ１２３", "e\u{301}", "Å", "\u{212B}",
        "〪あ", "\u{3099}", "가", "\u{1100}\u{1161}", "豈", "\u{F900}", "😀👨‍👩‍👧", "\u{30AB}\u{3099}", "漢字とかな。",
    ]

    @Test func nfcEqualsFoundationsNormalisation() {
        for text in Self.samples {
            #expect(
                Array(text.nfc.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars),
                "\(text)")
        }
    }

    @Test func stableScalarsHaveNoDecompositionAndDoNotCombine() {
        // Every scalar the fast path trusts is unchanged by NFC alone and after any other trusted scalar.
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x3000...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF9F]
        let trusted = ranges.flatMap { $0 }.filter { String.isStableInNFC($0) }.compactMap(Unicode.Scalar.init)
        for scalar in trusted {
            let alone = String(scalar)
            #expect(
                alone.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(alone.unicodeScalars),
                "U+\(String(scalar.value, radix: 16))")
            #expect(scalar.properties.canonicalCombiningClass == .notReordered)
        }
        // A trusted scalar after a base that could take a voicing mark never composes with it.
        for base in ["か", "カ", "う", "ウ"] {
            for scalar in trusted where scalar.value >= 0x3000 {
                let pair = base + String(scalar)
                #expect(pair.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(pair.unicodeScalars))
            }
        }
    }

    @Test func characterCountWithoutURLsFindsHTTPInBytes() {
        #expect("こんにちは".characterCountWithoutURLs == 5)
        #expect("詳しくは https://example.jp/a?b=1 へ".characterCountWithoutURLs == 7)
        #expect("hhttp://example.jp です".characterCountWithoutURLs == 4)
        #expect("httphttp".characterCountWithoutURLs == 8)
        #expect("htt".characterCountWithoutURLs == 3)
    }

    @Test func dictionaryTextComparesBytes() {
        let particle: DictionaryText = "助詞"
        #expect(particle == DictionaryText(String("助詞")))
        #expect(particle != "名詞")
        #expect(Set<DictionaryText>(["は", "が"]).contains(DictionaryText("が")))
        #expect("\(particle)" == "助詞")
    }

    @Test func sourceLinesEndAtLineFeedOrCRLF() {
        let source = SourceText(path: "t.yaml", text: "あ\r\nい\rう\n\nえ")
        #expect(source.lines == ["あ", "い\rう", "", "え"])
        #expect(SourceText(path: "t.yaml", text: "\r\n").lines == ["", ""])
        #expect(SourceText(path: "t.yaml", text: "a\n").lines == ["a", ""])
    }

    @Test func desuMasuReadsDecomposedEndings() {
        // でした written with a combining voicing mark still counts as polite, so the だ sentence is reported.
        var found: [Diagnostic] = []
        let text = ProseText(located("今日は晴れて\u{3099}した。明日は雨た\u{3099}。"))
        DesuMasuRule().check([text], configuration: StyleConfiguration(), severity: .warning, into: &found)
        #expect(found.count == 1)
    }
}
