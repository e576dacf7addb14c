/// Turns one edition of validated content into its files: payloads, previews and manifest, checking LINE's
/// limits on the payloads it writes. Output with an error diagnostic must not be committed.
/// Editions are independent, so they can be built in parallel.
public struct EditionBuilder: Sendable {
    public let content: ValidatedContent
    public let previews: PreviewRenderer
    let flex = FlexRenderer()
    let sections: FlexSections
    let manifestParts: Manifest.DayParts.Table

    public init(content: ValidatedContent, templates: PreviewTemplates) {
        self.content = content
        self.sections = FlexSections(content.content.manuscripts)
        self.manifestParts = Manifest.DayParts.Table(content.content.manuscripts)
        self.previews = PreviewRenderer(
            templates: templates, reviewers: content.content.reviewers, manuscripts: content.content.manuscripts)
    }

    /// Every file of the edition.
    public func build(_ edition: Edition) -> EditionOutput {
        build(edition, keys: nil, previous: nil).output
    }

    /// The edition's files, rendering only the days whose key differs from `previous` (the cache of the files on
    /// disk). `output.files` then holds the changed days, the manifest and (if what it lists changed) the index;
    /// `complete` says whether it holds every file (no usable cache). Nil `keys`: no cache at all. With `emit`, each
    /// file is handed over as soon as it is made and `output.files` keeps only its path, so that an edition's pages are
    /// never all in memory at once. `compiler`: one that holds the edition's inserts, when the content's own does not
    /// (an edition read on its own by `EditionStream`).
    public func build(
        _ edition: Edition, keys: BuildKeys?, previous: EditionCache?, compiler: EditionCompiler? = nil,
        emit: ((OutputFile) -> Void)? = nil
    ) -> EditionBuild {
        let compiler = compiler ?? content.compiler
        let id = edition.id.value
        let manuscripts = compiler.manuscripts(of: edition)
        let inserts = compiler.resolvedInserts(of: edition)
        let editionKey = keys?.editionKey(edition, inserts: inserts.map(\.insert), days: manuscripts) ?? ""
        let indexKey = keys?.indexKey(editionKey: editionKey, days: manuscripts) ?? ""
        // The edition key covers the list of days, so a cache under it lists the same days in the same order.
        let reusable =
            keys != nil && previous?.editionKey == editionKey && previous?.days.count == manuscripts.count
            ? previous : nil
        // Nothing changed (every day's key and the index's as cached): known before any day's message is made.
        if let reusable, reusable.indexKey == indexKey,
            manuscripts.indices.allSatisfy({ keys?.dayKey(path: manuscripts[$0].path) == reusable.days[$0].key })
        {
            return EditionBuild(
                output: EditionOutput(editionID: id, files: [], diagnostics: []),
                complete: false, messages: manuscripts.count, rendered: 0, cache: reusable, packRows: [])
        }
        let messages = manuscripts.map { compiler.message(edition, $0, inserts: inserts) }
        var files: [OutputFile] = []
        files.reserveCapacity(reusable == nil ? messages.count * 2 + 2 : 8)
        var days: [Manifest.DayFiles] = []
        days.reserveCapacity(messages.count)
        var cacheDays: [EditionCache.Day] = []
        cacheDays.reserveCapacity(keys == nil ? 0 : messages.count)
        var diagnostics: [Diagnostic] = []
        var rendered = 0
        func handOver(_ file: OutputFile) -> OutputFile {
            guard let emit else { return file }
            emit(file)
            return OutputFile(path: file.path, bytes: [])
        }
        var packRows: [EditionPack.Row] = []
        let limits = LineLimitsRule(edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition))
        let parts = FlexEditionParts()
        let previewParts = PreviewEditionParts()
        let email = edition.channels.contains { $0.value == .email } ? EmailRenderer() : nil
        for i in messages.indices {
            // Reused days are told apart by their manuscript's path alone: copying each `DayMessage` cost more.
            let dayKey = keys?.dayKey(path: messages[i].manuscript.path)
            if let reusable, let dayKey, reusable.days[i].key == dayKey {
                days.append(reusable.days[i].files)
                cacheDays.append(reusable.days[i])
                continue
            }
            let message = messages[i]
            rendered += 1
            let payload = flex.payload(for: message, sections: sections, parts: parts)
            limits.check(message, payload, into: &diagnostics)
            let line = FileHash(of: payload.bytes)
            files.append(handOver(OutputFile(path: "\(id)/\(message.linePath)", bytes: payload.bytes)))
            var eml: [UInt8]?
            var emailHash: FileHash?
            if let email {
                eml = email.message(for: message)
                emailHash = FileHash(of: eml!)
                files.append(handOver(OutputFile(path: "\(id)/\(message.emailPath)", bytes: eml!)))
            }
            packRows.append(
                EditionPack.Row(
                    series: message.day.series.rawValue, day: message.day.fileStem, sortIndex: i,
                    label: message.day.label, title: message.manuscript.title.value, line: payload.bytes,
                    lineMessages: payload.messageCount, email: eml, sha256: line.hex))
            let page = previews.dayPageBytes(
                message, previous: i > 0 ? messages[i - 1] : nil,
                next: i + 1 < messages.count ? messages[i + 1] : nil, payload: payload, parts: previewParts)
            let preview = FileHash(of: page)
            files.append(handOver(OutputFile(path: "\(id)/\(message.previewPath)", bytes: page)))
            let day = Manifest.DayFiles(
                lineMessages: payload.messageCount, line: line, preview: preview, email: emailHash)
            days.append(day)
            if keys != nil { cacheDays.append(EditionCache.Day(key: dayKey ?? .zero, files: day)) }
        }
        let cache = keys == nil ? nil : EditionCache(editionKey: editionKey, indexKey: indexKey, days: cacheDays)
        // An index whose key is unchanged stays as it is on disk (it is linked with the unchanged days).
        if reusable == nil || reusable?.indexKey != indexKey {
            let index = previews.indexPageBytes(editionName: edition.name.value, editionID: id, messages: messages)
            files.append(handOver(OutputFile(path: "\(id)/preview/index.html", bytes: index)))
        }
        let manifest = Manifest(
            edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition),
            messages: messages, days: days, parts: manifestParts)
        files.append(handOver(OutputFile(path: "\(id)/manifest.json", bytes: manifest.json.bytes + [0x0A])))
        return EditionBuild(
            output: EditionOutput(editionID: id, files: files, diagnostics: diagnostics),
            complete: reusable == nil, messages: messages.count, rendered: rendered, cache: cache,
            packRows: packRows)
    }
}

/// One edition's build: the files to write and what they were built from.
public struct EditionBuild: Sendable {
    public var output: EditionOutput
    /// Whether `output` holds every file of the edition (else only what changed since the cache).
    public var complete: Bool
    public var messages: Int
    /// Days rendered; the others were unchanged and reused as they are on disk.
    public var rendered: Int
    var cache: EditionCache?
    /// The rendered days' rows of the edition's pack (`EditionPack`); a partial build keeps the other rows.
    public var packRows: [EditionPack.Row]
}
