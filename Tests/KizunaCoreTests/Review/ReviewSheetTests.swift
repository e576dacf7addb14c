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
        #expect(sheet.contains("要再承認</span>（小児科医A 要再承認）"))
        #expect(sheet.contains("<dt>承認日</dt><dd>2026-12-07</dd>"))
        #expect(sheet.contains("kizuna approve content/manuscripts/childcare/0045.yaml --reviewer ID"))
        let approvedSheet = try Self.page(
            output, "sheets/childcare/0045.html".replacingOccurrences(of: "0045", with: "0014"))
        #expect(!approvedSheet.contains("<ins>") && !approvedSheet.contains("前回承認からの変更"))
    }

    @Test func indexListsWhatAwaitsReviewWithStaticFilters() throws {
        let (files, output) = try Self.staleContent()
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let awaiting = content.approvableTexts.filter { $0.state != .approved }
        let index = try Self.page(output, "index.html")
        #expect(index.contains("（\(awaiting.count)件 / 全\(content.approvableTexts.count)件）"))
        for m in content.manuscripts where m.state != .approved {
            #expect(index.contains("sheets/\(m.series.rawValue)/\(m.day.value.fileStem).html"))
        }
        // The sample's inserts, editions and shared texts are approved and signed: they await nobody.
        for i in content.inserts {
            #expect(index.contains("sheets/inserts/\(i.id.value).html") == (i.signOff.state != .approved))
        }
        for e in content.editions {
            #expect(index.contains("sheets/editions/\(e.id.value).html") == (e.signOff.state != .approved))
        }
        #expect(!index.contains("sheets/shared.html"))
        #expect(try Self.page(output, "sheets/shared.html").contains("編集責任者A 承認済み"))
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

    /// The sample content with approvers for the sakuragaoka edition and kizuna.yaml: one of its inserts approved
    /// by both and edited since, another approved by one of them only.
    static func insertContent() throws -> (ContentSet, EditionOutput) {
        var files = try ContentFixtures.read(Paths.content)
        // Other approvers than the sample's, unsigned approvals allowed, and the sample's own entries gone.
        func rewrite(_ relative: String, _ change: (String) -> String) {
            let text = ContentFixtures.text(relative, in: files)
            let unsigned = text.range(of: "\napprovals:\n").map { String(text[..<$0.lowerBound]) + "\n" } ?? text
            files = ContentFixtures.replacing(relative, in: files, with: change(unsigned))
        }
        rewrite("editions/sakuragaoka.yaml") {
            $0.replacingOccurrences(
                of: "approvers: [sakuragaoka-hokenshi]", with: "approvers: [pediatrician-a, family-physician-a]")
        }
        rewrite("kizuna.yaml") {
            $0.replacingOccurrences(of: "approvers: [editor-in-chief]", with: "approvers: [obstetrician-a]")
                .replacingOccurrences(of: "require_signatures: true", with: "require_signatures: false")
        }
        for insert in files.files.map(\.path) where insert.hasPrefix("content/inserts/sakuragaoka-") {
            rewrite(String(insert.dropFirst("content/".count))) { $0 }
        }
        func approve(_ relative: String, by reviewers: [String]) throws {
            let content = Validator().validate(files, checkingPayloads: false).loadedContent
            let result = try ApprovalRecorder.record(
                path: "content/" + relative, in: files, content: content,
                signings: reviewers.map { .init(reviewer: $0) }, date: CalendarDate("2026-05-01")!)
            files = ContentFixtures.replacing(relative, in: files, with: String(decoding: result.bytes, as: UTF8.self))
            if let copy = result.approvedCopy {
                files = ContentFixtures.replacing(
                    copy.path, in: files, with: String(decoding: copy.bytes, as: UTF8.self))
            }
        }
        let changed = "inserts/sakuragaoka-boshi-techo.yaml"
        try approve(changed, by: ["pediatrician-a", "family-physician-a"])
        try approve("inserts/sakuragaoka-parents-class.yaml", by: ["pediatrician-a"])
        let text = ContentFixtures.text(changed, in: files)
        let edited = text.replacingOccurrences(of: "保健師がお話をうかがいます", with: "助産師がお話をうかがいます")
        #expect(edited != text)
        files = ContentFixtures.replacing(changed, in: files, with: edited)
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let output = ReviewSheetBuilder(templates: try .repository()).build(content, snapshots: files.snapshot(of:))
        return (content, output)
    }

    @Test func insertSheetsShowTheirStateWhoSignedAndWhoIsMissing() throws {
        let (content, output) = try Self.insertContent()
        let partial = try Self.page(output, "sheets/inserts/sakuragaoka-parents-class.html")
        #expect(partial.contains("<html lang=\"ja\">"))
        #expect(partial.contains("監修シート：差し込み情報 sakuragaoka-parents-class"))
        #expect(partial.contains("一部承認</span>（小児科医A 承認済み・家庭医A 未承認）"))
        #expect(partial.contains("<dt>承認者</dt>"))
        #expect(partial.contains("<dt>承認日</dt><dd>2026-05-01</dd>"))
        #expect(partial.contains("kizuna approve content/inserts/sakuragaoka-parents-class.yaml --reviewer ID"))
        #expect(!partial.contains("根拠・出典"), "sources are a manuscript's")
        let insert = try #require(content.inserts.first { $0.id.value == "sakuragaoka-parents-class" })
        #expect(partial.contains(HTMLText.escape(insert.title.value)))
        // Another edition's insert: approved and signed by that edition's own approver.
        let minamikawa = try Self.page(output, "sheets/inserts/minamikawa-boshi-techo.html")
        #expect(minamikawa.contains("承認済み</span>（母子保健担当A 承認済み）"))
        let edition = try Self.page(output, "sheets/editions/sakuragaoka.html")
        #expect(edition.contains("承認記録なし</span>（小児科医A 未承認・家庭医A 未承認）"))
        #expect(edition.contains("unsubscribe_url: https://example.jp/sakuragaoka/kizuna/settings"))
        let shared = try Self.page(output, "sheets/shared.html")
        #expect(shared.contains("<a href=\"../index.html\">"))
        #expect(shared.contains("産婦人科医A 未承認"))
    }

    @Test func aChangedInsertShowsTheDiffAgainstItsApprovedCopy() throws {
        let (_, output) = try Self.insertContent()
        let sheet = try Self.page(output, "sheets/inserts/sakuragaoka-boshi-techo.html")
        #expect(sheet.contains("要再承認</span>（小児科医A 要再承認・家庭医A 要再承認）"))
        #expect(sheet.contains("前回承認からの変更"))
        #expect(sheet.contains("<del>保健</del><ins>助産</ins>師"))
    }

    @Test func anEditionApproverSeesTheInsertsAndEditionTextsTheyMayApprove() throws {
        let (content, output) = try Self.insertContent()
        let familyPhysician = try Self.page(output, "reviewer/family-physician-a.html")
        #expect(familyPhysician.contains("../sheets/inserts/sakuragaoka-boshi-techo.html"))
        #expect(familyPhysician.contains("../sheets/inserts/sakuragaoka-parents-class.html"))
        #expect(familyPhysician.contains("../sheets/editions/sakuragaoka.html"))
        #expect(
            !familyPhysician.contains("sheets/inserts/minamikawa")
                && !familyPhysician.contains("sheets/editions/minamikawa"),
            "minamikawa's texts are not theirs to approve")
        #expect(!familyPhysician.contains("sheets/shared.html"))
        #expect(try Self.page(output, "reviewer/obstetrician-a.html").contains("../sheets/shared.html"))
        let awaiting = content.approvableTexts.filter { $0.state != .approved }
        let index = try Self.page(output, "index.html")
        #expect(index.contains("（\(awaiting.count)件 / 全\(content.approvableTexts.count)件）"))
        #expect(index.contains("小児科医A：<span class=\"standing approved\">承認済み</span>"))
        let print = try Self.page(output, "print.html")
        #expect(print.components(separatedBy: "<section class=\"sheet\">").count - 1 == awaiting.count)
        #expect(print.contains("監修シート：差し込み情報 sakuragaoka-boshi-techo"))
    }

    @Test func noSheetRepeatsAnIDAndEveryPageIsJapanese() throws {
        let (_, output) = try Self.insertContent()
        for file in output.files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("<html lang=\"ja\">"), "\(file.path)")
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(ids).count == ids.count, "\(file.path)")
        }
        #expect(Set(output.files.map(\.path)).count == output.files.count)
    }

    @Test func aStreamedBuildGathersEachInsertFromEveryEditionThatSendsIt() throws {
        var files = try ContentFixtures.read(Paths.content)
        // Two editions send one insert: it is entitled to the approvers of both, in the build as in the whole.
        for (edition, approver) in [("sakuragaoka", "pediatrician-a"), ("minamikawa", "family-physician-a")] {
            let relative = "editions/\(edition).yaml"
            var text = ContentFixtures.text(relative, in: files).replacingOccurrences(
                of: #"approvers: \[[a-z-]+\]"#, with: "approvers: [\(approver)]", options: .regularExpression)
            if edition == "minamikawa" {
                text = text.replacingOccurrences(of: "inserts:\n", with: "inserts:\n  - sakuragaoka-boshi-techo\n")
            }
            files = ContentFixtures.replacing(relative, in: files, with: text)
        }
        let content = Validator().validate(files, checkingPayloads: false).loadedContent
        let whole = try #require(content.approvableTexts.first { $0.subject == .insert("sakuragaoka-boshi-techo") })
        #expect(whole.signOff.summary == "家庭医A 未承認・小児科医A 未承認")
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var writer = OutputWriter(root: root)
        let outcome = try ContentBuild(files: files, templates: try .repository(), keys: nil).run(into: &writer)
        guard case .built = outcome else { Issue.record("not built: \(outcome)"); return }
        let sheet = try String(
            contentsOfFile: root + "/review/sheets/inserts/sakuragaoka-boshi-techo.html", encoding: .utf8)
        #expect(sheet.contains("（\(whole.signOff.summary)）"))
        #expect(FileManager.default.fileExists(atPath: root + "/review/sheets/editions/minamikawa.html"))
    }

    @Test func sheetsHaveNoScriptsAndACSP() throws {
        let (_, output) = try Self.staleContent()
        let (_, inserts) = try Self.insertContent()
        for file in output.files + inserts.files {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("Content-Security-Policy"), "\(file.path)")
            #expect(!html.lowercased().contains("<script"), "\(file.path)")
        }
    }
}
