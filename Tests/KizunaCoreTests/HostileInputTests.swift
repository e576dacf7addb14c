import Foundation
import Testing
@testable import KizunaCore

// Hostile inputs (issue 6, item 1).
//
// `Fixtures/hostile/<case>/` holds overlay files laid out like a content folder, applied to `Fixtures/minimal/`
// (an overlay file replaces the minimal set's file of that path, or adds one), and `expected.json`: the exit code
// `kizuna validate` must give, the diagnostics (file, line, column, rule) it must report, and a one-line note.
// The corpus is written by `scripts/make-hostile-corpus.py`; `scripts/hostile-check.py` runs the same cases
// through the command line.

/// What one case must give, as `expected.json` says.
struct HostileExpectation: Decodable {
    struct Expected: Decodable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var rule: String
        var location: ContentLocation { ContentLocation(file: file, line: line, column: column) }
        var description: String { "\(location) [\(rule)]" }
    }

    var exit: Int
    var diagnostics: [Expected]
    var note: String
    /// The build must be byte-identical to the build of this case (or of "minimal").
    var sameOutputAs: String?
    /// Output path → strings that its bytes must contain.
    var outputContains: [String: [String]]?
    /// Output path → strings that its bytes must not contain.
    var outputExcludes: [String: [String]]?
}

enum HostileCorpus {
    static let folder = Paths.fixtures.appendingPathComponent("hostile")
    static let expectationFile = "expected.json"

    /// Every case folder, sorted.
    static let names: [String] = {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    static func expectation(_ name: String) throws -> HostileExpectation {
        let url = folder.appendingPathComponent(name).appendingPathComponent(expectationFile)
        let data = try #require(FileManager.default.contents(atPath: url.path), "\(name) has no \(expectationFile)")
        return try JSONDecoder().decode(HostileExpectation.self, from: data)
    }

    /// The minimal set with the case's overlay, by relative path; the bytes exactly as in the folder.
    /// "minimal" is the minimal set itself.
    static func files(_ name: String) throws -> [String: [UInt8]] {
        var files = try DiagnosticFixtures.minimal()
        if name == "minimal" { return files }
        let overlay = try DiagnosticFixtures.files(under: folder.appendingPathComponent(name))
            .filter { $0.key != expectationFile }
        try #require(!overlay.isEmpty, "\(name) has no overlay file")
        files.merge(overlay) { _, new in new }
        return files
    }

    /// Every file a build writes (each edition and the review sheets), by output path; nil when validation fails.
    static func build(_ files: [String: [UInt8]]) throws -> [String: [UInt8]]? {
        let content = DiagnosticFixtures.contentFiles(files)
        guard let validated = Validator().validate(content).content else { return nil }
        let templates = try PreviewTemplates.repository()
        let builder = EditionBuilder(content: validated, templates: templates)
        var outputs = validated.editions.map(builder.build)
        outputs.append(
            ReviewSheetBuilder(templates: templates).build(validated.content, snapshots: content.snapshot(of:)))
        var tree: [String: [UInt8]] = [:]
        for output in outputs {
            #expect(
                !output.diagnostics.hasErrors, "\(output.editionID): \(DiagnosticFormatter.text(output.diagnostics))")
            for file in output.files { tree[file.path] = file.bytes }
        }
        return tree
    }
}

@Suite("Hostile inputs")
struct HostileInputTests {
    @Test("the corpus is there, every case with its expectation")
    func corpusIsComplete() throws {
        #expect(
            HostileCorpus.names.count >= 30, "only \(HostileCorpus.names.count) cases in \(HostileCorpus.folder.path)")
        for name in HostileCorpus.names {
            let expected = try HostileCorpus.expectation(name)
            #expect([0, 1].contains(expected.exit), "\(name): exit \(expected.exit)")
            // An error case names its errors; a case that builds lists warnings only (a long title), if anything.
            #expect(
                expected.exit == 0 || !expected.diagnostics.isEmpty,
                "\(name): exit \(expected.exit) with \(expected.diagnostics.count) diagnostics")
            if expected.exit == 0 {
                let errors = expected.diagnostics.filter { RuleID(rawValue: $0.rule)?.defaultSeverity != .warning }
                #expect(errors.isEmpty, "\(name): exit 0 but it expects \(errors.map(\.rule))")
            }
            if let other = expected.sameOutputAs {
                #expect(other == "minimal" || HostileCorpus.names.contains(other), "\(name): no case '\(other)'")
            }
        }
    }

    @Test(
        "each hostile case gives its diagnostics and exit code, and errors leave nothing to build",
        arguments: HostileCorpus.names)
    func hostileCase(_ name: String) throws {
        let expected = try HostileCorpus.expectation(name)
        let files = try HostileCorpus.files(name)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        let all = DiagnosticFixtures.describe(report.diagnostics, in: files)
        let context = "\(name) (\(expected.note))"

        // Every expected diagnostic, at its file, line, column and rule.
        for d in expected.diagnostics {
            let found = report.diagnostics.contains { $0.location == d.location && $0.rule.rawValue == d.rule }
            #expect(found, "\(context): no \(d.rule) at \(d.location)\nall diagnostics:\n\(all)")
        }
        // No error of a rule the case does not expect.
        let rules = Set(expected.diagnostics.map(\.rule))
        let surprises = report.diagnostics.filter { $0.severity == .error && !rules.contains($0.rule.rawValue) }
        #expect(
            surprises.isEmpty,
            "\(context): errors of other rules:\n\(DiagnosticFixtures.describe(surprises, in: files))")

        // The exit code: 1 when there is an error, 0 when there is none (and then no diagnostic but the warnings the
        // case expects).
        #expect(
            report.diagnostics.hasErrors == (expected.exit == 1), "\(context): expected exit \(expected.exit)\n\(all)")
        if expected.exit == 0 {
            #expect(
                report.diagnostics.count == expected.diagnostics.count,
                "\(context): expected only the listed diagnostics\n\(all)")
        }
        // No partial edition: content with an error is never handed to a build.
        if report.diagnostics.hasErrors {
            #expect(report.content == nil, "\(context): content with errors must not be handed on")
        } else {
            #expect(report.content != nil, "\(context): valid content must be handed on")
        }

        guard expected.exit == 0,
            expected.sameOutputAs != nil || expected.outputContains != nil || expected.outputExcludes != nil
        else { return }
        let output = try #require(try HostileCorpus.build(files), "\(context): did not build")
        if let other = expected.sameOutputAs {
            let reference = try #require(
                try HostileCorpus.build(try HostileCorpus.files(other)), "\(other): did not build")
            #expect(output.keys.sorted() == reference.keys.sorted(), "\(context): not the same files as \(other)")
            let differing = output.keys.sorted().filter { output[$0] != reference[$0] }
            #expect(differing.isEmpty, "\(context): differs from \(other)'s build in \(differing)")
            #expect(!output.isEmpty)
        }
        for (path, strings) in (expected.outputContains ?? [:]).sorted(by: { $0.key < $1.key }) {
            let bytes = try #require(output[path], "\(context): the build wrote no \(path)")
            let text = String(decoding: bytes, as: UTF8.self)
            for string in strings {
                #expect(text.contains(string), "\(context): \(path) does not contain \(string)")
            }
        }
        for (path, strings) in (expected.outputExcludes ?? [:]).sorted(by: { $0.key < $1.key }) {
            let bytes = try #require(output[path], "\(context): the build wrote no \(path)")
            let text = String(decoding: bytes, as: UTF8.self)
            for string in strings {
                #expect(!text.contains(string), "\(context): \(path) contains \(string)")
            }
        }
    }
}
