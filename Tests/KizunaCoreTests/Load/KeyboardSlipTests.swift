import Testing
@testable import KizunaCore

/// Issue 27's keyboard slips: each at its line and column, in plain English and Japanese, mended so the rest of the
/// file is still checked, and fixed by `kizuna fix`.
@Suite("Keyboard slips")
struct KeyboardSlipTests {
    static let path = "content/manuscripts/maternity/20w0d.yaml"

    /// The minimal content with the 20w0d manuscript replaced.
    static func validate(_ manuscript: String) throws -> ValidationReport {
        var files = try DiagnosticFixtures.minimal()
        files["manuscripts/maternity/20w0d.yaml"] = Array(manuscript.utf8)
        return Validator().validate(DiagnosticFixtures.contentFiles(files))
    }

    static let slipRules: Set<RuleID> = [
        .yamlFullwidthIndent, .yamlTabIndent, .yamlFullwidthColon, .yamlFullwidthListMarker, .yamlFullwidthComment,
        .yamlFullwidthQuote, .fileBOMInside,
    ]

    @Test("a full-width space indenting line 5 is reported at 5:1, not as a YAML error on line 6")
    func fullwidthIndentRow() throws {
        let report = try Self.validate(
            "series: maternity\nday: 20w0d\ntitle: 折り返し地点\nsections:\n\u{3000}\u{3000}- heading: 見出し\n"
                + "    text: |\n      本文です。\nsupervisors: [obstetrician-a]\nreview: in-review\n")
        let found = report.diagnostics.filter { $0.location.file == Self.path }
        #expect(found.map(\.rule) == [.yamlFullwidthIndent], "\(found)")
        #expect(found.first?.location.line == 5 && found.first?.location.column == 1)
        #expect(found.first?.message.ja.contains("全角スペース") == true)
        #expect(found.first?.fixIt?.replacement == "  ")
    }

    @Test("'title：' on line 3 is reported at 3:6, not at 4:1")
    func fullwidthColonRow() throws {
        let report = try Self.validate(
            "series: maternity\nday: 20w0d\ntitle：折り返し地点\nsections:\n  - heading: 見出し\n"
                + "    text: |\n      本文です。\nsupervisors: [obstetrician-a]\nreview: in-review\n")
        let found = report.diagnostics.filter { $0.location.file == Self.path }
        #expect(found.map(\.rule) == [.yamlFullwidthColon], "\(found)")
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "3:6")
        #expect(found.first?.message.en.contains("'title'") == true)
        #expect(found.first?.fixIt?.replacement == ": ")
    }

    @Test("a tab in the indentation is reported as a tab, in both languages")
    func tabRow() throws {
        let report = try Self.validate(
            "series: maternity\nday: 20w0d\ntitle: 折り返し地点\nsections:\n  - heading: 見出し\n"
                + "\ttext: |\n      本文です。\nsupervisors: [obstetrician-a]\nreview: in-review\n")
        let found = report.diagnostics.filter { $0.location.file == Self.path }
        #expect(found.map(\.rule) == [.yamlTabIndent], "\(found)")
        #expect(found.first.map { "\($0.location.line):\($0.location.column)" } == "6:1")
        #expect(found.first?.message.en.contains("tab") == true)
        #expect(found.first?.message.ja.contains("タブ") == true)
        #expect(found.first?.fixIt?.replacement == "    ")
    }

    @Test(
        "a YAML error in Japanese holds no English from the YAML reader",
        arguments: [
            "title: 折り返し: 地点\n", "title: @折り返し\n", "title: \"折り返し\n", "title: !x 折り返し\n",
            "sections:\n  - heading: a\n   text: b\n",
        ])
    func japaneseHasNoEnglish(_ text: String) {
        var diagnostics: [Diagnostic] = []
        _ = YAMLDocumentLoader().load(SourceFile(path: "content/a.yaml", text: text), into: &diagnostics)
        #expect(!diagnostics.isEmpty)
        for d in diagnostics {
            #expect(LocalizationTests.englishWords(in: d.message.ja).isEmpty, "\(d.message.ja)")
            let output = DiagnosticFormatter.text([d], language: .ja)
            for english in ["found", "mapping", "expected", "scanning", "token", "while"] {
                #expect(!output.contains(english), "\(output)")
            }
        }
    }

    @Test("a problem the reader states in words not known here is said in general terms, quoted in English only")
    func unknownProblem() {
        let source = SourceText(path: "content/a.yaml", text: "a: b\n")
        let (location, message) = YAMLProblem.describe(
            problem: "some new problem", context: nil, line: 1, column: 3, source: source)
        #expect(location.line == 1 && location.column == 3)
        #expect(message.en.contains("\"some new problem\""))
        #expect(LocalizationTests.englishWords(in: message.ja).isEmpty)
    }

    @Test("inside a text block, full-width spaces, ・, ー and ＃ are Japanese text, not slips")
    func textBlocksAreText() throws {
        let report = try Self.validate(
            "series: maternity\nday: 20w0d\ntitle: 折り返し地点\nsections:\n  - heading: 見出し\n    text: |\n"
                + "      \u{3000}字下げした段落です。\n      ・持ち物は母子手帳です。\n      ー 爪も伸びます。\n"
                + "      ＃ 番号ではありません。\n    \u{3000}\u{3000}続きの行です。\n"
                + "supervisors: [obstetrician-a]\nreview: in-review\n")
        let slips = report.diagnostics.filter { Self.slipRules.contains($0.rule) }
        #expect(slips.isEmpty, "\(slips)")
    }

    @Test("a slip hides nothing: the rest of the file is still checked")
    func slipHidesNothing() throws {
        let report = try Self.validate(
            "series: maternity\nday: 20w0d\ntitle：折り返し地点\nsections:\n  - heading: 見出し\n"
                + "    text: |\n      ｶﾀｶﾅの本文です。\nsupervisors: [obstetrician-a]\nreview: in-review\n")
        let rules = Set(report.diagnostics.filter { $0.location.file == Self.path }.map(\.rule))
        #expect(rules == [.yamlFullwidthColon, .styleHalfwidthKana], "\(report.diagnostics)")
        let kana = report.diagnostics.first { $0.rule == .styleHalfwidthKana }
        #expect(kana.map { "\($0.location.line):\($0.location.column)" } == "7:7")
    }

    /// One manuscript with every slip.
    static let everySlip =
        "＃ 妊娠20週\nseries: maternity\nday: 20w0d\ntitle：“折り返し地点”\nsections:\n  ・heading: 見出し\n"
        + "\u{3000}\u{3000}text: |\n      本文です。\n  ー heading:\u{3000}二つ目\n\ttext: |\n      二つ目の本文です。\n"
        + "supervisors: [obstetrician-a]\n\u{FEFF}review: in-review\n"

    @Test("kizuna fix mends every slip, counting what validate prints, and the file then validates clean")
    func fixMendsEverySlip() throws {
        let before = try Self.validate(Self.everySlip)
        let slips = before.diagnostics.filter { Self.slipRules.contains($0.rule) }
        #expect(Set(slips.map(\.rule)) == Self.slipRules, "\(slips.map(\.rule))")
        #expect(slips.allSatisfy { $0.fixIt?.span != nil })
        #expect(!before.diagnostics.contains { $0.rule == .yamlSyntax })
        var files = try DiagnosticFixtures.minimal()
        files["manuscripts/maternity/20w0d.yaml"] = Array(Self.everySlip.utf8)
        let result = ContentFixer().fix(DiagnosticFixtures.contentFiles(files))
        #expect(result.introduced.isEmpty && result.remaining.isEmpty)
        let fixable = before.diagnostics.filter { ContentFixer.fixableRules.contains($0.rule) && $0.fixIt != nil }
        #expect(result.files.reduce(0) { $0 + $1.applied.count } == fixable.count)
        let fixed = try #require(result.files.first { $0.path == Self.path })
        let after = try Self.validate(String(decoding: fixed.fixed, as: UTF8.self))
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics)\n\(String(decoding: fixed.fixed, as: UTF8.self))")
    }
}
