/// A subscriber row that cannot be scheduled. The run goes on with the other rows.
///
/// `row` counts records with the header as row 1, so the first subscriber is row 2. `line` is the line of the file
/// on which the record starts: the same number unless a quoted field earlier in the file spans several lines.
public struct ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
    public var row: Int
    public var line: Int
    /// The subscriber id as written, when the row has one (for logs; may be malformed itself).
    public var id: String?
    /// Every problem of the row, in column order.
    public var problems: [LocalizedText]

    public init(row: Int, line: Int, id: String?, problems: [LocalizedText]) {
        self.row = row
        self.line = line
        self.id = id
        self.problems = problems
    }

    /// One sentence per problem, prefixed with the row number: "row 5: …; …".
    public var message: LocalizedText {
        let where_ =
            line == row
            ? LocalizedText(en: "row \(row): ", ja: "\(row) 行目: ")
            : LocalizedText(en: "row \(row) (from line \(line)): ", ja: "\(row) 行目のレコード（ファイルの \(line) 行目から）: ")
        return LocalizedText(
            en: where_.en + problems.map(\.en).joined(separator: "; "),
            ja: where_.ja + problems.map(\.ja).joined(separator: "。"))
    }

    public func message(_ language: Language) -> String { message[language] }

    public var description: String { message.en }
}

/// A problem with the subscriber file as a whole: nothing can be read from it, or not past this point.
public struct ScheduleFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line the problem is on, when there is one (1 for the header).
    public var line: Int?
    public var message: LocalizedText

    public init(line: Int?, message: LocalizedText) {
        self.line = line
        self.message = message
    }

    public var description: String { message.en }
}
