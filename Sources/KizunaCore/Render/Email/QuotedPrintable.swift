/// Quoted-printable content transfer encoding (RFC 2045 §6.7) of UTF-8 text, written for the e-mail channel:
/// no library in the package graph (and no Foundation on Linux) provides it.
///
/// The encoder's output is a pure function of the text, with these guarantees beyond the RFC:
/// - every line is at most 76 characters before its CRLF (75 and the `=` of a soft line break);
/// - a soft line break never falls inside a `=XX=XX=XX` group of one UTF-8 sequence;
/// - `{nickname}` is written literally and never broken, so a sender can find and replace it in the encoded bytes.
public enum QuotedPrintable {
    /// The longest encoded line, CRLF not counted.
    public static let maxLineLength = 76

    /// Encodes text; its line breaks (`\n`, or `\r\n`) become hard CRLF line breaks.
    public static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        let lines = text.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            if i > 0 { out += crlf }
            encodeLine(Array(line.unicodeScalars), into: &out)
        }
        return out
    }

    /// Decodes quoted-printable bytes; hard line breaks become `\n`. Nil when an `=` is followed by neither two hex
    /// digits nor a line break. Trailing spaces and tabs of a line are dropped, as RFC 2045 asks of decoders.
    public static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // A final line break ends the last line rather than starting an empty one.
        let trailingBreak = lines.count > 1 && lines.last?.isEmpty == true
        if trailingBreak { lines.removeLast() }
        return decodeLines(lines, trailingBreak: trailingBreak)
    }

    private static func decodeLines(_ lines: [ArraySlice<UInt8>], trailingBreak: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        for (n, raw) in lines.enumerated() {
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            var soft = false
            var i = line.startIndex
            while i < line.endIndex {
                let b = line[i]
                guard b == 0x3D else { out.append(b); i += 1; continue }
                if i + 1 == line.endIndex { soft = true; break }
                guard i + 2 < line.endIndex, let hi = hexValue(line[i + 1]), let lo = hexValue(line[i + 2]) else {
                    return nil
                }
                out.append(hi << 4 | lo)
                i += 3
            }
            if !soft, n < lines.count - 1 || trailingBreak { out.append(0x0A) }
        }
        return out
    }

    /// What the encoder never breaks: the placeholder, kept literal for the sender.
    static let unbreakable = Array(Placeholder.nickname.unicodeScalars)

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// One line's atoms (a character's encoding, or the whole placeholder), wrapped with soft line breaks.
    private static func encodeLine(_ scalars: [Unicode.Scalar], into out: inout [UInt8]) {
        var atoms: [[UInt8]] = []
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", scalars[i...].starts(with: unbreakable) {
                atoms.append(Array(Placeholder.nickname.utf8))
                i += unbreakable.count
                continue
            }
            let s = scalars[i]
            let last = i == scalars.count - 1
            switch s.value {
            case 0x21...0x7E where s != "=":
                atoms.append([UInt8(s.value)])
            case 0x20 where !last, 0x09 where !last:
                // A space or tab may stay literal unless it ends the line: transports strip trailing white space.
                atoms.append([UInt8(s.value)])
            default:
                var atom: [UInt8] = []
                for byte in String(s).utf8 { atom += [0x3D, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]] }
                atoms.append(atom)
            }
            i += 1
        }
        var length = 0
        for (k, atom) in atoms.enumerated() {
            // The last atom may fill the line to 76; any other must leave room for the soft break's `=`.
            let limit = k == atoms.count - 1 ? maxLineLength : maxLineLength - 1
            if length > 0, length + atom.count > limit {
                out += [0x3D] + crlf
                length = 0
            }
            out += atom
            length += atom.count
        }
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
