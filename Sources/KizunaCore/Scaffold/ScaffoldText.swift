/// The placeholders `kizuna new` writes where only a person can fill in the text, and how they are recognised
/// (`scaffold-placeholder`).
public enum ScaffoldText {
    /// Every placeholder text starts so: 「（ここに本文）」, 「（ここに電話番号）」.
    public static let marker = "（ここに"
    /// A link placeholder: the reserved `.invalid` domain (RFC 2606) can never be reached.
    public static let placeholderURLPrefix = "https://example.invalid/"

    /// 「（ここにWHAT）」.
    public static func text(_ what: String) -> String { "\(marker)\(what)）" }

    /// Whether `raw` holds a placeholder, searched in the bytes: asked of every text the style rules read.
    static func holdsPlaceholder(_ raw: String) -> Bool {
        raw.containsBytes(of: marker) || raw.containsBytes(of: placeholderURLPrefix)
    }

    /// The unicode-scalar offset of the first placeholder in `raw`, or nil.
    static func placeholderOffset(in raw: String) -> Int? {
        guard holdsPlaceholder(raw) else { return nil }
        let scalars = Array(raw.unicodeScalars)
        for pattern in [marker, placeholderURLPrefix] {
            let p = Array(pattern.unicodeScalars)
            guard scalars.count >= p.count else { continue }
            for i in 0...(scalars.count - p.count) where scalars[i..<(i + p.count)].elementsEqual(p) { return i }
        }
        return nil
    }

    /// The placeholder at `offset`, quoted for a message: up to its 「）」, or the link up to the next space.
    static func placeholder(in raw: String, at offset: Int) -> String {
        let rest = String(String.UnicodeScalarView(raw.unicodeScalars.dropFirst(offset)))
        if rest.hasPrefix(marker), let end = rest.firstIndex(of: "）") {
            return "「" + rest[...end] + "」"
        }
        return "'" + rest.prefix { !$0.isWhitespace } + "'"
    }
}
