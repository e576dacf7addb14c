/// `kizuna translation stamp`: records in each translation the Japanese text it now follows (`source_sha256:` set to
/// the SHA-256 of the source's reader text as it stands). Run by whoever updated the translation; it changes that
/// one value and nothing else, and a translation whose approval named the old source is then to be approved again.
public struct TranslationStamper: Sendable {
    public init() {}

    public struct Stamp: Sendable {
        public var path: String
        public var original: [UInt8]
        public var stamped: [UInt8]
        /// The value before and after.
        public var from: String
        public var to: String
    }

    public struct Result: Sendable {
        public var stamps: [Stamp] = []
        /// Files that are no translation, whose source is missing, or whose `source_sha256:` cannot be spliced.
        public var refused: [(path: String, reason: LocalizedText)] = []
    }

    /// `paths`: content files as `ContentFiles` names them.
    public func stamp(_ content: ContentFiles, paths: [String]) -> Result {
        let loaded = Validator().validate(content).loadedContent
        let byPath = Dictionary(loaded.translations.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var result = Result()
        for path in paths {
            guard let translation = byPath[path] else {
                result.refused.append(
                    (
                        path,
                        LocalizedText(
                            en: "not a translation that loads (see `kizuna validate`)",
                            ja: "読み込める翻訳ファイルではありません（kizuna validate を確認してください）")
                    ))
                continue
            }
            let source: ReaderText?
            switch translation.source {
            case .manuscript(let day): source = loaded.manuscripts.first { $0.day.value == day }.map(ReaderText.init)
            case .insert(let id): source = loaded.inserts.first { $0.id.value == id }.map(ReaderText.init)
            }
            guard let source else {
                result.refused.append(
                    (
                        path,
                        LocalizedText(
                            en: "its Japanese source (\(translation.source)) is missing",
                            ja: "原文（\(translation.source)）がありません")
                    ))
                continue
            }
            let hash = source.sha256
            guard translation.sourceSHA256.value != hash else { continue }
            guard let bytes = content.files.first(where: { $0.path == path })?.bytes else { continue }
            let edit = Diagnostic(
                .translationStale, at: translation.sourceSHA256.location, en: "stamp", ja: "stamp",
                fixIt: .replacing(translation.sourceSHA256, with: hash))
            let (stamped, applied) = ContentFixer.apply([edit], to: bytes)
            guard !applied.isEmpty else {
                result.refused.append(
                    (
                        path,
                        LocalizedText(
                            en: "`source_sha256:` is not written on one line as a plain value; write it so",
                            ja: "'source_sha256:' が1行の値として書かれていません。そのように書いてください")
                    ))
                continue
            }
            result.stamps.append(
                Stamp(path: path, original: bytes, stamped: stamped, from: translation.sourceSHA256.value, to: hash))
        }
        return result
    }
}
