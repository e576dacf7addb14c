/// Fills one reader's nickname into a compiled payload, escaped for JSON. The one function senders call.
public enum PayloadFiller {
    /// Why a nickname cannot be used.
    public enum NicknameError: Error, Sendable, Equatable, CustomStringConvertible {
        case tooLong(count: Int, limit: Int)
        case controlCharacter

        public var description: String {
            switch self {
            case let .tooLong(count, limit):
                "the nickname has \(count) characters; this edition allows at most \(limit)"
            case .controlCharacter: "the nickname contains a control character"
            }
        }
    }

    /// The nickname as it will be filled in: NFC, surrounding spaces removed; checked against the edition's limit.
    public static func checked(_ nickname: String, maxLength: Int) throws(NicknameError) -> String {
        let name = nickname.nfc.trimmingSpaces
        let count = name.unicodeScalars.count
        guard count <= maxLength else { throw .tooLong(count: count, limit: maxLength) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .controlCharacter
        }
        return name
    }

    /// What stands in for a reader who gave no nickname, longest first: the greeting loses its 「〇〇さん、」, and a
    /// nickname elsewhere in the text becomes 「あなた」.
    public static let withoutNickname: [(placeholder: String, replacement: String)] = [
        (Placeholder.nickname + "さん、", ""),
        (Placeholder.nickname + "さん", "あなた"),
        (Placeholder.nickname, "あなた"),
    ]

    /// `payload` is compiled JSON in which `{nickname}` appears only inside string literals.
    public static func fill(_ payload: [UInt8], nickname: String, maxLength: Int) throws(NicknameError) -> [UInt8] {
        let name = try checked(nickname, maxLength: maxLength)
        if name.isEmpty {
            // The replacements need no escaping: they are plain kana, written as JSON writes them.
            return withoutNickname.reduce(payload) {
                $0.replacingAll(Array($1.placeholder.utf8), with: Array($1.replacement.utf8))
            }
        }
        var escaped: [UInt8] = []
        JSONValue.writeEscaped(name, into: &escaped)
        return payload.replacingAll(Array(Placeholder.nickname.utf8), with: escaped)
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII and ideographic) and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "　" || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
