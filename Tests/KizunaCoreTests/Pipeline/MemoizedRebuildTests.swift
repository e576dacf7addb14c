import Foundation
import Testing
@testable import KizunaCore

/// `serve` rebuilds with a `LoadMemo`: a file is parsed, a manuscript rendered and checked by the rules that read it
/// alone only when its bytes changed (`LoadMemo`, `ManuscriptMemo`, `FindingsMemo`). Every rebuild must still
/// report exactly what a build without them reports, whatever changed: a manuscript, an edition, an insert, or a
/// file every manuscript is checked against.
@Suite struct MemoizedRebuildTests {
    func run(_ files: ContentFiles, into root: String, memo: LoadMemo?) throws -> ContentBuild.Outcome {
        let templates = try ContentDirectory.readTemplates(Paths.templates.path)
        var build = ContentBuild(
            files: files, templates: try PreviewTemplates(sources: templates),
            keys: BuildKeys(files: files, templates: templates, generator: "test"))
        build.loadMemo = memo
        var writer = OutputWriter(root: root)
        return try build.run(into: &writer)
    }

    /// Every finding of a build of `files`, with the memo and without it (into a folder of its own).
    func findings(_ files: ContentFiles, into root: String, memo: LoadMemo) throws -> (
        memoized: [Diagnostic], fresh: [Diagnostic]
    ) {
        func found(_ outcome: ContentBuild.Outcome) -> [Diagnostic] {
            switch outcome {
            case .invalid(let diagnostics): diagnostics
            case .built(let result): result.diagnostics
            default: []
            }
        }
        let fresh = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: fresh) }
        return (found(try run(files, into: root, memo: memo)), found(try run(files, into: fresh, memo: nil)))
    }

    static let reviewerRenamed = BrokenContentTests.Break(
        file: "reviewers.yaml", find: "  - id: pediatrician-a\n", replace: "  - id: pediatrician-x\n",
        rule: .reviewerUnknown, line: 1, column: 1)

    static let cases = BrokenRebuildTests.cases + ["reviewers"]

    @Test(arguments: cases) func eachRebuildReportsWhatABuildWithoutTheMemoReports(_ which: String) throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let original = try ContentFixtures.read(Paths.content)
        let memo = LoadMemo()
        let first = try findings(original, into: root, memo: memo)
        #expect(first.memoized == first.fresh && !first.fresh.hasErrors)

        let breaks: [BrokenContentTests.Break] =
            switch which {
            case "all": BrokenContentTests.breaks
            case "reviewers": [Self.reviewerRenamed]
            case "duplicate-edition-id":
                [
                    BrokenContentTests.Break(
                        file: "editions/sakuragaoka.yaml", find: "id: sakuragaoka\n", replace: "id: minamikawa\n",
                        rule: .idDuplicate, line: 1, column: 5)
                ]
            default: [BrokenContentTests.breaks[Int(which)!]]
            }
        var files = original
        for b in breaks {
            let text = ContentFixtures.text(b.file, in: files)
            try #require(text.contains(b.find), "'\(b.find)' is gone from \(b.file)")
            files = ContentFixtures.replacing(
                b.file, in: files, with: text.replacingOccurrences(of: b.find, with: b.replace))
        }
        let broken = try findings(files, into: root, memo: memo)
        #expect(broken.memoized == broken.fresh)
        #expect(broken.fresh.contains { breaks.map(\.rule).contains($0.rule) })

        // Another manuscript saved while the break is still there: it is checked again, the others are not.
        let day100 = "manuscripts/childcare/0100.yaml"
        let text = ContentFixtures.text(day100, in: files)
        let sentence = try #require(text.split(separator: "\n").first { $0.hasSuffix("。") && $0.hasPrefix("      ") })
        files = ContentFixtures.replacing(
            day100, in: files, with: text.replacingOccurrences(of: sentence, with: sentence + "{name}！"))
        let edited = try findings(files, into: root, memo: memo)
        #expect(edited.memoized == edited.fresh)
        #expect(edited.fresh.contains { $0.rule == .placeholderUnknown && $0.location.file.hasSuffix(day100) })

        // Mended: the findings are those of the first build again.
        let mended = try findings(original, into: root, memo: memo)
        #expect(mended.memoized == mended.fresh && mended.fresh == first.fresh)
    }
}
