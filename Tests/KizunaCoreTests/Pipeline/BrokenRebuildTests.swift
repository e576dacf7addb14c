import Foundation
import Testing
@testable import KizunaCore

/// A rebuild into an output a build already wrote checks and builds each edition in one reading
/// (`ContentBuild.runChecking`): content broken since then is reported exactly as `validate` reports it, and the
/// output is left as it was, whether the break is in a manuscript, an edition, an insert or across editions.
@Suite struct BrokenRebuildTests {
    func run(_ files: ContentFiles, into root: String, selection: [String] = []) throws -> ContentBuild.Outcome {
        let templates = try ContentDirectory.readTemplates(Paths.templates.path)
        let build = ContentBuild(
            files: files, templates: try PreviewTemplates(sources: templates),
            keys: BuildKeys(files: files, templates: templates, generator: "test"), selection: selection)
        var writer = OutputWriter(root: root)
        return try build.run(into: &writer)
    }

    static let cases: [String] = BrokenContentTests.breaks.indices.map(String.init) + ["duplicate-edition-id", "all"]

    @Test(arguments: cases) func aBrokenRebuildReportsEverythingAndKeepsTheOutput(_ which: String) throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var files = try ContentFixtures.read(Paths.content)
        guard case .built = try run(files, into: root) else { Issue.record("the sample content did not build"); return }
        let before = EndToEndTests.tree(root)
        // The style memo is what sends a rebuild through the one-reading pass.
        #expect(before.keys.contains(".kizuna-cache/.style-memo"))

        let breaks: [BrokenContentTests.Break]
        switch which {
        case "all": breaks = BrokenContentTests.breaks
        case "duplicate-edition-id":
            // Found only once every edition was read: the second edition takes the first one's id.
            breaks = [
                BrokenContentTests.Break(
                    file: "editions/sakuragaoka.yaml", find: "id: sakuragaoka\n", replace: "id: minamikawa\n",
                    rule: .idDuplicate, line: 1, column: 5)
            ]
        default: breaks = [BrokenContentTests.breaks[Int(which)!]]
        }
        for b in breaks {
            let text = ContentFixtures.text(b.file, in: files)
            try #require(text.contains(b.find), "'\(b.find)' is gone from \(b.file)")
            files = ContentFixtures.replacing(
                b.file, in: files, with: text.replacingOccurrences(of: b.find, with: b.replace))
        }
        let expected = EditionStream.validate(files, checkingPayloads: false)
        #expect(expected.contains { $0.severity == .error && breaks.map(\.rule).contains($0.rule) })
        guard case .invalid(let reported) = try run(files, into: root) else {
            Issue.record("a rebuild of broken content was not refused")
            return
        }
        #expect(reported == expected)
        #expect(EndToEndTests.tree(root) == before, "a refused rebuild changed the output")
    }

    @Test func anUnknownEditionIsRefusedAfterTheEditionsAreRead() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        guard case .built = try run(files, into: root) else { Issue.record("the sample content did not build"); return }
        let before = EndToEndTests.tree(root)
        guard
            case .unknownEditions(let unknown, let editions, _) = try run(
                files, into: root, selection: ["sakuragaoka", "kitamachi"])
        else {
            Issue.record("an unknown edition was not refused")
            return
        }
        #expect(unknown == ["kitamachi"])
        #expect(editions.sorted() == ["minamikawa", "sakuragaoka"])
        #expect(EndToEndTests.tree(root) == before)
    }
}
