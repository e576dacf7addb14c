import ArgumentParser
import Foundation
import KizunaCore

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List the sign-off of every text that takes approvals (manuscripts, shared texts, editions, inserts, "
            + "loss support messages): "
            + "state, who signed, who is missing, when, and what is due.",
        discussion: """
            States: approved, partially-approved, stale, not-entitled, unverified, draft, in-review \
            (review: in-review, nobody has approved it yet), never-reviewed; a text is due when stale or approved \
            longer ago than review_period_months. Exit 0 whatever the states; 1 when --statement names a file that \
            takes no approval or a reviewer not entitled to approve it; 2 for usage or I/O problems.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "Only texts this reviewer may approve or approved; with --statement, who signs.")
    var reviewer: String?

    @Option(
        help: ArgumentHelp(
            "Print the approval statement REVIEWER signs for this file, for ssh-keygen -Y sign -n kizuna-approval.",
            valueName: "file"))
    var statement: String?

    @Option(help: "With --statement: the approval date, YYYY-MM-DD (default: today).")
    var date: String?

    @Flag(help: "Print an allowed_signers file of the reviewers' keys, for ssh-keygen -Y verify.")
    var allowedSigners = false

    @Flag(help: "Only the texts awaiting review: every state but approved (as the review index lists them).")
    var awaiting = false

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Count the review period up to this date, YYYY-MM-DD (default: today).")
    var today: String?

    func run() throws {
        let files = try options.read()
        let day = try parseDate(today, option: "--today")
        let report = Validator().validate(files, checkingPayloads: false)
        if allowedSigners {
            print(ReviewReport.allowedSigners(report.loadedContent.reviewers), terminator: "")
            return
        }
        if let statement {
            guard let reviewer else {
                printError("--statement needs --reviewer: the statement names who signs it")
                throw ExitStatus.failure
            }
            guard let file = files.file(at: statement),
                let text = ApprovalRecorder.text(at: file.path, in: report.loadedContent)
            else {
                printError(ApprovalRecorder.Failure.notApprovable(statement).message[options.language])
                throw ExitStatus.contentErrors
            }
            // The statement is for someone who may approve the text: anyone else is told now, not after signing.
            do throws(ApprovalRecorder.Failure) {
                try ApprovalRecorder.checkEntitled(reviewer, for: text, registry: report.loadedContent.reviewers)
            } catch {
                printError(error.message[options.language])
                throw ExitStatus.contentErrors
            }
            let signed = try parseDate(date, option: "--date")
            print(ApprovalRecorder.statement(for: text, reviewer: reviewer, date: signed).text, terminator: "")
            return
        }
        let period = report.loadedContent.configuration?.reviewPeriodMonths ?? 12
        var entries = ReviewReport.entries(report.loadedContent, today: day, periodMonths: period, reviewer: reviewer)
        if awaiting { entries.removeAll { !$0.state.awaitsReview } }
        switch format {
        case .text: print(ReviewReport.text(entries), terminator: "")
        case .json: print(String(decoding: JSONValue.array(entries.map(\.json)).bytes, as: UTF8.self))
        }
    }
}
