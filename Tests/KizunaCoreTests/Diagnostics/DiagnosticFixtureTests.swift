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
        .insertUnused, .supervisorMissing, .approvalStale, .approvalMissing, .approvalNotEntitled, .approvalUnsigned,
        .styleDoubledParticle, .anniversaryMissing, .styleTitleLength, .styleHeadingLength, .styleInsertTitleLength,
        .styleButtonLabelLength, .styleRaNuki, .styleDoubleNegative, .styleRepeatedConjunction, .styleGaTwice,
        .styleKanjiRun, .insertCoversWindow, .registrationChannel, .cardTextLength,
        .translationStale,
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
        // Tested programmatically (`fileUnreadable`): a file removed between the build's listing and its reading.
        .fileUnreadable: "programmatic: the file is removed after the content folder is listed",
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
struct FixtureContentDump {
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
