import ArgumentParser
import Foundation
import KizunaCore

@main
struct Kizuna: ParsableCommand {
    static let version = DiagnosticFormatter.toolVersion

    static let configuration = CommandConfiguration(
        commandName: "kizuna",
        abstract: "Compile きずなメール manuscripts into LINE payloads, e-mails, HTML previews and review sheets.",
        version: version,
        subcommands: [
            Validate.self, Build.self, Fix.self, Rules.self, Render.self, Approve.self, Review.self, Timeline.self,
            ScheduleCommand.self, Serve.self, New.self, Coverage.self, QR.self, TranslationCommand.self,
        ]
    )

    /// Like ArgumentParser's `main`, but a usage error exits 2 (scripts read 1 as "the content has errors").
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                var stderr = StandardError()
                print(fullMessage(for: error), to: &stderr)
                exit(withError: ExitStatus.failure)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(
        name: .long,
        help:
            "Language of messages: en or ja (default: from LC_ALL, LC_MESSAGES or LANG; rule ids are the same in both)."
    )
    var lang: Language?

    /// `--lang`, or the locale's language.
    var language: Language { lang ?? Language(environment: ProcessInfo.processInfo.environment) }

    /// The content folder's files, with MeCab as `KIZUNA_MECAB` allows, or exit 2 with the reason.
    func read(readingEditionFilesWhenUsed: Bool = false) throws -> ContentFiles {
        do {
            var files = try ContentDirectory.read(
                content, readingEditionFilesWhenUsed: readingEditionFilesWhenUsed)
            files.mecab = MeCabSetting(environment: ProcessInfo.processInfo.environment)
            return files
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }
}

/// A date option written YYYY-MM-DD, today (local time) when absent; exit 2 when malformed.
extension ContentFiles {
    /// The file a path on the command line names, however it is spelt (`./content/…`, an absolute path).
    func file(at path: String) -> SourceFile? {
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        return files.first { URL(fileURLWithPath: $0.path).standardizedFileURL.path == wanted }
    }

    /// The content files that paths on the command line name: a file or a folder, relative to the current folder or
    /// to the content folder (`content/manuscripts/childcare/0045.yaml` or `manuscripts/childcare/0045.yaml`), or
    /// absolute. `unmatched`: the paths that name no content file.
    func paths(namedBy arguments: [String]) -> (matched: Set<String>, unmatched: [String]) {
        let full = files.map { (path: $0.path, full: URL(fileURLWithPath: $0.path).standardizedFileURL.path) }
        var matched: Set<String> = []
        var unmatched: [String] = []
        for argument in arguments {
            let candidates = [argument] + (argument.hasPrefix("/") ? [] : [root + "/" + argument])
            let wanted = candidates.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            let hits = full.filter { file in
                wanted.contains { file.full == $0 || file.full.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            }
            if hits.isEmpty { unmatched.append(argument) }
            matched.formUnion(hits.map(\.path))
        }
        return (matched, unmatched)
    }
}

func parseDate(_ text: String?, option: String) throws -> CalendarDate {
    guard let text else {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
    guard let date = CalendarDate(text) else {
        printError("\(option) '\(text)' is not a date written YYYY-MM-DD")
        throw ExitStatus.failure
    }
    return date
}

extension Language: ExpressibleByArgument {}

/// Output of the listing commands (review, timeline).
enum ReportFormat: String, ExpressibleByArgument {
    case text
    case json
}

/// Exit codes scripts depend on.
enum ExitStatus {
    /// Content has errors.
    static let contentErrors = ExitCode(1)
    /// Usage or I/O problems.
    static let failure = ExitCode(2)
}

/// The one line that says which rules this machine could not run for want of MeCab (not a finding: exit codes and
/// reports do not change).
func printSkippedRules(_ files: ContentFiles, language: Language) {
    guard let skipped = MeCab.skippedRules(files) else { return }
    var stderr = StandardError()
    print(skipped.note[language], to: &stderr)
}

func printError(_ message: String) {
    var stderr = StandardError()
    print("kizuna: error: \(message)", to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        fflush(nil)  // keep stdout and stderr in the order they were written
        FileHandle.standardError.write(Data(string.utf8))
    }
}
