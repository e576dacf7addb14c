import Crypto
import Foundation
import GRDB
import GRDBSQLite
#if canImport(Glibc)
    import Glibc
#endif

/// One SQLite file per edition holding every payload, so that a sending system opens one file per edition instead of
/// one per day (534 per edition, about a million at national scale).
///
/// The file is plain SQLite 3 (UTF-8, page size 4096), readable from any language:
///
/// ```sql
/// -- PRAGMA application_id = 1264209473  -- 0x4B5A4E41, "KZNA": a Kizuna pack
/// -- PRAGMA user_version   = 3           -- the pack format version (also edition.format_version)
///
/// CREATE TABLE edition (              -- one row per fact about the edition, every value as text
///     key   TEXT NOT NULL PRIMARY KEY,
///     value TEXT NOT NULL
/// ) WITHOUT ROWID;
/// --   format                'kizuna-edition-pack'
/// --   format_version        '3'
/// --   edition_id            'sakuragaoka'
/// --   edition_name          'きずなメール桜ヶ丘市版'
/// --   nickname_placeholder  '{nickname}'   (the sender replaces it in line_json and email)
/// --   nickname_max_length   '20'           (decimal)
/// --   message_count         '534'          (decimal, the rows of messages)
///
/// CREATE TABLE messages (             -- one row per series and day
///     series        TEXT    NOT NULL, -- 'maternity' | 'childcare'
///     day           TEXT    NOT NULL, -- the day key as in the per-day file names: '16w0d', '0045', '0366-m11'
///     month_age     INTEGER,          -- for a day's variant by month age: the readers' completed calendar months
///                                     -- on the send date; NULL when the row serves every reader of its day
///     anniversary   INTEGER,          -- a birthday message: which birthday (1, 2, 3); it is sent on the calendar
///                                     -- birthday, not on birth + (day − 1) days; NULL for every other row
///     sort_index    INTEGER NOT NULL, -- reading order: ORDER BY series, sort_index
///     label         TEXT    NOT NULL, -- 「生まれて45日目」
///     title         TEXT    NOT NULL,
///     line_messages INTEGER NOT NULL, -- messages in the LINE push request (1 to 5)
///     sha256        TEXT    NOT NULL, -- lowercase hex SHA-256 of the bytes of line_json
///     line_json     TEXT    NOT NULL, -- the LINE push-request JSON, byte for byte the per-day file
///     email         BLOB,             -- the .eml bytes, NULL when the edition has no e-mail
///     PRIMARY KEY (series, day)
/// );
/// ```
///
/// A sender looks a payload up with `SELECT line_json FROM messages WHERE series = ? AND day = ?`.
/// The small columns come first so that scans of them never read the large payloads' overflow pages.
/// `messages` is an ordinary rowid table rather than `WITHOUT ROWID`: its rows are kilobytes, and SQLite keeps
/// whole rows in the interior pages of a `WITHOUT ROWID` table, which SQLite advises against for rows larger than
/// about a twentieth of a page. Rows are inserted in (series, sort_index) order, so the rowid follows reading order
/// too.
///
/// The file is deterministic: the same rows (in any order) give byte-identical files with the same SQLite library.
/// It holds no timestamp; its header holds the SQLite library's version number.
public struct EditionPack {
    /// The pack format version, in `PRAGMA user_version` and `edition.format_version`.
    /// 2: `month_age`, and a day's variants by month age as rows of their own. 3: `anniversary`.
    public static let formatVersion = 3
    /// `PRAGMA application_id` of a pack: "KZNA".
    public static let applicationID: Int32 = 0x4B5A_4E41

    public struct Row: Sendable {
        public var series: String
        /// The day key as in file names, e.g. "0045", "16w0d", or "0366-m11" for a variant by month age.
        public var day: String
        /// For a day's variant by month age, the readers' completed calendar months; nil: every reader of the day.
        public var monthAge: Int?
        /// For a birthday message, which birthday: sent on the calendar birthday (`MonthAge.birthday`).
        public var anniversary: Int?
        /// Reading order within the series.
        public var sortIndex: Int
        /// 「生まれて45日目」
        public var label: String
        public var title: String
        /// The LINE push-request JSON exactly as the per-day file (UTF-8).
        public var line: [UInt8]
        public var lineMessages: Int
        /// The .eml bytes when the edition has e-mail.
        public var email: [UInt8]?
        /// Lowercase hex SHA-256 of `line`; `write` checks it.
        public var sha256: String

        public init(
            series: String, day: String, sortIndex: Int, label: String, title: String,
            line: [UInt8], lineMessages: Int, email: [UInt8]? = nil, sha256: String, monthAge: Int? = nil,
            anniversary: Int? = nil
        ) {
            self.series = series
            self.day = day
            self.monthAge = monthAge
            self.anniversary = anniversary
            self.sortIndex = sortIndex
            self.label = label
            self.title = title
            self.line = line
            self.lineMessages = lineMessages
            self.email = email
            self.sha256 = sha256
        }
    }

    static let schema = """
        CREATE TABLE edition (
            key   TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE messages (
            series        TEXT    NOT NULL,
            day           TEXT    NOT NULL,
            month_age     INTEGER,
            anniversary   INTEGER,
            sort_index    INTEGER NOT NULL,
            label         TEXT    NOT NULL,
            title         TEXT    NOT NULL,
            line_messages INTEGER NOT NULL,
            sha256        TEXT    NOT NULL,
            line_json     TEXT    NOT NULL,
            email         BLOB,
            PRIMARY KEY (series, day)
        );
        """

    /// Writes a complete pack file at `path`, which must not exist: schema, rows and the `edition` table in one
    /// transaction. Journal and synchronous are off while writing: the caller writes into a staging folder and swaps
    /// it in atomically. On failure the file is removed, and a file already at `path` is left untouched.
    /// With `keepingRowsOf`, every row of that pack whose series and day `rows` does not hold is copied over inside
    /// SQLite (a partial rebuild: the unchanged days' rows are never turned into Swift values); the file is the one
    /// `write` makes from all the rows, byte for byte (`EditionPackTests`). `messageCount`, when given, is the number
    /// of rows the pack must end with (a kept pack with other days fails instead of passing them on).
    public static func write(
        editionID: String, editionName: String, nicknameMaxLength: Int, rows: [Row], keepingRowsOf old: String? = nil,
        messageCount: Int? = nil, to path: String
    ) throws(IOFailure) {
        let writer = try Writer(to: path, keepingRowsOf: old, checkingPayloads: true)
        for row in sorted(rows) {
            do throws(IOFailure) { try writer.add(row) } catch { throw IOFailure("pack '\(path)': \(error.message)") }
        }
        try writer.finish(
            editionID: editionID, editionName: editionName, nicknameMaxLength: nicknameMaxLength,
            messageCount: messageCount)
    }

    /// The pack's name inside its edition's folder.
    public static let fileName = "payloads.sqlite"

    /// Whether `path` is a pack of this format version, whose rows `write(keepingRowsOf:)` can keep.
    public static func isCurrent(_ path: String) -> Bool {
        guard access(path, R_OK) == 0 else { return false }
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        defer { try? queue.close() }
        return
            (try? queue.read { db in
                try Int.fetchOne(db, sql: "PRAGMA user_version") == formatVersion
                    && Int32(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0) == applicationID
            }) ?? false
    }

    /// Rows in the order they are inserted: by series, then reading order, then day key (bytes, as SQLite compares),
    /// so the file does not depend on the order the caller gives them in.
    static func sorted(_ rows: [Row]) -> [Row] {
        rows.sorted(by: precedes)
    }

    /// Whether `a` comes before `b` in the pack.
    static func precedes(_ a: Row, _ b: Row) -> Bool {
        if a.series != b.series { return a.series.utf8.lexicographicallyPrecedes(b.series.utf8) }
        if a.sortIndex != b.sortIndex { return a.sortIndex < b.sortIndex }
        return a.day.utf8.lexicographicallyPrecedes(b.day.utf8)
    }

    /// A pack made row by row as its days are rendered, so that no edition's payloads are held until the end.
    /// SQLite writes it straight into its file, holding no more than its page cache; the file is only complete
    /// after `finish`, and a writer dropped without it removes its file.
    ///
    /// Without kept rows, rows must come in the order `sorted` gives (the file then does not depend on the caller);
    /// with them, in any order.
    final class Writer {
        private let path: String
        private let queue: DatabaseQueue
        /// Finalized before the database is closed (SQLite will not close with it).
        private var insert: Statement?
        private let keeping: Bool
        private let checkingPayloads: Bool
        private var keys = Set<String>()
        private var last: Row?
        private var finished = false

        /// Starts the pack at `path`, which must not exist. `checkingPayloads: false` skips the UTF-8 and hash checks
        /// of each payload, for the builder, which hashed the very bytes it adds, so checking them again would find
        /// nothing. Days are still checked.
        init(to path: String, keepingRowsOf old: String?, checkingPayloads: Bool) throws(IOFailure) {
            self.path = path
            self.checkingPayloads = checkingPayloads
            keeping = old != nil
            // Claim the path atomically: O_EXCL fails if anything (even a dangling symbolic link) is there.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0, close(fd) == 0 else {
                throw IOFailure("cannot create '\(path)': \(String(cString: strerror(errno)))")
            }
            do {
                var configuration = GRDB.Configuration()
                configuration.foreignKeysEnabled = false
                configuration.label = "kizuna-pack"
                // The pack's one transaction spans every `add`, each a database access of its own.
                configuration.allowsUnsafeTransactions = true
                queue = try DatabaseQueue(path: path, configuration: configuration)
                insert = try queue.inDatabase { db in
                    // The page size only takes effect before the first table; journal mode outside a transaction.
                    try db.execute(
                        sql: """
                            PRAGMA page_size = 4096;
                            PRAGMA journal_mode = OFF;
                            PRAGMA synchronous = OFF;
                            PRAGMA temp_store = MEMORY;
                            """)
                    if let old {
                        try db.execute(sql: "ATTACH DATABASE ? AS old", arguments: [old])
                        // The kept rows are read through a memory map, not a read per page.
                        try db.execute(sql: "PRAGMA old.mmap_size = 268435456")
                    }
                    try db.beginTransaction()
                    try db.execute(
                        sql: """
                            PRAGMA application_id = \(applicationID);
                            PRAGMA user_version = \(formatVersion);
                            """)
                    try db.execute(sql: schema)
                    // The new rows go straight into `messages`, or, when rows are kept, into a temporary table first
                    // so that all rows are inserted in one pass in reading order, as a build of every row inserts them.
                    if old != nil {
                        try db.execute(
                            sql: "CREATE TEMP TABLE fresh AS SELECT \(Self.columns) FROM main.messages WHERE 0")
                    }
                    return try db.makeStatement(
                        sql: """
                            INSERT INTO \(old == nil ? "messages" : "temp.fresh") (\(Self.columns))
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?)
                            """)
                }
            } catch {
                unlink(path)
                throw IOFailure("cannot write '\(path)': \(error)")
            }
        }

        private static let columns =
            "series, day, month_age, anniversary, sort_index, label, title, line_messages, sha256, line_json, email"

        deinit {
            queue.inDatabase { _ in insert = nil }
            try? queue.close()
            if !finished { unlink(path) }
        }

        /// Adds one day's row; a second row for a day, or a payload whose bytes or hash are wrong, is refused.
        func add(_ row: Row) throws(IOFailure) {
            let key = "\(row.series)/\(row.day)"
            guard keys.insert(key).inserted else { throw IOFailure("\(key) appears twice") }
            if !keeping, let last, EditionPack.precedes(row, last) {
                throw IOFailure("\(key) comes after \(last.series)/\(last.day) in the pack's order")
            }
            if checkingPayloads {
                guard String(validating: row.line, as: UTF8.self) != nil else {
                    throw IOFailure("the LINE payload of \(key) is not UTF-8")
                }
                guard SHA256.hash(data: row.line).hexString == row.sha256 else {
                    throw IOFailure("the sha256 of \(key) does not match its LINE payload")
                }
            }
            last = row
            pending.append(row)
            if pending.count == Self.batchSize { try flush() }
        }

        /// Rows go to SQLite a batch at a time: one database access per row costs a queue hop each.
        private static let batchSize = 32
        private var pending: [Row] = []

        private func flush() throws(IOFailure) {
            guard !pending.isEmpty else { return }
            let rows = pending
            pending.removeAll(keepingCapacity: true)
            var current: Row?
            do {
                try queue.inDatabase { _ in
                    for row in rows {
                        current = row
                        // The payload goes in as a blob cast to text: its bytes exactly, stored as UTF-8 text.
                        try insert?.execute(arguments: [
                            row.series, row.day, row.monthAge, row.anniversary, row.sortIndex, row.label, row.title,
                            row.lineMessages,
                            row.sha256,
                            Data(row.line), row.email.map { Data($0) },
                        ])
                    }
                }
            } catch {
                throw IOFailure("SQLite cannot add \(current.map { "\($0.series)/\($0.day)" } ?? "a row"): \(error)")
            }
        }

        /// Completes the pack: the kept rows, the `edition` table, and the transaction committed. On failure the
        /// file is removed.
        func finish(editionID: String, editionName: String, nicknameMaxLength: Int, messageCount: Int?)
            throws(IOFailure)
        {
            try flush()
            do {
                try complete(
                    editionID: editionID, editionName: editionName, nicknameMaxLength: nicknameMaxLength,
                    messageCount: messageCount)
                queue.inDatabase { _ in insert = nil }
                try queue.close()
                finished = true
            } catch {
                throw IOFailure("cannot write '\(path)': \(error)")
            }
        }

        private func complete(editionID: String, editionName: String, nicknameMaxLength: Int, messageCount: Int?)
            throws
        {
            let keeping = keeping
            try queue.inDatabase { db in
                if keeping {
                    // BINARY collation compares bytes, as `sorted` does.
                    try db.execute(
                        sql: """
                            INSERT INTO main.messages (\(Self.columns))
                            SELECT \(Self.columns) FROM (
                                SELECT \(Self.columns) FROM old.messages AS o
                                WHERE NOT EXISTS (
                                    SELECT 1 FROM temp.fresh AS f WHERE f.series = o.series AND f.day = o.day)
                                UNION ALL
                                SELECT \(Self.columns) FROM temp.fresh
                            ) ORDER BY series, sort_index, day
                            """)
                    try db.execute(sql: "DROP TABLE temp.fresh")
                }
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.messages") ?? 0
                if let messageCount, count != messageCount {
                    throw IOFailure("the pack would hold \(count) days instead of the edition's \(messageCount)")
                }
                let facts: [(String, String)] = [
                    ("edition_id", editionID),
                    ("edition_name", editionName),
                    ("format", "kizuna-edition-pack"),
                    ("format_version", String(formatVersion)),
                    ("message_count", String(count)),
                    ("nickname_max_length", String(nicknameMaxLength)),
                    ("nickname_placeholder", "{nickname}"),
                ]
                let fact = try db.makeStatement(sql: "INSERT INTO edition (key, value) VALUES (?, ?)")
                for (key, value) in facts { try fact.execute(arguments: [key, value]) }
                try db.commit()
                if keeping { try db.execute(sql: "DETACH DATABASE old") }
            }
        }
    }
}
