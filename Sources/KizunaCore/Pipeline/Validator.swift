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
}

/// Loads and checks a content folder: `ContentFiles` → `ContentSet` → `ValidatedContent`.
public struct Validator: Sendable {
    public var loader: ContentLoader

    public init(loader: ContentLoader = ContentLoader()) {
        self.loader = loader
    }

    public func validate(_ files: ContentFiles) -> ValidationReport {
        var diagnostics: [Diagnostic] = []
        let content = loader.load(files, into: &diagnostics)
        for rule in contentRules { rule.check(content, into: &diagnostics) }
        var validated: ValidatedContent?
        if let configuration = content.configuration {
            let compiler = EditionCompiler(content: content, configuration: configuration)
            let limits = LineLimitsRule()
            for edition in content.editions {
                limits.check(edition: edition, messages: compiler.messages(for: edition),
                             nicknameMaxLength: compiler.nicknameMaxLength(for: edition), into: &diagnostics)
            }
            validated = ValidatedContent(content: content, configuration: configuration, compiler: compiler)
        }
        diagnostics = Self.deduplicated(diagnostics).sortedForOutput()
        return ValidationReport(diagnostics: diagnostics, content: diagnostics.hasErrors ? nil : validated)
    }

    private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
