import Foundation
import Testing
@testable import KizunaCore

/// A day too long for one bubble is sent as several messages in reading order, the footer on the last.
@Suite struct SplitMessageTests {
    /// The golden content with childcare day 45's second section replaced by `text` (one line per element).
    func message(_ lines: [String], nicknameMaxLength: Int? = nil) throws -> (DayMessage, ValidationReport) {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let path = "manuscripts/childcare/0045.yaml"
        let original = ContentFixtures.text(path, in: files)
        let replaced = original.replacingOccurrences(
            of: "      たくさん話しかけてあげましょう。\n      上手な言葉でなくても、やさしい声が赤ちゃんに安心を届けます。",
            with: lines.map { "      " + $0 }.joined(separator: "\n"))
        #expect(replaced != original)
        files = ContentFixtures.replacing(path, in: files, with: replaced)
        let report = Validator().validate(files, checkingPayloads: false)
        let content = report.loadedContent
        let configuration = try #require(content.configuration)
        let compiler = EditionCompiler(content: content, configuration: configuration)
        let edition = try #require(content.editions.first { $0.id.value == "sakuragaoka" })
        let manuscript = try #require(content.manuscripts.first { $0.path == "content/" + path })
        let message = compiler.message(edition, manuscript)
        guard let nicknameMaxLength else { return (message, report) }
        let longer = DayMessage(
            editionID: message.editionID, editionName: message.editionName, manuscript: message.manuscript,
            inserts: message.inserts, surveyURL: message.surveyURL, disclaimer: message.disclaimer,
            footer: message.footer, nicknameMaxLength: nicknameMaxLength)
        return (longer, report)
    }

    static let sentence = "赤ちゃんのペースに合わせて、ゆっくり過ごしましょう。"  // 26 characters

    /// Every text of a request, in order.
    func texts(_ request: PushRequest) -> [String] {
        func walk(_ c: FlexComponent) -> [String] {
            switch c {
            case .text(let t): [t.text]
            case .box(let b): b.contents.flatMap(walk)
            default: []
            }
        }
        return request.messages.flatMap { $0.contents.body.contents.flatMap(walk) }
    }

    @Test func aTwelveThousandCharacterDayBecomesSeveralMessagesInReadingOrder() throws {
        // 12,012 characters of text in one paragraph.
        let text = String(repeating: Self.sentence, count: 462)
        let (message, _) = try message([text])
        let payload = FlexRenderer().payload(for: message)
        #expect(payload.messageCount == 2)
        #expect(payload.overflow == nil)
        let request = FlexRenderer().request(for: message)
        // Nothing lost, nothing reordered: the texts joined are the single bubble's texts joined.
        let single = FlexRenderer().bubble(for: message).body.contents
        #expect(
            texts(request).joined()
                == texts(
                    PushRequest(messages: [
                        FlexMessage(
                            altText: "",
                            contents: FlexBubble(
                                header: FlexBox(contents: []), body: FlexBox(contents: single), footer: nil,
                                headerBackground: ""))
                    ])
                ).joined())
        // Each bubble within LINE's limit with the longest nickname; the footer only on the last.
        let extra = message.nicknameMaxLength * 4 - Placeholder.nickname.utf8.count
        for bubble in payload.bubbles {
            #expect(bubble.count + bubble.occurrences(of: Array(Placeholder.nickname.utf8)) * extra <= 30_000)
        }
        #expect(request.messages.dropLast().allSatisfy { $0.contents.footer == nil })
        #expect(request.messages.last?.contents.footer != nil)
        #expect(payload.altTexts[0].hasPrefix("{nickname}さん、"))
        #expect(payload.altTexts[1] == "「じっと見つめる目」のつづき（2/2）")
        // The push request parses and holds two flex messages.
        let json = try JSONSerialization.jsonObject(with: Data(payload.bytes)) as? [String: Any]
        #expect((json?["messages"] as? [Any])?.count == 2)
        var diagnostics: [Diagnostic] = []
        LineLimitsRule(
            edition: try #require(
                Validator().validate(try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))).content?
                    .edition("sakuragaoka")),
            nicknameMaxLength: message.nicknameMaxLength
        ).check(message, payload, into: &diagnostics)
        #expect(diagnostics.isEmpty)
    }

    @Test func aDayThatFitsOnlyWithoutTheNicknameIsSplit() throws {
        // About 27,000 bytes as written; 100 nicknames of 20 four-byte characters add 7,000.
        let lines = (0..<100).map { _ in "{nickname}さん、" + String(repeating: "ゆっくり休みましょう。", count: 7) }
        let (short, _) = try message(lines, nicknameMaxLength: 1)
        let (long, _) = try message(lines, nicknameMaxLength: 20)
        #expect(FlexRenderer().payload(for: short).messageCount == 1)
        #expect(FlexRenderer().payload(for: long).messageCount == 2)
    }

    @Test func moreThanFiveMessagesIsAnErrorWhereTheTextStopsFitting() throws {
        // About 78,000 characters in 3,000 lines: eight bubbles.
        let lines = Array(repeating: Self.sentence, count: 3000)
        let (message, _) = try message(lines)
        let payload = FlexRenderer().payload(for: message)
        #expect(payload.messageCount > 5)
        let overflow = try #require(payload.overflow)
        #expect(overflow.file == "content/manuscripts/childcare/0045.yaml")
        var diagnostics: [Diagnostic] = []
        let edition = try #require(
            Validator().validate(try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))).content?
                .edition("sakuragaoka"))
        LineLimitsRule(edition: edition, nicknameMaxLength: 20).check(message, payload, into: &diagnostics)
        #expect(diagnostics.map(\.rule) == [.lineMessageCount])
        #expect(diagnostics.first?.location == overflow)
    }

    /// `validate` sums a day's one-bubble size from its parts instead of writing it; the sum must be the written
    /// bubble's worst case exactly, on both sides of the limit and with sections and edition parts shared.
    @Test(arguments: [1, 100, 400, 1000, 2000])
    func theOneBubbleSizeSummedFromPartsIsTheWrittenSize(lines: Int) throws {
        let (message, report) = try message(Array(repeating: "{nickname}さん、" + Self.sentence, count: lines))
        let renderer = FlexRenderer()
        let written = renderer.bubble(for: message).bytes
        let extra = message.nicknameMaxLength * 4 - Placeholder.nickname.utf8.count
        let worst = written.count + written.occurrences(of: Array(Placeholder.nickname.utf8)) * extra
        let sections = FlexSections(report.loadedContent.manuscripts)
        #expect(renderer.singleBubbleWorstCase(message, in: FlexEditionContext(for: message)) == worst)
        #expect(renderer.singleBubbleWorstCase(message, in: FlexEditionContext(sections: sections)) == worst)
        #expect((worst <= 30_000) == (renderer.payload(for: message).messageCount == 1))
    }

    /// Days over the limit give `validate` the same diagnostics as checking every written payload would.
    @Test func validateReportsWhatTheWrittenPayloadsGive() throws {
        let (_, report) = try message(Array(repeating: Self.sentence, count: 3000))
        let content = report.loadedContent
        let compiler = EditionCompiler(content: content, configuration: try #require(content.configuration))
        var expected: [Diagnostic] = []
        for edition in content.editions {
            let limits = LineLimitsRule(edition: edition, nicknameMaxLength: compiler.nicknameMaxLength(for: edition))
            for message in compiler.messages(for: edition) {
                limits.check(message, FlexRenderer().payload(for: message), into: &expected)
            }
        }
        #expect(!expected.isEmpty)
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let path = "manuscripts/childcare/0045.yaml"
        files = ContentFixtures.replacing(
            path, in: files,
            with: ContentFixtures.text(path, in: files).replacingOccurrences(
                of: "      たくさん話しかけてあげましょう。\n      上手な言葉でなくても、やさしい声が赤ちゃんに安心を届けます。",
                with: Array(repeating: "      " + Self.sentence, count: 3000).joined(separator: "\n")))
        let found = Validator().validate(files).diagnostics.filter {
            $0.rule.rawValue.hasPrefix("line-") || $0.rule == .footerMissing
        }
        #expect(found.map(\.rule) == expected.sortedForOutput().map(\.rule))
        #expect(found.map(\.location) == expected.sortedForOutput().map(\.location))
    }

    @Test func aLongSentenceWithoutAnEndIsCutAtTheLimit() {
        let pieces = FlexRenderer.sentences(String(repeating: "あ", count: 3200))
        #expect(pieces.map(\.count) == [1500, 1500, 200])
        #expect(FlexRenderer.sentences("おはよう。こんにちは！") == ["おはよう。", "こんにちは！"])
    }
}
