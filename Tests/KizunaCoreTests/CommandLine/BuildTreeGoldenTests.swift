import Foundation
import GRDB
import Testing
@testable import KizunaCore

/// `kizuna build` of `Fixtures/tree` (two editions, one of them with e-mail) through the real command, compared file
/// by file with `Snapshots/tree/`: payloads, e-mails, previews, manifests, review pages, and each pack's rows as
/// text (`payloads.sqlite.rows`). Re-record with `KIZUNA_RECORD=1 swift test --filter BuildTreeGoldenTests`.
@Suite struct BuildTreeGoldenTests {
    static let golden = "tree"

    /// Every file under `root` by relative path, the build cache left out (its keys name the binary's path and time).
    static func files(under root: String) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix(".kizuna-cache") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// A pack's metadata and rows as text, one `key: value` per line and one block per message in reading order.
    static func rows(ofPack path: String) throws -> [UInt8] {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            var text = ""
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM edition ORDER BY key") {
                text += "edition \(row["key"] as String): \(row["value"] as String)\n"
            }
            let columns = [
                "series", "day", "sort_index", "label", "title", "line_messages", "sha256", "line_json", "email",
            ]
            for row in try Row.fetchAll(
                db, sql: "SELECT \(columns.joined(separator: ", ")) FROM messages ORDER BY sort_index")
            {
                text += "\n"
                for column in columns {
                    let value: String =
                        switch (row[column] as DatabaseValue).storage {
                        case .null: "NULL"
                        case .int64(let number): String(number)
                        case .double(let number): String(number)
                        case .string(let string): string
                        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
                        }
                    text += "\(column): \(value)\n"
                }
            }
            return Array(text.utf8)
        }
    }

    @Test("kizuna build writes exactly the golden tree")
    func wholeTree() throws {
        let output = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // Run beside the fixture, so that previews name its files as `tree/…`, as an editor's run names `content/…`.
        let build = try KizunaCommand.run(
            ["build", "--content", "tree", "--output", output, "--templates", Paths.templates.path, "--quiet"],
            in: Paths.fixtures)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.isEmpty && build.stderr.isEmpty, "\(build.stdout)\(build.stderr)")

        var written: [String] = []
        for relative in try Self.files(under: output) {
            let path = output + "/" + relative
            if relative.hasSuffix("/" + EditionPack.fileName) {
                written.append(relative + ".rows")
                assertSnapshot(try Self.rows(ofPack: path), named: "\(Self.golden)/\(relative).rows")
            } else {
                written.append(relative)
                assertSnapshot(
                    [UInt8](try #require(FileManager.default.contents(atPath: path))),
                    named: "\(Self.golden)/\(relative)")
            }
        }
        // No golden file is left over from an output the build no longer writes.
        let goldenFiles = try Self.files(under: Paths.snapshots.appendingPathComponent(Self.golden).path)
        #expect(goldenFiles == written.sorted())
        #expect(written.contains("minamikawa/email/childcare/0100.eml"))
        #expect(written.contains("review/sheets/childcare/0045.html"))
        #expect(written.contains("sakuragaoka/payloads.sqlite.rows"))
        // Each edition's loss support message: its payload, its preview and, where the edition sends e-mail, its e-mail.
        #expect(written.contains("minamikawa/email/loss-support.eml"))
        #expect(written.contains("sakuragaoka/line/loss-support.json"))
        #expect(written.contains("sakuragaoka/preview/loss-support.html"))
        #expect(written.contains("review/sheets/support/minamikawa-loss-support.html"))
    }
}
