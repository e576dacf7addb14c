import Foundation
import Testing
@testable import KizunaCore

@Suite struct ReviewSheetTests {
    /// The sample content with one approved manuscript edited after its approval.
    static func staleContent() throws -> (ContentFiles, EditionOutput) {
        var files = try ContentFixtures.read(Paths.content)
        let relative = "manuscripts/childcare/0045.yaml"
        let text = ContentFixtures.text(relative, in: files)
        let edited = text.replacingOccurrences(of: "たくさん話しかけてあげましょう。", with: "たくさん声をかけて、目を合わせてあげましょう。")
        #expect(edited != text)
        files = ContentFixtures.replacing(relative, in: files, with: edited)
        let report = Validator().validate(files, checkingPayloads: false)
        let output = ReviewSheetBuilder(templates: try .repository()).build(
            report.loadedContent, snapshots: files.snapshot(of:))
        return (files, output)
    }

    static func page(_ output: EditionOutput, _ path: String) throws -> String {
        String(
            decoding: try #require(output.files.first { $0.path == "review/" + path }, "no \(path)").bytes,
            as: UTF8.self)
    }

    @Test func staleSheetShowsTheChangedCharactersAgainstTheApprovedSnapshot() throws {
        let (_, output) = try Self.staleContent()
        let sheet = try Self.page(output, "sheets/childcare/0045.html")
        #expect(sheet.contains("要再承認"))
        #expect(sheet.contains("<del>話し</del><ins>声を</ins>かけ<ins>て、目を合わせ</ins>"))
        #expect(sheet.contains("小児科医A 要再承認（2026-04-01）"))
        let approvedSheet = try Self.page(
            output, "sheets/childcare/0045.html".replacingOccurrences(of: "0045", with: "0014"))
        #expect(!approvedSheet.contains("<ins>") && !approvedSheet.contains("前回承認からの変更"))
    }

    @Test func indexListsWhatAwaitsReviewWithStaticFilters() throws {
        let (files, output) = try Self.staleContent()
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let awaiting = content.manuscripts.filter { $0.state != .approved }
        let index = try Self.page(output, "index.html")
        #expect(index.contains("（\(awaiting.count)件 / 全\(content.manuscripts.count)件）"))
        for m in awaiting { #expect(index.contains("sheets/\(m.series.rawValue)/\(m.day.value.fileStem).html")) }
        #expect(!index.contains("sheets/childcare/0014.html"), "approved manuscripts are not awaiting review")
        let pediatrician = try Self.page(output, "reviewer/pediatrician-a.html")
        #expect(pediatrician.contains("../sheets/childcare/0045.html"))
        let dietitian = try Self.page(output, "reviewer/dietitian-a.html")
        #expect(!dietitian.contains("0045.html"))
        let maternity = try Self.page(output, "series/maternity.html")
        #expect(!maternity.contains("sheets/childcare/"))
        let print = try Self.page(output, "print.html")
        #expect(print.components(separatedBy: "<section class=\"sheet\">").count - 1 == awaiting.count)
        #expect(try Self.page(output, "sheets/childcare/0014.html").contains("break-after: page"))
    }

    @Test func sheetsHaveNoScriptsAndACSP() throws {
        let (_, output) = try Self.staleContent()
        for file in output.files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("Content-Security-Policy"), "\(file.path)")
            #expect(!html.lowercased().contains("<script"), "\(file.path)")
        }
    }
}
