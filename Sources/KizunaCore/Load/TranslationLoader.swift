import Yams

/// Reads a translation file (`translations/LANG/manuscripts/…` or `translations/LANG/inserts/ID.yaml`) into a
/// `Translation`; the source and the folder's language come from the file's path.
struct TranslationLoader {
    static let manuscriptKeys = ["language", "source_sha256", "title", "sections"] + ApprovalLoader.keys
    static let insertKeys = ["language", "source_sha256", "title", "text"] + ApprovalLoader.keys

    let source: Translation.Source
    let folderLanguage: String

    init(source: Translation.Source, folderLanguage: String) {
        self.source = source
        self.folderLanguage = folderLanguage
    }

    /// The source and language of a path relative to the content folder, or nil when it is no translation's.
    init?(relativePath path: String) {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 4, parts[0] == Translation.folder else { return nil }
        let stem = String(parts.last!.prefix { $0 != "." })
        switch (parts[2], parts.count) {
        case ("manuscripts", 5):
            guard let series = Series(rawValue: parts[3]), let day = DayKey.parse(stem, series: series) else {
                return nil
            }
            source = .manuscript(day)
        case ("inserts", 4):
            source = .insert(stem)
        default:
            return nil
        }
        folderLanguage = parts[1]
    }

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Translation? {
        let isInsert = if case .insert = source { true } else { false }
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "translation", ja: "翻訳"),
                keys: isInsert ? Self.insertKeys : Self.manuscriptKeys, into: &diagnostics)
        else { return nil }
        let language = reader.text("language", into: &diagnostics)
        let sha = reader.text("source_sha256", into: &diagnostics)
        let title = reader.text("title", into: &diagnostics)
        var sections: [Section] = []
        var text: LocatedText?
        var body: RichText?
        if isInsert {
            text = reader.text("text", into: &diagnostics)
            if let t = text {
                body = InlineMarkupParser.parse(t, into: &diagnostics)
                if body == nil { return nil }
            }
        } else {
            sections = (reader.list("sections", into: &diagnostics) ?? []).compactMap {
                ManuscriptLoader().section($0, in: document, into: &diagnostics)
            }
        }
        let approval = ApprovalLoader().load(reader, into: &diagnostics)
        guard let language, let sha, let title, isInsert ? text != nil : !sections.isEmpty else { return nil }
        return Translation(
            path: document.source.path, folderLanguage: folderLanguage, language: language, source: source,
            sourceSHA256: sha, title: title, sections: sections, text: text, body: body, approval: approval,
            location: reader.location)
    }
}
