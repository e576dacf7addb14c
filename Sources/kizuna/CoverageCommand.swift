import ArgumentParser
import KizunaCore

struct Coverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the cadence days with no manuscript, the manuscripts off the cadence, and the national "
            + "checkups and vaccinations no insert of an edition announces.",
        discussion: """
            The cadence is DOMAIN.md's: maternity daily from 4w0d to 41w6d; childcare daily to day 100, every 3 days \
            to 365, weekly from 372 to 729, every 2 weeks from 743 to 1093, and 1096 (a birthday message is on the \
            cadence). Checkups and vaccinations come from content/reference/national-schedule.yaml; an insert \
            announces one when it names it in covers: and reaches a reader within its period. A report, not a \
            check: exit 0 whatever it finds, 1 when the content has errors, 2 for usage or I/O problems.
            """
    )

    enum Format: String, ExpressibleByArgument {
        case text, json, html
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "Only this edition: its series and its inserts (html: required when there are several editions).")
    var edition: String?

    @Option(help: "Output format: text, json or html (the page build writes as preview/coverage.html).")
    var format: Format = .text

    @Option(help: "The templates folder (for --format html).")
    var templates: String = "templates"

    func run() throws {
        let files = try options.read()
        let report = Validator().validate(files, checkingPayloads: false)
        guard let validated = report.content else {
            var stderr = StandardError()
            print(DiagnosticFormatter.text(report.diagnostics, language: options.language), terminator: "", to: &stderr)
            throw ExitStatus.contentErrors
        }
        let content = validated.content
        var target: Edition?
        if let edition {
            guard let found = validated.edition(edition) else {
                printError(Scaffold.unknownEdition(edition, in: content)[options.language])
                throw ExitStatus.failure
            }
            target = found
        } else if format == .html {
            guard content.editions.count == 1 else {
                printError("--format html shows one edition: name it with --edition")
                throw ExitStatus.failure
            }
            target = content.editions.first
        }
        let coverage = CoverageReport(content: content, edition: target)
        switch format {
        case .text:
            print(coverage.text(options.language), terminator: "")
        case .json:
            print(String(decoding: JSONIndenter.indent(coverage.json.bytes), as: UTF8.self))
        case .html:
            let renderer: PreviewRenderer
            do {
                let set = try PreviewTemplates(sources: try ContentDirectory.readTemplates(templates))
                renderer = PreviewRenderer(templates: set, reviewers: content.reviewers)
            } catch {
                printError("\(error)")
                throw ExitStatus.failure
            }
            let page = renderer.coveragePageBytes(coverage, editionName: target!.name.value)
            print(String(decoding: page, as: UTF8.self), terminator: "")
        }
    }
}
