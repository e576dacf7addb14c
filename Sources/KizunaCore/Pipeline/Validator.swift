/// Content that passed validation with no error, ready to compile.
public struct ValidatedContent: Sendable {
    public let content: ContentSet
    public let configuration: Configuration
    public let compiler: EditionCompiler

    public var editions: [Edition] { content.editions }

    public func edition(_ id: String) -> Edition? { content.editions.first { $0.id.value == id } }
}

/// The result of validating a content folder: every diagnostic, and the content when there was no error.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var content: ValidatedContent?
    /// Whatever loaded, errors or not: for commands that work file by file (approve, review).
    public var loadedContent: ContentSet
}

/// Loads and checks a content folder: `ContentFiles` → `ContentSet` → `ValidatedContent`, the whole content at
/// once for the commands that need it, checked by the same stages as `kizuna build` (`EditionStream`).
public struct Validator: Sendable {
    public var loader: ContentLoader

    public init(loader: ContentLoader = ContentLoader()) {
        self.loader = loader
    }

    /// `checkingPayloads: false` leaves LINE's limits to whoever renders the payloads next (the build does,
    /// on the bytes it writes), so that no payload is rendered twice.
    public func validate(_ files: ContentFiles, checkingPayloads: Bool = true) -> ValidationReport {
        // The checks are those of `kizuna validate` and `kizuna build`: edition by edition, then across editions;
        // the editions and inserts they read are kept, for the commands that look across editions (approve,
        // review, render, schedule, timeline).
        let checked = EditionStream(files, checkingPayloads: checkingPayloads, loader: loader)
            .validateAll(keepingContent: true)
        let diagnostics = checked.diagnostics
        let content = checked.content!
        let validated = content.configuration.map { configuration in
            ValidatedContent(
                content: content, configuration: configuration,
                compiler: EditionCompiler(content: content, configuration: configuration))
        }
        return ValidationReport(
            diagnostics: diagnostics, content: diagnostics.hasErrors ? nil : validated, loadedContent: content)
    }
}

/// LINE's limits on an edition's payloads, without writing out the days that fit one bubble by a wide margin, or
/// even making their day messages: their sizes are summed from parts measured once.
struct PayloadLimitCheck: Sendable {
    let renderer = FlexRenderer()
    let sections: FlexSections
    /// By manuscript path: what each manuscript adds to its day's size and notification text in every edition.
    private let days: [String: (size: FlexRenderer.DaySize, altText: LineLimitsRule.AltTextSize)]

    init(manuscripts: [Manuscript]) {
        let (renderer, sections) = (renderer, FlexSections(manuscripts, renderer: renderer))
        self.sections = sections
        days = Dictionary(
            manuscripts.map { manuscript in
                (
                    manuscript.path,
                    (
                        renderer.daySize(manuscript, in: sections),
                        LineLimitsRule.AltTextSize(renderer.altText(for: manuscript))
                    )
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    func check(_ edition: Edition, compiler: EditionCompiler) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let limits = LineLimitsRule(edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition))
        let context = FlexEditionContext(sections: sections)
        var inserts: [ResolvedInsert]?
        for (manuscript, worst, reader) in worstCases(edition, compiler: compiler, context: context) {
            // Most days fit one bubble by a wide margin; only the others are made and written out to be checked.
            if worst <= LineLimitsRule.maxBubbleBytes {
                limits.check(
                    fittingOneBubble: manuscript,
                    altText: days[manuscript.path]?.altText ?? .init(renderer.altText(for: manuscript)),
                    into: &found)
            } else {
                inserts = inserts ?? compiler.resolvedInserts(of: edition)
                let message = compiler.message(edition, manuscript, inserts: inserts!, for: reader)
                limits.check(message, renderer.payload(for: message, in: context), into: &found)
            }
        }
        if let support = compiler.lossSupportMessage(for: edition) {
            limits.check(support, renderer.payload(for: support), into: &found)
        }
        return found
    }

    /// Each day of the edition, in reading order, with its one-bubble size with the longest nickname in place
    /// (`FlexRenderer.singleBubbleWorstCase`), summed from the parts.
    func worstCases(_ edition: Edition, compiler: EditionCompiler, context: FlexEditionContext) -> [(
        manuscript: Manuscript, worst: Int, reader: ReaderAge
    )] {
        let manuscripts = compiler.manuscripts(of: edition)
        guard let first = manuscripts.first else { return [] }
        let inserts = compiler.resolvedInserts(of: edition)
        let size = renderer.editionSize(
            compiler.message(edition, first, inserts: inserts),
            surveyURL: edition.survey?.url.value, in: context)
        let insertSizes = inserts.map { ($0.insert.window.value, renderer.insertSize($0, in: context)) }
        // One entry per message of the edition: a day's variants by month age each get their own.
        return manuscripts.flatMap { manuscript in
            let day = manuscript.day.value
            let daySize = days[manuscript.path]?.size ?? renderer.daySize(manuscript, in: sections)
            let survey = compiler.surveyURL(edition, on: day) != nil
            return compiler.readers(of: manuscript, inserts: inserts).map { reader in
                let worst = size.singleBubbleWorstCase(
                    daySize, inserts: insertSizes.lazy.filter { $0.0.applies(on: day, to: reader) }.map(\.1),
                    survey: survey)
                return (manuscript, worst, reader)
            }
        }
    }
}
