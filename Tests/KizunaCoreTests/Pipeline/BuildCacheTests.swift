import Crypto
import Foundation
import GRDB
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
        let build = OutputBuild(
            builder: EditionBuilder(content: content, templates: set),
            reviewSheets: ReviewSheetBuilder(templates: set), files: files,
            keys: generator.map { BuildKeys(files: files, templates: templates, generator: $0) })
        var writer = OutputWriter(root: root)
        return try build.run(content.editions, into: &writer)
    }

    /// `files` with one file's text edited, the file named by its path in the content folder (an approved copy under
    /// `approved/` is another file).
    func edited(_ files: ContentFiles, _ relative: String, _ from: String, _ to: String) -> ContentFiles {
        var files = files
        let i = files.files.firstIndex { $0.path == files.root + "/" + relative }!
        let text = String(decoding: files.files[i].bytes, as: UTF8.self)
        #expect(text.contains(from))
        files.files[i].bytes = Array(text.replacingOccurrences(of: from, with: to).utf8)
        return files
    }

    /// The output without the build's own state: its cache and the folders kept for partial rebuilds.
    func withoutCache(_ tree: [String: [UInt8]]) -> [String: [UInt8]] {
        tree.filter { !$0.key.hasPrefix(".kizuna-cache/") && !$0.key.hasPrefix(".kizuna-previous/") }
    }

    /// Whether `root` (built incrementally) holds exactly what a build of `files` from scratch writes.
    func equalsABuildFromScratch(_ root: String, _ files: ContentFiles) throws -> Bool {
        let scratch = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try build(files, into: scratch, generator: nil)
        return withoutCache(EndToEndTests.tree(root)) == EndToEndTests.tree(scratch)
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

        // One approved manuscript's body: its day in each edition; each edition's manifest, pack and index (the day is
        // now 要再承認 there); and the review sheets.
        let manuscript = edited(files, "manuscripts/childcare/0045.yaml", "顔を近づけると、", "顔をそっと近づけると、")
        let afterManuscript = try build(manuscript, into: root)
        #expect(afterManuscript.rendered == 2)
        let emailEditions = try FileManager.default.contentsOfDirectory(atPath: root).filter {
            FileManager.default.fileExists(atPath: root + "/" + $0 + "/email")
        }.count
        let sheets = try reviewSheetFiles(root)
        #expect(afterManuscript.filesWritten == 2 * 5 + emailEditions + sheets)
        #expect(try equalsABuildFromScratch(root, manuscript))

        // One insert: that edition whole, the other untouched.
        let insert = edited(manuscript, "inserts/minamikawa-4month-checkup.yaml", "対象の方には", "対象のかたには")
        let afterInsert = try build(insert, into: root)
        #expect(afterInsert.editionsUnchanged == 1)
        let manifest =
            try JSONSerialization.jsonObject(
                with: try #require(FileManager.default.contents(atPath: root + "/minamikawa/manifest.json")))
            as? [String: Any]
        #expect(afterInsert.rendered == manifest?["messageCount"] as? Int)
        #expect(try equalsABuildFromScratch(root, insert))

        // Its loss support message: that edition whole again (the edition key covers the support file).
        let support = edited(insert, "support/minamikawa-loss-support.yaml", "構いません。", "かまいません。")
        let afterSupport = try build(support, into: root)
        #expect(afterSupport.editionsUnchanged == 1)
        #expect(afterSupport.rendered == manifest?["messageCount"] as? Int)
        #expect(try equalsABuildFromScratch(root, support))
    }

    /// A birthday message's `anniversary:` is in its manuscript file, but the index labels the day by it and the
    /// coverage page counts it as a birthday: a rebuild after it changes rewrites both, as a build from scratch would.
    @Test func anAnniversaryEditRewritesTheIndexAndTheCoveragePage() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        let plain = edited(files, "manuscripts/childcare/0731.yaml", "anniversary: 2\n", "")
        _ = try build(plain, into: root)
        let index = try String(contentsOfFile: root + "/sakuragaoka/preview/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"childcare/0731.html\">生まれて731日目</a>"))
        let coverage = try String(contentsOfFile: root + "/sakuragaoka/preview/coverage.html", encoding: .utf8)
        #expect(coverage.contains("731日目 枠外"))
        #expect(try equalsABuildFromScratch(root, plain))
    }

    /// `kizuna build` reads edition and insert files when their edition is read: the build key hashes those very
    /// bytes, so an insert edited on disk rebuilds its edition, and the output equals a build from scratch.
    @Test func filesReadWhenUsedKeyTheBytesTheBuildRead() throws {
        let folder = EndToEndTests.temporaryFolder(), root = EndToEndTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: root)
        }
        try FileManager.default.copyItem(atPath: Paths.content.path, toPath: folder + "/content")
        let set = try PreviewTemplates(sources: templates)
        func build() throws -> (OutputBuild.Result, ContentFiles) {
            var files = try ContentDirectory.read(folder + "/content", readingEditionFilesWhenUsed: true)
            files.mecab = MeCabPresence.setting
            #expect(files.files.contains { $0.isReadWhenUsed })
            let keys = BuildKeys(files: files, templates: templates, generator: "test")
            var writer = OutputWriter(root: root)
            guard
                case .built(let result) = try ContentBuild(files: files, templates: set, keys: keys).run(into: &writer)
            else {
                Issue.record("the sample content did not build")
                return (OutputBuild.Result(), files)
            }
            return (result, files)
        }
        let (first, _) = try build()
        #expect(first.rendered == first.messages)
        #expect(try build().0.editionsUnchanged == 2)

        let insert = folder + "/content/inserts/minamikawa-4month-checkup.yaml"
        let text = try String(contentsOfFile: insert, encoding: .utf8)
        #expect(text.contains("対象の方には"))
        try text.replacingOccurrences(of: "対象の方には", with: "対象のかたには").write(
            toFile: insert, atomically: true, encoding: .utf8)
        let (afterInsert, files) = try build()
        #expect(afterInsert.editionsUnchanged == 1)
        #expect(afterInsert.rendered > 0)
        let held = ContentFiles(
            root: files.root, files: files.files.map { SourceFile(path: $0.path, bytes: $0.bytes) }, mecab: files.mecab)
        #expect(try equalsABuildFromScratch(root, held))
    }

    @Test func aDraftBodyEditLeavesTheIndexAlone() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        let indexBefore = try inode(root + "/sakuragaoka/preview/index.html")
        let edited = edited(files, "manuscripts/childcare/0660.yaml", "少し待って見守ってあげましょう。", "少し待って、見守ってあげましょう。")
        let after = try build(edited, into: root)
        #expect(after.rendered == 2)
        // The index lists nothing that changed: it stays the same file, linked into the new edition folder.
        #expect(try inode(root + "/sakuragaoka/preview/index.html") == indexBefore)
        #expect(try equalsABuildFromScratch(root, edited))
    }

    @Test func aTitleEditRewritesTheIndex() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        let indexBefore = try inode(root + "/sakuragaoka/preview/index.html")
        let retitled = edited(files, "manuscripts/childcare/0045.yaml", "title: じっと見つめる目", "title: じっと見つめるまなざし")
        let after = try build(retitled, into: root)
        #expect(after.rendered == 2)
        #expect(try inode(root + "/sakuragaoka/preview/index.html") != indexBefore)
        let index = String(
            decoding: try #require(FileManager.default.contents(atPath: root + "/sakuragaoka/preview/index.html")),
            as: UTF8.self)
        #expect(index.contains("じっと見つめるまなざし"))
        #expect(try equalsABuildFromScratch(root, retitled))
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    /// Files of the review folder (rebuilt whole when any manuscript changes).
    func reviewSheetFiles(_ root: String) throws -> Int {
        let folder = root + "/" + ReviewSheetBuilder.folder
        return (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { path in
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &directory)
                && !directory.boolValue
        }.count
    }

    /// A partial rebuild keeps each edition's swapped-out folder, and the next one stages the edition in it with a
    /// few operations instead of a link per file: the output still equals a build from scratch, whatever was done
    /// to the kept folder in between.
    @Test func partialRebuildsReuseTheSwappedOutFolder() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        let previous = root + "/.kizuna-previous"
        #expect(!FileManager.default.fileExists(atPath: previous), "a first build keeps nothing")

        let first = edited(files, "manuscripts/childcare/0045.yaml", "顔を近づけると、", "顔をそっと近づけると、")
        _ = try build(first, into: root)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: previous).sorted() == ["minamikawa", "sakuragaoka"])
        // The kept folder is the edition before the edit: the unchanged days are the live files themselves.
        let day = "sakuragaoka/line/childcare/0045.json"
        let unchanged = "sakuragaoka/line/childcare/0014.json"
        #expect(try inode(previous + "/" + unchanged) == inode(root + "/" + unchanged))
        // What the rebuild rewrote is not kept (a pack alone is megabytes): every kept file is a live one.
        for path in [day, "sakuragaoka/payloads.sqlite", "sakuragaoka/manifest.json"] {
            #expect(!FileManager.default.fileExists(atPath: previous + "/" + path), "\(path)")
        }
        let keptFiles = try #require(FileManager.default.enumerator(atPath: previous)?.allObjects as? [String])
        for path in keptFiles where !path.hasSuffix("line") && !path.hasSuffix("preview") {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: previous + "/" + path, isDirectory: &isFolder),
                !isFolder.boolValue
            else { continue }
            #expect(try inode(previous + "/" + path) == inode(root + "/" + path), "\(path)")
        }
        #expect(try equalsABuildFromScratch(root, first))

        // Staged in the kept folder: the day the first edit changed is relinked, the new one moved in.
        let second = edited(first, "manuscripts/childcare/0660.yaml", "少し待って見守ってあげましょう。", "少し待って、見守ってあげましょう。")
        let (kept, live) = (try inode(previous + "/sakuragaoka"), try inode(root + "/sakuragaoka"))
        let afterSecond = try build(second, into: root)
        #expect(afterSecond.rendered == 2)
        #expect(try inode(root + "/sakuragaoka") == kept, "the kept folder became the edition")
        #expect(try inode(previous + "/sakuragaoka") == live, "and the edition it replaced is kept in turn")
        #expect(try equalsABuildFromScratch(root, second))

        // A stray file, a changed file and a missing file in the kept folder never reach the output.
        try Data("stray".utf8).write(to: URL(fileURLWithPath: previous + "/sakuragaoka/line/childcare/9999.json"))
        try FileManager.default.removeItem(
            atPath: previous + "/sakuragaoka/" + unchanged.dropFirst("sakuragaoka/".count))
        let other = previous + "/sakuragaoka/line/childcare/0100.json"
        try Data("{}".utf8).write(to: URL(fileURLWithPath: other + ".tmp"))
        try FileManager.default.removeItem(atPath: other)
        try FileManager.default.moveItem(atPath: other + ".tmp", toPath: other)
        try FileManager.default.removeItem(atPath: previous + "/minamikawa/preview")
        _ = try build(first, into: root)
        #expect(try equalsABuildFromScratch(root, first))

        // An edition rebuilt whole keeps nothing: its old files are no longer live and would only take space.
        _ = try build(first, into: root, generator: "another kizuna")
        #expect(try FileManager.default.contentsOfDirectory(atPath: previous).isEmpty)
        #expect(try equalsABuildFromScratch(root, first))
    }

    @Test func aSecondBuildIntoTheSameOutputIsRefusedWhileOneRuns() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        let running = try OutputWriter(root: root).lock()
        #expect(throws: IOFailure.self) { try build(files, into: root, generator: "another kizuna") }
        #expect(try equalsABuildFromScratch(root, files), "the refused build changed nothing")
        running.release()
        let after = try build(files, into: root, generator: "another kizuna")
        #expect(after.rendered == after.messages)
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
        let day = EditionCache.Day(
            key: FileHash(of: [1]), files: .init(lineMessages: 2, line: FileHash(of: [2]), preview: FileHash(of: [3])))
        let mailed = EditionCache.Day(
            key: FileHash(of: [4]),
            files: .init(
                lineMessages: 5, line: FileHash(of: [5]),
                preview: FileHash(of: [6]), email: FileHash(of: [7])))
        for cache in [
            EditionCache(editionKey: "abc", indexKey: "def", days: [day, mailed, day]),
            EditionCache(editionKey: "review", days: []),
        ] {
            #expect(EditionCache(bytes: cache.bytes) == cache)
            #expect(EditionCache(bytes: Array(cache.bytes.dropLast())) == nil)
            #expect(EditionCache(bytes: cache.bytes + [0]) == nil)
        }
        #expect(EditionCache(bytes: Array("garbage\n".utf8)) == nil)
        #expect(EditionCache(bytes: []) == nil)
        // A record whose fields are out of range is refused, not trusted.
        var broken = EditionCache(editionKey: "abc", days: [day]).bytes
        broken[broken.count - EditionCache.recordSize + FileHash.byteCount] = 9
        #expect(EditionCache(bytes: broken) == nil)
    }

    /// A cache reused under an unchanged edition key lists the same days in the same order: a cache whose day count
    /// differs from the edition's is not reused, and the edition is built whole.
    @Test func aCacheWithAnotherNumberOfDaysIsNotReused() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        let first = try build(files, into: root)
        let path = root + "/.kizuna-cache/sakuragaoka"
        let stored = try #require(OutputWriter.readFile(path))
        var cache = try #require(EditionCache(bytes: stored))
        cache.days.removeLast()
        try Data(cache.bytes).write(to: URL(fileURLWithPath: path))
        let again = try build(files, into: root)
        #expect(again.editionsUnchanged == 1)
        #expect(again.rendered == cache.days.count + 1)
        #expect(first.rendered > again.rendered)
        #expect(try equalsABuildFromScratch(root, files))
    }

    /// The builder hands the pack hashes it made itself, unchecked by the pack: every row's hash is the SHA-256 of its
    /// payload, and its payload the bytes of the day's file, after a full build and after a partial rebuild.
    @Test func packRowsHoldEachDaysFileAndItsHash() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        _ = try build(files, into: root)
        _ = try build(edited(files, "manuscripts/childcare/0045.yaml", "顔を近づけると、", "顔をそっと近づけると、"), into: root)
        for edition in ["sakuragaoka", "minamikawa"] {
            var configuration = GRDB.Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(
                path: "\(root)/\(edition)/\(EditionPack.fileName)", configuration: configuration)
            defer { try? queue.close() }
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT series, day, sha256, CAST(line_json AS BLOB) AS line FROM messages")
            }
            #expect(!rows.isEmpty)
            for row in rows {
                let line = [UInt8](row["line"] as Data)
                let series: String = row["series"], day: String = row["day"]
                #expect(row["sha256"] == SHA256.hash(data: line).hexString, "\(edition) \(series)/\(day)")
                let kind = try #require(Series(rawValue: series))
                // A variant by month age: `0366-m11`, the day's stem and the readers' month age.
                let parts = day.split(separator: "-m", maxSplits: 1).map(String.init)
                let stem =
                    try #require(DayKey.parse(parts[0], series: kind), "\(day)").fileStem
                    + (parts.count == 2 ? "-m\(parts[1])" : "")
                #expect(
                    FileManager.default.contents(atPath: "\(root)/\(edition)/line/\(series)/\(stem).json").map {
                        [UInt8]($0)
                    } == line)
            }
        }
    }
}
