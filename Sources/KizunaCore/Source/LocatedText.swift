import Yams

/// A text value read from YAML, able to say where any of its characters was written.
public struct LocatedText: Sendable, CustomStringConvertible {
    /// The value as the YAML scalar holds it, NFC-normalised.
    public var value: String
    public var location: SourceLocation
    let origin: Origin?

    /// What is needed to map a character of the value back into the file.
    struct Origin: Sendable {
        let source: SourceText
        let line: Int
        let scalarColumn: Int
        let style: ScalarStyle
        /// The value exactly as parsed, before normalisation: offsets are counted in it.
        let raw: String
    }

    public init(_ value: String, at location: SourceLocation) {
        self.value = value
        self.location = location
        self.origin = nil
    }

    init(scalar: Node.Scalar, source: SourceText) {
        let line = scalar.mark?.line ?? 1
        let column = scalar.mark?.column ?? 1
        self.value = scalar.string.nfc
        self.location = source.location(line: line, scalarColumn: column)
        self.origin = Origin(
            source: source, line: line, scalarColumn: column, style: ScalarStyle(scalar.style), raw: scalar.string)
    }

    public var description: String { value }

    /// How a scalar was written, which decides how its characters map back to the file.
    enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded

        init(_ style: Node.Scalar.Style) {
            switch style {
            case .singleQuoted: self = .singleQuoted
            case .doubleQuoted: self = .doubleQuoted
            case .literal: self = .literal
            case .folded: self = .folded
            default: self = .plain
            }
        }
    }

    /// The location of the character at `offset` (in Unicode scalars of the value).
    /// Exact for plain, quoted and literal (`|`) scalars; for folded (`>`) ones, the nearest source character.
    public func location(ofScalarOffset offset: Int) -> SourceLocation {
        guard let origin, let position = sourcePosition(ofScalarOffset: offset) else { return location }
        return origin.source.location(line: position.line, scalarColumn: position.scalarColumn + 1)
    }

    /// Where the value's scalar at `offset` was written: 1-based line, 0-based column in Unicode scalars.
    func sourcePosition(ofScalarOffset offset: Int) -> (line: Int, scalarColumn: Int)? {
        guard let origin else { return nil }
        let lines = origin.source.lines
        var lineIndex = origin.line - 1
        var column = origin.scalarColumn - 1  // 0-based scalar column
        func scalarsOfLine(_ i: Int) -> [Unicode.Scalar] {
            i < lines.count ? Array(lines[i].unicodeScalars) : []
        }
        var current = scalarsOfLine(lineIndex)
        switch origin.style {
        case .literal, .folded:
            // Content starts on the line after the `|` or `>` header.
            lineIndex += 1
            column = 0
            current = scalarsOfLine(lineIndex)
        case .singleQuoted, .doubleQuoted:
            column += 1
        default:
            break
        }
        let value = Array(origin.raw.unicodeScalars)
        var matched = 0
        // Greedy alignment: skip indentation, folding and quoting in the source until the value's next scalar appears.
        while matched < min(offset, value.count) {
            let wanted = value[matched]
            guard lineIndex < lines.count else { break }
            if column >= current.count {
                if wanted == "\n" { matched += 1 }
                lineIndex += 1
                column = 0
                current = scalarsOfLine(lineIndex)
                continue
            }
            let here = current[column]
            column += 1
            // An escape stands for one character of the value: `''` in single quotes, `\x` and friends in double
            // quotes.
            if origin.style == .singleQuoted, here == "'", column < current.count, current[column] == "'" {
                column += 1
                if wanted == "'" { matched += 1 }
                continue
            }
            if origin.style == .doubleQuoted, here == "\\", column < current.count {
                let (scalar, length) = Self.escape(in: current, at: column)
                column += length
                if scalar == wanted { matched += 1 }
                continue
            }
            if here == wanted {
                matched += 1
            } else if wanted == " " && (here == " " || here == "\t") {
                matched += 1
            }
        }
        // Skip indentation (and, in quoted scalars, the leading spaces of a continuation line) before the character
        // itself.
        while lineIndex < lines.count, column < current.count,
            current[column] == " ", offset < value.count, value[offset] != " "
        {
            column += 1
        }
        return (lineIndex + 1, column)
    }

    /// The source text holding the value's scalars `range` when they were written as they are, on one line
    /// (no escapes, quotes or folding inside); nil otherwise.
    func sourceSpan(ofScalars range: Range<Int>) -> SourceSpan? {
        guard let origin, !range.isEmpty, range.upperBound <= origin.raw.unicodeScalars.count,
            let first = sourcePosition(ofScalarOffset: range.lowerBound),
            let last = sourcePosition(ofScalarOffset: range.upperBound - 1),
            first.line == last.line, last.scalarColumn >= first.scalarColumn,
            // A mended line's parsed text is not the file's: its spans are found once the slip is fixed.
            !origin.source.isMended(line: first.line)
        else { return nil }
        let raw = Array(origin.raw.unicodeScalars)[range]
        let line = Array(origin.source.line(first.line).unicodeScalars)
        let columns = first.scalarColumn..<(last.scalarColumn + 1)
        guard columns.upperBound <= line.count, Array(line[columns]) == Array(raw) else { return nil }
        return SourceSpan(line: first.line, scalars: columns, original: String(String.UnicodeScalarView(raw)))
    }

    /// The location just after a span's last character.
    func location(after span: SourceSpan) -> SourceLocation {
        guard let origin else { return location }
        return origin.source.location(line: span.line, scalarColumn: span.scalars.upperBound + 1)
    }

    /// The character a double-quoted escape stands for, and how many source scalars after the backslash it takes.
    static func escape(in line: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar?, Int) {
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\u{0}", "a": "\u{7}", "b": "\u{8}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{B}", "f": "\u{C}",
            "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u{85}", "_": "\u{A0}",
            "L": "\u{2028}", "P": "\u{2029}",
        ]
        let c = line[start]
        if let scalar = simple[c] { return (scalar, 1) }
        let digits = c == "x" ? 2 : c == "u" ? 4 : c == "U" ? 8 : 0
        guard digits > 0, start + digits < line.count else { return (nil, 1) }
        let hex = String(String.UnicodeScalarView(line[(start + 1)...(start + digits)]))
        return (UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init), 1 + digits)
    }

    /// The location of the first occurrence of `needle` in the raw value, or of the value.
    public func location(of needle: String) -> SourceLocation {
        guard let origin, let range = origin.raw.range(of: needle) else { return location }
        return location(
            ofScalarOffset: origin.raw.unicodeScalars.distance(from: origin.raw.startIndex, to: range.lowerBound))
    }

    /// The value exactly as parsed (before NFC): offsets from scanners are counted in this.
    public var raw: String { origin?.raw ?? value }
}

extension String {
    /// The text in Unicode Normalization Form C.
    public var nfc: String {
        // Fast path: ASCII and most Japanese text is already NFC.
        if utf8.allSatisfy({ $0 < 0x80 }) || unicodeScalars.allSatisfy({ Self.isStableInNFC($0.value) }) { return self }
        return precomposedNFC
    }

    /// Scalars with no canonical decomposition that never compose with their neighbours: ASCII, CJK punctuation
    /// (not the tone marks U+302A–U+302F), kana (not the combining voicing marks U+3099–U+309A), CJK ideographs and
    /// full- and half-width forms. Text made only of them is NFC as it is.
    static func isStableInNFC(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x7F, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF9F: true
        default: false
        }
    }
}

import Foundation

extension String {
    fileprivate var precomposedNFC: String { precomposedStringWithCanonicalMapping }

    /// The text in Unicode Normalization Form KC: half-width katakana and full-width letters and digits become standard
    /// width. (Composed once more: Foundation on Linux leaves ﾍﾞ as ヘ and a combining mark.)
    var nfkc: String { precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping }
}
