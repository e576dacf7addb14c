/// The files of a content folder, in memory. Paths are `root/relative` as diagnostics print them.
public struct ContentFiles: Sendable {
    /// The folder as the user named it (e.g. `content`).
    public var root: String
    public var files: [SourceFile]
    /// Whether the style rules that read words may use MeCab where it is installed (`KIZUNA_MECAB=off`: never).
    public var mecab: MeCabSetting

    public init(root: String, files: [SourceFile], mecab: MeCabSetting = .automatic) {
        self.root = root
        self.files = files
        self.mecab = mecab
    }

    /// The content files proper, without the approved copies: what summaries count.
    public var contentFileCount: Int {
        files.filter { ContentRole(relativePath: relativePath(of: $0)) != nil }.count
    }

    /// The approved version of a text kept by `kizuna approve`, if there is one.
    public func approvedCopy(of subject: ApprovalSubject) -> SourceFile? {
        ApprovedCopies(self).copy(of: subject)
    }

    /// The approved text of a text kept by `kizuna approve`, if there is one (see `ApprovedCopies.snapshot(of:)`).
    public func snapshot(of subject: ApprovalSubject) -> ReaderText? {
        ApprovedCopies(self).snapshot(of: subject)
    }

    /// The approved text kept for a day: `snapshot(of: .manuscript(day))`.
    public func snapshot(of day: DayKey) -> ReaderText? {
        snapshot(of: .manuscript(day))
    }

    /// The path of a file inside the content folder.
    func relativePath(of file: SourceFile) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path
    }
}

/// The approved copies of a content folder (`approved/`), by path: looked up for every text of every edition, so
/// indexed once rather than searched for in the list of files each time.
public struct ApprovedCopies: Sendable {
    private let root: String
    private let byPath: [String: SourceFile]

    public init(_ files: ContentFiles) {
        root = files.root
        let prefix = files.root + "/approved/"
        byPath = Dictionary(
            files.files.filter { $0.path.hasPrefix(prefix) }.map { ($0.path, $0) },
            uniquingKeysWith: { _, last in last })
    }

    /// The approved version of a text kept by `kizuna approve`, if there is one.
    public func copy(of subject: ApprovalSubject) -> SourceFile? {
        byPath[root + "/" + subject.approvedCopyPath]
    }

    /// The approved text kept by `kizuna approve`, if there is one: the reader text of the approved copy, read with
    /// the loader of the text's kind, or (for a manuscript approved before copies were kept whole) the text snapshot
    /// `approved/childcare/0045.txt`.
    public func snapshot(of subject: ApprovalSubject) -> ReaderText? {
        if let copy = copy(of: subject) {
            var ignored: [Diagnostic] = []
            guard let document = YAMLDocumentLoader().load(copy, into: &ignored) else { return nil }
            return switch subject {
            case .manuscript: ManuscriptLoader().load(document, into: &ignored).map(ReaderText.init)
            case .insert: InsertLoader().load(document, into: &ignored).map(ReaderText.init)
            case .lossSupport: LossSupportLoader().load(document, into: &ignored).map(ReaderText.init)
            case .edition: EditionLoader().load(document, into: &ignored).map(ReaderText.init)
            case .shared: ConfigurationLoader().load(document, into: &ignored).map(ReaderText.init)
            }
        }
        guard case .manuscript(let day) = subject else { return nil }
        return byPath[root + "/approved/\(day.series.rawValue)/\(day.fileStem).txt"].map {
            ReaderText(text: String(decoding: $0.bytes, as: UTF8.self))
        }
    }
}

/// What a file in the content folder is, from where it lies.
enum ContentRole: Hashable {
    case configuration, reviewers, style, terms, manuscript, edition, insert, lossSupport, reference
    /// `translations/LANG/manuscripts/…` or `translations/LANG/inserts/ID.yaml`.
    case translation(Translation.Source, language: String)
    /// A file under `translations/` whose path names no manuscript day or insert: reported, not read.
    case misplacedTranslation

    /// Read with the edition that names the insert, as the insert is.
    var isInsertTranslation: Bool {
        if case .translation(.insert, _) = self { true } else { false }
    }

    init?(relativePath path: String) {
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return nil }
        let parts = path.split(separator: "/")
        switch (parts.first, parts.count) {
        case ("kizuna.yaml", 1), ("kizuna.yml", 1): self = .configuration
        case ("reviewers.yaml", 1), ("reviewers.yml", 1): self = .reviewers
        case ("style.yaml", 1), ("style.yml", 1): self = .style
        case ("terms.yaml", 1), ("terms.yml", 1): self = .terms
        case ("manuscripts", _) where parts.count >= 2: self = .manuscript
        case ("editions", 2): self = .edition
        case ("inserts", 2): self = .insert
        case ("support", 2): self = .lossSupport  // LossSupport.folder
        case ("reference", 2) where path == NationalSchedule.relativePath: self = .reference
        case (Substring(Translation.folder), _):
            guard let place = TranslationLoader(relativePath: path) else {
                self = .misplacedTranslation
                return
            }
            self = .translation(place.source, language: place.folderLanguage)
        default: return nil
        }
    }
}

/// Loads every file of a content folder into a `ContentSet`, reporting every problem it finds on the way.
public struct ContentLoader: Sendable {
    public var yaml: YAMLDocumentLoader
    /// What earlier loads gave for each file, reused for a file held unchanged (`LoadMemo`); nil: every file is parsed.
    public var memo: LoadMemo?

    public init(yaml: YAMLDocumentLoader = YAMLDocumentLoader(), memo: LoadMemo? = nil) {
        self.yaml = yaml
        self.memo = memo
    }

    /// What one file gave, before the files are gathered into a set.
    enum Loaded: Sendable {
        case skipped
        /// Nil: kizuna.yaml was there but could not be read.
        case configuration(Configuration?)
        case reviewers([Reviewer])
        case style(StyleConfiguration)
        case terms(TermDictionary)
        /// The manuscript, or when it did not load, the day it claims (so no other check reports the day as missing).
        case manuscript(Manuscript?, DayKey?)
        case edition(Edition?, String?)
        case insert(Insert?, String?)
        case lossSupport(LossSupport?, String?)
        case reference(NationalSchedule?)
        case translation(Translation?)
    }

    func load(_ file: SourceFile, role: ContentRole?) -> (Loaded, [Diagnostic]) {
        guard let role else { return (.skipped, []) }
        var diagnostics: [Diagnostic] = []
        if role == .misplacedTranslation {
            diagnostics.append(
                Diagnostic(
                    .translationSourceMissing, at: SourceLocation(file: file.path, line: 1, column: 1),
                    en:
                        "a translation lies at translations/LANG/manuscripts/SERIES/DAY.yaml (e.g. childcare/0045.yaml, "
                        + "maternity/16w0d.yaml) or translations/LANG/inserts/ID.yaml: this path names neither",
                    ja: "翻訳は translations/LANG/manuscripts/SERIES/DAY.yaml（例: 'childcare/0045.yaml'、"
                        + "'maternity/16w0d.yaml'）か translations/LANG/inserts/ID.yaml に置きます。このパスはどちらでもありません"))
            return (.skipped, diagnostics)
        }
        guard let document = yaml.load(file, into: &diagnostics) else {
            return (role == .configuration ? .configuration(nil) : .skipped, diagnostics)
        }
        let loaded: Loaded
        switch role {
        case .configuration:
            loaded = .configuration(ConfigurationLoader().load(document, into: &diagnostics))
        case .reviewers:
            loaded = .reviewers(ConfigurationLoader().loadReviewers(document, into: &diagnostics))
        case .style:
            loaded = .style(StyleConfigurationLoader().load(document, into: &diagnostics))
        case .terms:
            loaded = .terms(TermDictionaryLoader().load(document, into: &diagnostics))
        case .manuscript:
            let m = ManuscriptLoader().load(document, into: &diagnostics)
            let day =
                m != nil
                ? nil
                : document.topLevelText("series").flatMap(Series.init(rawValue:)).flatMap { series in
                    document.topLevelText("day").flatMap { DayKey.parse($0, series: series) }
                }
            loaded = .manuscript(m, day)
        case .edition:
            let e = EditionLoader().load(document, into: &diagnostics)
            loaded = .edition(e, e != nil ? nil : document.topLevelText("id"))
        case .insert:
            let i = InsertLoader().load(document, into: &diagnostics)
            loaded = .insert(i, i != nil ? nil : document.topLevelText("id"))
        case .lossSupport:
            let l = LossSupportLoader().load(document, into: &diagnostics)
            loaded = .lossSupport(l, l != nil ? nil : document.topLevelText("id"))
        case .reference:
            loaded = .reference(NationalScheduleLoader().load(document, into: &diagnostics))
        case .translation(let source, let language):
            loaded = .translation(
                TranslationLoader(source: source, folderLanguage: language).load(document, into: &diagnostics))
        case .misplacedTranslation:
            loaded = .skipped
        }
        return (loaded, diagnostics)
    }

    public func load(_ content: ContentFiles, into diagnostics: inout [Diagnostic]) -> ContentSet {
        let set = load(content.files, of: content, into: &diagnostics)
        if !content.files.contains(where: { ContentRole(relativePath: content.relativePath(of: $0)) == .configuration })
        {
            diagnostics.append(
                Diagnostic(
                    .schemaMissingKey, at: SourceLocation(file: content.root + "/kizuna.yaml", line: 1, column: 1),
                    en: "the content folder has no kizuna.yaml (the shared disclaimer and footer)",
                    ja: "コンテンツフォルダーに kizuna.yaml（共通の免責事項とフッター）がありません"))
        }
        return set
    }

    /// Loads some of a content folder's files (all of them, or one edition's share) into a set; `parallel: false`
    /// when the caller already uses every core.
    func load(
        _ subset: [SourceFile], of content: ContentFiles, parallel: Bool = true, into diagnostics: inout [Diagnostic]
    ) -> ContentSet {
        var configuration: Configuration?
        var reviewers: [Reviewer] = []
        var manuscripts: [Manuscript] = []
        var editions: [Edition] = []
        var inserts: [Insert] = []
        var lossSupports: [LossSupport] = []
        var translations: [Translation] = []
        var unloaded = ContentSet.Unloaded()
        var style = StyleConfiguration()
        var terms = TermDictionary()
        var reference: NationalSchedule?
        // Sorted so that diagnostics and outputs never depend on the order files were listed in. Files are parsed
        // on every core, then gathered in that order.
        let files = subset.sorted(by: { $0.path < $1.path })
        let memo = memo
        let loadOne = { @Sendable (file: SourceFile) in
            let role = ContentRole(relativePath: content.relativePath(of: file))
            // A file read when used is read again by its loading: it is parsed each time.
            guard let memo, !file.isReadWhenUsed else { return load(file, role: role) }
            let bytes = file.bytes
            if let known = memo.result(for: file.path, role: role, bytes: bytes) { return known }
            let result = load(file, role: role)
            memo.keep(result, for: file.path, role: role, bytes: bytes)
            return result
        }
        let loaded = parallel ? ParallelMap.map(files, loadOne) : files.map(loadOne)
        for (file, (item, found)) in zip(files, loaded) {
            diagnostics += found
            switch item {
            case .skipped: continue
            case .configuration(let c):
                configuration = c
            case .reviewers(let r): reviewers += r
            case .style(let s): style = s
            case .terms(let t): terms = t
            case .manuscript(let m, let day):
                if let m { manuscripts.append(m) } else if let day { unloaded.days.insert(day) }
                if m == nil { unloaded.manuscriptPaths.insert(file.path) }
            case .edition(let e, let id):
                if let e { editions.append(e) } else if let id { unloaded.editionIDs.insert(id) }
            case .insert(let i, let id):
                if let i { inserts.append(i) } else if let id { unloaded.insertIDs.insert(id) }
            case .lossSupport(let l, let id):
                if let l { lossSupports.append(l) } else if let id { unloaded.lossSupportIDs.insert(id) }
            case .reference(let r):
                reference = r
                unloaded.reference = r == nil
            case .translation(let t):
                if let t { translations.append(t) }
            }
        }
        manuscripts.sort { $0.day.value < $1.day.value || ($0.day.value == $1.day.value && $0.path < $1.path) }
        var set = ContentSet(
            configuration: configuration, reviewers: reviewers, manuscripts: manuscripts,
            editions: editions, inserts: inserts)
        set.lossSupports = lossSupports
        set.translations = translations
        set.unloaded = unloaded
        set.style = style
        set.terms = terms
        set.reference = reference
        // Sign-off needs the registry and the policy: evaluated where this share holds them (an edition's share is
        // evaluated against the shared content's, in `EditionStream`).
        if configuration != nil || !reviewers.isEmpty {
            SignOffEvaluator(reviewers: reviewers, configuration: configuration, content: set).evaluateAll(&set)
        }
        return set
    }
}
