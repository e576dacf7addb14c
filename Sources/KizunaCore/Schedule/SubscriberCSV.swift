import CSV
import Foundation

/// One record of a subscriber file as read, before its fields are checked.
public struct CSVRecord: Sendable, Hashable {
    /// The record's number, the header being row 1.
    public var row: Int
    /// The line of the file on which the record starts.
    public var line: Int
    public var fields: [String]
}

/// The columns of a subscriber file, found by name in its header (any order).
public struct SubscriberColumns: Sendable, Hashable {
    /// The columns every subscriber file has.
    public static let names = ["id", "nickname", "due_date", "birth_date", "channel"]
    /// The columns a file may add: `status` (`active` or `ended`, empty = active) and `ended_on` (the day a
    /// miscarriage, a stillbirth or a child's death is recorded). A file without them schedules every row as active.
    public static let optionalNames = ["status", "ended_on"]

    public var id: Int
    public var nickname: Int
    public var due: Int
    public var born: Int
    public var channel: Int
    public var status: Int? = nil
    public var endedOn: Int? = nil
    public var count: Int

    /// The columns of this file, in the order `names` and `optionalNames` list them (as messages name them).
    public var present: [String] {
        Self.names + [("status", status), ("ended_on", endedOn)].compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// The columns named in a header, or why the header is not one.
    public static func parse(_ header: [String]) -> Result<SubscriberColumns, ScheduleFileError> {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let blank = names.joined().isEmpty
        let found = LocalizedText(
            en: blank ? "nothing" : "'" + header.joined(separator: ",") + "'",
            ja: blank ? "空です" : "'" + header.joined(separator: ",") + "' です")
        let problem = { (en: String, ja: String) in
            Result<SubscriberColumns, ScheduleFileError>.failure(
                ScheduleFileError(
                    line: 1,
                    message: LocalizedText(
                        en:
                            "the header must name the columns \(Self.names.joined(separator: ",")) (in any order; "
                            + "\(Self.optionalNames.joined(separator: " and ")) may be added); \(en), found \(found.en)",
                        ja: "1 行目の見出しには列 \(Self.names.joined(separator: ",")) を（順不同で）書いてください"
                            + "（\(Self.optionalNames.joined(separator: " と ")) は追加できます）。\(ja)。見出しは \(found.ja)")))
        }
        if header.contains(where: { $0.unicodeScalars.contains("\u{0}") }) {
            return problem(
                "the file looks like UTF-16 without a byte order mark; save it as UTF-8",
                "UTF-16 のファイルのようです。UTF-8 で保存してください")
        }
        let unknown = names.filter { !Self.names.contains($0) && !Self.optionalNames.contains($0) }
        let missing = Self.names.filter { !names.contains($0) }
        let twice = (Self.names + Self.optionalNames).filter { n in names.filter { $0 == n }.count > 1 }
        if !unknown.isEmpty || !missing.isEmpty || !twice.isEmpty {
            var en: [String] = [], ja: [String] = []
            if !missing.isEmpty {
                en.append("missing \(missing.joined(separator: ", "))")
                ja.append("\(missing.joined(separator: ", ")) がありません")
            }
            if !unknown.isEmpty {
                en.append("unknown \(unknown.map { "'\($0)'" }.joined(separator: ", "))")
                ja.append("\(unknown.map { "'\($0)'" }.joined(separator: ", ")) は使えません")
            }
            if !twice.isEmpty {
                en.append("named twice: \(twice.joined(separator: ", "))")
                ja.append("\(twice.joined(separator: ", ")) が2回あります")
            }
            return problem(en.joined(separator: ", "), ja.joined(separator: "。"))
        }
        let at = { (name: String) in names.firstIndex(of: name)! }
        return .success(
            SubscriberColumns(
                id: at("id"), nickname: at("nickname"), due: at("due_date"),
                born: at("birth_date"), channel: at("channel"), status: names.firstIndex(of: "status"),
                endedOn: names.firstIndex(of: "ended_on"), count: names.count))
    }
}

/// Reads a subscriber CSV record by record from a stream, holding one record at a time (bounded memory).
///
/// RFC 4180 with a header row: fields separated by commas, a field in double quotes may hold commas, line breaks
/// and doubled quotes; lines end in LF, CRLF or CR; a UTF-8 byte order mark is skipped. Blank lines are skipped.
/// Bytes that are not UTF-8 become U+FFFD (the row is then refused by `SubscriberRow.parse`); a UTF-16 or UTF-32
/// file is refused as a whole.
public final class SubscriberCSV {
    public let columns: SubscriberColumns
    private let reader: CSVReader
    private let stream: UTF8CheckedInputStream
    private var row = 1
    /// The line the next record starts on.
    private var line: Int

    /// Opens the stream and reads the header.
    public init(stream source: InputStream) throws(ScheduleFileError) {
        let stream = UTF8CheckedInputStream(source)
        self.stream = stream
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: false)
        } catch {
            throw Self.readError(stream, line: nil, error)
        }
        guard let header = reader.next() else {
            throw reader.error.map { Self.readError(stream, line: 1, $0) }
                ?? ScheduleFileError(
                    line: nil,
                    message: LocalizedText(
                        en:
                            "the file is empty: it needs a header row "
                            + "(\(SubscriberColumns.names.joined(separator: ",")))",
                        ja: "ファイルが空です。見出しの行（\(SubscriberColumns.names.joined(separator: ","))）が必要です"))
        }
        if let error = reader.error { throw Self.readError(stream, line: 1, error) }
        line = 1 + Self.lineCount(header)
        columns = try SubscriberColumns.parse(header).get()
    }

    /// Opens a file.
    public convenience init(path: String) throws(ScheduleFileError) {
        guard FileManager.default.isReadableFile(atPath: path), let stream = InputStream(fileAtPath: path) else {
            throw ScheduleFileError(
                line: nil, message: LocalizedText(en: "cannot read '\(path)'", ja: "'\(path)' を読めません"))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScheduleFileError(
                line: nil,
                message: LocalizedText(
                    en: "'\(path)' is a folder, not a CSV file",
                    ja: "'\(path)' はフォルダです。CSV ファイルを指定してください"))
        }
        try self.init(stream: stream)
    }

    /// Reads CSV text (for tests).
    public convenience init(text: String) throws(ScheduleFileError) {
        try self.init(stream: InputStream(data: Data(text.utf8)))
    }

    /// The next record, nil at the end of the file. Throws when the file cannot be read on.
    public func next() throws(ScheduleFileError) -> CSVRecord? {
        while true {
            guard let fields = reader.next() else {
                if let error = reader.error { throw Self.readError(stream, line: line, error) }
                return nil
            }
            if let error = reader.error { throw Self.readError(stream, line: line, error) }
            let start = line
            line += Self.lineCount(fields)
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
            row += 1
            return CSVRecord(row: row, line: start, fields: fields)
        }
    }

    /// How many lines a record spans: one, plus the line breaks inside its quoted fields.
    static func lineCount(_ fields: [String]) -> Int {
        var lines = 1
        for field in fields {
            var afterCR = false
            for byte in field.utf8 {
                if byte == 0x0D {
                    lines += 1
                    afterCR = true
                } else {
                    if byte == 0x0A && !afterCR { lines += 1 }
                    afterCR = false
                }
            }
        }
        return lines
    }

    private static func readError(_ stream: UTF8CheckedInputStream, line: Int?, _ error: Error) -> ScheduleFileError {
        switch stream.encodingProblem {
        case .utf16?:
            return ScheduleFileError(
                line: nil,
                message: LocalizedText(
                    en: "the file is UTF-16 (its byte order mark says so); save it as UTF-8 (in Excel: CSV UTF-8)",
                    ja: "ファイルが UTF-16 です（BOM による）。UTF-8 で保存してください（Excel では「CSV UTF-8」）"))
        case .utf32?:
            return ScheduleFileError(
                line: nil,
                message: LocalizedText(
                    en: "the file is UTF-32 (its byte order mark says so); save it as UTF-8",
                    ja: "ファイルが UTF-32 です（BOM による）。UTF-8 で保存してください"))
        case nil:
            let reason = stream.streamError.map { "\($0)" } ?? "\(error)"
            return ScheduleFileError(
                line: line,
                message: LocalizedText(
                    en: "cannot read the file on: \(reason)", ja: "ファイルをこれ以上読めません: \(reason)"))
        }
    }
}
