import Foundation

/// Builds editions into an output folder: every edition on every core, each page streamed to staging as soon as
/// it is made (memory holds about one page per core, whatever the number of editions), then all swapped in
/// together, or nothing at all if any payload breaks LINE's limits.
///
/// With a build cache (`keys`), an edition whose inputs are unchanged is not touched, and one with a few changed
/// manuscripts gets only those days, its manifest and pack, and its index if what it lists changed, rewritten
/// (see `EditionCache`).
public struct OutputBuild: Sendable {
    public let builder: EditionBuilder
    public let reviewSheets: ReviewSheetBuilder
    /// Nil: no cache; every edition is built whole and no cache is written.
    public let keys: BuildKeys?
    public let files: ContentFiles
    /// Whether `Result.pages` lists the HTML pages written: `serve` reloads only those; a plain build at national
    /// scale would hold a million paths for nothing.
    public var listsPages = false
    /// Called, when set, once the editions are in place and before the review sheets are made: the editions are then
    /// swapped in first and the sheets after, so that `serve` can reload the pages being edited while the sheets are
    /// made. An I/O failure while the sheets are written then leaves the new editions beside the old sheets, which
    /// `serve` mends at its next rebuild; `build` leaves this nil and swaps everything in at once.
    public var editionsInPlace: (@Sendable (Result) -> Void)?

    public init(builder: EditionBuilder, reviewSheets: ReviewSheetBuilder, files: ContentFiles, keys: BuildKeys?) {
        self.builder = builder
        self.reviewSheets = reviewSheets
        self.files = files
        self.keys = keys
    }

    /// What a build did.
    public struct Result: Sendable {
        public var editions = 0
        public var messages = 0
        /// Days rendered; the rest were reused from the previous build.
        public var rendered = 0
        public var filesWritten = 0
        /// Editions left as they were: nothing they depend on changed.
        public var editionsUnchanged = 0
        /// LINE-limit findings; with an error, nothing was written.
        public var diagnostics: [Diagnostic] = []
        /// In a release: what shipped of each text.
        public var release: ReleasePlan?
        /// With `listsPages`: the HTML pages written, as paths inside the output folder
        /// (`sakuragaoka/preview/childcare/0045.html`), in no particular order.
        public var pages: [String] = []
    }

    /// After each edition: editions done, of total, and the messages of those editions.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ messages: Int) -> Void

    public func run(_ editions: [Edition], into writer: inout OutputWriter, progress: Progress = { _, _, _ in })
        throws(IOFailure) -> Result
    {
        let compiler = builder.content.compiler
        return try run(
            count: editions.count, job: { EditionJob(edition: editions[$0], compiler: compiler) }, into: &writer,
            progress: progress)
    }

    /// Builds `count` editions, each handed over by `job` on the thread that builds it (so an edition read from
    /// its files lives only while it is built); a nil job is skipped.
    /// - `progressTotal`: the editions progress counts; when given, skipped jobs are not counted.
    /// - `gate`: asked once every edition is staged, before anything is swapped in; false abandons the build, leaving
    ///   the output folder as it was (the checks over the whole content run there when each edition is checked as it
    ///   is built).
    /// - `reviewTexts`: asked after the gate, the edition and insert texts read with the editions (the builder's
    ///   content holds none when editions are read one by one), for the review sheets.
    public func run(
        count: Int, job: @Sendable (Int) -> EditionJob?, into writer: inout OutputWriter, progressTotal: Int? = nil,
        gate: () -> Bool = { true }, reviewTexts: () -> [ApprovableText] = { [] }, progress: Progress = { _, _, _ in }
    ) throws(IOFailure) -> Result {
        try writer.prepare()
        let lock = try writer.lock()
        defer { lock.release() }
        let staging = writer
        let counter = ProgressCounter()
        // Each edition is reduced to its summary once staged (its cache goes to a staged file), so memory stays flat
        // whatever the number of editions.
        let built = ParallelMap.map(Array(0..<count)) { index -> Staged in
            guard let job = job(index) else {
                if progressTotal == nil {
                    let (done, messages) = counter.add(0)
                    progress(done, count, messages)
                }
                return .success(nil)
            }
            return stage(job, in: staging) { messages in
                let (done, total) = counter.add(messages)
                progress(done, progressTotal ?? count, total)
            }
        }
        var result = Result()
        var staged: [OutputWriter.StagedEdition] = []
        for item in built {
            guard let summary = try item.get() else { continue }
            result.editions += 1
            result.messages += summary.messages
            result.rendered += summary.rendered
            result.filesWritten += summary.filesWritten
            result.diagnostics += summary.diagnostics
            result.pages += summary.pages
            if let edition = summary.staged { staged.append(edition) } else { result.editionsUnchanged += 1 }
        }
        result.diagnostics = result.diagnostics.deduplicated().sortedForOutput()
        let passed = gate()
        guard passed, !result.diagnostics.hasErrors else {
            writer.abandon()
            return result
        }

        if let editionsInPlace {
            try writer.commit(staged, caches: keys != nil)
            staged = []
            editionsInPlace(result)
            result.pages = []
            try writer.reopenStaging()
        }
        // The doctors' review sheets depend on every text that takes approvals: rebuilt whole when any input of
        // theirs changed.
        let texts = reviewTexts()
        // Manuscripts are keyed by their files; the other texts by what their sheets show, held or read.
        let reviewKey = keys?.reviewKey(files, texts: builder.content.content.textsBesideManuscripts + texts)
        let reviewFolder = ReviewSheetBuilder.folder
        let reviewCurrent =
            reviewKey != nil && staging.readCache(reviewFolder, requiring: "index.html")?.editionKey == reviewKey
        if !reviewCurrent {
            let copies = ApprovedCopies(files)
            let sheets = reviewSheets.build(builder.content.content, adding: texts, snapshots: copies.snapshot(of:))
            try staging.stage(sheets)
            if let reviewKey { try staging.stageCache(reviewFolder, EditionCache(editionKey: reviewKey, days: [])) }
            result.filesWritten += sheets.files.count
            if listsPages { result.pages += sheets.files.map(\.path).filter { $0.hasSuffix(".html") } }
            staged.append(staging.stagedWhole(reviewFolder))
        }
        // Every changed edition is swapped in with one exchange each.
        try writer.commit(staged, caches: keys != nil)
        return result
    }

    private typealias Staged = Swift.Result<EditionSummary?, IOFailure>

    /// Plans and renders one edition into staging, with its pack and cache; `done` is told its message count.
    private func stage(_ job: EditionJob, in staging: OutputWriter, done: (Int) -> Void) -> Staged {
        let id = job.edition.id.value
        var planned = builder.plan(
            job.edition, compiler: job.compiler, keys: keys?.adding(job.fileHashes),
            cached: keys == nil ? nil : staging.readCache(id))
        // A partial plan keeps the unchanged days' rows from the pack on disk: without a readable one, build whole.
        if case .partial = planned.plan, !EditionPack.isCurrent(staging.packPath(id)) { planned = planned.whole() }
        let partial = planned.plan != .whole
        // Files go to staging, and rows into the pack, as they are made: memory holds one day at a time.
        var stager = staging.stager()
        let pack: EditionPack.Writer?
        do throws(IOFailure) {
            pack =
                planned.plan == .unchanged
                ? nil
                : try EditionPack.Writer(
                    to: try staging.stagedPackPath(id), keepingRowsOf: partial ? staging.packPath(id) : nil,
                    checkingPayloads: false)
        } catch {
            done(0)
            return .failure(error)
        }
        var packFailure: IOFailure?
        let rendered = builder.render(
            planned, emit: { stager.write($0) },
            packRow: { row in
                guard packFailure == nil else { return }
                do throws(IOFailure) { try pack?.add(row) } catch { packFailure = error }
            })
        defer { done(rendered.messages) }
        guard let pack, !rendered.diagnostics.hasErrors else {
            return .success(EditionSummary(rendered, staged: nil, listingPages: listsPages))
        }
        do throws(IOFailure) {
            if let failure = stager.failure ?? packFailure { throw failure }
            try pack.finish(
                editionID: id, editionName: job.edition.name.value,
                nicknameMaxLength: job.compiler.nicknameMaxLength(for: job.edition), messageCount: rendered.messages)
            // A partial edition's unchanged files come from its live folder, after the new ones are written so
            // that none is written through a link.
            let staged =
                partial
                ? try staging.stagePartial(id, rewritten: rendered.written + ["\(id)/\(EditionPack.fileName)"])
                : staging.stagedWhole(id)
            if let cache = rendered.cache { try staging.stageCache(id, cache) }
            return .success(EditionSummary(rendered, staged: staged, listingPages: listsPages))
        } catch {
            return .failure(error)
        }
    }
}

/// One edition handed to `OutputBuild`: the edition and a compiler holding its inserts.
public struct EditionJob: Sendable {
    public var edition: Edition
    public var compiler: EditionCompiler
    /// The hashes of the edition's files that were read when used (`SourceFile(readingWhenUsed:)`), of the very
    /// bytes loaded; `BuildKeys` holds the others.
    var fileHashes: [String: FileHash]

    public init(edition: Edition, compiler: EditionCompiler) {
        self.init(edition: edition, compiler: compiler, fileHashes: [:])
    }

    init(edition: Edition, compiler: EditionCompiler, fileHashes: [String: FileHash]) {
        self.edition = edition
        self.compiler = compiler
        self.fileHashes = fileHashes
    }
}

/// What is kept of an edition once its files are staged: counts and findings, not bytes.
struct EditionSummary: Sendable {
    var editionID: String
    var messages: Int
    var rendered: Int
    var filesWritten: Int
    var diagnostics: [Diagnostic]
    /// The staged edition, to be swapped in; nil when it is unchanged or has errors.
    var staged: OutputWriter.StagedEdition?
    /// The HTML pages written, when the build lists them.
    var pages: [String]

    init(_ edition: RenderedEdition, staged: OutputWriter.StagedEdition?, listingPages: Bool) {
        editionID = edition.editionID
        messages = edition.messages
        rendered = edition.rendered
        // A staged edition's pack is written too.
        filesWritten = edition.written.count + (staged == nil ? 0 : 1)
        diagnostics = edition.diagnostics
        self.staged = staged
        pages = staged != nil && listingPages ? edition.written.filter { $0.hasSuffix(".html") } : []
    }
}

/// Counts finished editions across threads.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var messages = 0

    func add(_ count: Int) -> (done: Int, messages: Int) {
        lock.withLock {
            done += 1
            messages += count
            return (done, messages)
        }
    }
}
