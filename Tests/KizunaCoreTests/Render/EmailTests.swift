import Foundation
import Testing
@testable import KizunaCore

/// A message `EmailRenderer` wrote, taken apart: unfolded header fields, the decoded subject and each text part.
struct ParsedEmail {
    var raw: [UInt8]
    var fields: MIMEFields
    var subject: String
    var plain: String
    var html: String
    /// The physical lines of the whole message, without their CRLF.
    var lines: [String]

    init(_ bytes: [UInt8]) throws {
        raw = bytes
        let text = String(decoding: bytes, as: UTF8.self)
        lines = text.components(separatedBy: "\r\n")
        let blank: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        let end = try #require(bytes.firstRange(of: blank))
        fields = MIMEFields(bytes[..<end.lowerBound])
        let rawSubject = try #require(fields.value(of: "Subject"))
        subject = try #require(EncodedWords.decode(rawSubject))
        let boundary = try #require(fields.parameter("boundary", of: "Content-Type"))
        var parts: [String: String] = [:]
        for chunk in text.components(separatedBy: "\r\n--" + boundary).dropFirst() where !chunk.hasPrefix("--") {
            let pieces = (chunk.hasPrefix("\r\n") ? String(chunk.dropFirst()) : chunk).components(
                separatedBy: "\r\n\r\n")
            let head = MIMEFields(ArraySlice(pieces[0].utf8))
            #expect(head.value(of: "Content-Transfer-Encoding") == "quoted-printable")
            let type = try #require(head.value(of: "Content-Type"))
            let body = pieces.dropFirst().joined(separator: "\r\n\r\n")
            let decoded = try #require(QuotedPrintable.decode(Array(body.utf8)))
            let text = String(decoding: decoded, as: UTF8.self)
            #expect(text.utf8.elementsEqual(decoded), "\(type) is not UTF-8")
            parts[type] = text
        }
        plain = try #require(parts["text/plain; charset=UTF-8"])
        html = try #require(parts["text/html; charset=UTF-8"])
    }
}

@Suite struct EmailTests {
    static let nickname = #""\ちゃん😀'"#

    /// The golden content with sakuragaoka sending e-mail as well.
    static func goldenFiles(channels: String = "[email, line]", manuscript: (String, String)? = nil) throws
        -> ContentFiles
    {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let edition = ContentFixtures.text("editions/sakuragaoka.yaml", in: files)
        files = ContentFixtures.replacing(
            "editions/sakuragaoka.yaml", in: files,
            with: edition.replacingOccurrences(of: "channels: [line]", with: "channels: \(channels)")
                // An edition that sends e-mail names its sign-up page (registration-incomplete).
                .replacingOccurrences(
                    of: "  line_account: きずなメール桜ヶ丘市\n",
                    with: "  line_account: きずなメール桜ヶ丘市\n  email_url: https://example.jp/sakuragaoka/kizuna/register\n"))
        if let (path, text) = manuscript { files = ContentFixtures.replacing(path, in: files, with: text) }
        return files
    }

    static func build(_ files: ContentFiles) throws -> EditionOutput {
        let report = Validator().validate(files)
        #expect(!report.diagnostics.hasErrors, "\(DiagnosticFormatter.text(report.diagnostics))")
        let content = try #require(report.content)
        return EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
    }

    static func eml(_ path: String = "sakuragaoka/email/childcare/0100.eml", in output: EditionOutput) throws -> [UInt8]
    {
        try #require(output.files.first { $0.path == path }, "no \(path)").bytes
    }

    @Test func goldenMessage() throws {
        assertSnapshot(
            try Self.eml(in: Self.build(Self.goldenFiles())), named: "golden/sakuragaoka/email/childcare/0100.eml")
    }

    @Test func editionBuilderWritesEmailOnlyForEditionsWithTheEmailChannel() throws {
        let lineOnly = try Self.build(Self.goldenFiles(channels: "[line]"))
        #expect(!lineOnly.files.contains { $0.path.contains("/email/") || $0.path.hasSuffix(".eml") })
        let both = try Self.build(Self.goldenFiles())
        let emails = both.files.map(\.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(
            emails == [
                "sakuragaoka/email/childcare/0014.eml", "sakuragaoka/email/childcare/0045.eml",
                "sakuragaoka/email/childcare/0100.eml", "sakuragaoka/email/childcare/0366.eml",
                "sakuragaoka/email/maternity/20w0d.eml",
            ])
        // Adding the channel changes nothing else.
        let others = { (o: EditionOutput) in
            o.files.filter { !$0.path.hasSuffix(".eml") && !$0.path.hasSuffix("manifest.json") }
        }
        #expect(others(both).map(\.path) == others(lineOnly).map(\.path))
        #expect(others(both).map(\.bytes) == others(lineOnly).map(\.bytes))
        #expect(try Self.build(Self.goldenFiles(channels: "[email]")).files.contains { $0.path.hasSuffix(".eml") })
    }

    @Test func messageHasTheHeadersAndPartsASenderNeeds() throws {
        let bytes = try Self.eml(in: Self.build(Self.goldenFiles()))
        let mail = try ParsedEmail(bytes)
        #expect(mail.fields.value(of: "MIME-Version") == "1.0")
        #expect(mail.subject == "生まれて100日目｜100日目のお祝い")
        #expect(mail.fields.value(of: "List-Unsubscribe") == "<https://example.jp/sakuragaoka/kizuna/settings>")
        #expect(mail.fields.value(of: "X-Kizuna-Edition") == "sakuragaoka")
        #expect(mail.fields.value(of: "X-Kizuna-Day") == "childcare/100")
        #expect(mail.fields.value(of: "Content-Type")?.hasPrefix("multipart/alternative;") == true)
        for name in ["From", "To", "Date", "Message-ID"] { #expect(mail.fields.value(of: name) == nil) }
        // CRLF only, 7-bit, short lines.
        #expect(!zip(bytes, [0] + bytes).contains { $0 == 0x0A && $1 != 0x0D })
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for line in mail.lines { #expect(line.utf8.count <= 78, "\(line)") }
        // The plain part in the bubble's reading order, `{nickname}` in place.
        let order = [
            "生まれて100日目", "{nickname}さん、赤ちゃんが生まれて100日目です。", "【100日目のお祝い】", "■赤ちゃんのようす",
            "■ママとパパへ", "{nickname}さん、100日間の子育て", "◆4か月児健診のご案内",
            "▼詳しくはこちら\nhttps://example.jp/sakuragaoka/kenshin/4month",
            "お問い合わせ：桜ヶ丘市 保健センター\n電話 000-123-4580（平日 8:30〜17:15）",
            "▼アンケートに答える\nhttps://example.jp/sakuragaoka/survey", "※赤ちゃんとママの状態",
            "登録内容の変更/配信解除はこちら\nhttps://example.jp/sakuragaoka/kizuna/settings",
            "お問い合わせ：桜ヶ丘市 こども家庭課\n電話 000-123-4567", "きずなメール桜ヶ丘市版\n特定非営利活動法人こもれびネット（架空）",
        ]
        var cursor = mail.plain.startIndex
        for piece in order {
            let found = try #require(
                mail.plain[cursor...].range(of: piece), "plain part lacks, or has out of order: \(piece)")
            cursor = found.upperBound
        }
        // The HTML part: Japanese, escaped, links only to validated URLs.
        #expect(mail.html.contains(#"<html lang="ja">"#))
        #expect(mail.html.contains(#"<a href="https://example.jp/sakuragaoka/kenshin/4month""#))
        #expect(mail.html.contains(#"<a href="tel:0001234580""#))
        #expect(mail.html.contains("<p style=\"margin:0 0 16px;\">{nickname}さん、赤ちゃんが生まれて100日目です。</p>"))
        // Deterministic.
        #expect(try Self.eml(in: Self.build(Self.goldenFiles())) == bytes)
    }

    @Test func plainTextShowsEmphasisAsTextAndLinksOnTheirOwnLines() throws {
        let manuscript = """
            series: childcare
            day: 45
            title: じっと見つめる目
            sections:
              - heading: 赤ちゃんのようす
                text: |
                  話しかけると、<em>声を出してこたえる</em>ような様子も見られます。
                  つらいときは<a href="https://example.jp/soudan">相談窓口</a>や<a href="tel:0001234599">夜間の電話</a>を頼ってください。
            supervisors: [pediatrician-a]
            review: draft

            """
        let output = try Self.build(Self.goldenFiles(manuscript: ("manuscripts/childcare/0045.yaml", manuscript)))
        let mail = try ParsedEmail(try Self.eml("sakuragaoka/email/childcare/0045.eml", in: output))
        #expect(
            mail.plain.contains(
                """
                ■赤ちゃんのようす
                話しかけると、声を出してこたえるような様子も見られます。
                つらいときは相談窓口や夜間の電話を頼ってください。
                ▼相談窓口
                https://example.jp/soudan
                ▼夜間の電話
                電話 0001234599
                """))
        #expect(!mail.plain.contains("<"))
        #expect(mail.html.contains(#"<em style="font-style:normal;font-weight:bold;color:#C2185B;">声を出してこたえる</em>"#))
        #expect(
            mail.html.contains(
                #"<a href="https://example.jp/soudan" style="color:#1558B0;text-decoration:underline;">相談窓口</a>"#))
    }

    @Test func fillerWritesANicknameOfQuotesBackslashKanaAndEmojiExactly() throws {
        let eml = try Self.eml(in: Self.build(Self.goldenFiles()))
        let filled = try EmailFiller.fill(eml, nickname: Self.nickname, maxLength: 20)
        let mail = try ParsedEmail(filled)
        #expect(!String(decoding: filled, as: UTF8.self).contains("{nickname}"))
        #expect(mail.plain.contains(Self.nickname + "さん、赤ちゃんが生まれて100日目です。"))
        #expect(mail.plain.contains(Self.nickname + "さん、100日間の子育て"))
        #expect(mail.html.contains(#"&quot;\ちゃん😀&#39;さん、赤ちゃんが生まれて100日目です。"#))
        #expect(!mail.html.contains(Self.nickname))
        for line in mail.lines { #expect(line.utf8.count <= 78, "\(line)") }
        // Everything but the nickname is as compiled.
        let original = try ParsedEmail(eml)
        #expect(mail.plain == original.plain.replacingOccurrences(of: "{nickname}", with: Self.nickname))
        #expect(mail.subject == original.subject)
        // The longest nickname the edition allows still keeps every line short.
        let longest = try ParsedEmail(
            try EmailFiller.fill(eml, nickname: String(repeating: "😀", count: 20), maxLength: 20))
        for line in longest.lines { #expect(line.utf8.count <= 78, "\(line)") }
    }

    @Test func fillerPutsTheNicknameIntoASubjectOutsideEncodedWords() throws {
        var manuscript = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: try Self.goldenFiles())
        manuscript = manuscript.replacingOccurrences(of: "title: じっと見つめる目", with: "title: \"{nickname}さんへ じっと見つめる目\"")
        let output = try Self.build(Self.goldenFiles(manuscript: ("manuscripts/childcare/0045.yaml", manuscript)))
        let eml = try Self.eml("sakuragaoka/email/childcare/0045.eml", in: output)
        let header = String(decoding: eml, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(header.contains("\r\n {nickname}\r\n =?UTF-8?B?"))
        let filled = try ParsedEmail(try EmailFiller.fill(eml, nickname: Self.nickname, maxLength: 20))
        #expect(filled.subject.hasPrefix("生まれて45日目｜\(Self.nickname)さんへ "))
        let unnamed = try ParsedEmail(try EmailFiller.fill(eml, nickname: "", maxLength: 20))
        #expect(unnamed.subject.hasPrefix("生まれて45日目｜あなたへ "))
    }

    @Test func anEmptyNicknameLeavesNoDanglingさん() throws {
        let eml = try Self.eml(in: Self.build(Self.goldenFiles()))
        for nickname in ["", " 　"] {
            let mail = try ParsedEmail(try EmailFiller.fill(eml, nickname: nickname, maxLength: 20))
            for text in [mail.plain, mail.html] {
                #expect(!text.contains("{nickname}"))
                #expect(!text.contains("さん、"))
            }
            #expect(mail.plain.contains("生まれて100日目\n━━━━━━━━━━\n\n赤ちゃんが生まれて100日目です。\n"))
            #expect(mail.plain.contains("\n100日間の子育て、本当におつかれさまです。"))
            #expect(mail.html.contains("<p style=\"margin:0 0 16px;\">赤ちゃんが生まれて100日目です。</p>"))
        }
        #expect(
            NicknameFallback.apply(to: "{nickname}さん、今日で。{nickname}さんも休みましょう。{nickname}へ")
                == "今日で。あなたも休みましょう。あなたへ")
    }

    @Test func fillerRefusesWhatPayloadFillerRefuses() throws {
        let eml = try Self.eml(in: Self.build(Self.goldenFiles()))
        #expect(throws: PayloadFiller.NicknameError.tooLong(count: 21, limit: 20)) {
            try EmailFiller.fill(eml, nickname: String(repeating: "あ", count: 21), maxLength: 20)
        }
        #expect(throws: PayloadFiller.NicknameError.controlCharacter) {
            try EmailFiller.fill(eml, nickname: "a\r\nBcc: x@example.jp", maxLength: 40)
        }
    }
}
