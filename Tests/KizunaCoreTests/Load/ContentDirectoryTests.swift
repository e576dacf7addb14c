import Foundation
import Testing
@testable import KizunaCore

/// Which files of a content folder are read: YAML and approved snapshots, without hidden files or folders; a symlink
/// to a file is read as the file, a symlink to a folder is not followed.
@Suite struct ContentDirectoryTests {
    @Test func readsTheContentFilesAndSkipsTheRest() throws {
        let base = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: base) }
        let root = base + "/content", elsewhere = base + "/elsewhere"
        let manager = FileManager.default
        for folder in [
            "manuscripts/childcare", "manuscripts/.drafts", ".git", "approved/childcare", elsewhere + "/sub",
        ] {
            try manager.createDirectory(
                atPath: folder.hasPrefix("/") ? folder : root + "/" + folder, withIntermediateDirectories: true)
        }
        for (path, text) in [
            "kizuna.yaml": "a", "manuscripts/childcare/0001.yaml": "b", "manuscripts/childcare/0002.yml": "c",
            "manuscripts/childcare/notes.md": "d", "manuscripts/.drafts/0003.yaml": "e", ".git/config.yaml": "f",
            "manuscripts/childcare/.0004.yaml.swp": "g", "approved/childcare/0001.txt": "h",
        ] {
            try text.write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
        }
        try "i".write(toFile: elsewhere + "/linked.yaml", atomically: false, encoding: .utf8)
        try "j".write(toFile: elsewhere + "/sub/inside.yaml", atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: root + "/manuscripts/childcare/0005.yaml", withDestinationPath: elsewhere + "/linked.yaml")
        try manager.createSymbolicLink(atPath: root + "/manuscripts/linked", withDestinationPath: elsewhere + "/sub")

        let files = try ContentDirectory.read(root)
        #expect(
            files.files.map { files.relativePath(of: $0) } == [
                "approved/childcare/0001.txt", "kizuna.yaml", "manuscripts/childcare/0001.yaml",
                "manuscripts/childcare/0002.yml", "manuscripts/childcare/0005.yaml",
            ])
        #expect(files.files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["h", "a", "b", "c", "i"])
        #expect(throws: IOFailure.self) { try ContentDirectory.read(base + "/missing") }
    }
}
