import Foundation
import Testing
@testable import KizunaCore

@Suite struct QuotedPrintableTests {
    static let samples = [
        "",
        "a=b",
        "ends with a space ",
        "tab\tin the middle and at the end\t",
        "line one\nline two\n\nafter a blank line\n",
        String(repeating: "x", count: 200),
        String(repeating: "あ", count: 60),
        String(repeating: "ab", count: 20) + String(repeating: "妊娠", count: 20) + "😀👨‍👩‍👧",
        "{nickname}さん、赤ちゃんが生まれて45日目です。",
        String(repeating: "お", count: 23) + "{nickname}" + String(repeating: "{nickname}さん", count: 9),
        "<p style=\"margin:0;\">\(String(repeating: "a", count: 63)){nickname}</p>",
        "CR LF inside\r\nkept as a line break",
    ]

    @Test(arguments: samples)
    func roundTripsWithShortLines(text: String) throws {
        let encoded = QuotedPrintable.encode(text)
        let decoded = try #require(QuotedPrintable.decode(encoded))
        #expect(String(decoding: decoded, as: UTF8.self) == text.replacingOccurrences(of: "\r\n", with: "\n"))
        #expect(encoded.allSatisfy { $0 == 0x0D || $0 == 0x0A || $0 == 0x09 || (0x20...0x7E).contains($0) })
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")
        for (i, line) in lines.enumerated() {
            #expect(line.utf8.count <= 76, "line \(i) has \(line.utf8.count) characters: \(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "line \(i) ends in white space")
            // A soft line break never falls inside one character's UTF-8 group.
            if line.hasSuffix("="), i + 1 < lines.count {
                let next = lines[i + 1]
                let lead = next.hasPrefix("=") ? UInt8(next.dropFirst().prefix(2), radix: 16) : nil
                #expect(lead.map { $0 & 0xC0 != 0x80 } ?? true, "a soft break before a continuation byte: \(next)")
            }
        }
        // `{nickname}` is never cut: it occurs in the encoding as often as in the text.
        let placeholders = { (s: String) in s.components(separatedBy: "{nickname}").count - 1 }
        #expect(placeholders(String(decoding: encoded, as: UTF8.self)) == placeholders(text))
    }

    @Test func placeholderIsNeverCutAtAnyPosition() throws {
        for offset in 0..<80 {
            let text =
                String(repeating: "a", count: offset) + "{nickname}" + String(repeating: "い", count: 30)
                + "{nickname}さん"
            let encoded = String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
            #expect(encoded.components(separatedBy: "{nickname}").count == 3, "offset \(offset)")
            #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        }
    }

    @Test func encodesAsRFC2045Says() {
        #expect(QuotedPrintable.encode("a=b é") == Array("a=3Db =C3=A9".utf8))
        #expect(QuotedPrintable.encode("end ") == Array("end=20".utf8))
        #expect(QuotedPrintable.encode("x\ny") == Array("x\r\ny".utf8))
        let long = String(decoding: QuotedPrintable.encode(String(repeating: "x", count: 80)), as: UTF8.self)
        #expect(long == String(repeating: "x", count: 75) + "=\r\n" + String(repeating: "x", count: 5))
        #expect(QuotedPrintable.decode(Array("bad =4".utf8)) == nil)
        #expect(QuotedPrintable.decode(Array("soft =\r\nbreak =e3=81=82 \r\n".utf8)) == Array("soft break あ\n".utf8))
    }
}
