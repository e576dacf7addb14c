import ArgumentParser
import KizunaCore

extension DiagnosticFormat: ExpressibleByArgument {}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every content file and report every problem.",
        discussion: """
            With PATHs, every file is still checked (a file is read in the context of the whole content: its \
            reviewers, inserts, days), but only the findings in the files named are reported, and the exit code is \
            theirs. Exit 0 when there is no error, 1 when there is, 2 for usage or I/O problems (a PATH that names no \
            content file).
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, json, sarif (2.1.0) or github (workflow annotations).")
    var format: DiagnosticFormat = .text

    @Argument(
        help: ArgumentHelp(
            "Content files or folders to report on, relative to the current folder or to --content "
                + "(default: the whole content folder).",
            valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let files = try options.read()
        var selected: Set<String>?
        if !paths.isEmpty {
            let named = files.paths(namedBy: paths)
            guard named.unmatched.isEmpty else {
                printError(
                    "\(named.unmatched.joined(separator: ", ")): no content file under \(options.content)/ matches")
                throw ExitStatus.failure
            }
            selected = named.matched
        }
        printSkippedRules(files, language: options.language)
        // Edition by edition, so that memory does not grow with the number of editions.
        var diagnostics = EditionStream.validate(files)
        if let selected { diagnostics = diagnostics.filter { selected.contains($0.location.file) } }
        print(DiagnosticFormatter.format(diagnostics, as: format, language: options.language), terminator: "")
        if format == .text {
            var stderr = StandardError()
            print(
                DiagnosticFormatter.summary(
                    diagnostics, files: selected?.count ?? files.contentFileCount, language: options.language),
                to: &stderr)
        }
        if diagnostics.hasErrors { throw ExitStatus.contentErrors }
    }
}
