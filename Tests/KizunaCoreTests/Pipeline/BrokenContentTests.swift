import Foundation
import Testing
@testable import KizunaCore

/// A copy of the sample content broken in ten different ways: every break is reported, each at its file:line:column.
@Suite struct BrokenContentTests {
    struct Break: Sendable, CustomStringConvertible {
        let file: String
        let find: String
        let replace: String
        let rule: RuleID
        let line: Int
        let column: Int
        var description: String { "\(rule.rawValue) in \(file)" }
    }

    static let breaks: [Break] = [
        Break(
            file: "manuscripts/maternity/16w0d.yaml", find: "title: 耳のつくりが育つ頃", replace: "titel: 耳のつくりが育つ頃",
            rule: .schemaUnknownKey, line: 3, column: 1),
        Break(
            file: "manuscripts/maternity/16w0d.yaml", find: "      大きさは、手のひらにのるくらいです。",
            replace: "      大きさは、{name}の手のひらにのるくらいです。", rule: .placeholderUnknown, line: 9, column: 12),
        Break(
            file: "manuscripts/childcare/0001.yaml", find: "day: 1\n", replace: "day: 1097\n",
            rule: .dayKeyRange, line: 2, column: 6),
        Break(
            file: "manuscripts/childcare/0045.yaml", find: "<em>声を出してこたえる</em>", replace: "<em>声を出してこたえる",
            rule: .markupSyntax, line: 9, column: 14),
        Break(
            file: "manuscripts/childcare/0045.yaml", find: "supervisors: [pediatrician-a]",
            replace: "supervisors: [pediatrician-z]",
            rule: .reviewerUnknown, line: 14, column: 15),
        Break(
            file: "manuscripts/childcare/0100.yaml", find: "review: approved", replace: "review: approve",
            rule: .schemaValue, line: 15, column: 9),
        Break(
            file: "editions/minamikawa.yaml", find: "    phone: 000-210-0001", replace: "    phone: ０００-210-0001",
            rule: .phoneFormat, line: 11, column: 12),
        Break(
            file: "editions/sakuragaoka.yaml", find: "unsubscribe_url: https://", replace: "unsubscribe_url: http://",
            rule: .linkScheme, line: 24, column: 18),
        Break(
            file: "inserts/sakuragaoka-3year-checkup.yaml", find: "months: {from: 35, to: 35}",
            replace: "months: {from: 35, to: 34}",
            rule: .insertWindow, line: 8, column: 26),
        Break(
            file: "editions/sakuragaoka.yaml", find: "  - sakuragaoka-4month-checkup\n",
            replace: "  - sakuragaoka-4month-chekup\n",
            rule: .editionInsertUnknown, line: 41, column: 5),
    ]

    @Test func everyBreakIsReportedAtItsPlace() throws {
        var files = try ContentFixtures.read(Paths.content)
        for b in Self.breaks {
            let text = ContentFixtures.text(b.file, in: files)
            try #require(text.contains(b.find), "the sample content changed: '\(b.find)' is gone from \(b.file)")
            files = ContentFixtures.replacing(
                b.file, in: files, with: text.replacingOccurrences(of: b.find, with: b.replace))
        }
        let report = Validator().validate(files)
        #expect(report.content == nil, "content with errors is not handed to the build")
        for b in Self.breaks {
            let expected = SourceLocation(file: "content/" + b.file, line: b.line, column: b.column)
            #expect(
                report.diagnostics.contains { $0.rule == b.rule && $0.location == expected },
                """
                \(b) expected at \(expected); got:
                \(DiagnosticFormatter.text(report.diagnostics.filter { $0.location.file == expected.file }))
                """
            )
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(Set(errors.map(\.rule)) == Set(Self.breaks.map(\.rule)))
    }
}
