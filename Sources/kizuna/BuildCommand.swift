import ArgumentParser
import Dispatch
import Foundation
import KizunaCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then write each edition's payloads, e-mails, previews and manifest.",
        discussion: """
            Also writes the review sheets (OUTPUT/review/). On any error nothing is written and the previous output \
            stays as it was. Exit 0, 1 for content errors or a refused release, 2 for usage or I/O problems.
            """)

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

    @Flag(
        help: """
            Ship only approved text: each text as it stands where approved, else its last approved version \
            (kept by approve), else nothing (the day held back, the insert left out); print a release report. \
            Refuse (exit 1, nothing written) for an approval that does not count, an approved version that does not \
            verify, or a disclaimer or footer never approved.
            """
    )
    var release = false

    @Flag(
        help: """
            Write each おめでとうカード as its HTML page only, without printing card.pdf with headless Chromium \
            (by default printed where Chromium is found: KIZUNA_CHROMIUM, else chromium on PATH).
            """
    )
    var noCardPDF = false

    func run() throws {
        let files = try options.read(readingEditionFilesWhenUsed: true)
        if !quiet { printSkippedRules(files, language: options.language) }
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
        let keys =
            noCache
            ? nil
            : BuildKeys(
                files: files, templates: templateSources,
                // A release ships other versions of some texts: its output never reuses a plain build's, or the reverse.
                generator: BuildProgressDisplay.generatorStamp() + (release ? "\u{0}release" : ""))
        // Editions are read, checked and built one by one on every core; LINE's limits are checked on the payloads
        // the build writes, not rendered twice.
        var build = ContentBuild(
            files: files, templates: templateSet, keys: keys, selection: editions, release: release)
        let printer = noCardPDF ? nil : ChromiumCardPrinter.find()
        build.cardPrinter = printer
        var writer = OutputWriter(root: output)
        let clock = ContinuousClock()
        let start = clock.now
        let display = BuildProgressDisplay(mode: quiet ? .silent : .automatic, start: start)
        let outcome: ContentBuild.Outcome
        do {
            outcome = try build.run(into: &writer, progress: display.update)
        } catch {
            writer.abandon()
            display.clear()
            printError(error.description)
            throw ExitStatus.failure
        }
        display.clear()
        var stderr = StandardError()
        let result: OutputBuild.Result
        switch outcome {
        case .invalid(let diagnostics):
            print(DiagnosticFormatter.text(diagnostics, language: options.language), terminator: "", to: &stderr)
            let summary = DiagnosticFormatter.summary(
                diagnostics, files: files.contentFileCount, language: options.language)
            print("kizuna: \(summary); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        case .unknownEditions(let unknown, let known, let warnings):
            print(DiagnosticFormatter.text(warnings, language: options.language), terminator: "", to: &stderr)
            printError("no edition '\(unknown.joined(separator: "', '"))'; editions: \(known.joined(separator: ", "))")
            throw ExitStatus.failure
        case .releaseRefused(let gate, let warnings):
            print(DiagnosticFormatter.text(warnings, language: options.language), terminator: "", to: &stderr)
            print(DiagnosticFormatter.text(gate, language: options.language), terminator: "", to: &stderr)
            print(
                "kizuna: release refused: \(gate.count) text\(gate.count == 1 ? "" : "s")"
                    + " cannot be released; nothing written",
                to: &stderr)
            throw ExitStatus.contentErrors
        case .built(let built):
            result = built
        }
        if !result.diagnostics.isEmpty {
            print(DiagnosticFormatter.text(result.diagnostics, language: options.language), terminator: "", to: &stderr)
        }
        if result.diagnostics.hasErrors {
            let summary = DiagnosticFormatter.summary(
                result.diagnostics, files: files.contentFileCount, language: options.language)
            print("kizuna: \(summary); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        }
        if let plan = result.release { print(plan.report(language: options.language), terminator: "") }
        if !quiet { printCardNotes(printer, output: output, to: &stderr) }
        if !quiet {
            print(display.summary(result, output: output, elapsed: clock.now - start))
        }
    }
}

extension Build {
    /// Says once why the おめでとうカード has no PDF: no Chromium, or Chromium failed for an edition.
    func printCardNotes(_ printer: ChromiumCardPrinter?, output: String, to stderr: inout StandardError) {
        if let printer {
            for failure in printer.recordedFailures {
                print("kizuna: note: the おめでとうカード of '\(failure.edition)' has no PDF: \(failure.reason)", to: &stderr)
            }
            return
        }
        guard !noCardPDF else { return }
        let editions = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        let carded = editions.sorted().filter {
            FileManager.default.fileExists(atPath: "\(output)/\($0)/\(CongratulationCard.htmlPath)")
        }
        guard !carded.isEmpty else { return }
        print(
            "kizuna: note: no Chromium found (KIZUNA_CHROMIUM, or chromium on PATH): the おめでとうカード of "
                + "\(carded.joined(separator: ", ")) written as HTML only, without card.pdf", to: &stderr)
    }
}
