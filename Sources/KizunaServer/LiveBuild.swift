import Foundation
import KizunaCore

/// What `serve` builds, and from where.
public struct LiveBuildSettings: Sendable {
    public var content: String
    public var templates: String
    /// The session's own output folder: `serve` never writes into the folder `build` writes.
    public var output: String
    /// Edition ids to build; empty: every edition.
    public var editions: [String]
    public var language: Language
    public var mecab: MeCabSetting
    /// What made the build (`BuildKeys.generator`): a new binary rebuilds everything.
    public var generator: String

    public init(
        content: String, templates: String, output: String, editions: [String], language: Language,
        mecab: MeCabSetting, generator: String
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.editions = editions
        self.language = language
        self.mecab = mecab
        self.generator = generator
    }
}

/// The builds of one `serve` session: each is `kizuna build` with its cache into the session's folder, so a change
/// renders only the days it affects. A build with errors writes nothing, and the last good pages stay served.
public actor LiveBuild {
    public let settings: LiveBuildSettings
    /// What the open pages are told: the last build's outcome.
    public private(set) var state: LiveState
    /// The content files as loaded by earlier builds: a rebuild parses only the files saved since.
    private let loaded = LoadMemo()
    /// The templates as parsed by the last build, with the sources they were parsed from: parsed again only when a
    /// template file changed.
    private var parsed: (sources: [String: String], templates: PreviewTemplates)?

    public init(settings: LiveBuildSettings) {
        self.settings = settings
        state = LiveState(generation: 0)
    }

    /// Builds after `changed` (paths of content or template files; empty: the first build) and returns the new state,
    /// with every page the build wrote. `editionsShown` is told as soon as the editions are in place, before the
    /// review sheets are made, with the editions' pages and where pages go (`LiveState.remainder` is then what the
    /// returned state adds).
    @discardableResult
    public func rebuild(
        changed: [String], editionsShown: @escaping @Sendable (LiveState) -> Void = { _ in }
    ) -> LiveState {
        let start = ContinuousClock.now
        var next = LiveState(generation: state.generation + 1)
        next.built = state.built
        next.changedFiles = changed.sorted()
        let settings = settings
        let shown = next
        let kept = EarlyState()
        let outcome = build { result in
            var early = shown
            early.built = shown.generation
            early.pages = result.pages.map { "/" + $0 }.sorted()
            early.navigation = Self.navigation(for: changed, settings: settings)
            early.rendered = result.rendered
            early.messages = result.messages
            early.warnings = result.diagnostics.count
            early.elapsed = ContinuousClock.now - start
            early.editionsElapsed = early.elapsed
            kept.state = early
            editionsShown(early)
        }
        switch outcome {
        case .failure(let problem):
            next.problems = [problem]
        case .success(let outcome):
            switch outcome {
            case .invalid(let diagnostics):
                next.problems = diagnostics.map { LiveState.Problem($0) }
            case .unknownEditions(let unknown, let editions, _):
                next.unknownEditions = unknown
                next.problems = [
                    LiveState.Problem(
                        message: LocalizedText(
                            en: "no edition '\(unknown.joined(separator: "', '"))'; editions: "
                                + editions.joined(separator: ", "),
                            ja: "エディション '\(unknown.joined(separator: "', '"))' はありません。エディション: "
                                + editions.joined(separator: "、")))
                ]
            case .releaseRefused(let gate, _):
                next.problems = gate.map { LiveState.Problem($0) }
            case .built(let result):
                if result.diagnostics.hasErrors {
                    next.problems = result.diagnostics.map { LiveState.Problem($0) }
                } else {
                    next.warnings = result.diagnostics.count
                    next.rendered = result.rendered
                    next.messages = result.messages
                    next.pages = ((kept.state?.pages ?? []) + result.pages.map { "/" + $0 }).sorted()
                    next.navigation = kept.state?.navigation ?? Self.navigation(for: changed, settings: settings)
                    next.editionsElapsed = kept.state?.editionsElapsed
                    next.built = next.generation
                }
            }
        }
        // Errors first: they are why nothing was rebuilt.
        next.problems =
            next.problems.filter { $0.severity == Severity.error.rawValue }
            + next.problems.filter { $0.severity != Severity.error.rawValue }
        next.elapsed = ContinuousClock.now - start
        next.editionsElapsed = next.editionsElapsed ?? (next.succeeded ? next.elapsed : nil)
        state = next
        return next
    }

    private func build(
        editionsInPlace: @escaping @Sendable (OutputBuild.Result) -> Void
    ) -> Result<ContentBuild.Outcome, LiveState.Problem> {
        var files: ContentFiles
        let templates: PreviewTemplates
        let templateSources: [String: String]
        do throws(IOFailure) {
            files = try ContentDirectory.read(settings.content, readingEditionFilesWhenUsed: true)
            templateSources = try ContentDirectory.readTemplates(settings.templates)
        } catch {
            return .failure(LiveState.Problem(message: error.description))
        }
        files.mecab = settings.mecab
        do {
            if let parsed, parsed.sources == templateSources {
                templates = parsed.templates
            } else {
                templates = try PreviewTemplates(sources: templateSources)
                parsed = (templateSources, templates)
            }
        } catch {
            return .failure(LiveState.Problem(message: "\(settings.templates): \(error)"))
        }
        let keys = BuildKeys(files: files, templates: templateSources, generator: settings.generator)
        var build = ContentBuild(files: files, templates: templates, keys: keys, selection: settings.editions)
        build.listsPages = true
        build.editionsInPlace = editionsInPlace
        build.loadMemo = loaded
        var writer = OutputWriter(root: settings.output)
        do throws(IOFailure) {
            return .success(try build.run(into: &writer))
        } catch {
            writer.abandon()
            return .failure(LiveState.Problem(message: error.description))
        }
    }

    /// Where each edition's open pages go after `changed`: the day page of the first changed manuscript, as
    /// Hugo's `--navigateToChanged` does; none for other files.
    private static func navigation(for changed: [String], settings: LiveBuildSettings) -> [String: String] {
        let root = URL(fileURLWithPath: settings.content).standardizedFileURL.path
        guard
            let manuscript = changed.sorted().first(where: {
                let path = URL(fileURLWithPath: $0).standardizedFileURL.path
                return path.hasPrefix(root + "/manuscripts/") && path.hasSuffix(".yaml")
            }),
            let day = Self.day(ofManuscriptAt: URL(fileURLWithPath: manuscript).standardizedFileURL.path, root: root)
        else { return [:] }
        var pages: [String: String] = [:]
        let editions = (try? FileManager.default.contentsOfDirectory(atPath: settings.output)) ?? []
        for edition in editions where !edition.hasPrefix(".") {
            let folder = "\(edition)/preview/\(day.series.rawValue)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(settings.output)/\(folder)")) ?? []
            // A day written in variants by month age has no page of its plain name: the first variant stands for it.
            let page =
                names.contains("\(day.fileStem).html")
                ? "\(day.fileStem).html" : names.sorted().first { $0.hasPrefix("\(day.fileStem)-m") }
            if let page { pages[edition] = "/\(folder)/\(page)" }
        }
        return pages
    }

    /// The day a manuscript file is for, read with the content loader.
    static func day(ofManuscriptAt path: String, root: String) -> DayKey? {
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        let files = ContentFiles(root: root, files: [SourceFile(path: path, bytes: [UInt8](bytes))])
        var ignored: [Diagnostic] = []
        return ContentLoader().load(files, into: &ignored).manuscripts.first?.day.value
    }
}

/// The state a build published once its editions were in place, kept for the rest of that build.
final class EarlyState: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: LiveState?

    var state: LiveState? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
