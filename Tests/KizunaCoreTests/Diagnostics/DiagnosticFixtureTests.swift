import Foundation
import Testing
@testable import KizunaCore

/// A place in a content file (Swift Testing has a `SourceLocation` of its own).
typealias ContentLocation = KizunaCore.SourceLocation

// Diagnostic fixtures.
//
// `Fixtures/minimal/` is a small valid content folder. Each folder `Fixtures/diagnostics/<rule-id>/` or
// `Fixtures/diagnostics/<rule-id>--<variant>/` holds overlay files with the same relative paths as in a content
// folder: an overlay file replaces the minimal set's file of that path, or adds one. Inside an overlay file the
// marker ⚑ (U+2691) stands immediately before the character where a diagnostic of the folder's rule must be
// reported. The markers are removed before validation; each one's 1-based line and column, counted in characters
// (Swift `Character`s) of the text without markers, is where a diagnostic is expected.

/// Loads the minimal content set and the diagnostic fixtures from `Tests/KizunaCoreTests/Fixtures`
/// (also used by LocalizationTests).
enum DiagnosticFixtures {
    static let marker: Unicode.Scalar = "\u{2691}"
    static let minimalFolder = Paths.fixtures.appendingPathComponent("minimal")
    static let fixturesFolder = Paths.fixtures.appendingPathComponent("diagnostics")
    /// The content folder's name as diagnostics print it.
    static let contentRoot = "content"

    /// The rules whose diagnostics are warnings, as docs/checks.md and the rule catalog document them.
    /// Written out here rather than taken from `RuleID.defaultSeverity`, so a change of severity fails a test.
    static let warningRules: Set<RuleID> = [
        .insertUnused, .supervisorMissing, .approvalStale, .approvalMissing, .styleDoubledParticle,
    ]

    /// The name of every fixture folder, sorted.
    static let names: [String] = {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: fixturesFolder.path) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && manager.fileExists(
                    atPath: fixturesFolder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// Fixtures of the rules that read words, which report only where MeCab is available, and the others.
    static let namesNeedingMeCab = names.filter { rule(ofFixture: $0)?.needsMeCab == true }
    static let namesWithoutMeCab = names.filter { !namesNeedingMeCab.contains($0) }

    /// The rule a fixture folder is for: its name up to `--`.
    static func rule(ofFixture name: String) -> RuleID? {
        let id = name.range(of: "--").map { String(name[..<$0.lowerBound]) } ?? name
        return RuleID(rawValue: id)
    }

    /// Every non-hidden file under `folder`, by path relative to it.
    static func files(under folder: URL) throws -> [String: [UInt8]] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder.path) else {
            throw DiagnosticFixtureError("cannot list \(folder.path)")
        }
        var files: [String: [UInt8]] = [:]
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            guard let data = manager.contents(atPath: url.path) else {
                throw DiagnosticFixtureError("cannot read \(url.path)")
            }
            files[relative] = [UInt8](data)
        }
        return files
    }

    /// The minimal valid content set, by relative path.
    static func minimal() throws -> [String: [UInt8]] {
        let files = try files(under: minimalFolder)
        guard !files.isEmpty else { throw DiagnosticFixtureError("no minimal content set in \(minimalFolder.path)") }
        return files
    }

    /// The path a diagnostic prints for a file of the content folder.
    static func displayPath(_ relative: String) -> String { contentRoot + "/" + relative }

    /// `text` without its markers, and where each marker stood: 1-based line, 1-based column in characters of the
    /// text without markers (lines split at "\n").
    static func stripMarkers(_ text: String, file: String) -> (text: String, markers: [ContentLocation]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        for scalar in text.unicodeScalars {
            if scalar == marker { offsets.append(scalars.count) } else { scalars.append(scalar) }
        }
        let markers = offsets.map { offset -> ContentLocation in
            let before = scalars[..<offset]
            let line = before.filter { $0 == "\n" }.count + 1
            let lineStart = before.lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let prefix = String(String.UnicodeScalarView(scalars[lineStart..<offset]))
            return ContentLocation(file: file, line: line, column: prefix.count + 1)
        }
        return (String(String.UnicodeScalarView(scalars)), markers)
    }

    /// Content files in memory, as `ContentDirectory.read` would give them for a folder named `content`.
    static func contentFiles(_ files: [String: [UInt8]]) -> ContentFiles {
        ContentFiles(
            root: contentRoot, files: files.keys.sorted().map { SourceFile(path: displayPath($0), bytes: files[$0]!) },
            mecab: MeCabPresence.setting)
    }

    /// A fixture applied to the minimal set: the files to validate, and the markers.
    struct Fixture {
        var name: String
        var rule: RuleID
        /// The whole content set after the overlay, markers removed, by relative path.
        var files: [String: [UInt8]]
        /// The overlay's paths, relative.
        var overlay: [String]
        var markers: Set<ContentLocation>

        var content: ContentFiles { DiagnosticFixtures.contentFiles(files) }
    }

    static func load(_ name: String) throws -> Fixture {
        guard let rule = rule(ofFixture: name) else {
            throw DiagnosticFixtureError("fixture '\(name)' does not start with a rule id")
        }
        var files = try minimal()
        let overlay = try self.files(under: fixturesFolder.appendingPathComponent(name))
        guard !overlay.isEmpty else { throw DiagnosticFixtureError("fixture '\(name)' has no file") }
        var markers = Set<ContentLocation>()
        for (relative, bytes) in overlay {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DiagnosticFixtureError("overlay \(name)/\(relative) is not UTF-8")
            }
            let stripped = stripMarkers(text, file: displayPath(relative))
            files[relative] = Array(stripped.text.utf8)
            markers.formUnion(stripped.markers)
        }
        return Fixture(name: name, rule: rule, files: files, overlay: overlay.keys.sorted(), markers: markers)
    }

    /// A readable list of diagnostics with the line each points into, for failure messages.
    static func describe(_ diagnostics: [Diagnostic], in files: [String: [UInt8]]) -> String {
        if diagnostics.isEmpty { return "  (none)" }
        return diagnostics.map { d in
            var line = "  \(d.location): \(d.severity.rawValue): \(d.message) [\(d.rule.rawValue)]"
            let relative =
                d.location.file.hasPrefix(contentRoot + "/")
                ? String(d.location.file.dropFirst(contentRoot.count + 1)) : d.location.file
            if let bytes = files[relative] {
                let text = String(decoding: bytes, as: UTF8.self)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if d.location.line >= 1, d.location.line <= lines.count {
                    let source = lines[d.location.line - 1]
                    let pointed =
                        String(source.prefix(max(0, d.location.column - 1))) + "⚑"
                        + source.dropFirst(max(0, d.location.column - 1))
                    line += "\n      | " + pointed.prefix(160)
                }
            }
            return line
        }.joined(separator: "\n")
    }

    static func describe(_ locations: some Collection<ContentLocation>) -> String {
        locations.isEmpty ? "(none)" : locations.sorted().map(\.description).joined(separator: ", ")
    }
}

fileprivate struct DiagnosticFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

// MARK: - Fixtures

@Suite("Diagnostic fixtures")
struct DiagnosticFixtureTests {
    /// Rules that have no fixture folder, each with the reason: either they are tested programmatically in this file
    /// because a ⚑ marker cannot express them, or no code reports them for content in memory (nothing to mark; see
    /// the comments). Keep this list short; a rule that gets a fixture must leave it (`everyRuleIsCovered` checks).
    static let rulesWithoutFixture: [RuleID: String] = [
        // Tested programmatically below (`invalidUTF8`, `shiftJIS`, `controlCharacter`): the offending bytes
        // cannot be written in a UTF-8 overlay file with a marker.
        .fileEncoding: "programmatic: invalid bytes cannot be written in a UTF-8 fixture",
        // Tested programmatically below (`fileTooLarge`): a 256 KiB fixture file would only hold padding.
        .fileTooLarge: "programmatic: the file is generated at the size limit and one byte over",
        // A safety net in `LineLimitsRule` over the renderer, which always puts the footer in: no content that
        // loads can trip it.
        .footerMissing: "a safety net over the renderer; no content reaches it",
        // Reported by `ReleaseGate` for `build --release`, not by `validate`: see ReleaseGateTests.
        .releaseUnapproved: "programmatic: the release gate runs in build --release (ReleaseGateTests)",
        // A day that needs six messages holds over 150 KB of text: generated in SplitMessageTests instead.
        .lineMessageCount: "programmatic: over 150 KB of text is generated (SplitMessageTests)",
    ]

    @Test("the minimal content set is valid and has no diagnostic at all")
    func minimalSetHasNoDiagnostics() throws {
        let files = try DiagnosticFixtures.minimal()
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        #expect(report.diagnostics.isEmpty, "\n\(DiagnosticFixtures.describe(report.diagnostics, in: files))")
        let content = try #require(report.content)
        #expect(content.content.manuscripts.count == 3)
        #expect(content.content.editions.count == 1)
        #expect(content.content.inserts.count == 2)
        #expect(content.content.reviewers.count == 2)
        #expect(Set(content.content.manuscripts.map(\.series)) == [.maternity, .childcare])
    }

    @Test(
        "each fixture reports its rule exactly at its markers, and no error of another rule",
        arguments: DiagnosticFixtures.namesWithoutMeCab)
    func fixture(_ name: String) throws {
        try check(fixture: name)
    }

    @Test(
        "each fixture of a rule that reads words reports it exactly at its markers (with MeCab)",
        .enabled(if: MeCabPresence.available, MeCabPresence.reason), arguments: DiagnosticFixtures.namesNeedingMeCab)
    func fixtureNeedingMeCab(_ name: String) throws {
        try check(fixture: name)
    }

    func check(fixture name: String) throws {
        let fixture = try DiagnosticFixtures.load(name)
        #expect(!fixture.markers.isEmpty, "fixture \(name) has no ⚑ marker")
        let report = Validator().validate(fixture.content)
        let ofRule = report.diagnostics.filter { $0.rule == fixture.rule }
        let found = Set(ofRule.map(\.location))
        let all = DiagnosticFixtures.describe(report.diagnostics, in: fixture.files)
        #expect(
            found == fixture.markers,
            """
            \(name): \(fixture.rule.rawValue) diagnostics are not exactly at the markers
              missing:    \(DiagnosticFixtures.describe(fixture.markers.subtracting(found)))
              unexpected: \(DiagnosticFixtures.describe(found.subtracting(fixture.markers)))
            all diagnostics:
            \(all)
            """)
        let severity: Severity = DiagnosticFixtures.warningRules.contains(fixture.rule) ? .warning : .error
        for d in ofRule {
            #expect(
                d.severity == severity,
                "\(name): \(d.location) is a \(d.severity.rawValue), expected a \(severity.rawValue)")
        }
        let otherErrors = report.diagnostics.filter { $0.rule != fixture.rule && $0.severity == .error }
        #expect(
            otherErrors.isEmpty,
            "\(name): errors of other rules:\n\(DiagnosticFixtures.describe(otherErrors, in: fixture.files))")
        if severity == .error {
            #expect(report.content == nil, "\(name): content with errors must not be handed on")
        } else {
            #expect(report.content != nil, "\(name): warnings alone must not stop a build")
        }
    }

    @Test("every rule id has a fixture folder or is listed, with a reason, among the rules without one")
    func everyRuleIsCovered() {
        let names = DiagnosticFixtures.names
        for name in names {
            #expect(
                DiagnosticFixtures.rule(ofFixture: name) != nil,
                "fixture folder '\(name)' does not start with a rule id")
        }
        let withFixture = Set(names.compactMap(DiagnosticFixtures.rule(ofFixture:)))
        for rule in RuleID.allCases {
            let listed = Self.rulesWithoutFixture[rule] != nil
            #expect(
                withFixture.contains(rule) || listed, "rule \(rule.rawValue) has no fixture folder and is not listed")
            #expect(
                !(withFixture.contains(rule) && listed),
                "rule \(rule.rawValue) has a fixture folder: remove it from the list")
        }
    }

    @Test(
        "a byte order mark is accepted: every fixture gives the same diagnostics with one before every file",
        arguments: [nil] + DiagnosticFixtures.names)
    func byteOrderMark(_ name: String?) throws {
        var files = try name.map { try DiagnosticFixtures.load($0).files } ?? DiagnosticFixtures.minimal()
        let without = Validator().validate(DiagnosticFixtures.contentFiles(files))
        for key in files.keys { files[key] = [0xEF, 0xBB, 0xBF] + files[key]! }
        let with = Validator().validate(DiagnosticFixtures.contentFiles(files))
        #expect(
            with.diagnostics == without.diagnostics,
            """
            with a BOM:
            \(DiagnosticFixtures.describe(with.diagnostics, in: files))
            without:
            \(DiagnosticFixtures.describe(without.diagnostics, in: files))
            """)
        #expect((with.content == nil) == (without.content == nil))
        if let a = with.content, let b = without.content {
            #expect(FixtureContentDump(a.content).lines == FixtureContentDump(b.content).lines)
        }
    }

    @Test(
        "CRLF line breaks give the same diagnostics at the same lines and columns",
        arguments: [nil] + DiagnosticFixtures.names)
    func crlfLineBreaks(_ name: String?) throws {
        var files = try name.map { try DiagnosticFixtures.load($0).files } ?? DiagnosticFixtures.minimal()
        let lf = Validator().validate(DiagnosticFixtures.contentFiles(files))
        for key in files.keys {
            files[key] = Array(
                String(decoding: files[key]!, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        let crlf = Validator().validate(DiagnosticFixtures.contentFiles(files))
        let located = { (d: Diagnostic) in "\(d.location) \(d.severity.rawValue) [\(d.rule.rawValue)]" }
        #expect(
            crlf.diagnostics.map(located) == lf.diagnostics.map(located),
            """
            with CRLF:
            \(DiagnosticFixtures.describe(crlf.diagnostics, in: files))
            with LF:
            \(DiagnosticFixtures.describe(lf.diagnostics, in: files))
            """)
    }
}

/// Every value of a content set with where it was read, one line each, to compare two loads.
fileprivate struct FixtureContentDump {
    var lines: [String] = []

    init(_ content: ContentSet) {
        func t(_ text: LocatedText?) -> String { text.map { "\($0.value)@\($0.location)" } ?? "-" }
        if let c = content.configuration {
            lines.append(
                "configuration \(c.nicknameMaxLength) \(t(c.disclaimer)) \(t(c.footer.unsubscribeLabel)) "
                    + "\(t(c.footer.publisher)) \(t(c.footer.publisherURL))"
            )
        }
        for r in content.reviewers {
            lines.append("reviewer \(t(r.id)) \(t(r.name)) \(t(r.role)) \(t(r.specialty)) \(t(r.affiliation))")
        }
        for m in content.manuscripts {
            lines.append(
                "manuscript \(m.path) \(m.day.value)@\(m.day.location) \(t(m.title)) "
                    + "\(m.review.value)@\(m.review.location)"
            )
            for s in m.sections { lines.append("  section \(t(s.heading)) \(t(s.text)) \(s.body)") }
            lines.append("  supervisors " + m.supervisors.map(t).joined(separator: " "))
            for s in m.sources { lines.append("  source \(t(s.title)) \(t(s.url))") }
        }
        for e in content.editions {
            lines.append(
                "edition \(e.path) \(t(e.id)) \(t(e.name)) \(t(e.municipality)) \(e.location) \(e.contactsLocation)")
            lines.append("  series " + e.series.map { "\($0.value)@\($0.location)" }.joined(separator: " "))
            lines.append("  channels " + e.channels.map { "\($0.value)@\($0.location)" }.joined(separator: " "))
            for c in e.contacts { lines.append("  contact \(t(c.id)) \(t(c.name)) \(t(c.phone)) \(t(c.hours))") }
            lines.append(
                "  unsubscribe \(t(e.unsubscribeURL)) survey \(t(e.survey?.url)) "
                    + (e.survey?.days.map { "\($0.value)@\($0.location)" }.joined(separator: " ") ?? ""))
            lines.append("  inserts " + e.inserts.map(t).joined(separator: " "))
            lines.append(
                "  disclaimer \(t(e.disclaimer)) footer \(t(e.footer.unsubscribeLabel)) "
                    + "\(t(e.footer.publisher)) \(t(e.footer.publisherURL))"
            )
        }
        for i in content.inserts {
            lines.append(
                "insert \(i.path) \(t(i.id)) \(t(i.title)) \(t(i.text)) \(i.body) "
                    + "\(i.window.value)@\(i.window.location) \(t(i.link)) \(t(i.contact))"
            )
        }
    }
}

// MARK: - What a marker cannot express

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
