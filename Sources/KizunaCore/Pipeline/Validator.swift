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

/// Loads and checks a content folder: `ContentFiles` → `ContentSet` → `ValidatedContent`.
public struct Validator: Sendable {
    public var loader: ContentLoader

    public init(loader: ContentLoader = ContentLoader()) {
        self.loader = loader
    }

    /// `checkingPayloads: false` leaves LINE's limits to whoever renders the payloads next (the build does,
    /// on the bytes it writes), so that no payload is rendered twice.
    public func validate(_ files: ContentFiles, checkingPayloads: Bool = true) -> ValidationReport {
        var diagnostics: [Diagnostic] = []
        let content = loader.load(files, into: &diagnostics)
        for rule in contentRules { rule.check(content, into: &diagnostics) }
        var validated: ValidatedContent?
        if let configuration = content.configuration {
            let compiler = EditionCompiler(content: content, configuration: configuration)
            if checkingPayloads {
                let limits = PayloadLimitCheck(manuscripts: content.manuscripts)
                // Editions are independent: their payloads are checked on every core.
                diagnostics += ParallelMap.map(content.editions) { limits.check($0, compiler: compiler) }.flatMap { $0 }
            }
            validated = ValidatedContent(content: content, configuration: configuration, compiler: compiler)
        }
        diagnostics = diagnostics.deduplicated().sortedForOutput()
        return ValidationReport(diagnostics: diagnostics, content: diagnostics.hasErrors ? nil : validated, loadedContent: content)
    }
}

/// LINE's limits on an edition's payloads, without writing out the days that fit one bubble by a wide margin.
struct PayloadLimitCheck: Sendable {
    let renderer = FlexRenderer()
    let sections: FlexSections

    init(manuscripts: [Manuscript]) {
        sections = FlexSections(manuscripts, renderer: renderer)
    }

    func check(_ edition: Edition, compiler: EditionCompiler) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let limits = LineLimitsRule(edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition))
        let parts = FlexEditionParts()
        for message in compiler.messages(for: edition) {
            // Most days fit one bubble by a wide margin; only the others are written out to be checked.
            if renderer.singleBubbleWorstCase(message, sections: sections, parts: parts) <= LineLimitsRule.maxBubbleBytes {
                limits.check(fittingOneBubble: message, altText: renderer.altText(for: message), into: &found)
            } else {
                limits.check(message, renderer.payload(for: message, sections: sections, parts: parts), into: &found)
            }
        }
        return found
    }
}
