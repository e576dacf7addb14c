import Foundation

/// `kizuna build` without the printing: validates and builds the content edition by edition (`EditionStream`),
/// so memory stays flat whatever the number of editions. Nothing is swapped into the output unless every check
/// passed.
public struct ContentBuild: Sendable {
    public var files: ContentFiles
    public var templates: PreviewTemplates
    /// Nil: no cache; every edition is built whole and no cache is written.
    public var keys: BuildKeys?
    /// Edition ids to build; empty: every edition.
    public var selection: [String]
    /// Ship only approved text (`ReleasePlan`): last approved versions in place of working copies, days held back,
    /// and refuse what cannot ship (`ReleaseGate`).
    public var release: Bool
    /// Whether the result lists the HTML pages written (`OutputBuild.listsPages`).
    public var listsPages = false
    /// Each file's load kept from earlier builds of this process; nil: every file is parsed.
    public var loadMemo: LoadMemo?
    /// Told when the editions are in place, before the review sheets are made (`OutputBuild.editionsInPlace`).
    public var editionsInPlace: (@Sendable (OutputBuild.Result) -> Void)?
    /// Prints each edition's おめでとうカード to PDF; nil: the card's page alone.
    public var cardPrinter: (any CardPrinter)?

    public init(
        files: ContentFiles, templates: PreviewTemplates, keys: BuildKeys?, selection: [String] = [],
        release: Bool = false
    ) {
        self.files = files
        self.templates = templates
        self.keys = keys
        self.selection = selection
        self.release = release
    }

    public enum Outcome: Sendable {
        /// Validation found errors (all of them are here, warnings too): nothing was written.
        case invalid([Diagnostic])
        /// A selected edition does not exist: nothing was written. `warnings`: what validation found.
        case unknownEditions([String], editions: [String], warnings: [Diagnostic])
        /// `release` and manuscripts not approved as written: nothing was written.
        case releaseRefused(gate: [Diagnostic], warnings: [Diagnostic])
        /// Built; `result.diagnostics` holds every finding (with an error, nothing was written).
        case built(OutputBuild.Result)
    }

    public func run(into writer: inout OutputWriter, progress: @escaping OutputBuild.Progress = { _, _, _ in })
        throws(IOFailure) -> Outcome
    {
        // With a cache, the style check skips the messages the last build found clean.
        let stored = keys == nil ? nil : writer.readStyleMemo()
        let memo = keys.map { StyleMemo(salt: $0.styleSalt(files), stored: stored) }
        let stream = EditionStream(
            files, checkingPayloads: false, loader: ContentLoader(memo: loadMemo), styleMemo: memo, release: release,
            fileHashes: keys?.fileHashes)
        guard let shared = stream.sharedContent, !stream.sharedDiagnostics.hasErrors else {
            // Nothing can be built on shared content with errors; every edition is still checked, to report all.
            return .invalid(stream.validateAll().diagnostics)
        }
        // Each edition is read once, checked, and built into staging if its checks passed; the checks over the whole
        // content run at the gate, once every edition is staged, and nothing is swapped in unless all of them passed.
        // After the first error, editions are only checked: the build will be abandoned, and every finding is still
        // reported.
        let ledger = UnitLedger(count: stream.editionCount)
        // One MeCab dictionary for every edition's check.
        let hold = MorphologicalAnalyzer.Hold(files.mecab)
        let selection = selection
        // A release compiles approved texts in place of the files' own: nothing is reused by file hash there.
        var builder = EditionBuilder(content: shared, templates: templates, memo: release ? nil : loadMemo, keys: keys)
        builder.cardPrinter = cardPrinter
        var build = OutputBuild(
            builder: builder,
            reviewSheets: ReviewSheetBuilder(templates: templates), files: files, keys: keys)
        build.listsPages = listsPages
        build.editionsInPlace = editionsInPlace
        var refused: Outcome?
        var released: ReleasePlan?
        var checked: [Diagnostic] = []
        let result = try build.run(
            count: stream.editionCount,
            job: { index in
                let unit = stream.checkedUnit(index)
                hold.analyzer?.releaseResidentPages()
                guard ledger.record(index, unit.diagnostics, unit.facts), let job = unit.job,
                    selection.isEmpty || selection.contains(job.edition.id.value)
                else { return nil }
                return job
            }, into: &writer, progressTotal: selection.isEmpty ? stream.editionCount : selection.count,
            gate: {
                let (units, facts) = ledger.results
                checked = (stream.finish(facts) + units).deduplicated().sortedForOutput()
                refused = checked.hasErrors ? .invalid(checked) : refusal(checked, facts, stream.sharedRelease)
                released = stream.sharedRelease.map {
                    ReleaseGate.combine(shared: $0, facts: facts, selection: selection)
                }
                return refused == nil
            },
            reviewTexts: {
                let texts = ledger.results.facts.flatMap(\.reviewTexts)
                var evaluator = SignOffEvaluator(
                    reviewers: shared.content.reviewers, configuration: shared.configuration, content: shared.content)
                evaluator.candidates += texts.map(\.subject)
                return ApprovableText.gathered(texts, evaluator: evaluator)
            }, progress: progress)
        withExtendedLifetime(hold) {}
        if let refused { return refused }
        var shipped = result
        shipped.release = released
        return try built(shipped, checked: checked, memo: memo, into: &writer)
    }

    /// Why a build of content that passed its checks must not go on: an unknown `--edition`, or (with `release`)
    /// manuscripts not approved as written. `facts`: every edition's, in file order.
    func refusal(_ diagnostics: [Diagnostic], _ facts: [EditionStream.Facts], _ shared: ReleasePlan?) -> Outcome? {
        let ids = facts.map { $0.editionID?.value }
        let unknown = selection.filter { !ids.contains($0) }
        guard unknown.isEmpty else {
            return .unknownEditions(unknown, editions: ids.compactMap { $0 }, warnings: diagnostics)
        }
        guard release, let shared else { return nil }
        let plan = ReleaseGate.combine(shared: shared, facts: facts, selection: selection)
        return plan.refusals.isEmpty
            ? nil : .releaseRefused(gate: plan.refusals.sortedForOutput(), warnings: diagnostics)
    }

    /// The build's outcome with the checks' findings; the style memo is saved only after a build that was written
    /// (an abandoned one leaves the output folder as it was).
    func built(_ result: OutputBuild.Result, checked: [Diagnostic], memo: StyleMemo?, into writer: inout OutputWriter)
        throws(IOFailure) -> Outcome
    {
        var result = result
        result.diagnostics = (checked + result.diagnostics).deduplicated().sortedForOutput()
        if let memo, !result.diagnostics.hasErrors { try writer.saveStyleMemo(memo.bytes) }
        return .built(result)
    }
}

/// What each edition's checks found, kept by index as editions are checked on every core.
final class UnitLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var diagnostics: [[Diagnostic]]
    private var facts: [EditionStream.Facts]
    private var failed = false

    init(count: Int) {
        diagnostics = Array(repeating: [], count: count)
        facts = Array(repeating: EditionStream.Facts(), count: count)
    }

    /// Records edition `index`'s findings; false once any edition had an error (nothing more is worth building: the
    /// build will be abandoned).
    func record(_ index: Int, _ found: [Diagnostic], _ fact: EditionStream.Facts) -> Bool {
        lock.withLock {
            diagnostics[index] = found
            facts[index] = fact
            // An insert reference no file of the edition answers is almost always an error found at the end.
            failed = failed || found.hasErrors || !fact.unresolved.isEmpty
            return !failed
        }
    }

    /// Every edition's findings, and their facts in file order.
    var results: (diagnostics: [Diagnostic], facts: [EditionStream.Facts]) {
        lock.withLock { (diagnostics.flatMap { $0 }, facts) }
    }
}
