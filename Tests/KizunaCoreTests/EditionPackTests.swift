import Crypto
import Foundation
import GRDB
import Testing
@testable import KizunaCore

@Suite struct EditionPackTests {
    static func row(
        _ series: String, _ day: String, _ sortIndex: Int, label: String, title: String, json: String,
        messages: Int = 1, email: String? = nil
    ) -> EditionPack.Row {
        let line = Array(json.utf8)
        return EditionPack.Row(
            series: series, day: day, sortIndex: sortIndex, label: label, title: title, line: line,
            lineMessages: messages, email: email.map { Array($0.utf8) },
            sha256: SHA256.hash(data: line).hexString
        )
    }

    /// A few days of both series, given out of reading order, with multi-byte text, an escaped quote and CRLF e-mail.
    static let rows: [EditionPack.Row] = [
        row(
            "childcare", "0045", 45, label: "生まれて45日目", title: "目と目が合うよろこび",
            json: #"{"to":"{nickname}","messages":[{"type":"flex","altText":"生まれて45日目 \"目\""}]}"#,
            messages: 2, email: "Subject: =?UTF-8?B?5aaK5aig?=\r\n\r\n{nickname}さん\r\n"),
        row(
            "maternity", "16w0d", 16 * 7, label: "妊娠16週0日", title: "安定期に入ります",
            json: #"{"messages":[{"type":"flex","altText":"妊娠16週0日"}]}"#),
        row(
            "childcare", "0001", 1, label: "生まれて1日目", title: "おめでとうございます",
            json: #"{"messages":[{"type":"text","text":"\u3042"}]}"#, email: ""),
        row(
            "maternity", "4w0d", 4 * 7, label: "妊娠4週0日", title: "はじめに",
            json: #"{"messages":[]}"#),
    ]

    /// A fresh folder for one test, removed afterwards by the caller.
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ rows: [EditionPack.Row], to path: String) throws(IOFailure) {
        try EditionPack.write(
            editionID: "sakuragaoka", editionName: "きずなメール桜ヶ丘市版",
            nicknameMaxLength: 20, rows: rows, to: path)
    }

    /// 534 days in both series, day i carrying `filler(i)` as its text and `email(i, filler)` as its e-mail.
    static func edition(filler: (Int) -> String, email: (Int, String) -> String?) -> [EditionPack.Row] {
        (0..<534).map { i in
            let day = i < 266 ? "\(4 + i / 7)w\(i % 7)d" : String(format: "%04d", i - 265)
            let text = filler(i)
            return row(
                i < 266 ? "maternity" : "childcare", day, i, label: "day \(i)", title: "title \(i)",
                json: #"{"messages":[{"type":"text","text":"\#(text)"}]}"#, email: email(i, text))
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func readsBackEveryRowByKeyAndInReadingOrder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/sakuragaoka.sqlite"
        try Self.write(Self.rows, to: path)

        var configuration = GRDB.Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == EditionPack.formatVersion)
            #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == Int(EditionPack.applicationID))
            #expect(try Int.fetchOne(db, sql: "PRAGMA page_size") == 4096)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")

            let facts = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM edition")
                    .map { (row: Row) -> (String, String) in (row["key"], row["value"]) })
            #expect(
                facts == [
                    "format": "kizuna-edition-pack", "format_version": "3", "edition_id": "sakuragaoka",
                    "edition_name": "きずなメール桜ヶ丘市版", "nickname_placeholder": "{nickname}",
                    "nickname_max_length": "20", "message_count": "4",
                ])

            // Every row by its key: the same bytes, stored as text (so json_extract and any language's text API work).
            for expected in Self.rows {
                let row = try #require(
                    try Row.fetchOne(
                        db,
                        sql: """
                            SELECT sort_index, label, title, line_messages, sha256, line_json, \
                            typeof(line_json) AS line_type,
                                   CAST(line_json AS BLOB) AS line_bytes, email
                            FROM messages WHERE series = ? AND day = ?
                            """, arguments: [expected.series, expected.day]), "\(expected.series)/\(expected.day)")
                #expect(row["line_type"] == "text")
                #expect([UInt8](row["line_bytes"] as Data) == expected.line)
                #expect(Array((row["line_json"] as String).utf8) == expected.line)
                #expect(row["sort_index"] == expected.sortIndex)
                #expect(row["label"] == expected.label)
                #expect(row["title"] == expected.title)
                #expect(row["line_messages"] == expected.lineMessages)
                #expect(row["sha256"] == expected.sha256)
                #expect((row["email"] as Data?).map { [UInt8]($0) } == expected.email)
            }
            let altText = try String.fetchOne(
                db,
                sql: """
                    SELECT json_extract(line_json, '$.messages[0].altText') FROM messages \
                    WHERE series = 'childcare' AND day = '0045'
                    """)
            #expect(altText == "生まれて45日目 \"目\"")

            // Reading order, both by sort_index and by rowid.
            let bySortIndex = try String.fetchAll(
                db, sql: "SELECT series || '/' || day FROM messages ORDER BY series, sort_index")
            let byRowID = try String.fetchAll(db, sql: "SELECT series || '/' || day FROM messages ORDER BY rowid")
            #expect(bySortIndex == ["childcare/0001", "childcare/0045", "maternity/4w0d", "maternity/16w0d"])
            #expect(byRowID == bySortIndex)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
    }

    @Test func twoWritesAreByteIdenticalWhateverTheRowOrder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(Self.rows, to: dir + "/a.sqlite")
        try Self.write(Self.rows, to: dir + "/b.sqlite")
        try Self.write(Self.rows.reversed(), to: dir + "/c.sqlite")
        let a = try Self.bytes(dir + "/a.sqlite")
        #expect(a.count % 4096 == 0 && !a.isEmpty)
        #expect(a == (try Self.bytes(dir + "/b.sqlite")))
        #expect(a == (try Self.bytes(dir + "/c.sqlite")))
        // Nothing left beside the file: no journal.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.sqlite", "b.sqlite", "c.sqlite"])
    }

    @Test func largeEditionIsByteIdenticalAndWholeAcrossWrites() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // 534 days of about 4 KB, as an edition of both series, with e-mail twice that size.
        let rows = Self.edition { i in
            String(repeating: "あいうえお", count: 260 + i % 17)
        } email: { i, filler in
            "Subject: \(i)\r\n\r\n" + filler + filler
        }
        try Self.write(rows, to: dir + "/a.sqlite")
        try Self.write(rows.shuffled(), to: dir + "/b.sqlite")
        #expect(try Self.bytes(dir + "/a.sqlite") == (try Self.bytes(dir + "/b.sqlite")))
        let queue = try DatabaseQueue(path: dir + "/a.sqlite")
        defer { try? queue.close() }
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") == 534)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let line = try #require(
                try Data.fetchOne(
                    db,
                    sql: """
                        SELECT CAST(line_json AS BLOB) FROM messages WHERE series = 'childcare' AND day = '0100'
                        """))
            #expect([UInt8](line) == rows[365].line)
        }
    }

    /// A partial rebuild writes only its changed days and keeps the rest from the previous pack, inside SQLite: the
    /// file is byte for byte the one a write of every row makes.
    @Test func keepingTheOtherRowsOfAPackWritesTheBytesOfAWholeWrite() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = Self.edition { i in
            String(repeating: "かきくけこ", count: 200 + i % 23)
        } email: { i, filler in
            i % 3 == 0 ? nil : "Subject: \(i)\r\n\r\n" + filler
        }
        try Self.write(rows, to: dir + "/old.sqlite")
        #expect(EditionPack.isCurrent(dir + "/old.sqlite"))
        // Two days change, one of them growing past its old size, one shrinking; and one day is given unchanged.
        var changed = [rows[10], rows[300], rows[533]]
        changed[0] = Self.row(
            rows[10].series, rows[10].day, 10, label: "day 10", title: "new title",
            json: #"{"messages":[{"type":"text","text":"\#(String(repeating: "新", count: 3000))"}]}"#)
        changed[1] = Self.row(
            rows[300].series, rows[300].day, 300, label: "day 300", title: "title 300",
            json: #"{"messages":[]}"#, messages: 2, email: "Subject: x\r\n\r\n")
        var all = rows
        (all[10], all[300]) = (changed[0], changed[1])
        try EditionPack.write(
            editionID: "sakuragaoka", editionName: "きずなメール桜ヶ丘市版", nicknameMaxLength: 20,
            rows: changed, keepingRowsOf: dir + "/old.sqlite", to: dir + "/kept.sqlite")
        try Self.write(all, to: dir + "/whole.sqlite")
        #expect(try Self.bytes(dir + "/kept.sqlite") == (try Self.bytes(dir + "/whole.sqlite")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == [
                "kept.sqlite", "old.sqlite", "whole.sqlite",
            ])
        // A kept pack with other days than the edition's fails, and leaves no file.
        #expect(throws: IOFailure.self) {
            try EditionPack.write(
                editionID: "sakuragaoka", editionName: "きずなメール桜ヶ丘市版", nicknameMaxLength: 20,
                rows: [Self.row("childcare", "9999", 9999, label: "x", title: "x", json: "{}")],
                keepingRowsOf: dir + "/old.sqlite", messageCount: 534, to: dir + "/bad.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad.sqlite"))

        // Neither a missing file nor a file of another kind is a pack whose rows can be kept.
        #expect(!EditionPack.isCurrent(dir + "/missing.sqlite"))
        try Data("not a pack".utf8).write(to: URL(fileURLWithPath: dir + "/other"))
        #expect(!EditionPack.isCurrent(dir + "/other"))
    }

    @Test func refusesAnExistingPathAndLeavesItUntouched() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/sakuragaoka.sqlite"
        let previous = Array("an earlier pack".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(previous)))
        #expect(throws: IOFailure.self) { try Self.write(Self.rows, to: path) }
        #expect(try Self.bytes(path) == previous)

        // Also a real pack: a second write to its path fails and keeps the first.
        let pack = dir + "/pack.sqlite"
        try Self.write(Self.rows, to: pack)
        let first = try Self.bytes(pack)
        #expect(throws: IOFailure.self) { try Self.write(Array(Self.rows.prefix(1)), to: pack) }
        #expect(try Self.bytes(pack) == first)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["pack.sqlite", "sakuragaoka.sqlite"])
    }

    @Test func refusesBadRowsAndLeavesNoFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var wrongHash = Self.rows
        wrongHash[1].sha256 = String(repeating: "0", count: 64)
        var notUTF8 = Self.rows
        notUTF8[0].line = [0x7B, 0xFF, 0x7D]
        notUTF8[0].sha256 = SHA256.hash(data: notUTF8[0].line).hexString
        let twice = Self.rows + [Self.rows[2]]
        for (name, rows) in [("hash", wrongHash), ("utf8", notUTF8), ("twice", twice)] {
            let error = try #require(throws: IOFailure.self) { try Self.write(rows, to: "\(dir)/\(name).sqlite") }
            #expect(error.message.contains("\(dir)/\(name).sqlite"))
        }
        // A folder that does not exist.
        #expect(throws: IOFailure.self) { try Self.write(Self.rows, to: dir + "/missing/pack.sqlite") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
