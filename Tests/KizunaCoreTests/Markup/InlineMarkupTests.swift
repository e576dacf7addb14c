import Testing
import Yams
@testable import KizunaCore

@Suite struct InlineMarkupTests {
    /// Loads `text: |` with the given lines as a literal block and parses its markup.
    func parse(_ lines: [String], into diagnostics: inout [Diagnostic]) throws -> RichText? {
        let yaml = "text: |\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        let document = try #require(
            YAMLDocumentLoader().load(SourceFile(path: "t.yaml", text: yaml), into: &diagnostics))
        let reader = try #require(
            MappingReader(
                document.root, in: document, what: LocalizedText(en: "test", ja: "テスト"), keys: ["text"],
                into: &diagnostics))
        let text = try #require(reader.text("text", into: &diagnostics))
        return InlineMarkupParser.parse(text, into: &diagnostics)
    }

    @Test func emphasisLinksAndParagraphs() throws {
        var diagnostics: [Diagnostic] = []
        let rich = try #require(
            try parse(
                ["まずは<em>ゆっくり</em>休みましょう。", "", "<a href=\"https://example.jp/a\">相談窓口</a>へ。&amp;"], into: &diagnostics)
        )
        #expect(diagnostics.isEmpty)
        #expect(rich.paragraphs.count == 2)
        #expect(rich.paragraphs[0] == [.text("まずは"), .emphasis("ゆっくり"), .text("休みましょう。")])
        #expect(rich.links.map(\.url) == ["https://example.jp/a"])
        #expect(rich.links.first?.location == SourceLocation(file: "t.yaml", line: 4, column: 3))
        #expect(rich.paragraphs[1].last == .text("へ。&"))
    }

    @Test func unclosedEmphasisIsReportedInsideTheBlock() throws {
        var diagnostics: [Diagnostic] = []
        let rich = try parse(["一行目です。", "二行目に<em>閉じない強調。"], into: &diagnostics)
        #expect(rich == nil)
        #expect(diagnostics.map(\.rule) == [.markupSyntax])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 3, column: 7))
    }

    @Test func bareAmpersandIsReportedAtItsCharacter() throws {
        var diagnostics: [Diagnostic] = []
        _ = try parse(["ミルク&母乳"], into: &diagnostics)
        #expect(diagnostics.map(\.rule) == [.markupSyntax])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 6))
    }

    @Test func unknownElementIsRefused() throws {
        var diagnostics: [Diagnostic] = []
        _ = try parse(["ここは<b>太字</b>です。"], into: &diagnostics)
        #expect(diagnostics.map(\.rule) == [.markupElement])
        #expect(diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 2, column: 6))
    }
}
