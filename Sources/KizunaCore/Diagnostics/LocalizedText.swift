/// The languages Kizuna writes its messages in. Rule ids are the same in every language.
public enum Language: String, Sendable, CaseIterable {
    case en
    case ja

    /// The language the POSIX locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set decides,
    /// and `ja…` means Japanese; anything else (or nothing) means English.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        self = locale.hasPrefix("ja") ? .ja : .en
    }
}

/// A message in every language Kizuna speaks; formatters pick one.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var en: String
    public var ja: String

    public init(en: String, ja: String) {
        self.en = en
        self.ja = ja
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .en: en
        case .ja: ja
        }
    }

    /// The English text, for logs and test output.
    public var description: String { en }
}
