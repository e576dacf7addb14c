import Foundation

/// A content folder read edition by edition: memory holds the shared content (kizuna.yaml, reviewers, style,
/// terms, manuscripts) and, on each core, one edition with its inserts and its loss support message, whatever the
/// number of editions.
///
/// An edition's inserts are found by their ids without reading the others: an insert is in a file named after its
/// id (`inserts/ID.yaml`), which `insert-file-name` requires; so is a support message (`support/ID.yaml`, which
/// `loss-support-unknown` requires). It reports the diagnostics `Validator` reports for the
/// whole content at once.
public struct EditionStream: Sendable {
    public let files: ContentFiles
    /// Everything but the editions and the inserts, and what loading and checking it found.
    public let shared: ContentSet
    let sharedDiagnostics: [Diagnostic]
    /// The shared content ready to compile (no inserts), when kizuna.yaml loaded; in a release, as released.
    public let sharedContent: ValidatedContent?
    /// With `release`: what ships of the shared texts, and the planner of each edition's.
    let releasePlanner: ReleasePlanner?
    let sharedRelease: ReleasePlan?
    /// The edition files, in path order (the order the whole content lists editions in).
    let editionFiles: [SourceFile]
    /// The insert files by stem (file name without `.yaml`/`.yml`): the id the file must define.
    let insertFiles: [String: SourceFile]
    /// Insert files whose stem an earlier file has (`a.yml` beside `a.yaml`): reported, and read with the inserts
    /// no edition names.
    let clashingInsertFiles: [SourceFile]
    /// The support files by stem (the id the file must define), and those whose stem an earlier file has.
    let lossSupportFiles: [String: SourceFile]
    let clashingLossSupportFiles: [SourceFile]
    /// Translations of inserts (`translations/LANG/inserts/ID.yaml`) by insert id: read with the insert.
    let insertTranslationFiles: [String: [SourceFile]]
    let limits: PayloadLimitCheck?
    let loader: ContentLoader
    /// The rules every share is checked with (the style check with the build's memo, if any).
    let rules: [any ContentRule]
    /// What an edition's share needs to know of the whole content, made once.
    let context: ContentSet.Slice

    public var editionCount: Int { editionFiles.count }

    /// `checkingPayloads`: as `Validator.validate` (the build checks the payloads it writes instead).
    /// `styleMemo`: messages an earlier build found clean, which the style check skips.
    public init(
        _ files: ContentFiles, checkingPayloads: Bool = true, loader: ContentLoader = ContentLoader(),
        styleMemo: StyleMemo? = nil, release: Bool = false
    ) {
        self.init(
            files, checkingPayloads: checkingPayloads, loader: loader, styleMemo: styleMemo, release: release,
            fileHashes: nil)
    }

    /// `fileHashes`: every file's hash, by path; with them, and the loader's memo, the rules check again only the
    /// manuscripts that changed since an earlier build of this process (`FindingsMemo`).
    init(
        _ files: ContentFiles, checkingPayloads: Bool = true, loader: ContentLoader = ContentLoader(),
        styleMemo: StyleMemo? = nil, release: Bool = false, fileHashes: [String: FileHash]?
    ) {
        self.files = files
        self.loader = loader
        rules = contentRules(styleMemo: styleMemo, mecab: files.mecab)
        var sharedFiles: [SourceFile] = [], editionFiles: [SourceFile] = [], insertFileList: [SourceFile] = []
        var supportFileList: [SourceFile] = []
        var insertTranslations: [String: [SourceFile]] = [:]
        for file in files.files {
            switch ContentRole(relativePath: files.relativePath(of: file)) {
            case .translation(.insert(let id), _): insertTranslations[id, default: []].append(file)
            case .edition: editionFiles.append(file)
            case .insert: insertFileList.append(file)
            case .lossSupport: supportFileList.append(file)
            default: sharedFiles.append(file)
            }
        }
        self.editionFiles = editionFiles.sorted { $0.path < $1.path }
        var insertFiles: [String: SourceFile] = [:], clashing: [SourceFile] = []
        for file in insertFileList.sorted(by: { $0.path < $1.path }) {
            let stem = Self.stem(of: file.path)
            if insertFiles[stem] == nil { insertFiles[stem] = file } else { clashing.append(file) }
        }
        self.insertFiles = insertFiles
        clashingInsertFiles = clashing
        var supportFiles: [String: SourceFile] = [:], clashingSupport: [SourceFile] = []
        for file in supportFileList.sorted(by: { $0.path < $1.path }) {
            let stem = Self.stem(of: file.path)
            if supportFiles[stem] == nil { supportFiles[stem] = file } else { clashingSupport.append(file) }
        }
        lossSupportFiles = supportFiles
        clashingLossSupportFiles = clashingSupport
        insertTranslationFiles = insertTranslations.mapValues { $0.sorted { $0.path < $1.path } }
        var diagnostics = InsertFileNameRule.clashes(insertFileList)
        let shared = loader.load(ContentFiles(root: files.root, files: sharedFiles), into: &diagnostics)
        // The rules only read the shared content: they run on every core, their findings kept in rule order.
        let rules = rules
        if let memo = loader.memo, let fileHashes {
            diagnostics += memo.findings.check(shared, rules: rules, hashes: fileHashes, mecab: files.mecab)
        } else {
            diagnostics += ParallelMap.map(rules) { rule in
                var found: [Diagnostic] = []
                rule.check(shared, into: &found)
                return found
            }.flatMap { $0 }
        }
        self.shared = shared
        sharedDiagnostics = diagnostics
        // A release compiles what `ReleasePlan` ships; the checks above were of the working copies.
        var compiled = shared
        if release {
            let planner = ReleasePlanner(files: files, shared: shared)
            let (released, plan) = planner.plan(shared: shared)
            (compiled, releasePlanner, sharedRelease) = (released, planner, plan)
            compiled.released = plan
        } else {
            (releasePlanner, sharedRelease) = (nil, nil)
        }
        sharedContent = compiled.configuration.map { configuration in
            ValidatedContent(
                content: compiled, configuration: configuration,
                compiler: EditionCompiler(content: compiled, configuration: configuration))
        }
        context = ContentSet.Slice(days: shared.manuscriptDays, sharedCard: shared.configuration?.card)
        limits =
            checkingPayloads && shared.configuration != nil ? PayloadLimitCheck(manuscripts: shared.manuscripts) : nil
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    }

    /// What an edition leaves for the checks over the whole content: ids and references, not the edition.
    public struct Facts: Sendable {
        /// The edition's id (nil when the file did not load), without the file it was read from.
        var editionID: LocatedText?
        /// Stems of the insert files read for this edition.
        var insertStems: [String] = []
        /// Ids of the inserts read that loaded, and of those that did not.
        var loadedInsertIDs: [LocatedText] = []
        var unloadedInsertIDs: [String] = []
        /// The stem of the support file read for this edition.
        var lossSupportStem: String?
        /// References no file of this edition answered: checked against every insert at the end.
        var unresolved: [LocatedText] = []
        /// The edition's series, for the release gate.
        var series: [Series] = []
        /// In a release: what ships of the edition's own texts and inserts.
        var release: ReleasePlan?
        /// The edition's own texts and its inserts as this edition reads them, for the review sheets.
        var reviewTexts: [ApprovableText] = []
    }

    /// Edition `index` with the insert files and the support file it names (by stem), or nil with why when the
    /// edition did not load (`unloaded` then holds its id, where one could be read).
    private func read(_ index: Int, into diagnostics: inout [Diagnostic], unloaded: inout ContentSet.Unloaded) -> (
        edition: Edition, stems: [String], inserts: ContentSet, fileHashes: [String: FileHash]
    )? {
        // A file read when used is read here once: the loader parses these bytes, and the build key hashes them.
        var fileHashes: [String: FileHash] = [:]
        func reading(_ file: SourceFile) -> SourceFile {
            let read = file.reading()
            if file.isReadWhenUsed, !read.isReadWhenUsed { fileHashes[read.path] = FileHash(of: read.bytes) }
            return read
        }
        let editionFile = loader.load(
            [reading(editionFiles[index])], of: files, parallel: false, into: &diagnostics)
        unloaded.editionIDs.formUnion(editionFile.unloaded.editionIDs)
        guard let edition = editionFile.editions.first else { return nil }
        let stems = Array(Set(edition.inserts.map(\.value).filter { insertFiles[$0] != nil })).sorted()
        let support = edition.lossSupport.flatMap { lossSupportFiles[$0.value] }.map(reading)
        let translations = stems.flatMap { insertTranslationFiles[$0] ?? [] }.map(reading)
        var inserts = loader.load(
            stems.map { reading(insertFiles[$0]!) } + translations + (support.map { [$0] } ?? []), of: files,
            parallel: false, into: &diagnostics)
        inserts.editions = [edition]
        var evaluator = SignOffEvaluator(
            reviewers: shared.reviewers, configuration: shared.configuration, content: inserts)
        evaluator.candidates += shared.manuscripts.map(\.subject)
        evaluator.evaluateAll(&inserts)
        return (inserts.editions[0], stems, inserts, fileHashes)
    }

    /// A loaded share (one edition's, or inserts no edition names) ready for the rules: what it needs of the whole.
    private func forRules(_ set: ContentSet) -> ContentSet {
        var set = set
        set.unloaded.days = shared.unloaded.days
        set.slice = context
        set.style = shared.style
        set.terms = shared.terms
        set.reference = shared.reference
        set.unloaded.reference = shared.unloaded.reference
        return set
    }

    /// The compiler of the shared content with one edition's inserts.
    private func compiler(_ share: ContentSet) -> EditionCompiler? {
        guard let base = sharedContent?.content, let configuration = sharedContent?.configuration else { return nil }
        var compiled = base
        compiled.inserts = share.inserts
        compiled.lossSupports = share.lossSupports
        compiled.editions = share.editions
        if var plan = share.released, let shared = sharedRelease {
            // The shared lines of the series this edition sends, then its own.
            let series = Set(share.editions.flatMap { $0.series.map(\.value) })
            var own = ReleasePlan()
            own.lines = shared.lines.filter { line in
                if case .manuscript(let day) = line.subject { return series.contains(day.series) }
                return true
            }
            own.add(plan)
            plan = own
            compiled.released = plan
        }
        return EditionCompiler(content: compiled, configuration: configuration)
    }

    /// Reads and checks edition `index` with its inserts, on the calling thread; the edition and its inserts as read,
    /// for `validateAll(keepingContent:)`.
    func unit(_ index: Int) -> (diagnostics: [Diagnostic], facts: Facts, read: ContentSet) {
        let checked = checkedUnit(index, keepingJob: false)
        return (checked.diagnostics, checked.facts, checked.read)
    }

    /// `unit`, and the edition with a compiler holding its inserts when its own checks found no error, so that a
    /// build reads each edition once (`ContentBuild`).
    func checkedUnit(_ index: Int, keepingJob: Bool = true) -> (
        diagnostics: [Diagnostic], facts: Facts, job: EditionJob?, read: ContentSet
    ) {
        var diagnostics: [Diagnostic] = []
        var facts = Facts()
        var unloaded = ContentSet.Unloaded()
        guard let (edition, stems, share, fileHashes) = read(index, into: &diagnostics, unloaded: &unloaded) else {
            var nothing = ContentSet(configuration: nil, reviewers: [], manuscripts: [], editions: [], inserts: [])
            nothing.unloaded = unloaded
            return (diagnostics, facts, nil, nothing)
        }
        facts.editionID = LocatedText(edition.id.value, at: edition.id.location)
        facts.series = edition.series.map(\.value)
        facts.insertStems = stems
        facts.lossSupportStem = edition.lossSupport.map(\.value).flatMap { lossSupportFiles[$0] != nil ? $0 : nil }
        facts.reviewTexts = share.textsBesideManuscripts.filter { $0.subject != .shared }.map(\.detached)
        // Plain locations: a located value keeps its whole source file alive, and facts are kept for every edition.
        facts.loadedInsertIDs = share.inserts.map { LocatedText($0.id.value, at: $0.id.location) }
        facts.unloadedInsertIDs = Array(share.unloaded.insertIDs)
        let answered = Set(facts.loadedInsertIDs.map(\.value)).union(facts.unloadedInsertIDs)
        facts.unresolved = edition.inserts.filter { !answered.contains($0.value) }.map {
            LocatedText($0.value, at: $0.location)
        }
        let checked = forRules(share)
        for rule in rules { rule.check(checked, into: &diagnostics) }
        var compiledShare = share
        if let releasePlanner {
            let (released, plan) = releasePlanner.plan(edition: share)
            compiledShare = released
            compiledShare.released = plan
            facts.release = plan
        }
        let compiler = limits != nil || keepingJob ? compiler(compiledShare) : nil
        let shipped = compiledShare.editions.first ?? edition
        if let limits, let compiler { diagnostics += limits.check(shipped, compiler: compiler) }
        let job =
            keepingJob && !diagnostics.hasErrors
            ? compiler.map { EditionJob(edition: shipped, compiler: $0, fileHashes: fileHashes) } : nil
        return (diagnostics, facts, job, share)
    }

    /// The checks over the whole content once every edition was read: inserts no edition reads, edition ids
    /// across editions, references no insert answers.
    func finish(_ facts: [Facts]) -> [Diagnostic] {
        finishReading(facts).diagnostics
    }

    /// `finish`, and the inserts no edition names as they were read.
    private func finishReading(_ facts: [Facts]) -> (diagnostics: [Diagnostic], unread: [ContentSet]) {
        var diagnostics = sharedDiagnostics
        let read = Set(facts.flatMap(\.insertStems))
        let readSupport = Set(facts.compactMap(\.lossSupportStem))
        // Each unread insert with its translations, so that they are checked together; translations of no insert
        // file on their own.
        let unreadInserts = insertFiles.filter { !read.contains($0.key) }
        let translated = unreadInserts.keys.sorted().map { [insertFiles[$0]!] + (insertTranslationFiles[$0] ?? []) }
        let orphans = insertTranslationFiles.filter { insertFiles[$0.key] == nil }.keys.sorted().map {
            insertTranslationFiles[$0]!
        }
        let groups =
            translated + orphans
            + (clashingInsertFiles
            + lossSupportFiles.filter { !readSupport.contains($0.key) }
            .map(\.value) + clashingLossSupportFiles).map { [$0] }
        // Inserts no edition names are checked on their own, on every core, about 64 files at a time.
        var chunks: [[SourceFile]] = []
        for group in groups {
            if let last = chunks.last, last.count + group.count <= 64 {
                chunks[chunks.count - 1] += group
            } else {
                chunks.append(group)
            }
        }
        let checked = ParallelMap.map(chunks) {
            chunk -> (found: [Diagnostic], loaded: [LocatedText], unloaded: [String], read: ContentSet) in
            var found: [Diagnostic] = []
            let read = loader.load(chunk, of: files, parallel: false, into: &found)
            for rule in rules { rule.check(forRules(read), into: &found) }
            return (found, read.inserts.map(\.id), Array(read.unloaded.insertIDs), read)
        }
        for chunk in checked { diagnostics += chunk.found }
        // Every insert file read, once (editions that name one insert each read it), in file order.
        var seen = Set<SourceLocation>()
        let inserts = (facts.flatMap(\.loadedInsertIDs) + checked.flatMap(\.loaded))
            .filter { seen.insert($0.location).inserted }.sorted { $0.location < $1.location }
        CrossEditionChecks().check(
            editionIDs: facts.compactMap(\.editionID), inserts: inserts, references: facts.flatMap(\.unresolved),
            unloaded: Set(facts.flatMap(\.unloadedInsertIDs) + checked.flatMap(\.unloaded)), into: &diagnostics)
        return (diagnostics, checked.map(\.read))
    }

    /// Every diagnostic of the content, as `Validator.validate` reports them, read edition by edition.
    /// One edition as a build of this stream would compile it (in a release, as released), when the edition loads
    /// and its checks pass; `diagnostics`: what they found.
    public func compiled(edition id: String) -> (job: EditionJob?, diagnostics: [Diagnostic])? {
        for index in 0..<editionCount {
            let unit = checkedUnit(index)
            guard unit.facts.editionID?.value == id else { continue }
            let refusals = (sharedRelease?.refusals ?? []) + (unit.facts.release?.refusals ?? [])
            return (refusals.isEmpty ? unit.job : nil, sharedDiagnostics + unit.diagnostics + refusals)
        }
        return nil
    }

    public static func validate(_ files: ContentFiles, checkingPayloads: Bool = true) -> [Diagnostic] {
        EditionStream(files, checkingPayloads: checkingPayloads).validateAll().diagnostics
    }

    /// Every diagnostic, sorted, and each edition's facts in file order, editions read on every core.
    func validateAll() -> (diagnostics: [Diagnostic], facts: [Facts]) {
        let checked = validateAll(keepingContent: false)
        return (checked.diagnostics, checked.facts)
    }

    /// `validateAll`, and with `keepingContent` the whole content as it was read, as `ContentLoader` reads the
    /// folder at once (for `Validator`, whose commands look across editions; nothing is read twice). Without it,
    /// each edition is dropped once checked, so that memory stays flat.
    func validateAll(keepingContent: Bool) -> (diagnostics: [Diagnostic], facts: [Facts], content: ContentSet?) {
        // One MeCab dictionary for every edition, unmapped once validation is done.
        let hold = MorphologicalAnalyzer.Hold(files.mecab)
        let units = ParallelMap.map(Array(0..<editionCount)) { index in
            let unit = unit(index)
            return (unit.diagnostics, unit.facts, keepingContent ? unit.read : nil)
        }
        let facts = units.map(\.1)
        let (whole, unread) = finishReading(facts)
        withExtendedLifetime(hold) {}
        let diagnostics = (whole + units.flatMap(\.0)).deduplicated().sortedForOutput()
        guard keepingContent else { return (diagnostics, facts, nil) }
        return (diagnostics, facts, assembled(units.compactMap(\.2) + unread))
    }

    /// The shared content with every edition and insert read: editions and inserts in path order, each insert
    /// once, as `ContentLoader` gives them.
    private func assembled(_ read: [ContentSet]) -> ContentSet {
        var content = shared
        var inserts: [String: Insert] = [:]
        var supports: [String: LossSupport] = [:]
        var translations: [String: Translation] = [:]
        for set in read {
            content.editions += set.editions
            for translation in set.translations { translations[translation.path] = translation }
            for insert in set.inserts { inserts[insert.path] = insert }
            for support in set.lossSupports { supports[support.path] = support }
            content.unloaded.lossSupportIDs.formUnion(set.unloaded.lossSupportIDs)
            content.unloaded.editionIDs.formUnion(set.unloaded.editionIDs)
            content.unloaded.insertIDs.formUnion(set.unloaded.insertIDs)
        }
        content.editions.sort { $0.path < $1.path }
        content.inserts = inserts.keys.sorted().map { inserts[$0]! }
        content.lossSupports = supports.keys.sorted().map { supports[$0]! }
        for translation in content.translations { translations[translation.path] = translation }
        content.translations = translations.keys.sorted().map { translations[$0]! }
        // Each edition evaluated its inserts with its own approvers; one that several editions send is entitled to
        // the approvers of all of them, as `SignOffEvaluator.evaluateAll` has it over the whole content.
        let evaluator = SignOffEvaluator(
            reviewers: content.reviewers, configuration: content.configuration, content: content)
        for i in content.inserts.indices {
            let insert = content.inserts[i]
            let senders = content.editions.filter { $0.inserts.contains { $0.value == insert.id.value } }
            guard senders.count > 1 else { continue }
            content.inserts[i].signOff = evaluator.evaluate(
                .insert(insert.id.value), reader: ReaderText(insert), entitled: senders.flatMap(\.approvers),
                approval: insert.approval)
        }
        for i in content.lossSupports.indices {
            let support = content.lossSupports[i]
            let senders = content.editions.filter { $0.lossSupport?.value == support.id.value }
            guard senders.count > 1 else { continue }
            content.lossSupports[i].signOff = evaluator.evaluate(
                .lossSupport(support.id.value), reader: ReaderText(support), entitled: senders.flatMap(\.approvers),
                approval: support.approval)
        }
        return content
    }
}
