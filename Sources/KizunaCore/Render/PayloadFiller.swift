/// Fills one reader's nickname into a compiled payload, escaped for JSON. The one function senders call.
public enum PayloadFiller {
    /// Why a nickname cannot be used.
    public enum NicknameError: Error, Sendable, Equatable, CustomStringConvertible {
        case tooLong(count: Int, limit: Int)
        case controlCharacter

        public var description: String {
            switch self {
            case let .tooLong(count, limit): "the nickname has \(count) characters; this edition allows at most \(limit)"
            case .controlCharacter: "the nickname contains a control character"
            }
        }
    }

    /// `payload` is compiled JSON in which `{nickname}` appears only inside string literals.
    public static func fill(_ payload: [UInt8], nickname: String, maxLength: Int) throws(NicknameError) -> [UInt8] {
        let name = nickname.nfc
        let count = name.unicodeScalars.count
        guard count <= maxLength else { throw .tooLong(count: count, limit: maxLength) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { throw .controlCharacter }
        var escaped: [UInt8] = []
        JSONValue.writeEscaped(name, into: &escaped)
        return payload.replacing(Array(Placeholder.nickname.utf8), with: escaped)
    }
}
