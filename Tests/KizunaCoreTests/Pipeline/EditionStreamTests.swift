import Foundation
import Testing
@testable import KizunaCore

/// Edition-by-edition validation and build (`EditionStream`, `ContentBuild`): what only the checks across editions
/// can find, found once; the same bytes as building the whole content at once; an insert in a file not named after
/// its id is an error.
@Suite struct EditionStreamTests {
    func validate(_ files: ContentFiles) -> [Diagnostic] {
        EditionStream.validate(files)
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

    /// `Validator` keeps the content the stream read instead of reading the folder again: it must be what
    /// `ContentLoader` reads from the whole folder at once, the reference.
    @Test("the content kept while streaming is the content the loader reads at once", arguments: cases)
    func keptContentIsTheWholeContent(_ name: String) throws {
        let files = try Self.files(name)
        var ignored: [Diagnostic] = []
        let reference = ContentLoader().load(files, into: &ignored)
        let kept = Validator().validate(files).loadedContent
        #expect(FixtureContentDump(kept).lines == FixtureContentDump(reference).lines, "\(name)")
        #expect(kept.unloaded.editionIDs == reference.unloaded.editionIDs, "\(name)")
        #expect(kept.unloaded.insertIDs == reference.unloaded.insertIDs, "\(name)")
        #expect(kept.unloaded.days == reference.unloaded.days, "\(name)")
        #expect(kept.manuscripts.map(\.state) == reference.manuscripts.map(\.state), "\(name)")
        #expect(kept.slice == nil)
    }

    @Test func anInsertSharedByTwoEditionsIsReportedOnce() throws {
        var files = try ContentFixtures.read(Paths.content)
        // sakuragaoka also names minamikawa's 4-month insert, whose text gets a half-width katakana word.
        let sakuragaoka = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
        let ref = try #require(sakuragaoka.range(of: "  - sakuragaoka-4month-checkup\n"))
        files = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: files,
            with: sakuragaoka.replacingCharacters(
                in: ref, with: "  - sakuragaoka-4month-checkup\n  - minamikawa-4month-checkup\n"))
        let insert = ContentFixtures.text("inserts/minamikawa-4month-checkup.yaml", in: files)
        files = ContentFixtures.replacing(
            "inserts/minamikawa-4month-checkup.yaml", in: files,
            with: insert.replacingOccurrences(of: "  生後3か月から", with: "  ｶﾀｶﾅ 生後3か月から"))
        let kana = validate(files).filter { $0.rule == .styleHalfwidthKana }
        #expect(
            kana.map(\.location) == [
                ContentLocation(file: "content/inserts/minamikawa-4month-checkup.yaml", line: 4, column: 3)
            ])
    }

    @Test func unknownInsertsAreSuggestedFromEveryInsert() throws {
        let files = try sample(
            editing: "editions/minamikawa.yaml", "  - minamikawa-4month-checkup\n", "  - sakuragaoka-4month-checkub\n")
        let unknown = validate(files).filter { $0.rule == .editionInsertUnknown }
        #expect(unknown.count == 1)
        // The suggestion is an insert of the other edition: one this edition's share does not hold.
        #expect(
            unknown.first?.message.en
                == "there is no insert 'sakuragaoka-4month-checkub' in inserts/; "
                + "did you mean 'sakuragaoka-4month-checkup'?"
        )
    }

    @Test func duplicateEditionIDsAcrossFiles() throws {
        let files = try sample(editing: "editions/sakuragaoka.yaml", "id: sakuragaoka\n", "id: minamikawa\n")
        let duplicates = validate(files).filter { $0.rule == .idDuplicate }
        // Reported at the second file in path order, with a note at the first.
        #expect(
            duplicates.map(\.location) == [
                ContentLocation(file: "content/editions/sakuragaoka.yaml", line: 1, column: 5)
            ])
        #expect(
            duplicates.first?.notes.map(\.location) == [
                ContentLocation(file: "content/editions/minamikawa.yaml", line: 1, column: 5)
            ])
    }

    @Test(
        "an insert whose file is not named after its id, or two files of one name, are errors",
        arguments: ["renamed", "orphan", "clash", "old-copy"])
    func misnamedInsertsAreErrors(_ kind: String) throws {
        var files = try ContentFixtures.read(Paths.content)
        let path = "inserts/minamikawa-4month-checkup.yaml"
        let text = ContentFixtures.text(path, in: files)
        var expected: [(RuleID, ContentLocation)] = []
        switch kind {
        case "renamed":
            // Named by an edition, but the file defines another id: the reference is unknown too.
            files = ContentFixtures.replacing(
                path, in: files,
                with: text.replacingOccurrences(of: "id: minamikawa-4month-checkup", with: "id: minamikawa-4m"))
            expected = [
                (.editionInsertUnknown, ContentLocation(file: "content/editions/minamikawa.yaml", line: 46, column: 5)),
                (.insertFileName, ContentLocation(file: "content/" + path, line: 1, column: 5)),
            ]
        case "orphan":
            // The right id, in a file of another name: the edition's reference is answered by reading it.
            files.files.removeAll { $0.path == "content/" + path }
            files = ContentFixtures.replacing("inserts/4month.yaml", in: files, with: text)
            expected = [(.insertFileName, ContentLocation(file: "content/inserts/4month.yaml", line: 1, column: 5))]
        case "clash":
            // The later file in path order is reported, and so is the id both define.
            let yml = "content/inserts/minamikawa-4month-checkup.yml"
            files = ContentFixtures.replacing("inserts/minamikawa-4month-checkup.yml", in: files, with: text)
            expected = [
                (.insertFileName, ContentLocation(file: yml, line: 1, column: 1)),
                (.idDuplicate, ContentLocation(file: yml, line: 1, column: 5)),
            ]
        default:
            // An old version left beside the new one: its id is taken, and its file is not named after it.
            files = ContentFixtures.replacing("inserts/4month-old.yaml", in: files, with: text)
            expected = [
                (.insertFileName, ContentLocation(file: "content/inserts/4month-old.yaml", line: 1, column: 5)),
                (.idDuplicate, ContentLocation(file: "content/" + path, line: 1, column: 5)),
            ]
        }
        let errors = validate(files).filter { $0.severity == .error }
        #expect(errors.map(\.rule) == expected.map(\.0), "\(describe(errors))")
        #expect(errors.map(\.location) == expected.map(\.1), "\(describe(errors))")
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

        let gate = ReleaseGate.plan(files).refusals.sortedForOutput()
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
