import ArgumentParser
import Foundation
import KizunaCore

struct Approve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a supervisor's approval of manuscripts, bound to their current text.",
        discussion: """
            Only the approval block and the review field of each file change; everything else stays byte for byte. \
            The approved text is kept under CONTENT/approved/ so the next review sheet can show what changed.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "Manuscript files to approve.")
    var paths: [String]

    @Option(name: .customLong("reviewer"), help: "Reviewer id from reviewers.yaml (repeatable).")
    var reviewers: [String] = []

    @Option(help: "The approval date, YYYY-MM-DD (default: today).")
    var date: String?

    func run() throws {
        let day = try parseDate(date, option: "--date")
        let files = try options.read()
        let report = Validator().validate(files, checkingPayloads: false)
        let content = report.loadedContent
        var failed = false
        for path in paths {
            let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
            guard
                let file = files.files.first(where: { URL(fileURLWithPath: $0.path).standardizedFileURL.path == wanted }
                ),
                let manuscript = content.manuscripts.first(where: { $0.path == file.path })
            else {
                printError("\(path) is not a manuscript that loads from \(options.content)/; run `kizuna validate`")
                failed = true
                continue
            }
            let errors = report.diagnostics.filter { $0.location.file == file.path && $0.severity == .error }
            guard errors.isEmpty else {
                var stderr = StandardError()
                print(DiagnosticFormatter.text(errors, language: options.language), terminator: "", to: &stderr)
                printError("\(path) has errors; fix them before approving")
                failed = true
                continue
            }
            do {
                let result = try ApprovalRecorder.record(
                    manuscript, in: file, reviewers: reviewers,
                    registry: content.reviewers, date: day)
                try ContentDirectory.replace(file.path, with: result.manuscript)
                try ContentDirectory.replace(files.root + "/" + result.snapshotPath, with: result.snapshot)
                print("kizuna: approved \(path) (\(reviewers.joined(separator: ", ")), \(day))")
            } catch let error as ApprovalRecorder.Failure {
                printError("\(path): \(error.message[options.language])")
                failed = true
            } catch {
                printError("\(path): \(error)")
                throw ExitStatus.failure
            }
        }
        if failed { throw ExitStatus.contentErrors }
    }
}
