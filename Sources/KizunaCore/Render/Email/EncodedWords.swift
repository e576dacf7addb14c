import Foundation

/// Unstructured header fields as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), folded (RFC 5322 §2.2.3).
///
/// Each encoded-word is at most 75 characters and holds whole characters (a grapheme cluster is split only when it
/// alone would not fit); every line is at most 78 characters. `{nickname}` is never encoded: it stands as a token of
/// its own on its own line, so that a sender can find it and put an encoded-word of the nickname there (white space
/// between two encoded-words is not displayed, so the filled field reads without gaps).
public enum EncodedWords {
    /// The longest encoded-word RFC 2047 allows.
    public static let maxWordLength = 75
    /// The line length RFC 5322 asks header lines to keep to, CRLF not counted.
    public static let maxLineLength = 78

    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="

    /// `Name: value` as folded lines joined by CRLF (no final CRLF). Printable ASCII without the placeholder is
    /// written as it is; any other text as encoded-words.
    public static func field(_ name: String, _ value: String) -> String {
        let head = name + ":"
        if value.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }), !value.contains(Placeholder.nickname),
            !value.contains("=?"), head.count + 1 + value.count <= maxLineLength
        {
            return head + " " + value
        }
        // Tokens: the first follows the field name, each other one starts a folded line of its own.
        var tokens: [String] = []
        func budget() -> Int { tokens.isEmpty ? min(maxWordLength, maxLineLength - head.count - 1) : maxWordLength }
        for segment in segments(of: value) {
            if segment == Placeholder.nickname {
                tokens.append(segment)
                continue
            }
            var chunk = ""
            for c in segment {
                // A grapheme cluster stays in one word unless it is too long for any word; then its scalars do.
                let cluster = String(c)
                let units = cluster.utf8.count <= 42 ? [cluster] : cluster.unicodeScalars.map { String($0) }
                for unit in units {
                    if !chunk.isEmpty, encodedLength(chunk + unit) > budget() {
                        tokens.append(word(chunk))
                        chunk = ""
                    }
                    chunk += unit
                }
            }
            if !chunk.isEmpty { tokens.append(word(chunk)) }
        }
        return head + " " + tokens.joined(separator: "\r\n ")
    }

    /// One encoded-word of the text.
    public static func word(_ text: String) -> String {
        prefix + Data(text.utf8).base64EncodedString() + suffix
    }

    /// The text of a field value `field` wrote (folding white space included), or nil when a token is neither an
    /// encoded-word in UTF-8 nor the placeholder. Tokens are joined without white space: the value's own spaces
    /// are inside its encoded-words.
    public static func decode(_ value: String) -> String? {
        var text = ""
        let tokens = value.split(whereSeparator: \.isWhitespace)
        if tokens.allSatisfy({ !$0.hasPrefix("=?") && $0 != Placeholder.nickname }) {
            // Plain ASCII written as it is.
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for token in tokens {
            if token == Placeholder.nickname {
                text += token
                continue
            }
            let lower = token.lowercased()
            guard lower.hasPrefix("=?utf-8?b?"), token.hasSuffix(suffix), token.count >= prefix.count + suffix.count,
                let data = Data(base64Encoded: String(token.dropFirst(prefix.count).dropLast(suffix.count))),
                let decoded = String(data: data, encoding: .utf8)
            else { return nil }
            text += decoded
        }
        return text
    }

    /// The text cut around each `{nickname}`, the placeholders kept as segments of their own.
    static func segments(of text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let range = rest.firstRange(of: Placeholder.nickname) {
            if range.lowerBound > rest.startIndex { result.append(String(rest[..<range.lowerBound])) }
            result.append(Placeholder.nickname)
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }

    private static func encodedLength(_ text: String) -> Int {
        prefix.count + (text.utf8.count + 2) / 3 * 4 + suffix.count
    }
}
