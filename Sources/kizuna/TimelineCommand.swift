import ArgumentParser
import KizunaCore

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the calendar date of every message and insert of an edition for one reader.",
        discussion: """
            Maternity is dated from the due date, childcare from the birth date (--born, default the due date, as \
            a plan made ahead; schedule, which sends day by day, does not: a reader without a birth date is still \
            pregnant there); the series switch on the birth date. Exit 0, 1 for content errors, 2 for usage or I/O \
            problems (an unknown edition).
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "The edition id.")
    var edition: String

    @Option(help: "The due date, YYYY-MM-DD (妊娠40週0日).")
    var due: String

    @Option(help: "The actual birth date, YYYY-MM-DD, if the baby is born.")
    var born: String?

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Flag(help: "As build --release ships it: last approved versions, and the days held back shown as gaps.")
    var release = false

    func run() throws {
        let dueDate = try parseDate(due, option: "--due")
        let birthDate = try born.map { try parseDate($0, option: "--born") }
        let files = try options.read()
        if release {
            let stream = EditionStream(files, checkingPayloads: false, release: true)
            guard let (job, diagnostics) = stream.compiled(edition: edition) else {
                printError("no edition '\(edition)'")
                throw ExitStatus.failure
            }
            guard let job, !diagnostics.hasErrors else {
                var stderr = StandardError()
                print(DiagnosticFormatter.text(diagnostics, language: options.language), terminator: "", to: &stderr)
                throw ExitStatus.contentErrors
            }
            show(job.compiler.timeline(for: job.edition, due: dueDate, born: birthDate), format: format)
            return
        }
        let report = Validator().validate(files, checkingPayloads: false)
        guard let content = report.content else {
            var stderr = StandardError()
            print(DiagnosticFormatter.text(report.diagnostics, language: options.language), terminator: "", to: &stderr)
            throw ExitStatus.contentErrors
        }
        guard let target = content.edition(edition) else {
            printError("no edition '\(edition)'; editions: \(content.editions.map(\.id.value).joined(separator: ", "))")
            throw ExitStatus.failure
        }
        show(content.compiler.timeline(for: target, due: dueDate, born: birthDate), format: format)
    }

    private func show(_ timeline: ReaderTimeline, format: ReportFormat) {
        switch format {
        case .text: Swift.print(timeline.text, terminator: "")
        case .json: Swift.print(String(decoding: timeline.json.bytes, as: UTF8.self))
        }
    }
}
