import Foundation
import Testing
@testable import KizunaCore

@Suite struct EncodedWordsTests {
    @Test(arguments: [
        "生まれて45日目｜じっと見つめる目", "妊娠16週0日｜" + String(repeating: "とても長いタイトル", count: 8),
        "生まれて100日目｜{nickname}さんへ、100日のお祝い", "👨‍👩‍👧‍👦" + String(repeating: "😀", count: 30), "ASCII only",
    ])
    func subjectsFoldIntoShortWordsAndDecode(subject: String) throws {
        let field = EncodedWords.field("Subject", subject)
        let lines = field.components(separatedBy: "\r\n")
        for line in lines { #expect(line.utf8.count <= 78, "\(line)") }
        for line in lines.dropFirst() { #expect(line.hasPrefix(" ")) }
        for token in field.split(whereSeparator: { $0 == " " || $0 == "\r\n" }) where token.hasPrefix("=?") {
            #expect(token.count <= 75)
        }
        let value = String(field.dropFirst("Subject:".count))
        #expect(EncodedWords.decode(value) == subject)
        if subject.contains("{nickname}") {
            #expect(lines.contains(" {nickname}"), "the placeholder stands outside the encoded-words")
        }
    }
}
