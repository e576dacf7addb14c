import ArgumentParser
import Foundation
import KizunaCore

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "List every manuscript's sign-off: approved, stale, draft or never reviewed, who, when, and what is due.",
        discussion: """
            Exit 0 whatever the states; a manuscript is due when stale or approved longer ago than \
            review_period_months.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "Only manuscripts this reviewer supervises or approved.")
    var reviewer: String?

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Count the review period up to this date, YYYY-MM-DD (default: today).")
    var today: String?

    func run() throws {
        let files = try options.read()
        let day = try parseDate(today, option: "--today")
        let report = Validator().validate(files, checkingPayloads: false)
        let period = report.loadedContent.configuration?.reviewPeriodMonths ?? 12
        let entries = ReviewReport.entries(report.loadedContent, today: day, periodMonths: period, reviewer: reviewer)
        switch format {
        case .text: print(ReviewReport.text(entries), terminator: "")
        case .json: print(String(decoding: JSONValue.array(entries.map(\.json)).bytes, as: UTF8.self))
        }
    }
}
