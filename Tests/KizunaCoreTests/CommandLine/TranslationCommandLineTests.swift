import Foundation
import Testing
@testable import KizunaCore

/// `kizuna translation stamp` as a translator types it: after the Japanese changed and the translation was brought up
/// to date, it records the new source in the one line, and `validate` no longer warns; a file that is no translation
/// is refused with exit 1 and left as it was.
@Suite struct TranslationCommandLineTests {
    @Test func stampRecordsTheJapaneseATranslationNowFollows() throws {
        var files: [String: [UInt8]] = [:]
        for file in try ContentFixtures.read(Paths.content).files where !file.path.hasPrefix("content/approved/") {
            files[String(file.path.dropFirst("content/".count))] = file.bytes
        }
        let japanese = "manuscripts/childcare/0045.yaml"
        files[japanese] = Array(
            String(decoding: try #require(files[japanese]), as: UTF8.self)
                .replacingOccurrences(of: "たくさん話しかけてあげましょう。", with: "たくさん声をかけてあげましょう。").utf8)
        let folder = try KizunaCommand.write(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = "content/translations/en/manuscripts/childcare/0045.yaml"
        let before = try String(contentsOf: folder.appendingPathComponent(english), encoding: .utf8)

        let stale = try KizunaCommand.run(["validate"], in: folder)
        #expect(stale.stdout.contains("\(english):2:16: warning: "), "\(stale.stdout)")

        let stamp = try KizunaCommand.run(["translation", "stamp", english], in: folder)
        #expect(stamp.status == 0, "\(stamp.stderr)")
        #expect(stamp.stderr.contains("\(english): now follows the Japanese "), "\(stamp.stderr)")
        let after = try String(contentsOf: folder.appendingPathComponent(english), encoding: .utf8)
        let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1 && changed.first?.1.hasPrefix("source_sha256: ") == true, "\(changed)")
        let now = try KizunaCommand.run(["validate"], in: folder)
        #expect(!now.stdout.contains(english), "\(now.stdout)")

        let refused = try KizunaCommand.run(["translation", "stamp", "content/" + japanese], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not a translation that loads"), "\(refused.stderr)")
        let missing = try KizunaCommand.run(
            ["translation", "stamp", "content/translations/en/nothing.yaml"], in: folder)
        #expect(missing.status == 2, "\(missing.stderr)")
    }
}
