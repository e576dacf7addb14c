import Foundation
import Testing
@testable import KizunaCore

@Suite struct PayloadFillerTests {
    @Test func nicknameWithQuotesBackslashKanaAndEmojiParsesAndSurvivesExactly() throws {
        let payload = FlexRenderer().request(for: try sampleMessage()).json.bytes
        let nickname = #"ゆ"う\き🍎"#
        let filled = try PayloadFiller.fill(payload, nickname: nickname, maxLength: 20)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(filled)) as? [String: Any])
        let alt = try #require((json["messages"] as? [[String: Any]])?.first?["altText"] as? String)
        #expect(alt.hasPrefix(nickname + "さん、"))
        #expect(!String(decoding: filled, as: UTF8.self).contains("{nickname}"))
    }

    @Test func refusesNicknamesOverTheLimitOrWithControlCharacters() throws {
        let payload = Array(#"{"t":"{nickname}"}"#.utf8)
        #expect(throws: PayloadFiller.NicknameError.tooLong(count: 21, limit: 20)) {
            try PayloadFiller.fill(payload, nickname: String(repeating: "あ", count: 21), maxLength: 20)
        }
        #expect(throws: PayloadFiller.NicknameError.controlCharacter) {
            try PayloadFiller.fill(payload, nickname: "a\u{7}b", maxLength: 20)
        }
        #expect(try PayloadFiller.fill(payload, nickname: String(repeating: "あ", count: 20), maxLength: 20).count > 0)
    }

    @Test func anEmptyNicknameLeavesNoDanglingさん() throws {
        let payload = FlexRenderer().request(for: try sampleMessage()).json.bytes
        for nickname in ["", " 　"] {
            let filled = try PayloadFiller.fill(payload, nickname: nickname, maxLength: 20)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(filled)) as? [String: Any])
            let alt = try #require((json["messages"] as? [[String: Any]])?.first?["altText"] as? String)
            #expect(alt.hasPrefix("赤ちゃんが生まれて100日目です。「"))
            let text = String(decoding: filled, as: UTF8.self)
            #expect(!text.contains("{nickname}") && !text.contains("さん、赤ちゃんが"))
        }
        let inText = Array(#"{"a":"{nickname}さん、今日で","b":"{nickname}さんも休みましょう","c":"{nickname}へ"}"#.utf8)
        #expect(
            String(decoding: try PayloadFiller.fill(inText, nickname: "", maxLength: 20), as: UTF8.self)
                == #"{"a":"今日で","b":"あなたも休みましょう","c":"あなたへ"}"#)
    }

    @Test func spacesAroundANicknameAreNotPartOfIt() throws {
        let payload = Array(#"{"t":"{nickname}さん"}"#.utf8)
        #expect(
            String(decoding: try PayloadFiller.fill(payload, nickname: "　ゆき ", maxLength: 20), as: UTF8.self)
                == #"{"t":"ゆきさん"}"#)
    }

    /// The golden edition's day 100, with inserts, survey and footer.
    func sampleMessage() throws -> DayMessage {
        let report = Validator().validate(try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden")))
        let content = try #require(report.content)
        let edition = try #require(content.edition("sakuragaoka"))
        return try #require(content.compiler.messages(for: edition).first { $0.day == .dayCount(100) })
    }
}
