import Foundation
import Testing
@testable import KizunaCore

/// The build cache: a rebuild writes only what changed, its output equals a build from scratch byte for byte,
/// and a cache never vouches for files it did not see written.
@Suite struct BuildCacheTests {
    let templates: [String: String]

    init() throws {
        templates = try ContentDirectory.readTemplates(Paths.templates.path)
    }

    /// Builds `files` into `root` the way `kizuna build` does; nil `generator`: no cache.
    func build(_ files: ContentFiles, into root: String, generator: String? = "test") throws -> OutputBuild.Result {
        let report = Validator().validate(files, checkingPayloads: false)
        let content = try #require(report.content, "\(DiagnosticFormatter.text(report.diagnostics))")
        let set = try PreviewTemplates(sources: templates)
        let build = OutputBuild(builder: EditionBuilder(content: content, templates: set),
                                reviewSheets: ReviewSheetBuilder(templates: set), files: files,
                                keys: generator.map { BuildKeys(files: files, templates: templates, generator: $0) })
        var writer = OutputWriter(root: root)
        return try build.run(content.editions, into: &writer)
    }

    func edited(_ files: ContentFiles, _ suffix: String, _ from: String, _ to: String) -> ContentFiles {
        var files = files
        let i = files.files.firstIndex { $0.path.hasSuffix(suffix) }!
        let text = String(decoding: files.files[i].bytes, as: UTF8.self)
        #expect(text.contains(from))
        files.files[i].bytes = Array(text.replacingOccurrences(of: from, with: to).utf8)
        return files
    }

    func withoutCache(_ tree: [String: [UInt8]]) -> [String: [UInt8]] {
        tree.filter { !$0.key.hasPrefix(".kizuna-cache") }
    }

    @Test func rebuildsOnlyWhatChangedAndMatchesAFullBuild() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        let first = try build(files, into: root)
        #expect(first.rendered == first.messages)

        let again = try build(files, into: root)
        #expect(again.rendered == 0)
        #expect(again.filesWritten == 0)
        #expect(again.editionsUnchanged == 2)

        // One manuscript: its day in each edition, each edition's manifest and index, and the review sheets.
        let manuscript = edited(files, "manuscripts/childcare/0045.yaml", "顔を近づけると、", "顔をそっと近づけると、")
        let afterManuscript = try build(manuscript, into: root)
        #expect(afterManuscript.rendered == 2)
        let scratch = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try build(manuscript, into: scratch, generator: nil)
        #expect(withoutCache(EndToEndTests.tree(root)) == EndToEndTests.tree(scratch))

        // One insert: that edition whole, the other untouched.
        let insert = edited(manuscript, "inserts/minamikawa-4month-checkup.yaml", "対象の方には", "対象のかたには")
        let afterInsert = try build(insert, into: root)
        #expect(afterInsert.editionsUnchanged == 1)
        let manifest = try JSONSerialization.jsonObject(with: try #require(FileManager.default.contents(atPath: root + "/minamikawa/manifest.json"))) as? [String: Any]
        #expect(afterInsert.rendered == manifest?["messageCount"] as? Int)
        let scratch2 = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch2) }
        _ = try build(insert, into: scratch2, generator: nil)
        #expect(withoutCache(EndToEndTests.tree(root)) == EndToEndTests.tree(scratch2))
    }

    @Test func anotherProgramOrTemplateRebuildsEverything() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        let first = try build(files, into: root, generator: "kizuna 1")
        let other = try build(files, into: root, generator: "kizuna 2")
        #expect(other.rendered == first.messages)
    }

    @Test func aMissingOrDamagedCacheMeansAFullBuild() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        let first = try build(files, into: root)
        // A build killed between changing the files and writing the cache leaves no cache for that edition.
        try FileManager.default.removeItem(atPath: root + "/.kizuna-cache/minamikawa")
        // A cache cut short is not read.
        let cache = root + "/.kizuna-cache/sakuragaoka"
        let bytes = try #require(FileManager.default.contents(atPath: cache))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cache))
        let again = try build(files, into: root)
        #expect(again.rendered == first.messages)
    }

    @Test func cacheRoundTrips() throws {
        let cache = EditionCache(editionKey: "abc", days: [
            "content/manuscripts/childcare/0045.yaml": .init(key: "k1", lineMessages: 2, files: [
                "line": .init(path: "line/childcare/0045.json", sha256: "00"),
                "preview": .init(path: "preview/childcare/0045.html", sha256: "11"),
            ]),
        ])
        #expect(EditionCache(bytes: cache.bytes) == cache)
        #expect(EditionCache(bytes: Array(cache.bytes.dropLast())) == nil)
        #expect(EditionCache(bytes: Array("garbage\n".utf8)) == nil)
    }
}
