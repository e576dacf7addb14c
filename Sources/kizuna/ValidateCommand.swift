import ArgumentParser
import KizunaCore

extension DiagnosticFormat: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every content file and report every problem.",
        discussion: "Exit 0 when there is no error, 1 when there is, 2 for usage or I/O problems.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, json, sarif (2.1.0) or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    func run() throws {
        let files = try options.read()
        printSkippedRules(files, language: options.language)
        // Edition by edition, so that memory does not grow with the number of editions.
        let diagnostics = EditionStream.validate(files)
        print(DiagnosticFormatter.format(diagnostics, as: format, language: options.language), terminator: "")
        if format == .text {
            var stderr = StandardError()
            print(
                DiagnosticFormatter.summary(diagnostics, files: files.contentFileCount, language: options.language),
                to: &stderr)
        }
        if diagnostics.hasErrors { throw ExitStatus.contentErrors }
    }
}
