/// A text in another language than Japanese, made from one version of a Japanese text and bound to it by that
/// version's SHA-256 (`source_sha256`): a manuscript's (`translations/LANG/manuscripts/SERIES/FILE.yaml`) or an
/// insert's (`translations/LANG/inserts/ID.yaml`). Kept in a tree parallel to the Japanese one, so that a Japanese
/// file and its folder read as they always have (docs/translations.md).
public struct Translation: Sendable {
    /// Which Japanese text it translates, from where the file lies.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        case manuscript(DayKey)
        case insert(String)

        public var description: String {
            switch self {
            case .manuscript(let day): "manuscript \(day.series.rawValue)/\(day.fileStem)"
            case .insert(let id): "insert \(id)"
            }
        }
    }

    public var path: String
    /// The BCP 47 tag of the folder the file lies in (`translations/en/…`).
    public var folderLanguage: String
    /// The `language:` the file declares: the folder's, or `translation-language` reports it.
    public var language: LocatedText
    public var source: Source
    /// SHA-256 (hex) of the Japanese reader text (`ReaderText`) the translation was made from.
    public var sourceSHA256: LocatedText
    public var title: LocatedText
    /// A manuscript's sections, in the source's order; empty for an insert.
    public var sections: [Section]
    /// An insert's text; nil for a manuscript.
    public var text: LocatedText?
    /// `text` with its markup parsed.
    public var body: RichText?
    /// The sign-off of the translation, by reviewers of its language.
    public var approval: Approval?
    /// Where the file's mapping starts.
    public var location: SourceLocation

    /// The content folder translations are kept in: `translations/LANG/…`.
    public static let folder = "translations"

    /// Every text a reader of the language reads, with its markup.
    var texts: [LocatedText] {
        [title] + sections.flatMap { [$0.heading, $0.text] } + (text.map { [$0] } ?? [])
    }
}
