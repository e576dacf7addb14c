/// `kizuna build` without the printing: validates and builds the content edition by edition (`EditionStream`),
/// so memory stays flat whatever the number of editions, or the whole content at once where its layout requires.
/// Either way nothing is swapped into the output unless every check passed.
public struct ContentBuild: Sendable {
    public var files: ContentFiles
    public var templates: PreviewTemplates
    /// Nil: no cache; every edition is built whole and no cache is written.
    public var keys: BuildKeys?
    /// Edition ids to build; empty: every edition.
    public var selection: [String]
    /// Refuse to build when a manuscript the editions use is not approved as written (`ReleaseGate`).
    public var release: Bool

    public init(files: ContentFiles, templates: PreviewTemplates, keys: BuildKeys?, selection: [String] = [], release: Bool = false) {
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

    public func run(into writer: inout OutputWriter, progress: @escaping OutputBuild.Progress = { _, _, _ in }) throws(IOFailure) -> Outcome {
        // Validated edition by edition first, so that an error is reported before anything is built, then each
        // edition is read again to be built: no edition stays in memory between the two.
        // With a cache, the style check skips the messages the last build found clean.
        let memo = keys.map { StyleMemo(salt: $0.styleSalt(files), stored: writer.readStyleMemo()) }
        let stream = EditionStream(files, checkingPayloads: false, styleMemo: memo)
        guard let (diagnostics, facts) = stream.validateAll() else { return try runWhole(into: &writer, progress: progress) }
        guard let shared = stream.sharedContent, !diagnostics.hasErrors else { return .invalid(diagnostics) }
        let ids = facts.map { $0.editionID?.value }
        let unknown = selection.filter { !ids.contains($0) }
        guard unknown.isEmpty else { return .unknownEditions(unknown, editions: ids.compactMap { $0 }, warnings: diagnostics) }
        let selected = ids.indices.filter { ids[$0] != nil && (selection.isEmpty || selection.contains(ids[$0]!)) }
        if release {
            let gate = ReleaseGate.check(shared, series: Set(selected.flatMap { facts[$0].series }))
            if !gate.isEmpty { return .releaseRefused(gate: gate, warnings: diagnostics) }
        }
        let build = OutputBuild(builder: EditionBuilder(content: shared, templates: templates),
                                reviewSheets: ReviewSheetBuilder(templates: templates), files: files, keys: keys)
        var result = try build.run(count: selected.count, job: { stream.buildJob(selected[$0]) }, into: &writer, progress: progress)
        result.diagnostics = (diagnostics + result.diagnostics).deduplicated().sortedForOutput()
        // Only after a build that was written: an abandoned one leaves the output folder as it was.
        if let memo, !result.diagnostics.hasErrors { try writer.saveStyleMemo(memo.bytes) }
        return .built(result)
    }

    /// The whole content loaded and checked at once, then built.
    func runWhole(into writer: inout OutputWriter, progress: @escaping OutputBuild.Progress) throws(IOFailure) -> Outcome {
        let report = Validator().validate(files, checkingPayloads: false)
        guard let content = report.content else { return .invalid(report.diagnostics) }
        var selected = content.editions
        if !selection.isEmpty {
            let unknown = selection.filter { id in content.edition(id) == nil }
            guard unknown.isEmpty else {
                return .unknownEditions(unknown, editions: content.editions.map(\.id.value), warnings: report.diagnostics)
            }
            selected = selected.filter { selection.contains($0.id.value) }
        }
        if release {
            let gate = ReleaseGate.check(content, editions: selected)
            if !gate.isEmpty { return .releaseRefused(gate: gate, warnings: report.diagnostics) }
        }
        let build = OutputBuild(builder: EditionBuilder(content: content, templates: templates),
                                reviewSheets: ReviewSheetBuilder(templates: templates), files: files, keys: keys)
        var result = try build.run(selected, into: &writer, progress: progress)
        result.diagnostics = (report.diagnostics + result.diagnostics).deduplicated().sortedForOutput()
        return .built(result)
    }
}
