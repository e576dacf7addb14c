import ArgumentParser
import Foundation
import KizunaCore

extension Series: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one reader's payload for one day, with the nickname filled in (JSON-escaped).")

    @OptionGroup var options: ContentOptions

    @Option(help: "The edition id.")
    var edition: String

    @Option(help: "The series: maternity or childcare.")
    var series: Series

    @Option(help: "The day key: 16w0d (maternity) or 45 (childcare).")
    var day: String

    @Option(help: "The reader's nickname.")
    var nickname: String

    func run() throws {
        guard let key = DayKey.parse(day, series: series), key.isInRange else {
            printError(
                "'\(day)' is not a \(series.rawValue) day key: the series runs from \(series.dayRangeDescription)")
            throw ExitStatus.failure
        }
        let files = try options.read()
        let report = Validator().validate(files)
        guard let content = report.content else {
            var stderr = StandardError()
            print(DiagnosticFormatter.text(report.diagnostics, language: options.language), terminator: "", to: &stderr)
            throw ExitStatus.contentErrors
        }
        guard let target = content.edition(edition) else {
            printError("no edition '\(edition)'; editions: \(content.editions.map(\.id.value).joined(separator: ", "))")
            throw ExitStatus.failure
        }
        guard target.series.contains(where: { $0.value == series }),
            let manuscript = content.content.manuscripts.first(where: { $0.day.value == key })
        else {
            printError("edition '\(edition)' sends no message on \(series.rawValue)/\(key)")
            throw ExitStatus.contentErrors
        }
        let message = content.compiler.message(target, manuscript)
        let payload = FlexRenderer().payload(for: message).bytes
        do {
            let filled = try PayloadFiller.fill(
                payload, nickname: nickname, maxLength: content.compiler.nicknameMaxLength(for: target))
            FileHandle.standardOutput.write(Data(filled))
        } catch {
            printError(error.description)
            throw ExitStatus.contentErrors
        }
    }
}
