import Foundation
import Testing
@testable import KizunaCore

@Suite("Diagnostics a fixture cannot express")
struct ProgrammaticDiagnosticTests {
    static let manuscriptPath = "manuscripts/maternity/16w0d.yaml"

    /// A maternity manuscript; the marker shows where a test puts something.
    static let manuscriptTemplate = """
        series: maternity
        day: 16w0d
        title: 小さな耳がひらくころ
        sections:
          - heading: おなかの赤ちゃん
            text: |
              赤ちゃんの耳のつくりがととのい、⚑音を感じはじめるといわれます。
              身長はおよそ12センチです。
        supervisors: [obstetrician-a]
        review: in-review

        """

    /// The minimal set with the manuscript replaced by `bytes`.
    fileprivate static func validate(manuscript bytes: [UInt8], at path: String = manuscriptPath) throws -> (
        ValidationReport, [String: [UInt8]]
    ) {
        var files = try DiagnosticFixtures.minimal()
        files[path] = bytes
        return (Validator().validate(DiagnosticFixtures.contentFiles(files)), files)
    }

    /// The template split at its marker: bytes before, bytes after, and the marker's location.
    fileprivate static func split(_ template: String, path: String = manuscriptPath) throws -> (
        before: [UInt8], after: [UInt8], at: ContentLocation
    ) {
        let parts = template.components(separatedBy: "⚑")
        try #require(parts.count == 2, "the template needs exactly one marker")
        let location = DiagnosticFixtures.stripMarkers(template, file: DiagnosticFixtures.displayPath(path)).markers[0]
        return (Array(parts[0].utf8), Array(parts[1].utf8), location)
    }

    fileprivate static func expectOnly(
        _ rule: RuleID, at expected: [ContentLocation], in report: ValidationReport, files: [String: [UInt8]],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = report.diagnostics.filter { $0.rule == rule }
        let all = DiagnosticFixtures.describe(report.diagnostics, in: files)
        #expect(
            found.map(\.location).sorted() == expected.sorted(),
            "expected \(rule.rawValue) at \(DiagnosticFixtures.describe(expected))\n\(all)",
            sourceLocation: sourceLocation)
        let others = report.diagnostics.filter { $0.rule != rule && $0.severity == .error }
        #expect(others.isEmpty, "errors of other rules:\n\(all)", sourceLocation: sourceLocation)
    }

    // MARK: file-encoding

    /// Byte sequences that are not UTF-8, each put where the marker is (after Japanese text on the line).
    static let invalidSequences: [[UInt8]] = [
        [0xFF],  // never valid in UTF-8
        [0xC0, 0xAF],  // overlong '/'
        [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
        [0xE3, 0x81],  // 「あ」 cut short before an ASCII character
        [0x82, 0xA0],  // a lone continuation byte (Shift_JIS 「あ」)
    ]

    @Test("bytes that are not UTF-8 are reported at their line and column", arguments: invalidSequences)
    func invalidUTF8(_ sequence: [UInt8]) throws {
        let (before, after, at) = try Self.split(Self.manuscriptTemplate)
        let bytes = before + sequence + Array("x".utf8) + after
        let (report, files) = try Self.validate(manuscript: bytes)
        Self.expectOnly(.fileEncoding, at: [at], in: report, files: files)
    }

    /// 「title: 小さな耳がひらくころ」 and the rest of the manuscript in Shift_JIS (`iconv -t SHIFT_JIS`):
    /// ASCII lines stay the same bytes, the first non-ASCII byte is on line 3, after `title: `.
    @Test("a Shift_JIS file is reported at its first non-ASCII byte")
    func shiftJIS() throws {
        let template = """
            series: maternity
            day: 16w0d
            title: ⚑
            """
        let (before, _, at) = try Self.split(template)
        // 小さな耳がひらくころ in Shift_JIS.
        let title: [UInt8] = [
            0x8F, 0xAC, 0x82, 0xB3, 0x82, 0xC8, 0x8E, 0xA8, 0x82, 0xAA, 0x82, 0xD0, 0x82, 0xE7, 0x82, 0xAD,
            0x82, 0xB1, 0x82, 0xEB,
        ]
        // おなかの赤ちゃん in Shift_JIS.
        let heading: [UInt8] = [
            0x82, 0xA8, 0x82, 0xC8, 0x82, 0xA9, 0x82, 0xCC, 0x90, 0xD4, 0x82, 0xBF, 0x82, 0xE1, 0x82, 0xF1,
        ]
        let bytes =
            before + title + Array("\nsections:\n  - heading: ".utf8) + heading
            + Array("\n    text: |\n      ".utf8) + heading
            + Array("\nsupervisors: [obstetrician-a]\nreview: in-review\n".utf8)
        #expect(at == ContentLocation(file: "content/manuscripts/maternity/16w0d.yaml", line: 3, column: 8))
        let (report, files) = try Self.validate(manuscript: bytes)
        Self.expectOnly(.fileEncoding, at: [at], in: report, files: files)
    }

    /// Characters that are UTF-8 but that YAML does not allow in a file (libyaml's reader refuses them).
    static let controlCharacters: [String] = ["\u{07}", "\u{7F}", "\u{90}", "\u{FFFE}"]

    @Test("a control character is reported at its line and column", arguments: controlCharacters, [false, true])
    func controlCharacter(_ character: String, withBOM: Bool) throws {
        let template = Self.manuscriptTemplate.replacingOccurrences(of: "⚑", with: "⚑" + character)
        let (before, after, at) = try Self.split(template)
        let bytes = (withBOM ? [0xEF, 0xBB, 0xBF] : []) + before + after
        let (report, files) = try Self.validate(manuscript: bytes)
        Self.expectOnly(.fileEncoding, at: [at], in: report, files: files)
    }

    // MARK: file-too-large

    @Test("a file over the size limit is refused at its first character; one at the limit is read")
    func fileTooLarge() throws {
        let cap = YAMLDocumentLoader.defaultSizeCap
        let manuscript = Array(Self.manuscriptTemplate.replacingOccurrences(of: "⚑", with: "").utf8)
        let comment = Array("# 長い下書きのメモ: ".utf8)
        let padding = cap - manuscript.count - comment.count - 1
        try #require(padding > 0)
        let atLimit = manuscript + comment + [UInt8](repeating: UInt8(ascii: "x"), count: padding) + [0x0A]
        #expect(atLimit.count == cap)
        let (accepted, acceptedFiles) = try Self.validate(manuscript: atLimit)
        #expect(accepted.diagnostics.isEmpty, "\(DiagnosticFixtures.describe(accepted.diagnostics, in: acceptedFiles))")
        #expect(accepted.content?.content.manuscripts.contains { $0.path.hasSuffix(Self.manuscriptPath) } == true)

        let overLimit = manuscript + comment + [UInt8](repeating: UInt8(ascii: "x"), count: padding + 1) + [0x0A]
        let (refused, refusedFiles) = try Self.validate(manuscript: overLimit)
        let file = DiagnosticFixtures.displayPath(Self.manuscriptPath)
        Self.expectOnly(
            .fileTooLarge, at: [ContentLocation(file: file, line: 1, column: 1)], in: refused, files: refusedFiles)
        #expect(refused.diagnostics.first { $0.rule == .fileTooLarge }?.severity == .error)
    }

    // MARK: file-unreadable

    @Test("an edition file listed by the build and gone when its edition is read is reported, nothing else")
    func fileUnreadable() throws {
        let minimal = try DiagnosticFixtures.minimal()
        let folder = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (relative, bytes) in minimal {
            let path = folder + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        var listed = try ContentDirectory.read(folder, readingEditionFilesWhenUsed: true)
        listed.mecab = MeCabPresence.setting
        // Read when used, the files give what files read up front give.
        let upFront = try ContentDirectory.read(folder)
        #expect(Validator().validate(listed).diagnostics.isEmpty)
        #expect(listed.files.map(\.bytes) == upFront.files.map(\.bytes))

        let edition = try #require(minimal.keys.first { $0.hasPrefix("editions/") })
        try FileManager.default.removeItem(atPath: folder + "/" + edition)
        let report = Validator().validate(listed)
        let found = report.diagnostics.filter { $0.rule == .fileUnreadable }
        #expect(found.map(\.location) == [ContentLocation(file: folder + "/" + edition, line: 1, column: 1)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.en.contains("cannot read") == true)
        #expect(report.diagnostics.allSatisfy { $0.rule == .fileUnreadable || $0.severity != .error })
    }

    // MARK: byte order mark

    @Test("a byte order mark changes neither the values read nor their locations")
    func byteOrderMarkValues() throws {
        let text = Self.manuscriptTemplate.replacingOccurrences(of: "⚑", with: "")
        let (plain, _) = try Self.validate(manuscript: Array(text.utf8))
        let (marked, files) = try Self.validate(manuscript: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(marked.diagnostics.isEmpty, "\(DiagnosticFixtures.describe(marked.diagnostics, in: files))")
        let a = try #require(plain.content?.content.manuscripts.first { $0.path.hasSuffix(Self.manuscriptPath) })
        let b = try #require(marked.content?.content.manuscripts.first { $0.path.hasSuffix(Self.manuscriptPath) })
        #expect(b.title.value == "小さな耳がひらくころ")
        #expect(!b.title.value.hasPrefix("\u{FEFF}"))
        #expect(a.title.location == b.title.location)
        #expect(b.title.location == ContentLocation(file: "content/" + Self.manuscriptPath, line: 3, column: 8))
        #expect(a.day.location == b.day.location)
        #expect(a.sections.map(\.text.value) == b.sections.map(\.text.value))
        #expect(a.sections.map(\.body) == b.sections.map(\.body))
    }

    @Test("a byte order mark before a problem on line 1 leaves its column alone")
    func byteOrderMarkColumnOnLineOne() throws {
        let template =
            "series: ⚑子育て\n"
            + Self.manuscriptTemplate.split(separator: "\n", maxSplits: 1)[1].replacingOccurrences(of: "⚑", with: "")
        let (before, after, at) = try Self.split(template)
        for bom in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
            let (report, files) = try Self.validate(manuscript: bom + before + after)
            Self.expectOnly(.schemaValue, at: [at], in: report, files: files)
        }
    }

    // MARK: yaml-multiple-documents

    @Test("a second document is reported at its '---'")
    func multipleDocuments() throws {
        let body = Self.manuscriptTemplate.replacingOccurrences(of: "⚑", with: "")
        let template = body + "⚑---\n" + body
        let (before, after, at) = try Self.split(template)
        let (report, files) = try Self.validate(manuscript: before + after)
        #expect(at.line == 11 && at.column == 1)
        Self.expectOnly(.yamlMultipleDocuments, at: [at], in: report, files: files)

        // A second document after an explicit end marker is still a second document.
        let ended = body + "...\n⚑--- \(#"{series: childcare, day: "45"}"#)\n"
        let (b2, a2, at2) = try Self.split(ended)
        let (report2, files2) = try Self.validate(manuscript: b2 + a2)
        Self.expectOnly(.yamlMultipleDocuments, at: [at2], in: report2, files: files2)
    }

    @Test("one document with an explicit start or end marker is fine")
    func singleDocumentMarkers() throws {
        let body = Self.manuscriptTemplate.replacingOccurrences(of: "⚑", with: "")
        for text in ["---\n" + body, body + "...\n", "--- # 監修済み\n" + body + "...\n"] {
            let (report, files) = try Self.validate(manuscript: Array(text.utf8))
            #expect(report.diagnostics.isEmpty, "\(DiagnosticFixtures.describe(report.diagnostics, in: files))")
        }
    }

    // MARK: text stays text

    /// Plain scalars a YAML 1.1 resolver would turn into booleans, numbers, times or dates.
    static let plainScalars = [
        "no", "yes", "off", "0123", "9:30", "1e3", "0x1F", ".inf", "2024-04-01", "1_000", "+12", "0.50",
    ]

    @Test("text fields keep what was written", arguments: plainScalars)
    func textStaysText(_ scalar: String) throws {
        let manuscript = """
            series: childcare
            day: 45
            title: \(scalar)
            sections:
              - heading: \(scalar)
                text: \(scalar)
            supervisors: [pediatrician-a]
            review: in-review

            """
        var files = try DiagnosticFixtures.minimal()
        files["manuscripts/childcare/0045.yaml"] = Array(manuscript.utf8)
        // A one-word text is not a sentence; this test is about values, so the sentence-end style rule is off.
        files["style.yaml"] = Array("rules:\n  style-sentence-end: {severity: off}\n".utf8)
        let edition = String(decoding: files["editions/hinata.yaml"]!, as: UTF8.self)
            .replacingOccurrences(of: "municipality: ひなた町", with: "municipality: \(scalar)")
            .replacingOccurrences(of: "hours: 平日 8:30〜17:15", with: "hours: \(scalar)")
        files["editions/hinata.yaml"] = Array(edition.utf8)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFixtures.describe(report.diagnostics, in: files))")
        let content = try #require(report.content?.content)
        let m = try #require(content.manuscripts.first { $0.day.value == .dayCount(45) })
        #expect(m.title.value == scalar)
        #expect(m.sections.first?.heading.value == scalar)
        #expect(m.sections.first?.text.value == scalar)
        #expect(m.sections.first?.body.plainText == scalar)
        let e = try #require(content.editions.first)
        #expect(e.municipality.value == scalar)
        #expect(e.contacts.first?.hours?.value == scalar)
    }

    @Test("`title: no`, `0123` and `9:30` stay the strings 'no', '0123' and '9:30'")
    func namedTextValues() throws {
        var files = try DiagnosticFixtures.minimal()
        files[Self.manuscriptPath] = Array(
            """
            series: maternity
            day: 16w0d
            title: no
            sections:
              - heading: 0123
                text: 9:30
            supervisors: [obstetrician-a]
            review: in-review

            """.utf8)
        // `9:30` is not a sentence; this test is about values, so the sentence-end style rule is off.
        files["style.yaml"] = Array("rules:\n  style-sentence-end: {severity: off}\n".utf8)
        files["editions/hinata.yaml"] = Array(
            String(decoding: files["editions/hinata.yaml"]!, as: UTF8.self)
                .replacingOccurrences(of: "name: きずなメールひなた町版", with: "name: no")
                .replacingOccurrences(of: "municipality: ひなた町", with: "municipality: 0123")
                .replacingOccurrences(of: "hours: 平日 9:00〜17:00", with: "hours: 9:30").utf8)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFixtures.describe(report.diagnostics, in: files))")
        let content = try #require(report.content?.content)
        let m = try #require(content.manuscripts.first { $0.day.value == .gestation(weeks: 16, days: 0) })
        #expect(m.title.value == "no")
        #expect(m.sections.map(\.heading.value) == ["0123"])
        #expect(m.sections.map(\.text.value) == ["9:30"])
        let e = try #require(content.editions.first)
        #expect(e.name.value == "no")
        #expect(e.municipality.value == "0123")
        #expect(e.contacts.map { $0.hours?.value } == ["平日 8:30〜17:15", "9:30"])
    }

    // MARK: fix-its

    struct FixItCase: Sendable, CustomTestStringConvertible {
        var path: String
        /// Two markers per expected fix-it: where its range starts (the diagnostic's location) and where it ends.
        var template: String
        /// For each pair of markers, in order: the rule and the replacement.
        var expected: [(rule: RuleID, replacement: String)]
        var testDescription: String {
            expected.map { "\($0.rule.rawValue) → \($0.replacement)" }.joined(separator: ", ")
        }
    }

    static let fixIts: [FixItCase] = [
        FixItCase(
            path: manuscriptPath,
            template: """
                series: maternity
                day: 16w0d
                ⚑titel⚑: 小さな耳がひらくころ
                sections:
                  - heading: おなかの赤ちゃん
                    text: 音を感じはじめるといわれます。
                supervisors: [obstetrician-a]
                review: ⚑aproved⚑

                """, expected: [(.schemaUnknownKey, "title"), (.schemaValue, "approved")]),
        FixItCase(
            path: "editions/hinata.yaml",
            template: """
                id: hinata
                name: きずなメールひなた町版
                municipality: ひなた町
                series: [maternity, childcare]
                channels: [ライン, ⚑lien⚑]
                contacts:
                  - {id: kosodate-shien, name: ひなた町 子育て支援課, phone: 000-234-5678, ⚑houres⚑: 平日 8:30〜17:15}
                  - id: hoken-center
                    name: ひなた町 保健センター
                    phone: 000-234-5690
                unsubscribe_url: https://example.jp/hinata/kizuna/settings
                inserts: [hinata-parents-class, hinata-1month-checkup]

                """, expected: [(.schemaValue, "line"), (.schemaUnknownKey, "hours")]),
    ]

    @Test("fix-its replace exactly the misspelt word", arguments: fixIts)
    func fixItRanges(_ fixItCase: FixItCase) throws {
        let file = DiagnosticFixtures.displayPath(fixItCase.path)
        let stripped = DiagnosticFixtures.stripMarkers(fixItCase.template, file: file)
        try #require(stripped.markers.count == 2 * fixItCase.expected.count)
        var files = try DiagnosticFixtures.minimal()
        files[fixItCase.path] = Array(stripped.text.utf8)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        let all = DiagnosticFixtures.describe(report.diagnostics, in: files)
        for (i, expected) in fixItCase.expected.enumerated() {
            let start = stripped.markers[2 * i], end = stripped.markers[2 * i + 1]
            let d = try #require(
                report.diagnostics.first { $0.rule == expected.rule && $0.location == start },
                "no \(expected.rule.rawValue) at \(start)\n\(all)")
            let fixIt = try #require(d.fixIt, "\(d.location) has no fix-it")
            #expect(fixIt.start == start)
            #expect(fixIt.end == end)
            #expect(fixIt.replacement == expected.replacement)
        }
        let fixIts = report.diagnostics.compactMap(\.fixIt)
        #expect(fixIts.count == fixItCase.expected.count, "\(all)")
    }
}
