/// Turns one edition of validated content into its files: payloads, previews and manifest, checking LINE's
/// limits on the payloads it writes. Output with an error diagnostic must not be committed.
/// Editions are independent, so they can be built in parallel.
///
/// A build first plans an edition (`plan`: what changed since the files on disk were written), then renders what
/// the plan says (`render`).
public struct EditionBuilder: Sendable {
    public let content: ValidatedContent
    public let previews: PreviewRenderer
    let flex = FlexRenderer()
    let sections: FlexSections
    let manifestParts: Manifest.DayParts.Table
    /// Prints each おめでとうカード to PDF beside its page; nil: the page alone.
    public var cardPrinter: (any CardPrinter)?

    public init(content: ValidatedContent, templates: PreviewTemplates) {
        self.init(content: content, templates: templates, memo: nil, keys: nil)
    }

    /// `memo` and `keys`: what earlier builds of this process made of each manuscript, reused where its file's hash
    /// (in `keys`) is unchanged.
    init(content: ValidatedContent, templates: PreviewTemplates, memo: LoadMemo?, keys: BuildKeys?) {
        self.content = content
        let manuscripts = content.content.manuscripts
        // Reused only with both: a render is kept by the hash of the file it was made from.
        let reuse = memo.flatMap { memo in keys.map { (memo: memo, hashes: $0.fileHashes) } }
        sections = FlexSections(manuscripts, memo: reuse.map { ($0.memo.flexBlocks, $0.hashes) })
        manifestParts = Manifest.DayParts.Table(manuscripts)
        previews = PreviewRenderer(
            templates: templates, reviewers: content.content.reviewers, manuscripts: manuscripts,
            memo: reuse.map { ($0.memo.sectionViews, $0.hashes) })
    }

    /// Every file of the edition, in memory.
    public func build(_ edition: Edition) -> EditionOutput {
        var files: [OutputFile] = []
        let rendered = render(plan(edition, keys: nil, cached: nil), emit: { files.append($0) }, packRow: { _ in })
        return EditionOutput(editionID: rendered.editionID, files: files, diagnostics: rendered.diagnostics)
    }

    /// What a build of `edition` must write, from the cache of its files on disk (`cached`; nil `keys`: no cache,
    /// every file is written). Decided before any day's message is made. `compiler`: one that holds the edition's
    /// inserts, when the content's own does not (an edition read on its own by `EditionStream`).
    public func plan(
        _ edition: Edition, compiler: EditionCompiler? = nil, keys: BuildKeys?, cached: EditionCache?
    ) -> PlannedEdition {
        let compiler = compiler ?? content.compiler
        let inserts = compiler.resolvedInserts(of: edition)
        // One entry per message: a day whose readers of different month ages get different inserts is one message
        // per month age (`EditionCompiler.readers(of:inserts:)`), each with its own files.
        var manuscripts: [Manuscript] = [], readers: [ReaderAge] = []
        for manuscript in compiler.manuscripts(of: edition) {
            for reader in compiler.readers(of: manuscript, inserts: inserts) {
                manuscripts.append(manuscript)
                readers.append(reader)
            }
        }
        let lossSupport = compiler.lossSupportMessage(for: edition)
        let contentKey =
            keys?.editionKey(
                edition, inserts: inserts.map(\.insert), lossSupport: lossSupport?.support, days: manuscripts) ?? ""
        // Whether cards are printed to PDF decides which files the edition has.
        let editionKey = keys == nil ? "" : contentKey + (cardPrinter == nil ? "" : "+card-pdf")
        let indexKey = keys?.indexKey(editionKey: editionKey, days: manuscripts) ?? ""
        var planned = PlannedEdition(
            edition: edition, plan: .whole, compiler: compiler, manuscripts: manuscripts, readers: readers,
            inserts: inserts, lossSupport: lossSupport, keys: keys,
            editionKey: editionKey, indexKey: indexKey, kept: nil)
        // The edition key covers the list of days, so a cache under it lists the same days in the same order.
        guard let keys, let cached, cached.editionKey == editionKey, cached.days.count == manuscripts.count else {
            return planned
        }
        let changed = manuscripts.indices.filter { keys.dayKey(path: manuscripts[$0].path) != cached.days[$0].key }
        let index = cached.indexKey != indexKey
        planned.plan = changed.isEmpty && !index ? .unchanged : .partial(days: changed, index: index)
        planned.kept = cached
        return planned
    }

    /// Renders what `planned` says, handing each file to `emit` and each rendered day's row of the edition's pack to
    /// `packRow` as soon as they are made, so that an edition's pages and payloads are never all in memory at once.
    /// Rows come in the pack's order (`EditionPack.sorted`). An unchanged edition writes nothing.
    public func render(
        _ planned: PlannedEdition, emit: (OutputFile) -> Void, packRow: (EditionPack.Row) -> Void
    ) -> RenderedEdition {
        let edition = planned.edition, compiler = planned.compiler
        let id = edition.id.value
        guard planned.plan != .unchanged else {
            return RenderedEdition(
                editionID: id, messages: planned.manuscripts.count, rendered: 0, written: [], diagnostics: [],
                cache: planned.kept)
        }
        let messages = zip(planned.manuscripts, planned.readers).map {
            compiler.message(edition, $0, inserts: planned.inserts, for: $1)
        }
        let renders: (Int) -> Bool
        if case .partial(let days, _) = planned.plan {
            let changed = Set(days)
            renders = { changed.contains($0) }
        } else {
            renders = { _ in true }
        }
        var written: [String] = []
        func write(_ file: OutputFile) {
            written.append(file.path)
            emit(file)
        }
        // Days are rendered in the pack's order (series by name, then reading order), so that each row goes straight
        // into the pack; the manifest, the cache and the findings list them in reading order.
        let order = messages.indices.sorted { a, b in
            let (x, y) = (messages[a].day.series.rawValue, messages[b].day.series.rawValue)
            return x == y ? a < b : x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        var days = [Manifest.DayFiles?](repeating: nil, count: messages.count)
        var cacheDays = [EditionCache.Day?](repeating: nil, count: planned.keys == nil ? 0 : messages.count)
        var found = [[Diagnostic]](repeating: [], count: messages.count)
        var rendered = 0
        let limits = LineLimitsRule(edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition))
        let flexContext = FlexEditionContext(sections: sections)
        let previewParts = PreviewEditionParts()
        let email = edition.channels.contains { $0.value == .email } ? EmailRenderer() : nil
        for i in order {
            if !renders(i), let kept = planned.kept?.days[i] {
                days[i] = kept.files
                if planned.keys != nil { cacheDays[i] = kept }
                continue
            }
            let message = messages[i]
            rendered += 1
            let payload = flex.payload(for: message, in: flexContext)
            limits.check(message, payload, into: &found[i])
            let line = FileHash(of: payload.bytes)
            write(OutputFile(path: "\(id)/\(message.linePath)", bytes: payload.bytes))
            var eml: [UInt8]?
            var emailHash: FileHash?
            if let email {
                let bytes = email.message(for: message)
                eml = bytes
                emailHash = FileHash(of: bytes)
                write(OutputFile(path: "\(id)/\(message.emailPath)", bytes: bytes))
            }
            packRow(
                EditionPack.Row(
                    series: message.day.series.rawValue, day: message.fileStem, sortIndex: i,
                    label: message.label, title: message.manuscript.title.value, line: payload.bytes,
                    lineMessages: payload.messageCount, email: eml, sha256: line.hex, monthAge: message.readerMonths,
                    anniversary: message.manuscript.anniversary?.value))
            // A day's messages by month age are next to each other in reading order.
            let variants =
                message.readerMonths == nil
                ? []
                : messages[max(0, i - 2)..<min(messages.count, i + 3)].filter { $0.manuscript === message.manuscript }
            let page = previews.dayPageBytes(
                message, previous: i > 0 ? messages[i - 1] : nil,
                next: i + 1 < messages.count ? messages[i + 1] : nil, payload: payload, parts: previewParts,
                variants: Array(variants))
            let preview = FileHash(of: page)
            write(OutputFile(path: "\(id)/\(message.previewPath)", bytes: page))
            let day = Manifest.DayFiles(
                lineMessages: payload.messageCount, line: line, preview: preview, email: emailHash)
            days[i] = day
            if let keys = planned.keys {
                cacheDays[i] = EditionCache.Day(key: keys.dayKey(path: message.manuscript.path) ?? .zero, files: day)
            }
        }
        // The loss support message: its files follow from what the edition key covers (its file among them), so a
        // partial plan keeps them as they are on disk; they are made again for the manifest's hashes, not written.
        var lossSupportFiles: Manifest.LossSupportFiles?
        var lossSupportFound: [Diagnostic] = []
        if let support = planned.lossSupport {
            let writes = planned.plan == .whole
            let payload = flex.payload(for: support)
            limits.check(support, payload, into: &lossSupportFound)
            if writes { write(OutputFile(path: "\(id)/\(LossSupportMessage.linePath)", bytes: payload.bytes)) }
            var emailHash: FileHash?
            if let email {
                let bytes = email.message(for: support)
                emailHash = FileHash(of: bytes)
                if writes { write(OutputFile(path: "\(id)/\(LossSupportMessage.emailPath)", bytes: bytes)) }
            }
            let page = previews.lossSupportPageBytes(support, payload: payload)
            if writes { write(OutputFile(path: "\(id)/\(LossSupportMessage.previewPath)", bytes: page)) }
            lossSupportFiles = Manifest.LossSupportFiles(
                message: support,
                files: Manifest.DayFiles(
                    lineMessages: payload.messageCount, line: FileHash(of: payload.bytes),
                    preview: FileHash(of: page), email: emailHash))
        }
        // The おめでとうカード, like the loss support message, follows from what the edition key covers (the edition,
        // kizuna.yaml, the templates, and whether cards are printed): a partial plan keeps its files as they are.
        var cardFiles: Manifest.CardFiles?
        if let card = compiler.card(for: edition),
            let page = previews.cardPageBytes(card, hasPDF: cardPrinter != nil)
        {
            let writes = planned.plan == .whole
            if writes {
                write(OutputFile(path: "\(id)/\(CongratulationCard.htmlPath)", bytes: page))
                // A card the printer fails on keeps its page; the printer tells its user why.
                if let printer = cardPrinter, let pdf = try? printer.pdf(ofPage: page, editionID: id) {
                    write(OutputFile(path: "\(id)/\(CongratulationCard.pdfPath)", bytes: PDFDates.normalized(pdf)))
                }
            }
            cardFiles = Manifest.CardFiles(card: card, page: FileHash(of: page), printed: cardPrinter != nil)
        }
        // An index whose key is unchanged stays as it is on disk (it is kept with the unchanged days).
        if planned.plan == .whole || planned.rewritesIndex {
            let index = previews.indexPageBytes(
                editionName: edition.name.value, editionID: id, messages: messages, lossSupport: planned.lossSupport,
                card: cardFiles)
            write(OutputFile(path: "\(id)/preview/index.html", bytes: index))
        }
        // The coverage page follows from what the edition key covers (the days with their anniversaries, the inserts,
        // the national schedule through the shared key): a partial plan keeps it as it is on disk.
        if planned.plan == .whole {
            var seen = Set<String>()
            let coverage = CoverageReport(
                manuscripts: planned.manuscripts.filter { seen.insert($0.path).inserted },
                series: edition.series.map(\.value), editions: [(edition, planned.inserts.map(\.insert))],
                reference: compiler.content.reference)
            write(
                OutputFile(
                    path: "\(id)/\(CoverageReport.previewPath)",
                    bytes: previews.coveragePageBytes(coverage, editionName: edition.name.value)))
        }
        let manifest = Manifest(
            edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition),
            messages: messages, days: days.map { $0! }, parts: manifestParts, release: compiler.content.released,
            lossSupport: lossSupportFiles, card: cardFiles)
        write(OutputFile(path: "\(id)/manifest.json", bytes: manifest.bytes + [0x0A]))
        let cache =
            planned.keys == nil
            ? nil
            : EditionCache(editionKey: planned.editionKey, indexKey: planned.indexKey, days: cacheDays.map { $0! })
        return RenderedEdition(
            editionID: id, messages: messages.count, rendered: rendered, written: written,
            diagnostics: found.flatMap { $0 } + lossSupportFound, cache: cache)
    }
}

/// What a build does for one edition, decided from its cache before any day is rendered.
public enum BuildPlan: Sendable, Equatable {
    /// Nothing the edition's files depend on changed: they stay as they are.
    case unchanged
    /// Only these days (indices in reading order) are rendered, the others kept as they are in the edition's folder;
    /// the manifest and the pack are written anew, the preview index only when `index` (what it lists changed).
    case partial(days: [Int], index: Bool)
    /// Every file is written.
    case whole
}

/// One edition with what its build must write (`plan`) and what that is decided from.
public struct PlannedEdition: Sendable {
    public let edition: Edition
    public internal(set) var plan: BuildPlan
    let compiler: EditionCompiler
    /// The manuscript of each message, in reading order (a day with variants by month age once per variant).
    let manuscripts: [Manuscript]
    /// The readers each message is for, parallel to `manuscripts`.
    let readers: [ReaderAge]
    let inserts: [ResolvedInsert]
    /// The edition's loss support message, when it has one (in a release, when it ships).
    let lossSupport: LossSupportMessage?
    let keys: BuildKeys?
    let editionKey: String
    let indexKey: String
    /// The cache of the files on disk, when the plan keeps some of them.
    var kept: EditionCache?

    /// Whether a partial plan writes the preview index.
    var rewritesIndex: Bool {
        if case .partial(_, let index) = plan { index } else { false }
    }

    /// The same edition with every file written: for a partial plan whose kept files cannot be taken over.
    func whole() -> PlannedEdition {
        var planned = self
        planned.plan = .whole
        planned.kept = nil
        return planned
    }
}

/// What rendering one edition wrote: counts, findings and the cache of its files; not the bytes.
public struct RenderedEdition: Sendable {
    public let editionID: String
    public let messages: Int
    /// Days rendered; the others were kept as they are on disk.
    public let rendered: Int
    /// The files written, as paths inside the output folder, in the order they were written.
    public let written: [String]
    /// LINE-limit findings on the payloads written: with an error, the edition must not be swapped in.
    public let diagnostics: [Diagnostic]
    let cache: EditionCache?
}
