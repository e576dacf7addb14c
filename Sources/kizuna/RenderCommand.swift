import ArgumentParser
import Foundation
import KizunaCore

extension Series: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one reader's message for one day, with the nickname filled in.",
        discussion: """
            --channel line (the default) prints the LINE payload, compact JSON as it is sent (the nickname \
            JSON-escaped), or indented with --pretty; --channel email prints the e-mail as an RFC 5322 message \
            (.eml, CRLF line ends, quoted-printable parts). The edition must send by that channel. Exit 0, 1 for \
            content errors, a day the edition does not send or a nickname it refuses, 2 for usage or I/O problems.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The edition id.")
    var edition: String

    @Option(help: "The series: maternity or childcare.")
    var series: Series

    @Option(help: "The day key: 16w0d (maternity) or 45 (childcare).")
    var day: String

    @Option(help: "The reader's nickname.")
    var nickname: String

    @Option(help: "The channel: line (a LINE payload) or email (an .eml message).")
    var channel: Channel = .line

    @Flag(help: "Indent the LINE payload's JSON for reading (line only).")
    var pretty = false

    func validate() throws {
        if pretty && channel == .email {
            throw ValidationError("--pretty indents a LINE payload's JSON; an e-mail is printed as the .eml it is")
        }
    }

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
        guard target.channels.contains(where: { $0.value == channel }) else {
            let channels = target.channels.map(\.value.rawValue).joined(separator: ", ")
            printError("edition '\(edition)' does not send by \(channel.rawValue); its channels: \(channels)")
            throw ExitStatus.contentErrors
        }
        let message = content.compiler.message(target, manuscript)
        let maxLength = content.compiler.nicknameMaxLength(for: target)
        do {
            switch channel {
            case .line:
                let filled = try PayloadFiller.fill(
                    FlexRenderer().payload(for: message).bytes, nickname: nickname, maxLength: maxLength)
                FileHandle.standardOutput.write(Data(pretty ? JSONIndenter.indent(filled) : filled))
            case .email:
                let filled = try EmailFiller.fill(
                    EmailRenderer().message(for: message), nickname: nickname, maxLength: maxLength)
                FileHandle.standardOutput.write(Data(filled))
            }
        } catch {
            printError(error.description)
            throw ExitStatus.contentErrors
        }
    }
}
