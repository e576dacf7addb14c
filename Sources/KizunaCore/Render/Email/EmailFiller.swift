import Foundation

/// Fills one reader's nickname into a compiled `.eml`: the e-mail channel's `PayloadFiller`.
///
/// The nickname is checked as `PayloadFiller` checks it (`PayloadFiller.checked`: NFC, surrounding spaces removed,
/// length, control characters). In the `Subject` the placeholder becomes encoded-words of the nickname; in each
/// quoted-printable text part the nickname is written (HTML-escaped in the text/html part) and encoded. Both are done
/// by decoding the field or part, replacing at text level and encoding again with the renderer's own encoders, so that
/// lines stay within 76 (bodies) and 78 (header) characters and a UTF-8 sequence is never cut, however long the
/// nickname. An empty nickname gets `NicknameFallback` (the rules LINE payloads get): no 「{nickname}さん、」, 「あなた」
/// elsewhere.
///
/// `eml` is a message `EmailRenderer` wrote; parts it does not recognise are copied unchanged.
public enum EmailFiller {
    public static func fill(_ eml: [UInt8], nickname: String, maxLength: Int) throws(PayloadFiller.NicknameError)
        -> [UInt8]
    {
        let name = try PayloadFiller.checked(nickname, maxLength: maxLength)
        func filled(_ text: String, html: Bool) -> String {
            name.isEmpty
                ? NicknameFallback.apply(to: text)
                : text.replacingAll(Placeholder.nickname, with: html ? HTMLText.escape(name) : name)
        }

        let blank: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard let headerEnd = eml.firstRange(of: blank) else { return eml }
        var fields = MIMEFields(eml[..<headerEnd.lowerBound])
        fields.rewrite("Subject") { value in
            EncodedWords.decode(value).map { EncodedWords.field("Subject", filled($0, html: false)) }
        }
        var out = fields.bytes + blank
        let body = eml[headerEnd.upperBound...]
        guard let boundary = fields.parameter("boundary", of: "Content-Type") else { return out + body }

        // Each part lies between a delimiter line and the CRLF before the next delimiter.
        let delimiter = Array("--\(boundary)".utf8)
        var cursor = body.startIndex
        while let d = body[cursor...].firstRange(of: delimiter) {
            out += body[cursor..<d.upperBound]
            cursor = d.upperBound
            guard body[cursor...].starts(with: [0x0D, 0x0A]),
                let next = body[cursor...].firstRange(of: [0x0D, 0x0A] + delimiter)
            else { break }
            let part = body[(cursor + 2)..<next.lowerBound]
            out += [0x0D, 0x0A] + rewritePart(part, fill: filled)
            cursor = next.lowerBound
        }
        return out + body[cursor...]
    }

    /// A text part with its quoted-printable content decoded, filled and encoded again; any other part unchanged.
    private static func rewritePart(_ part: ArraySlice<UInt8>, fill: (String, Bool) -> String) -> [UInt8] {
        let blank: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        guard let end = part.firstRange(of: blank) else { return Array(part) }
        let fields = MIMEFields(part[..<end.lowerBound])
        let type = fields.value(of: "Content-Type")?.lowercased() ?? ""
        let isHTML = type.hasPrefix("text/html")
        guard isHTML || type.hasPrefix("text/plain"),
            fields.value(of: "Content-Transfer-Encoding")?.lowercased() == "quoted-printable",
            let decoded = QuotedPrintable.decode(Array(part[end.upperBound...])),
            let text = String(validating: decoded, as: UTF8.self)
        else { return Array(part) }
        return Array(part[..<end.upperBound]) + QuotedPrintable.encode(fill(text, isHTML))
    }
}

/// Header fields of a message or a MIME part, kept as written (folding included) unless rewritten.
struct MIMEFields {
    /// Each field's lines joined by CRLF, as written.
    private(set) var fields: [String]

    init(_ bytes: ArraySlice<UInt8>) {
        fields = []
        for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n") {
            if let first = line.first, first == " " || first == "\t", !fields.isEmpty {
                fields[fields.count - 1] += "\r\n" + line
            } else {
                fields.append(line)
            }
        }
    }

    var bytes: [UInt8] { Array(fields.joined(separator: "\r\n").utf8) }

    private static func split(_ field: String) -> (name: String, value: String)? {
        guard let colon = field.firstIndex(of: ":") else { return nil }
        return (String(field[..<colon]), String(field[field.index(after: colon)...]))
    }

    /// The unfolded value of the first field of that name, trimmed.
    func value(of name: String) -> String? {
        for field in fields {
            guard let split = Self.split(field), split.name.lowercased() == name.lowercased() else { continue }
            return split.value.replacingAll("\r\n", with: "").trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A parameter of a field (`boundary` of `Content-Type`), unquoted.
    func parameter(_ parameter: String, of name: String) -> String? {
        guard let value = value(of: name) else { return nil }
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == parameter else {
                continue
            }
            var v = pair[1].trimmingCharacters(in: .whitespaces)
            if v.count >= 2, v.hasPrefix("\""), v.hasSuffix("\"") { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    /// Replaces each field of that name with what `transform` makes of its raw value (nil keeps it).
    mutating func rewrite(_ name: String, _ transform: (String) -> String?) {
        for (i, field) in fields.enumerated() {
            guard let split = Self.split(field), split.name.lowercased() == name.lowercased(),
                let new = transform(split.value)
            else { continue }
            fields[i] = new
        }
    }
}
