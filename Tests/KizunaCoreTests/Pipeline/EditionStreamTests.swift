import Foundation
import Testing
@testable import KizunaCore

/// Edition-by-edition validation and build (`EditionStream`, `ContentBuild`) report exactly what checking the
/// whole content at once reports, and build the same bytes; an insert in a file not named after its id is an error.
@Suite struct EditionStreamTests {
    func whole(_ files: ContentFiles) -> [Diagnostic] {
        Validator().validate(files).diagnostics
    }

    /// The sample content with one file's text edited (`from` must be in it).
    func sample(editing relative: String, _ from: String, _ to: String) throws -> ContentFiles {
        let files = try ContentFixtures.read(Paths.content)
        let text = ContentFixtures.text(relative, in: files)
        #expect(text.contains(from), "\(relative) holds no '\(from)'")
        return ContentFixtures.replacing(relative, in: files, with: text.replacingOccurrences(of: from, with: to))
    }

    func describe(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticFormatter.text(diagnostics)
    }

    /// Every content set the tests know: the sample content, the minimal set, each diagnostic fixture and each
    /// hostile case.
    static let cases: [String] =
        ["content", "minimal"] + DiagnosticFixtures.names.map { "diagnostics/" + $0 }
        + HostileCorpus.names.map { "hostile/" + $0 }

    static func files(_ name: String) throws -> ContentFiles {
        if name == "content" { return try ContentFixtures.read(Paths.content) }
        if name == "minimal" { return DiagnosticFixtures.contentFiles(try DiagnosticFixtures.minimal()) }
        if name.hasPrefix("diagnostics/") {
            return try DiagnosticFixtures.load(String(name.dropFirst("diagnostics/".count))).content
        }
        return DiagnosticFixtures.contentFiles(try HostileCorpus.files(String(name.dropFirst("hostile/".count))))
    }

    @Test("edition by edition, validation reports what the whole content reports", arguments: cases)
    func sameDiagnostics(_ name: String) throws {
        let files = try Self.files(name)
        let expected = whole(files)
        #expect(EditionStream.validate(files) == expected, "\(name)")
        let streamed = EditionStream(files).validateAll().diagnostics
        #expect(streamed == expected, "\(name)\nstreamed:\n\(describe(streamed))whole:\n\(describe(expected))")
        // Without the payload check too, as the build validates.
        let unchecked = EditionStream(files, checkingPayloads: false).validateAll().diagnostics
        #expect(unchecked == Validator().validate(files, checkingPayloads: false).diagnostics, "\(name)")
    }

    @Test func anInsertSharedByTwoEditionsIsReportedOnce() throws {
        var files = try ContentFixtures.read(Paths.content)
        let minamikawa = ContentFixtures.text("editions/minamikawa.yaml", in: files)
        // sakuragaoka also names minamikawa's 4-month insert, with a desk sakuragaoka does not have.
        let sakuragaoka = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
        let ref = try #require(sakuragaoka.range(of: "  - sakuragaoka-4month-checkup\n"))
        files = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: files,
            with: sakuragaoka.replacingCharacters(
                in: ref, with: "  - sakuragaoka-4month-checkup\n  - minamikawa-4month-checkup\n"))
        #expect(minamikawa.contains("minamikawa-4month-checkup"))
        let insert = ContentFixtures.text("inserts/minamikawa-4month-checkup.yaml", in: files)
        files = ContentFixtures.replacing(
            "inserts/minamikawa-4month-checkup.yaml", in: files,
            with: insert.replacingOccurrences(of: "  生後3か月から", with: "  ｶﾀｶﾅ 生後3か月から"))
        let expected = whole(files)
        #expect(expected.contains { $0.rule == .styleHalfwidthKana })
        let streamed = EditionStream(files).validateAll().diagnostics
        #expect(streamed == expected, "streamed:\n\(describe(streamed))whole:\n\(describe(expected))")
        #expect(
            streamed.filter { $0.rule == .styleHalfwidthKana }.count
                == expected.filter { $0.rule == .styleHalfwidthKana }.count)
    }

    @Test func unknownInsertsAreSuggestedFromEveryInsert() throws {
        let files = try sample(
            editing: "editions/minamikawa.yaml", "  - minamikawa-4month-checkup\n", "  - sakuragaoka-4month-checkub\n")
        let expected = whole(files)
        let unknown = try #require(expected.first { $0.rule == .editionInsertUnknown })
        // The suggestion is an insert of the other edition: one this edition's share does not hold.
        #expect(unknown.message.en.contains("sakuragaoka-4month-checkup"))
        #expect(EditionStream(files).validateAll().diagnostics == expected)
    }

    @Test func duplicateEditionIDsAcrossFiles() throws {
        let files = try sample(editing: "editions/sakuragaoka.yaml", "id: sakuragaoka\n", "id: minamikawa\n")
        let expected = whole(files)
        #expect(expected.contains { $0.rule == .idDuplicate })
        #expect(EditionStream(files).validateAll().diagnostics == expected)
    }

    @Test(
        "an insert whose file is not named after its id, or two files of one name, are errors, streamed or whole",
        arguments: ["renamed", "orphan", "clash", "old-copy"])
    func misnamedInsertsAreErrors(_ kind: String) throws {
        var files = try ContentFixtures.read(Paths.content)
        let path = "inserts/minamikawa-4month-checkup.yaml"
        let text = ContentFixtures.text(path, in: files)
        switch kind {
        case "renamed":
            // Named by an edition, but the file defines another id.
            files = ContentFixtures.replacing(
                path, in: files,
                with: text.replacingOccurrences(of: "id: minamikawa-4month-checkup", with: "id: minamikawa-4m"))
        case "orphan":
            // The right id, in a file of another name: the edition's reference is answered only by reading it.
            files.files.removeAll { $0.path == "content/" + path }
            files = ContentFixtures.replacing("inserts/4month.yaml", in: files, with: text)
        case "clash":
            files = ContentFixtures.replacing("inserts/minamikawa-4month-checkup.yml", in: files, with: text)
        default:
            // An old version left beside the new one: its id is taken, and its file is not named after it.
            files = ContentFixtures.replacing("inserts/4month-old.yaml", in: files, with: text)
        }
        let expected = whole(files)
        #expect(expected.contains { $0.rule == .insertFileName && $0.severity == .error }, "\(describe(expected))")
        if kind == "old-copy" { #expect(expected.contains { $0.rule == .idDuplicate }) }
        let streamed = EditionStream.validate(files)
        #expect(streamed == expected, "streamed:\n\(describe(streamed))whole:\n\(describe(expected))")
    }

    /// A build through `ContentBuild` into a fresh folder; its tree without the cache.
    func build(_ files: ContentFiles, selection: [String] = [], release: Bool = false) throws -> (
        ContentBuild.Outcome, [String: [UInt8]]
    ) {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let build = ContentBuild(
            files: files, templates: try PreviewTemplates.repository(), keys: nil, selection: selection,
            release: release)
        var writer = OutputWriter(root: root)
        let outcome = try build.run(into: &writer)
        let tree = FileManager.default.fileExists(atPath: root) ? EndToEndTests.tree(root) : [:]
        return (outcome, tree)
    }

    /// The tree `OutputBuild` writes from the whole content at once, as before the stream.
    func wholeBuild(_ files: ContentFiles, selection: [String] = []) throws -> [String: [UInt8]] {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = try #require(Validator().validate(files, checkingPayloads: false).content)
        let templates = try PreviewTemplates.repository()
        let build = OutputBuild(
            builder: EditionBuilder(content: content, templates: templates),
            reviewSheets: ReviewSheetBuilder(templates: templates), files: files, keys: nil)
        var writer = OutputWriter(root: root)
        _ = try build.run(
            content.editions.filter { selection.isEmpty || selection.contains($0.id.value) }, into: &writer)
        return EndToEndTests.tree(root)
    }

    @Test func aStreamedBuildWritesTheBytesOfAWholeBuild() throws {
        let files = try ContentFixtures.read(Paths.content)
        let (outcome, tree) = try build(files)
        guard case .built(let result) = outcome else { Issue.record("not built: \(outcome)"); return }
        #expect(result.editions == 2)
        #expect(!result.diagnostics.hasErrors)
        let expected = try wholeBuild(files)
        #expect(tree.count == expected.count)
        #expect(tree == expected)

        let (one, oneTree) = try build(files, selection: ["sakuragaoka"])
        guard case .built(let oneResult) = one else { Issue.record("not built: \(one)"); return }
        #expect(oneResult.editions == 1)
        #expect(oneTree == (try wholeBuild(files, selection: ["sakuragaoka"])))
    }

    @Test func aBuildWithAMisnamedInsertWritesNothing() throws {
        var files = try ContentFixtures.read(Paths.content)
        let path = "inserts/minamikawa-4month-checkup.yaml"
        let text = ContentFixtures.text(path, in: files)
        files.files.removeAll { $0.path == "content/" + path }
        files = ContentFixtures.replacing("inserts/4month.yaml", in: files, with: text)
        let (outcome, tree) = try build(files)
        guard case .invalid(let diagnostics) = outcome else { Issue.record("built: \(outcome)"); return }
        #expect(diagnostics.map(\.rule) == [.insertFileName])
        #expect(diagnostics.first?.location == ContentLocation(file: "content/inserts/4month.yaml", line: 1, column: 5))
        #expect(tree.isEmpty)
    }

    @Test func anErrorInOneEditionIsReportedBeforeAnythingIsBuilt() throws {
        let files = try sample(
            editing: "editions/sakuragaoka.yaml", "unsubscribe_url: https://", "unsubscribe_url: http://")
        let (outcome, tree) = try build(files)
        guard case .invalid(let diagnostics) = outcome else { Issue.record("built: \(outcome)"); return }
        #expect(diagnostics == Validator().validate(files, checkingPayloads: false).diagnostics)
        #expect(diagnostics.contains { $0.rule == .linkScheme })
        #expect(tree.isEmpty)
    }

    @Test func unknownSelectionAndReleaseGateStopTheBuild() throws {
        let files = try ContentFixtures.read(Paths.content)
        let (unknown, unknownTree) = try build(files, selection: ["sakuragaoka", "nowhere"])
        guard case .unknownEditions(let ids, let editions, let warnings) = unknown else {
            Issue.record("\(unknown)"); return
        }
        #expect(ids == ["nowhere"])
        #expect(warnings == Validator().validate(files, checkingPayloads: false).diagnostics)
        #expect(editions == ["minamikawa", "sakuragaoka"])
        #expect(unknownTree.isEmpty)

        let content = try #require(Validator().validate(files).content)
        let gate = ReleaseGate.check(content, editions: content.editions)
        let (release, releaseTree) = try build(files, release: true)
        if gate.isEmpty {
            guard case .built = release else { Issue.record("\(release)"); return }
        } else {
            guard case .releaseRefused(let refused, _) = release else { Issue.record("\(release)"); return }
            #expect(refused == gate)
            #expect(releaseTree.isEmpty)
        }
    }
}
