import Foundation
import Testing
@testable import KizunaCore

/// A loss support message is approved like an insert: by the approvers of the editions that name it, bound to its
/// reader text, stale after an edit, with its own review sheet and a signed statement that names it.
@Suite struct LossSupportSignOffTests {
    static let path = "support/sakuragaoka-loss-support.yaml"

    static func edited() throws -> (ContentFiles, ValidationReport) {
        var files = try ContentFixtures.read(Paths.content)
        let text = ContentFixtures.text(Self.path, in: files)
        files = ContentFixtures.replacing(
            Self.path, in: files, with: text.replacingOccurrences(of: "構いません。", with: "かまいません。"))
        return (files, Validator().validate(files, checkingPayloads: false))
    }

    @Test func theEditionsApproversApproveItAndNobodyElse() throws {
        let files = try ContentFixtures.read(Paths.content)
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let text = try #require(ApprovalRecorder.text(at: "content/" + Self.path, in: content))
        #expect(text.subject == .lossSupport("sakuragaoka-loss-support"))
        #expect(text.entitled.map(\.value) == ["sakuragaoka-hokenshi"])
        #expect(text.state == .approved)
        #expect(text.reader.text.hasPrefix("loss-support sakuragaoka-loss-support\n# お話しできる窓口のご案内\n"))
        #expect(text.reader.text.hasSuffix("contacts: hoken-center, grief-support, soudan-24h\n"))
        #expect(throws: ApprovalRecorder.Failure.self) {
            try ApprovalRecorder.checkEntitled("pediatrician-a", for: text, registry: content.reviewers)
        }
        let statement = ApprovalRecorder.statement(
            for: text, reviewer: "sakuragaoka-hokenshi", date: CalendarDate("2026-04-01")!)
        #expect(statement.text.contains("\ntext: loss-support sakuragaoka-loss-support\n"))
        #expect(text.subject.approvedCopyPath == "approved/support/sakuragaoka-loss-support.yaml")
        #expect(files.approvedCopy(of: text.subject) != nil)
    }

    @Test func anEditMakesItStaleAndItsSheetShowsTheChange() throws {
        let (files, report) = try Self.edited()
        let stale = report.diagnostics.filter { $0.rule == .approvalStale }
        #expect(stale.map(\.location.file) == ["content/" + Self.path], "\(DiagnosticFormatter.text(stale))")
        let output = ReviewSheetBuilder(templates: try .repository()).build(
            report.loadedContent, snapshots: files.snapshot(of:))
        let sheet = try ReviewSheetTests.page(output, "sheets/support/sakuragaoka-loss-support.html")
        #expect(sheet.contains("喪失時のサポート"))
        #expect(sheet.contains("要再承認"))
        #expect(sheet.contains("<del>構</del><ins>かま</ins>"), "\(sheet)")
        let index = try ReviewSheetTests.page(output, "index.html")
        #expect(index.contains(#"<a href="sheets/support/sakuragaoka-loss-support.html">"#))
        let hokenshi = try ReviewSheetTests.page(output, "reviewer/sakuragaoka-hokenshi.html")
        #expect(hokenshi.contains("sakuragaoka-loss-support"))
    }
}
