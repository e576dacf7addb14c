import Foundation

/// One content file: its path as shown in diagnostics and its bytes, held in memory or read when the file is used.
public struct SourceFile: Sendable {
    /// Path relative to the content folder's parent, as diagnostics print it (e.g. `content/editions/a.yaml`).
    public var path: String
    /// Nil for a file read when it is used.
    private var held: [UInt8]?

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        held = bytes
    }

    /// A file listed now and read from `path` each time it is used, so that a build holds only the files of the
    /// editions it is working on (`ContentDirectory.read(_:readingEditionFilesWhenUsed:)`).
    public init(readingWhenUsed path: String) {
        self.path = path
        held = nil
    }

    /// Whether the file is read from `path` when used rather than held.
    public var isReadWhenUsed: Bool { held == nil }

    /// The same file with its bytes read now and held, or as it is when they cannot be read (its loading says why).
    public func reading() -> SourceFile {
        guard held == nil, let bytes = try? Self.read(path) else { return self }
        return SourceFile(path: path, bytes: bytes)
    }

    /// The bytes; a file read when used is read now, and is empty if that fails (`contents()` says why).
    public var bytes: [UInt8] {
        get { held ?? (try? Self.read(path)) ?? [] }
        set { held = newValue }
    }

    /// The bytes, or why the file cannot be read (the failure's message is the reason, without the path).
    public func contents() throws(IOFailure) -> [UInt8] {
        if let held { return held }
        return try Self.read(path)
    }

    /// The file's bytes; the failure's message is the reason alone.
    static func read(_ path: String) throws(IOFailure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IOFailure(access(path, R_OK) == 0 ? "it is not a readable file" : String(cString: strerror(errno)))
        }
        return [UInt8](data)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Decoded text of a source file with a line index, to turn positions into `SourceLocation`s.
public struct SourceText: Sendable {
    public let path: String
    /// The text without a leading byte order mark.
    public let text: String
    /// The text's lines, without their line breaks.
    public let lines: [Substring]
    /// The lines a pre-parse pass mended before YAML read the text (`KeyboardSlipScanner`), by 1-based line: the
    /// text parsed differs from the file there, so locations are mapped back to the file's own characters.
    public private(set) var mended: [Int: MendedLine] = [:]

    /// One line as the file has it, and the edits that made the line YAML read.
    public struct MendedLine: Sendable {
        /// The line as the file holds it.
        public var original: Substring
        /// The edits, left to right: `original` scalars replaced by `mended` scalars, both 0-based in their line.
        public var edits: [(original: Range<Int>, mended: Range<Int>)]

        /// The 0-based scalar offset in the file's line of the scalar at `offset` of the mended line; inside an edit,
        /// the edit's start.
        func originalOffset(ofMended offset: Int) -> Int {
            var shift = 0
            for edit in edits {
                if offset < edit.mended.lowerBound { break }
                if offset < edit.mended.upperBound { return edit.original.lowerBound }
                shift = edit.original.upperBound - edit.mended.upperBound
            }
            return offset + shift
        }
    }

    /// The text as parsed, where `mended` says which lines differ from the file `original`.
    init(path: String, text: String, mended: [Int: MendedLine]) {
        self.init(path: path, text: text)
        self.mended = mended
    }

    /// Whether the line (1-based) was mended before parsing: its parsed text is not the file's.
    public func isMended(line: Int) -> Bool { mended[line] != nil }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var lines: [Substring] = []
        // Lines end at "\n" or "\r\n"; a lone "\r" is not a break. Split on the bytes: walking Characters
        // runs grapheme breaking over every file.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            if utf8[i] == 0x0A {
                var end = i
                if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(text[start..<text.endIndex])
        self.lines = lines
    }

    /// The line's text (1-based), or empty past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        return lines[number - 1]
    }

    /// A location from a libyaml/Yams mark: line 1-based, column in Unicode scalars 1-based.
    public func location(line: Int, scalarColumn: Int) -> SourceLocation {
        var text = self.line(line)
        var n = max(0, scalarColumn - 1)
        if let mendedLine = mended[line] {
            text = mendedLine.original
            n = mendedLine.originalOffset(ofMended: n)
        }
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: n, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let prefix = String(String.UnicodeScalarView(scalars[scalars.startIndex..<end]))
        let extra = n - scalars.distance(from: scalars.startIndex, to: end)
        return SourceLocation(file: path, line: max(1, line), column: prefix.count + 1 + max(0, extra))
    }

    /// A location from 0-based line and scalar column (libyaml's raw marks).
    public func location(zeroBasedLine line: Int, scalarColumn column: Int) -> SourceLocation {
        location(line: line + 1, scalarColumn: column + 1)
    }

    /// The location of the start of the file.
    public var start: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }
}

extension SourceLocation {
    /// The location of a byte offset in raw (possibly undecodable) bytes: lines split on LF,
    /// columns counted in decoded characters before the offset, undecodable bytes one each.
    public init(file: String, bytes: [UInt8], byteOffset: Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<min(byteOffset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(byteOffset, bytes.count)], as: UTF8.self)
        self.init(file: file, line: line, column: prefix.count + 1)
    }
}
