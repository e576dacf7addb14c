import Foundation
import Testing
@testable import KizunaCore

/// What a build writes of an edition's loss support message: the LINE payload, the e-mail, the preview page reachable
/// from the edition's preview index, and the manifest's entry; and what a release ships of it. The bytes of each are
/// compared with golden files in `BuildTreeGoldenTests` (Fixtures/tree, Snapshots/tree).
@Suite struct LossSupportOutputTests {
    static func build(_ files: ContentFiles, release: Bool = false) throws -> (ContentBuild.Outcome, [String: [UInt8]])
    {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let build = ContentBuild(
            files: files, templates: try PreviewTemplates.repository(), keys: nil, release: release)
        var writer = OutputWriter(root: root)
        let outcome = try build.run(into: &writer)
        return (outcome, FileManager.default.fileExists(atPath: root) ? EndToEndTests.tree(root) : [:])
    }

    static func text(_ tree: [String: [UInt8]], _ path: String) throws -> String {
        String(decoding: try #require(tree[path], "no \(path)"), as: UTF8.self)
    }

    static func json(_ tree: [String: [UInt8]], _ path: String) throws -> [String: Any] {
        let bytes = try #require(tree[path], "no \(path)")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func thePayloadCarriesTheTextTheDesksAndTheFooterAndNothingOfADay() throws {
        let (_, tree) = try Self.build(try ContentFixtures.read(Paths.content))
        let path = "sakuragaoka/line/loss-support.json"
        let request = try Self.json(tree, path)
        let messages = try #require(request["messages"] as? [[String: Any]])
        #expect(messages.count == 1)
        #expect(messages[0]["altText"] as? String == "お話しできる窓口のご案内")
        let text = try Self.text(tree, path)
        #expect(text.contains("つらいお気持ちを話せる窓口があります。"))
        // Each listed desk with its number, hours and tel button; the footer's unsubscribe link and publisher.
        for (name, tel, hours) in [
            ("桜ヶ丘市 保健センター", "tel:0001234580", "平日 8:30〜17:15"),
            ("桜ヶ丘市 赤ちゃんやお子さんを亡くした方の相談", "tel:0001234610", "平日 9:00〜16:00"),
            ("桜ヶ丘市 24時間子育て相談ダイヤル", "tel:0001234599", "24時間・年中無休"),
        ] {
            #expect(text.contains(#""text":"\#(name)""#), "\(name)")
            #expect(text.contains(#""label":"電話する（\#(name)）","type":"uri","uri":"\#(tel)""#), "\(name)")
            #expect(text.contains(#""text":"\#(hours)""#), "\(name)")
        }
        #expect(text.contains(#""uri":"https://example.jp/sakuragaoka/kizuna/settings""#))
        #expect(text.contains("特定非営利活動法人こもれびネット（架空）"))
        // The footer's desk (the edition's first, not listed above) keeps its button.
        #expect(text.contains(#""label":"電話する（桜ヶ丘市 こども家庭課）""#))
        // No day label, greeting, nickname, congratulation, survey or disclaimer.
        for word in ["生まれて", "妊娠", "日目", "{nickname}", "おめでとう", "アンケート", "個人差があります"] {
            #expect(!text.contains(word), "the support payload holds '\(word)'")
        }
    }

    @Test func theEmailEditionGetsAnEmailAndAFooterWithoutTheListedDesk() throws {
        let (_, tree) = try Self.build(try ContentFixtures.read(Paths.content))
        let eml = try Self.text(tree, "minamikawa/email/loss-support.eml")
        #expect(eml.contains("\r\nX-Kizuna-Message: loss-support\r\n") && !eml.contains("X-Kizuna-Day"))
        #expect(eml.contains("\r\nList-Unsubscribe: <https://example.jp/minamikawa/kizuna/settings>\r\n"))
        #expect(!eml.contains("{nickname}"))
        #expect(tree["sakuragaoka/email/loss-support.eml"] == nil, "sakuragaoka sends no e-mail")
    }

    @Test func thePreviewIsReachableFromTheIndexAndShowsTheRuleAndTheSignOff() throws {
        let (_, tree) = try Self.build(try ContentFixtures.read(Paths.content))
        let index = try Self.text(tree, "sakuragaoka/preview/index.html")
        #expect(index.contains(#"<a href="loss-support.html">お話しできる窓口のご案内</a>"#))
        let page = try Self.text(tree, "sakuragaoka/preview/loss-support.html")
        #expect(page.contains("<title>喪失時のサポートメッセージ「お話しできる窓口のご案内」 | きずなメール桜ヶ丘市版</title>"))
        #expect(page.contains("ended_on の日"))
        #expect(page.contains("<code>content/support/sakuragaoka-loss-support.yaml</code>"))
        #expect(page.contains(#"<a href="../../review/sheets/support/sakuragaoka-loss-support.html">"#))
        #expect(tree["review/sheets/support/sakuragaoka-loss-support.html"] != nil)
        #expect(page.contains("保健師A 承認済み（2026-12-07）"))
        #expect(!page.contains("class=\"unapproved\""))
        #expect(page.contains(#"<a class="button link" href="tel:0001234610">"#))
        // The payload as sent, inside the page.
        #expect(page.contains(#"<pre class="payload">{"messages":[{"altText":"お話しできる窓口のご案内","#))
    }

    @Test func theManifestTellsOtherSendersTheRuleAndWhereThePayloadIs() throws {
        let (_, tree) = try Self.build(try ContentFixtures.read(Paths.content))
        let manifest = try Self.json(tree, "minamikawa/manifest.json")
        let support = try #require(manifest["lossSupport"] as? [String: Any])
        #expect(support["id"] as? String == "minamikawa-loss-support")
        #expect(support["approved"] as? Bool == true && support["review"] as? String == "approved")
        #expect(support["lineMessages"] as? Int == 1)
        let files = try #require(support["files"] as? [String: [String: String]])
        #expect(files["line"]?["path"] == "line/loss-support.json")
        #expect(files["email"]?["path"] == "email/loss-support.eml")
        #expect(files["preview"]?["path"] == "preview/loss-support.html")
        let rule = try #require((manifest["schedule"] as? [String: Any])?["ended"] as? String)
        #expect(rule.contains("gets nothing from ended_on on") && rule.contains("lossSupport's payload once"))
    }

    @Test func aReleaseShipsTheApprovedVersionAndLeavesOutOneNeverApproved() throws {
        let files = try ContentFixtures.read(Paths.content)
        let (_, before) = try Self.build(files, release: true)
        let approved = try #require(before["sakuragaoka/line/loss-support.json"])

        // Edited after its approval: the release ships the approved text, byte for byte.
        let path = "support/sakuragaoka-loss-support.yaml"
        let text = ContentFixtures.text(path, in: files)
        let edited = ContentFixtures.replacing(
            path, in: files, with: text.replacingOccurrences(of: "構いません。", with: "かまいません。"))
        let (editedOutcome, afterEdit) = try Self.build(edited, release: true)
        guard case .built(let result) = editedOutcome else { Issue.record("\(editedOutcome)"); return }
        #expect(afterEdit["sakuragaoka/line/loss-support.json"] == approved)
        #expect(
            result.release?.lines.contains {
                $0.subject == .lossSupport("sakuragaoka-loss-support") && $0.decision == .approvedVersion(Self.date)
            } == true)

        // Never approved (no approvals, no approved copy): left out, and the manifest says so.
        var unapproved = ContentFixtures.replacing(
            path, in: files, with: String(text[..<text.range(of: "approvals:")!.lowerBound]))
        unapproved.files.removeAll { $0.path == "content/approved/support/sakuragaoka-loss-support.yaml" }
        let (leftOutcome, leftOut) = try Self.build(unapproved, release: true)
        guard case .built = leftOutcome else { Issue.record("\(leftOutcome)"); return }
        #expect(leftOut["sakuragaoka/line/loss-support.json"] == nil)
        #expect(leftOut["sakuragaoka/preview/loss-support.html"] == nil)
        let manifest = try Self.json(leftOut, "sakuragaoka/manifest.json")
        #expect(manifest["lossSupport"] == nil)
        let release = try #require(manifest["release"] as? [String: Any])
        let left = try #require(release["leftOut"] as? [[String: String]])
        #expect(left.contains { $0["text"] == "loss-support sakuragaoka-loss-support" })
        // The other edition's is its own, and ships.
        #expect(leftOut["minamikawa/line/loss-support.json"] != nil)
        // Without --release it is built, marked 未承認 for review.
        let (_, working) = try Self.build(unapproved)
        #expect(try Self.text(working, "sakuragaoka/preview/loss-support.html").contains(#"class="unapproved""#))
    }

    static let date = CalendarDate("2026-12-07")!
}
