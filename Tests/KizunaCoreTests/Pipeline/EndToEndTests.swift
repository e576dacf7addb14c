import Crypto
import Foundation
import Testing
@testable import KizunaCore

/// The sample content in `content/` built end to end, as `swift run kizuna build` does.
@Suite struct EndToEndTests {
    static func build(_ files: ContentFiles, into root: String) throws -> [EditionOutput] {
        let report = Validator().validate(files)
        let content = try #require(report.content, "\(DiagnosticFormatter.text(report.diagnostics))")
        let builder = EditionBuilder(content: content, templates: try .repository())
        var writer = OutputWriter(root: root)
        try writer.prepare()
        let outputs = content.editions.map(builder.build)
        for output in outputs { try writer.stage(output) }
        try writer.commit(outputs.map { writer.stagedWhole($0.editionID) }, caches: false)
        return outputs
    }

    static func temporaryFolder() -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-test-\(UUID().uuidString)")
        return url.path
    }

    /// Every file under a folder, relative path to bytes.
    static func tree(_ root: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result[relative] = [UInt8](FileManager.default.contents(atPath: root + "/" + relative)!)
            }
        }
        return result
    }

    @Test func sampleContentHasNoDiagnostics() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content))
        #expect(report.diagnostics.isEmpty, "\(DiagnosticFormatter.text(report.diagnostics))")
    }

    @Test func sampleContentMeetsTheIssueMinimums() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content))
        let content = try #require(report.content)
        #expect(content.content.manuscripts.count >= 60)
        #expect(Set(content.content.manuscripts.map(\.series)) == [.maternity, .childcare])
        #expect(content.editions.count == 2)
        let channels = Set(content.editions.map { Set($0.channels.map(\.value)) })
        #expect(channels == [[.line], [.line, .email]])
    }

    @Test func buildWritesEveryDayOfEveryEdition() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try ContentFixtures.read(Paths.content)
        let outputs = try Self.build(files, into: root)
        let tree = Self.tree(root)
        let content = Validator().validate(files).content!
        for output in outputs {
            // A file per message: a day whose readers of different month ages get different inserts has one per age.
            let manuscripts = content.compiler.messages(for: content.edition(output.editionID)!).count
            #expect(manuscripts > content.content.manuscripts.count)
            // The loss support message is no day's: it is checked on its own below.
            let lossSupport = "\(output.editionID)/\(LossSupportMessage.linePath)"
            let payloads = tree.keys.filter {
                $0.hasPrefix("\(output.editionID)/line/") && $0.hasSuffix(".json") && $0 != lossSupport
            }
            let pages = tree.keys.filter { $0.hasPrefix("\(output.editionID)/preview/") && $0.hasSuffix(".html") }
            #expect(payloads.count == manuscripts)
            // Every day's page, the index, the loss support message's page and the coverage page.
            #expect(pages.count == manuscripts + 3)
            let support = String(decoding: try #require(tree[lossSupport]), as: UTF8.self)
            #expect(support.contains("https://example.jp/\(output.editionID)/kizuna/settings"))
            #expect(support.contains(#""uri":"tel:"#))
            for word in ["個人差があります", "生まれて", "日目", "出産予定日", "{nickname}", "おめでとう"] {
                #expect(!support.contains(word), "\(lossSupport) holds '\(word)'")
            }
            #expect(tree["\(output.editionID)/manifest.json"] != nil)
            for path in payloads {
                let bytes = try #require(tree[path])
                let json = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
                let messages = try #require(json?["messages"] as? [[String: Any]])
                #expect((1...5).contains(messages.count))
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(
                    text.contains("https://example.jp/\(output.editionID)/kizuna/settings"),
                    "\(path) lacks the unsubscribe link")
                #expect(text.contains("個人差があります"), "\(path) lacks the disclaimer")
                #expect(text.contains(#""uri":"tel:"#), "\(path) lacks a contact")
            }
        }
        #expect(!tree.keys.contains { $0.contains(".kizuna-staging") }, "no staging folder is left behind")
    }

    @Test func manifestHashesMatchThePayloads() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try Self.build(try ContentFixtures.read(Paths.content), into: root)
        let tree = Self.tree(root)
        for (edition, channels) in [
            ("sakuragaoka", ["line", "preview"]), ("minamikawa", ["email", "line", "preview"]),
        ] {
            let manifest = try #require(
                try JSONSerialization.jsonObject(with: Data(tree[edition + "/manifest.json"]!)) as? [String: Any])
            let days = try #require(manifest["days"] as? [[String: Any]])
            #expect(days.count == manifest["messageCount"] as? Int)
            var listed = Set<String>()
            for day in days {
                let files = try #require(day["files"] as? [String: [String: String]])
                #expect(files.keys.sorted() == channels)
                for file in files.values {
                    let path = try #require(file["path"])
                    #expect(file["sha256"] == SHA256.hash(data: try #require(tree[edition + "/" + path])).hexString)
                    listed.insert(path)
                }
                let messages = try #require(day["lineMessages"] as? Int)
                let line = try #require(
                    try JSONSerialization.jsonObject(with: Data(tree[edition + "/" + files["line"]!["path"]!]!))
                        as? [String: Any])
                #expect((line["messages"] as? [Any])?.count == messages)
            }
            // The loss support message's files are listed apart from the days.
            let support = try #require(manifest["lossSupport"] as? [String: Any])
            let supportFiles = try #require(support["files"] as? [String: [String: String]])
            #expect(supportFiles.keys.sorted() == channels)
            for file in supportFiles.values {
                let path = try #require(file["path"])
                #expect(file["sha256"] == SHA256.hash(data: try #require(tree[edition + "/" + path])).hexString)
                listed.insert(path)
            }
            // Every file of the edition is in its manifest, but the pages about the whole edition (index, coverage).
            let written = Set(
                tree.keys.filter {
                    $0.hasPrefix(edition + "/") && !$0.hasSuffix("manifest.json") && !$0.hasSuffix("index.html")
                        && !$0.hasSuffix(CoverageReport.previewPath)
                }
                .map { String($0.dropFirst(edition.count + 1)) })
            #expect(written == listed)
        }
    }

    @Test func twoBuildsAreByteIdenticalWhateverTheFileOrder() throws {
        let first = Self.temporaryFolder(), second = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let files = try ContentFixtures.read(Paths.content)
        var shuffled = files
        shuffled.files.reverse()
        _ = try Self.build(files, into: first)
        _ = try Self.build(shuffled, into: second)
        let a = Self.tree(first), b = Self.tree(second)
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between two builds") }
    }

    /// An editor whose tool saves decomposed (NFD) text gets the same bytes, once the NFD check is only a warning:
    /// every value is read as NFC.
    @Test func nfdContentBuildsTheSameBytesAsNFC() throws {
        let first = Self.temporaryFolder(), second = Self.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let style = "rules:\n  style-invisible-character: {severity: warning}\n"
        let nfc = ContentFixtures.replacing("style.yaml", in: try ContentFixtures.read(Paths.content), with: style)
        var nfd = nfc
        var decomposed = 0
        for i in nfd.files.indices where nfd.files[i].path.hasSuffix(".yaml") {
            let text = String(decoding: nfd.files[i].bytes, as: UTF8.self)
            let bytes = Array(text.decomposedStringWithCanonicalMapping.utf8)
            if bytes != nfd.files[i].bytes { decomposed += 1 }
            nfd.files[i].bytes = bytes
        }
        #expect(decomposed > 70, "most content files hold text that decomposes (が, ぱ, …)")
        let warnings = Validator().validate(nfd).diagnostics
        #expect(!warnings.hasErrors && warnings.contains { $0.rule == .styleInvisibleCharacter })
        _ = try Self.build(nfc, into: first)
        _ = try Self.build(nfd, into: second)
        let a = Self.tree(first), b = Self.tree(second)
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs between the NFC and the NFD build") }
    }

    @Test func aRebuildReplacesTheEditionAndKeepsOtherFiles() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/sakuragaoka/line", withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(atPath: root + "/sakuragaoka/line/stale.json", contents: Data("{}".utf8)))
        #expect(FileManager.default.createFile(atPath: root + "/README.md", contents: Data("keep".utf8)))
        _ = try Self.build(try ContentFixtures.read(Paths.content), into: root)
        #expect(!FileManager.default.fileExists(atPath: root + "/sakuragaoka/line/stale.json"))
        #expect(FileManager.default.contents(atPath: root + "/README.md") == Data("keep".utf8))
    }
}
