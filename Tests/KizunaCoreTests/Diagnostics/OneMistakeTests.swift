import Foundation
import Testing
@testable import KizunaCore

/// One mistake hides no other finding (issue 27, item 2), `fix` applies every fix-it `validate` prints, and length
/// findings are reported once per text (item 3): the rows of the table, as an editor met them.
@Suite struct OneMistakeTests {
    static func sample() throws -> ContentFiles { try ContentFixtures.read(Paths.content) }

    static func found(_ files: ContentFiles, in path: String) -> [String] {
        Validator().validate(files, checkingPayloads: true).diagnostics
            .filter { $0.location.file == "content/" + path && $0.severity == .error }
            .map { "\($0.location.line):\($0.location.column) \($0.rule.rawValue)" }
    }

    @Test("a repeated id: line is reported, and a javascript: link further down too")
    func aDuplicateKeyHidesNothing() throws {
        let path = "editions/sakuragaoka.yaml"
        var files = try Self.sample()
        let text = ContentFixtures.text(path, in: files)
        let first = String(text.prefix { $0 != "\n" })
        files = ContentFixtures.replacing(
            path, in: files,
            with: first + "\n"
                + text.replacingOccurrences(
                    of: "unsubscribe_url: https://example.jp/sakuragaoka/kizuna/settings",
                    with: "unsubscribe_url: javascript:alert(1)"))
        let found = Self.found(files, in: path)
        #expect(found.contains("2:1 yaml-duplicate-key"), "\(found)")
        #expect(found.contains { $0.hasSuffix(" link-scheme") }, "\(found)")
        // The first value is the one read: the edition is still sakuragaoka.
        let report = Validator().validate(files, checkingPayloads: false)
        #expect(report.loadedContent.editions.map(\.id.value).contains("sakuragaoka"))
    }

    @Test("a misspelt 'txet' is read as 'text': its half-width kana is reported in the same run, and fix mends both")
    func aMisspeltKeyIsCheckedAsTheKeyMeant() throws {
        let path = "manuscripts/childcare/0045.yaml"
        var files = try Self.sample()
        let text = ContentFixtures.text(path, in: files)
        let broken = text.replacingOccurrences(of: "    text: |\n      生まれて", with: "    txet: |\n      ﾐﾙｸ。生まれて")
        #expect(broken != text)
        files = ContentFixtures.replacing(path, in: files, with: broken)
        let report = Validator().validate(files, checkingPayloads: false)
        let rules = report.diagnostics.filter { $0.location.file == "content/" + path }.map(\.rule)
        #expect(rules.contains(.schemaUnknownKey) && rules.contains(.styleHalfwidthKana), "\(rules)")
        // `fix` applies exactly the fix-its `validate` printed, the key's included, and the file is clean again.
        let printed = report.diagnostics.filter { $0.location.file == "content/" + path && $0.fixIt != nil }
        let result = ContentFixer().fix(files)
        #expect(result.files.flatMap(\.applied).count == printed.count)
        #expect(result.remaining.isEmpty && result.introduced.isEmpty)
        let fixed = try #require(result.files.first { $0.path == "content/" + path })
        #expect(
            String(decoding: fixed.fixed, as: UTF8.self)
                == text.replacingOccurrences(of: "生まれて1か月半", with: "ミルク。生まれて1か月半"))
    }

    @Test func anAmbiguousKeyIsNotGuessed() {
        #expect(unambiguousMatch(to: "txet", in: ["heading", "text"]) == "text")
        // As close to 'bat' as to 'cut': no meaning is certain, so the value is not read and fix does not guess.
        #expect(closestMatch(to: "cat", in: ["bat", "cut"]) != nil)
        #expect(unambiguousMatch(to: "cat", in: ["bat", "cut"]) == nil)
    }

    /// Every rule that offers a fix-it in a fixture is one `fix` applies, so that `fix` and `validate` agree.
    @Test func everyFixItValidatePrintsIsOneFixApplies() throws {
        var offering = Set<RuleID>()
        for name in DiagnosticFixtures.namesWithoutMeCab {
            let files = try DiagnosticFixtures.load(name).content
            for d in Validator().validate(files, checkingPayloads: true).diagnostics where d.fixIt != nil {
                offering.insert(d.rule)
            }
        }
        #expect(!offering.isEmpty)
        #expect(
            offering.subtracting(ContentFixer.fixableRules).isEmpty,
            "\(offering.subtracting(ContentFixer.fixableRules))")
    }

    @Test("a 181-character title with 12 読点 is one warning at the title; a 1,520-character one one altText error")
    func aLongTitleIsReportedOnceAtTheTitle() throws {
        let path = "manuscripts/childcare/0045.yaml"
        var files = try Self.sample()
        let text = ContentFixtures.text(path, in: files)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
        // The title: 181 characters, 12 読点.
        let phrase = "赤ちゃんとの毎日は楽しいことも"
        let title =
            (Array(repeating: String(phrase.prefix(13)), count: 12) + [String(phrase.prefix(12))])
            .joined(separator: "、") + "。"
        #expect(title.count == 181 && title.filter { $0 == "、" }.count == 12)
        files = ContentFixtures.replacing(
            path, in: files, with: text.replacingOccurrences(of: line, with: "title: " + title))
        var found = Validator().validate(files, checkingPayloads: true).diagnostics.filter {
            $0.location.file == "content/" + path && $0.rule != .approvalStale
        }
        #expect(found.map(\.rule) == [.styleTitleLength])
        #expect(
            found.first?.message.en
                == "this title is 181 characters; keep it to 30 so that it reads at a glance on a phone")
        #expect(found.first?.message.ja == "このタイトルが181文字あります。スマートフォンでひと目で読めるよう、30文字以内にしてください")

        let long = String(repeating: "とても大切なこと", count: 190)
        files = ContentFixtures.replacing(
            path, in: files, with: text.replacingOccurrences(of: line, with: "title: " + long))
        found = Validator().validate(files, checkingPayloads: true).diagnostics.filter {
            $0.location.file == "content/" + path && $0.rule == .lineAltText
        }
        // Two editions send the day; the overflow is one finding, which says what to shorten.
        #expect(found.count == 1)
        #expect(found.first?.message.en.hasSuffix("shorten the title (1520 characters)") == true)
    }
}
