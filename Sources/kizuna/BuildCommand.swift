import ArgumentParser
import Dispatch
import KizunaCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then write each edition's payloads, previews and manifest.",
        discussion: "On any error nothing is written and the previous output stays as it was.")

    @OptionGroup var options: ContentOptions

    @Option(help: "The output folder.")
    var output: String = "output"

    @Option(help: "The templates folder.")
    var templates: String = "templates"

    @Option(name: .customLong("edition"), help: "Build only this edition (repeatable).")
    var editions: [String] = []

    @Flag(help: "Print nothing but errors: no progress, nothing on stdout.")
    var quiet = false

    @Flag(help: "Build every edition whole, ignoring and not writing the build cache in OUTPUT/.kizuna-cache.")
    var noCache = false

    @Flag(help: "Refuse to build (exit 1, nothing written) if any manuscript the editions use is draft, stale or not approved by a registered supervisor.")
    var release = false

    func run() throws {
        let files = try options.read()
        let templateSet: PreviewTemplates
        let templateSources: [String: String]
        do {
            templateSources = try ContentDirectory.readTemplates(templates)
            templateSet = try PreviewTemplates(sources: templateSources)
        } catch let error as IOFailure {
            printError(error.description)
            throw ExitStatus.failure
        } catch {
            printError("\(error)")
            throw ExitStatus.failure
        }
        // LINE's limits are checked by the builder on the payloads it writes, not rendered twice.
        let report = Validator().validate(files, checkingPayloads: false)
        var stderr = StandardError()
        if !report.diagnostics.isEmpty {
            print(DiagnosticFormatter.text(report.diagnostics, language: options.language), terminator: "", to: &stderr)
        }
        guard let content = report.content else {
            print("kizuna: \(DiagnosticFormatter.summary(report.diagnostics, files: files.contentFileCount, language: options.language)); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        }
        var selected = content.editions
        if !editions.isEmpty {
            let unknown = editions.filter { id in content.edition(id) == nil }
            guard unknown.isEmpty else {
                printError("no edition '\(unknown.joined(separator: "', '"))'; editions: \(content.editions.map(\.id.value).joined(separator: ", "))")
                throw ExitStatus.failure
            }
            selected = selected.filter { editions.contains($0.id.value) }
        }
        if release {
            let gate = ReleaseGate.check(content, editions: selected)
            if !gate.isEmpty {
                print(DiagnosticFormatter.text(gate, language: options.language), terminator: "", to: &stderr)
                print("kizuna: release refused: \(gate.count) manuscript\(gate.count == 1 ? "" : "s") not approved as written; nothing written", to: &stderr)
                throw ExitStatus.contentErrors
            }
        }
        let builder = EditionBuilder(content: content, templates: templateSet)
        let keys = noCache ? nil : BuildKeys(files: files, templates: templateSources, generator: BuildProgressDisplay.generatorStamp())
        let build = OutputBuild(builder: builder, reviewSheets: ReviewSheetBuilder(templates: templateSet), files: files, keys: keys)
        var writer = OutputWriter(root: output)
        let clock = ContinuousClock()
        let start = clock.now
        let display = BuildProgressDisplay(mode: quiet ? .silent : .automatic, start: start)
        let result: OutputBuild.Result
        do {
            result = try build.run(selected, into: &writer, progress: display.update)
        } catch {
            writer.abandon()
            display.clear()
            printError(error.description)
            throw ExitStatus.failure
        }
        display.clear()
        let limitDiagnostics = result.diagnostics
        if !limitDiagnostics.isEmpty {
            print(DiagnosticFormatter.text(limitDiagnostics, language: options.language), terminator: "", to: &stderr)
        }
        if limitDiagnostics.hasErrors {
            print("kizuna: \(DiagnosticFormatter.summary(report.diagnostics + limitDiagnostics, files: files.contentFileCount, language: options.language)); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        }
        if !quiet {
            print(display.summary(result, output: output, elapsed: clock.now - start))
        }
    }
}
