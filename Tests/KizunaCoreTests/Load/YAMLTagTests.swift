import Testing
@testable import KizunaCore

/// `yaml-tag` for merge and value keys, whichever resolver the loader picked for the file.
@Suite struct YAMLTagTests {
    @Test(arguments: [
        ("<<: 合流\n", "!!merge", 1, 1),
        ("title: 健診\n=: 値\n", "!!value", 2, 1),
        ("title: 健診\nlist:\n  - 一つ目\n  - !!binary aGVsbG8=\n", "!!binary", 4, 5),
        ("title: !custom 健診\n", "!custom", 1, 8),
        ("title: 健診\nnote: <<\n", "!!merge", 2, 7),
        ("title: !!merge 健診\n", "!!merge", 1, 8),
    ])
    func refusedTagsAreReportedWhereTheyAre(yaml: String, shown: String, line: Int, column: Int) {
        var diagnostics: [Diagnostic] = []
        let document = YAMLDocumentLoader().load(
            SourceFile(path: "content/inserts/a.yaml", text: yaml), into: &diagnostics)
        #expect(document == nil)
        #expect(diagnostics.map(\.rule) == [.yamlTag])
        #expect(diagnostics.first?.message.en.contains("'\(shown)'") == true)
        #expect(
            diagnostics.first?.location
                == KizunaCore.SourceLocation(file: "content/inserts/a.yaml", line: line, column: column))
    }

    @Test(arguments: [
        "'<<': 合流\n",
        "\"=\": 値\n",
        "count: !!int 3\nflag: !!bool true\nname: !!str 健診\n",
    ])
    func quotedKeysPlainValuesAndCoreTagsLoad(yaml: String) {
        var diagnostics: [Diagnostic] = []
        let document = YAMLDocumentLoader().load(
            SourceFile(path: "content/inserts/a.yaml", text: yaml), into: &diagnostics)
        #expect(document != nil)
        #expect(diagnostics.isEmpty)
    }
}
