import Foundation
import KizunaQR
import Testing
@testable import KizunaCore

/// The おめでとうカード a build writes for each edition with a registration: its texts (shared, replaced by an
/// edition's own), its QR code, its page, its PDF through a printer, the manifest's entry and the index's link. The
/// page's bytes are a golden file in `GoldenTests`; `scripts/card-check.py` reads the code back with zbarimg in CI.
@Suite struct CardTests {
    /// Stands in for Chromium: a PDF with the dates a real one stamps, or a failure for the editions in `failing`.
    final class Printer: CardPrinter, @unchecked Sendable {
        let failing: Set<String>
        private let lock = NSLock()
        private var printed: [String: [UInt8]] = [:]

        init(failing: Set<String> = []) { self.failing = failing }

        struct Failure: Error {}

        static func pdf(for page: [UInt8]) -> [UInt8] {
            Array(
                "%PDF-1.4\n1 0 obj\n<</CreationDate (D:20261208024212+00'00')\n/ModDate(D:20261208024213+09'00')>>\n"
                    .utf8)
                + Array("% \(FileHash(of: page).hex)\n%%EOF\n".utf8)
        }

        func pdf(ofPage page: [UInt8], editionID: String) throws -> [UInt8] {
            if failing.contains(editionID) { throw Failure() }
            lock.withLock { printed[editionID] = page }
            return Self.pdf(for: page)
        }

        var pages: [String: [UInt8]] { lock.withLock { printed } }
    }

    static func build(_ files: ContentFiles, printer: (any CardPrinter)? = nil, release: Bool = false) throws -> (
        ContentBuild.Outcome, [String: [UInt8]]
    ) {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var build = ContentBuild(
            files: files, templates: try PreviewTemplates.repository(), keys: nil, release: release)
        build.cardPrinter = printer
        var writer = OutputWriter(root: root)
        let outcome = try build.run(into: &writer)
        return (outcome, FileManager.default.fileExists(atPath: root) ? EndToEndTests.tree(root) : [:])
    }

    static func sample() throws -> ContentFiles { try ContentFixtures.read(Paths.content) }

    static func text(_ tree: [String: [UInt8]], _ path: String) throws -> String {
        String(decoding: try #require(tree[path], "no \(path)"), as: UTF8.self)
    }

    static func card(inManifestOf edition: String, _ tree: [String: [UInt8]]) throws -> [String: Any]? {
        let manifest = try LossSupportOutputTests.json(tree, "\(edition)/manifest.json")
        return manifest["card"] as? [String: Any]
    }

    @Test func eachEditionPrintsTheSharedTextsWithItsOwnAndItsDesk() throws {
        let (outcome, tree) = try Self.build(try Self.sample())
        guard case .built = outcome else { Issue.record("not built: \(outcome)"); return }
        let sakuragaoka = try Self.text(tree, "sakuragaoka/card/index.html")
        let minamikawa = try Self.text(tree, "minamikawa/card/index.html")
        for page in [sakuragaoka, minamikawa] {
            // The shared texts of kizuna.yaml: the congratulation, what the reader receives, how to register.
            #expect(page.contains("<h1><span class=\"line\">妊娠おめでとう。</span></h1>"))
            #expect(
                page.contains(
                    "<p class=\"message\"><span class=\"line\">あなたの妊娠や出産を、</span>"
                        + "<span class=\"line\">私達もサポートします。</span></p>"))
            #expect(page.contains("<span class=\"line\">妊娠4週から、お子さんの3歳の誕生日まで、</span>"))
            #expect(page.contains("医師が監修しています。"))
            #expect(page.contains("LINE公式アカウントを友だち追加してください。"))
        }
        // Under each code, the URL and the account's name; the desk is the edition's first unless it names one.
        #expect(sakuragaoka.contains("<p class=\"url\">https://line.me/R/ti/p/@example-sakuragaoka</p>"))
        #expect(sakuragaoka.contains("<p class=\"account\">きずなメール桜ヶ丘市</p>"))
        #expect(sakuragaoka.contains("<div class=\"name\">桜ヶ丘市 こども家庭課</div>"))
        #expect(sakuragaoka.contains("電話 000-123-4567（平日 8:30〜17:15）"))
        #expect(!sakuragaoka.contains("メールで受け取る"))
        #expect(minamikawa.contains("<p class=\"url\">https://lin.ee/ExAmPLe7</p>"))
        #expect(minamikawa.contains("<p class=\"account\">南川町 子育て応援LINE</p>"))
        #expect(minamikawa.contains("<div class=\"name\">南川町 保健センター</div>"))
        #expect(minamikawa.contains("メールで受け取る場合の登録ページ：https://example.jp/minamikawa/kizuna/register"))
        // Without a printer: the page alone, and the manifest lists no PDF.
        #expect(tree["sakuragaoka/card/card.pdf"] == nil)
        let entry = try #require(try Self.card(inManifestOf: "minamikawa", tree))
        #expect(entry["registrationURL"] as? String == "https://lin.ee/ExAmPLe7")
        #expect(entry["lineAccount"] as? String == "南川町 子育て応援LINE")
        #expect(entry["emailURL"] as? String == "https://example.jp/minamikawa/kizuna/register")
        #expect(entry["approved"] as? Bool == true)
        let files = try #require(entry["files"] as? [String: Any])
        #expect(files["pdf"] == nil)
        let html = try #require(files["html"] as? [String: Any])
        #expect(html["path"] as? String == "card/index.html")
        #expect(html["sha256"] as? String == FileHash(of: try #require(tree["minamikawa/card/index.html"])).hex)
        // The preview index links the card.
        let index = try Self.text(tree, "sakuragaoka/preview/index.html")
        #expect(index.contains("<a href=\"../card/index.html\">印刷用のカード（A6・表と裏）</a>"))
        #expect(!index.contains("card.pdf"))
    }

    @Test func anEditionsOwnTextReplacesTheSharedOneAndNothingElse() throws {
        var files = try Self.sample()
        let edition = ContentFixtures.text("editions/minamikawa.yaml", in: files)
        files = ContentFixtures.replacing(
            "editions/minamikawa.yaml", in: files,
            with: edition.replacingOccurrences(
                of: "card:\n  contact: hoken-center\n",
                with: "card:\n  contact: hoken-center\n  greeting: ご妊娠おめでとうございます。\n"))
        let (_, tree) = try Self.build(files)
        let minamikawa = try Self.text(tree, "minamikawa/card/index.html")
        #expect(minamikawa.contains("<h1><span class=\"line\">ご妊娠おめでとうございます。</span></h1>"))
        #expect(minamikawa.contains("<span class=\"line\">私達もサポートします。</span>"))
        #expect(try Self.text(tree, "sakuragaoka/card/index.html").contains(">妊娠おめでとう。</span></h1>"))
        // The edition's texts changed, so its card is no longer approved: marked on the page and in the manifest.
        #expect(minamikawa.contains("<div class=\"draft\">未承認</div>"))
        #expect(try Self.card(inManifestOf: "minamikawa", tree)?["approved"] as? Bool == false)
        #expect(!(try Self.text(tree, "sakuragaoka/card/index.html")).contains("class=\"draft\""))
    }

    @Test func theCodeIsTheRegistrationURLsWithItsQuietZoneAndAtLeast20mm() throws {
        let (_, tree) = try Self.build(try Self.sample())
        for (edition, url) in [
            ("sakuragaoka", "https://line.me/R/ti/p/@example-sakuragaoka"), ("minamikawa", "https://lin.ee/ExAmPLe7"),
        ] {
            let page = try Self.text(tree, "\(edition)/card/index.html")
            let code = try QRCode(encoding: Array(url.utf8), errorCorrection: .medium)
            let svg = try #require(page.range(of: "<svg").map { page[$0.lowerBound...] }).prefix { $0 != "\n" }
            // Exactly the encoder's symbol, with a quiet zone of 4 modules on each side (the viewBox is 8 wider).
            let side = code.size + 8
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\""))
            #expect(svg.hasSuffix("</svg>"))
            #expect(page.components(separatedBy: "<svg").count == 2, "one code on the card")
            let label = edition == "sakuragaoka" ? "きずなメール桜ヶ丘市" : "南川町 子育て応援LINE"
            #expect(String(svg) == code.svg(quietZone: 4, title: "LINE公式アカウント「\(label)」の友だち追加QRコード"))
            // Printed 30 mm wide with the quiet zone: the symbol itself is at least 20 mm.
            #expect(page.contains(".qr svg { display: block; width: 30mm; height: 30mm; }"))
            let symbol = Double(CongratulationCard.qrWidthMillimetres) * Double(code.size) / Double(side)
            #expect(symbol >= 20, "\(edition): \(symbol) mm")
        }
        // The largest code a registration may have (version 10) and the smallest (version 1) are both 20 mm or more.
        for size in [21, 57] {
            #expect(Double(CongratulationCard.qrWidthMillimetres) * Double(size) / Double(size + 8) >= 20)
        }
    }

    @Test func thePageIsTwoA6PagesAndLoadsNothing() throws {
        let (_, tree) = try Self.build(try Self.sample())
        let page = try Self.text(tree, "sakuragaoka/card/index.html")
        #expect(page.contains("@page { size: 105mm 148mm; margin: 6mm; }"))
        #expect(page.components(separatedBy: "<section class=\"sheet ").count == 3)
        #expect(page.contains("<section class=\"sheet front\" aria-label=\"表面\">"))
        #expect(page.contains("<section class=\"sheet back\" aria-label=\"裏面\">"))
        for loads in ["<script", "<link", "<img", " src=", "url(", "@import"] {
            #expect(!page.contains(loads), "the card loads something: \(loads)")
        }
        #expect(page.contains("content=\"default-src 'none';"))
    }

    @Test func everyTextOfTheCardIsEscaped() throws {
        var files = try Self.sample()
        let shared = ContentFixtures.text("kizuna.yaml", in: files)
        files = ContentFixtures.replacing(
            "kizuna.yaml", in: files,
            with: shared.replacingOccurrences(of: "  greeting: 妊娠おめでとう。\n", with: "  greeting: \"<b>妊娠</b>&おめでとう。\"\n"))
        let (_, tree) = try Self.build(files)
        let page = try Self.text(tree, "sakuragaoka/card/index.html")
        #expect(page.contains("<h1><span class=\"line\">&lt;b&gt;妊娠&lt;/b&gt;&amp;おめでとう。</span></h1>"))
        #expect(!page.contains("<b>"))
    }

    @Test func aPrinterAddsThePDFWithFixedDatesAndTheIndexAndManifestListIt() throws {
        let printer = Printer()
        let (_, tree) = try Self.build(try Self.sample(), printer: printer)
        #expect(Set(printer.pages.keys) == ["sakuragaoka", "minamikawa"])
        for edition in ["sakuragaoka", "minamikawa"] {
            let page = try #require(tree["\(edition)/card/index.html"])
            // What is printed is the page written, which links its PDF.
            #expect(printer.pages[edition] == page)
            #expect(String(decoding: page, as: UTF8.self).contains("<a href=\"card.pdf\">PDF</a>"))
            let pdf = try #require(tree["\(edition)/card/card.pdf"])
            #expect(pdf.count == Printer.pdf(for: page).count)
            let text = String(decoding: pdf, as: UTF8.self)
            #expect(text.contains("/CreationDate (D:20000101000000+00'00')"))
            #expect(text.contains("/ModDate(D:20000101000000+00'00')"))
            #expect(!text.contains("2026"))
            let files = try #require(try Self.card(inManifestOf: edition, tree)?["files"] as? [String: Any])
            #expect((files["pdf"] as? [String: Any])?["path"] as? String == "card/card.pdf")
            #expect(
                try Self.text(tree, "\(edition)/preview/index.html").contains("<a href=\"../card/card.pdf\">PDF</a>"))
        }
    }

    @Test func aCardThePrinterFailsOnKeepsItsPage() throws {
        let (outcome, tree) = try Self.build(try Self.sample(), printer: Printer(failing: ["minamikawa"]))
        guard case .built(let result) = outcome else { Issue.record("not built: \(outcome)"); return }
        #expect(!result.diagnostics.hasErrors)
        #expect(tree["minamikawa/card/index.html"] != nil)
        #expect(tree["minamikawa/card/card.pdf"] == nil)
        #expect(tree["sakuragaoka/card/card.pdf"] != nil)
    }

    @Test func anEditionWithoutARegistrationHasNoCard() throws {
        var files = try Self.sample()
        let edition = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
        let without = edition.replacingOccurrences(
            of: "registration:\n  line_url: https://line.me/R/ti/p/@example-sakuragaoka\n"
                + "  line_account: きずなメール桜ヶ丘市\n", with: "")
        #expect(without != edition)
        files = ContentFixtures.replacing("editions/sakuragaoka.yaml", in: files, with: without)
        let (_, tree) = try Self.build(files, printer: Printer())
        #expect(!tree.keys.contains { $0.hasPrefix("sakuragaoka/card/") })
        #expect(try Self.card(inManifestOf: "sakuragaoka", tree) == nil)
        #expect(!(try Self.text(tree, "sakuragaoka/preview/index.html")).contains("おめでとうカード"))
        #expect(tree["minamikawa/card/index.html"] != nil)
    }

    @Test func theCardsTextsAreSignedWithTheirFiles() throws {
        let files = try Self.sample()
        // The shared texts are part of kizuna.yaml's signed text, an edition's own part of the edition's.
        let content = try #require(Validator().validate(files).content)
        let shared = ReaderText(content.configuration).text
        #expect(shared.contains("card greeting: 妊娠おめでとう。\n"))
        #expect(shared.contains("card about: 妊娠4週から、お子さんの3歳の誕生日まで、\nその時期に合った"))
        let minamikawa = ReaderText(try #require(content.edition("minamikawa"))).text
        #expect(minamikawa.hasSuffix("card contact: hoken-center\n"))
        // Editing a shared text makes kizuna.yaml's approval stale, at kizuna.yaml; the editions' stay approved.
        let edited = ContentFixtures.replacing(
            "kizuna.yaml", in: files,
            with: ContentFixtures.text("kizuna.yaml", in: files).replacingOccurrences(
                of: "  greeting: 妊娠おめでとう。\n", with: "  greeting: ご妊娠おめでとうございます。\n"))
        let stale = Validator().validate(edited).diagnostics.filter { $0.rule == .approvalStale }
        #expect(stale.map(\.location.file) == ["content/kizuna.yaml"])
        // A release prints the card from the approved kizuna.yaml: the edit waits for its approval.
        let (outcome, tree) = try Self.build(edited, release: true)
        guard case .built = outcome else { Issue.record("release not built: \(outcome)"); return }
        let page = try Self.text(tree, "sakuragaoka/card/index.html")
        #expect(page.contains("<h1><span class=\"line\">妊娠おめでとう。</span></h1>"))
        #expect(!page.contains("ご妊娠おめでとうございます。"))
        #expect(!page.contains("class=\"draft\""), "the approved version is printed as approved")
        // A plain build prints the edit, marked unapproved.
        let (_, plain) = try Self.build(edited)
        let draft = try Self.text(plain, "sakuragaoka/card/index.html")
        #expect(draft.contains(">ご妊娠おめでとうございます。</span></h1>"))
        #expect(draft.contains("<div class=\"draft\">未承認</div>"))
        // The shared texts' review sheet shows the edit against the approved text.
        let sheet = try Self.text(plain, "review/sheets/shared.html")
        #expect(sheet.contains("card greeting: "))
        #expect(sheet.contains("ご妊娠"))
    }

    @Test func aReleasePrintsTheApprovedRegistrationOfAnEdition() throws {
        var files = try Self.sample()
        files = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: files,
            with: ContentFixtures.text("editions/sakuragaoka.yaml", in: files).replacingOccurrences(
                of: "@example-sakuragaoka", with: "@example-sakura2"))
        let (outcome, tree) = try Self.build(files, release: true)
        guard case .built = outcome else { Issue.record("release not built: \(outcome)"); return }
        let page = try Self.text(tree, "sakuragaoka/card/index.html")
        #expect(page.contains("https://line.me/R/ti/p/@example-sakuragaoka"))
        #expect(!page.contains("@example-sakura2"))
        #expect(
            try Self.card(inManifestOf: "sakuragaoka", tree)?["registrationURL"] as? String
                == "https://line.me/R/ti/p/@example-sakuragaoka")
    }

    @Test func pdfDatesAreFixedInPlaceAndNothingElseChanges() {
        let stamped = Array("<</CreationDate (D:20261208024212+00'00') /ModDate (D:20261208024212-05'00')>>".utf8)
        let fixed = PDFDates.normalized(stamped)
        #expect(fixed.count == stamped.count)
        #expect(
            String(decoding: fixed, as: UTF8.self)
                == "<</CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00')>>")
        // Another form of date (no zone) is left as it is, so no offset moves.
        let short = Array("/CreationDate (D:2026)".utf8)
        #expect(PDFDates.normalized(short) == short)
        #expect(PDFDates.normalized([]) == [])
    }
}
