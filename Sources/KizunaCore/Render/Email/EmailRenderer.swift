import Crypto

/// Builds a day message's e-mail: an RFC 5322 message with a UTF-8 MIME `multipart/alternative` body (a text/plain
/// part laid out for phones and an inline-styled text/html part, both quoted-printable), CRLF line ends.
///
/// The message is deterministic and carries no `From`, `To`, `Date` or `Message-ID`: the sending system adds them
/// (and any `List-Unsubscribe-Post`). It carries `X-Kizuna-Edition` and `X-Kizuna-Day` (`childcare/45`) for the
/// sender, and `{nickname}` literally in both body parts, never cut by a soft line break; fill it with
/// `EmailFiller.fill(_:nickname:maxLength:)`.
///
/// The subject is the day label and the title (「生まれて45日目｜じっと見つめる目」), without the nickname: it stays
/// short on a phone's list of mails and reads the same for every reader. Should a title hold `{nickname}`, the
/// placeholder stands outside the encoded-words (see `EncodedWords`).
public struct EmailRenderer: Sendable {
    public init() {}

    /// Labels of the links a LINE bubble shows as buttons.
    public static let moreInfoLabel = "詳しくはこちら"
    public static let surveyLabel = "アンケートに答える"
    public static let contactLabel = "お問い合わせ"
    /// A line between the blocks of the plain-text part: ten characters, so it does not wrap on a narrow phone.
    static let rule = String(repeating: "━", count: 10)

    enum Palette {
        static let accent = "#C2185B"
        static let text = "#333333"
        /// Dark enough for small text on white (WCAG AA).
        static let muted = "#595959"
        static let link = "#1558B0"
        static let insertBackground = "#F3F8EC"
    }

    /// The whole message: header, blank line, body; CRLF line ends.
    public func message(for message: DayMessage) -> [UInt8] {
        mime(
            subject: subject(for: message), unsubscribeURL: message.footer.unsubscribeURL,
            editionID: message.editionID, kizunaField: "X-Kizuna-Day: \(DayRef(message.day))",
            plain: plainText(for: message), html: html(for: message))
    }

    /// A message of the two parts, with the header fields every Kizuna e-mail has and `kizunaField` naming what it
    /// is (`X-Kizuna-Day: childcare/45`).
    func mime(
        subject: String, unsubscribeURL: String, editionID: String, kizunaField: String, plain plainText: String,
        html htmlText: String
    ) -> [UInt8] {
        let plain = QuotedPrintable.encode(plainText)
        let html = QuotedPrintable.encode(htmlText)
        // `=_` never occurs in quoted-printable, so the boundary cannot occur in a part, whatever the nickname.
        let boundary = "=_kizuna_" + lowercaseHex(Array(SHA256.hash(data: plain + [0x00] + html).prefix(12)))
        var header = [
            "MIME-Version: 1.0",
            EncodedWords.field("Subject", subject),
            "List-Unsubscribe: <\(unsubscribeURL)>",
            EncodedWords.field("X-Kizuna-Edition", editionID),
            kizunaField,
            "Content-Language: ja",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
        ].joined(separator: "\r\n")
        header += "\r\n\r\n"
        var out = Array(header.utf8)
        for (type, body) in [("text/plain", plain), ("text/html", html)] {
            let partHeader =
                "--\(boundary)\r\nContent-Type: \(type); charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += Array(partHeader.utf8)
            out += body
            out += [0x0D, 0x0A]
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    /// The subject's text before encoding: 「生まれて45日目｜じっと見つめる目」.
    public func subject(for message: DayMessage) -> String {
        "\(message.label)｜\(message.manuscript.title.value)"
    }

    // MARK: - Plain text

    /// The text/plain part: the LINE bubble's content in its reading order, in short lines and blank-line-separated
    /// blocks, links on lines of their own below 「▼label」 so that a phone makes them tappable.
    public func plainText(for message: DayMessage) -> String {
        var blocks: [String] = []
        blocks.append(message.label + "\n" + Self.rule)
        blocks.append(message.greeting)
        blocks.append("【\(message.manuscript.title.value)】")
        for section in message.manuscript.sections {
            var paragraphs = plainParagraphs(section.body)
            let heading = "■" + section.heading.value
            if paragraphs.isEmpty { paragraphs = [heading] } else { paragraphs[0] = heading + "\n" + paragraphs[0] }
            blocks += paragraphs
        }
        for resolved in message.inserts {
            let insert = resolved.insert
            var lines = [Self.rule, "◆" + insert.title.value]
            lines.append(plainParagraphs(insert.body).joined(separator: "\n\n"))
            var block = lines.joined(separator: "\n")
            if let link = insert.link {
                block += "\n\n▼\(Self.moreInfoLabel)\n\(link.value)"
            }
            if let desk = resolved.contact {
                block += "\n\n" + plainDesk(desk)
            }
            blocks.append(block)
        }
        if let survey = message.surveyURL {
            blocks.append(Self.rule + "\n▼\(Self.surveyLabel)\n\(survey)")
        }
        blocks.append(message.disclaimer)
        var footer = [Self.rule + "\n" + message.footer.unsubscribeLabel + "\n" + message.footer.unsubscribeURL]
        if let desk = message.footer.contact {
            footer.append(plainDesk(desk))
        }
        var publisher = [message.editionName, message.footer.publisher]
        if let url = message.footer.publisherURL { publisher.append(url) }
        footer.append(publisher.joined(separator: "\n"))
        blocks += footer
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Paragraphs as plain text: emphasis as its text, a link as its text with 「▼text」 and the URL (or 「電話」 and
    /// the number) on lines of their own below the paragraph.
    func plainParagraphs(_ text: RichText) -> [String] {
        text.paragraphs.map { paragraph in
            var lines = [paragraph.map(\.text).joined()]
            for case .link(let link) in paragraph {
                lines.append("▼" + link.text)
                lines.append(Self.telNumber(link.url).map { "電話 " + $0 } ?? link.url)
            }
            return lines.joined(separator: "\n")
        }
    }

    func plainDesk(_ desk: ContactDesk) -> String {
        "\(Self.contactLabel)：\(desk.name.value)\n電話 \(desk.phone.value)" + (desk.hours.map { "（\($0.value)）" } ?? "")
    }

    /// The number of a `tel:` link, or nil for any other link.
    static func telNumber(_ url: String) -> String? {
        url.lowercased().hasPrefix("tel:") ? String(url.dropFirst(4)) : nil
    }

    // MARK: - HTML

    /// The text/html part: one column, inline styles (mail programs drop style sheets), headings in order, every
    /// manuscript string escaped by `HTMLText.escape`, and links only to URLs `LinkRule` accepts.
    public func html(for message: DayMessage) -> String {
        var h: [String] = []
        h.append("<!DOCTYPE html>")
        h.append(#"<html lang="ja">"#)
        h.append("<head>")
        h.append(#"<meta charset="UTF-8">"#)
        h.append(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
        h.append("<title>\(esc(message.label))</title>")
        h.append("</head>")
        h.append(#"<body style="margin:0;padding:0;background-color:#FFFFFF;">"#)
        h.append(
            #"<div style="max-width:600px;margin:0 auto;padding:16px;font-family:sans-serif;"#
                + #"font-size:16px;line-height:1.8;color:\#(Palette.text);">"#
        )
        h.append(
            #"<p style="margin:0 0 8px;font-size:18px;font-weight:bold;color:\#(Palette.accent);">"#
                + #"\#(esc(message.label))</p>"#
        )
        h.append(#"<p style="margin:0 0 16px;">\#(text(message.greeting))</p>"#)
        h.append(
            #"<h1 style="margin:24px 0 8px;font-size:22px;line-height:1.4;">"#
                + #"\#(esc(message.manuscript.title.value))</h1>"#
        )
        for section in message.manuscript.sections {
            h.append(
                #"<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.4;color:\#(Palette.accent);">"#
                    + #"\#(esc(section.heading.value))</h2>"#
            )
            h += htmlParagraphs(section.body)
        }
        for resolved in message.inserts {
            let insert = resolved.insert
            h.append(
                #"<div style="margin:24px 0;padding:12px 16px;"#
                    + #"background-color:\#(Palette.insertBackground);border-radius:8px;">"#
            )
            h.append(#"<h2 style="margin:0 0 8px;font-size:18px;line-height:1.4;">\#(esc(insert.title.value))</h2>"#)
            h += htmlParagraphs(insert.body)
            if let link = insert.link, let a = anchor(link.value, esc(Self.moreInfoLabel)) {
                h.append(#"<p style="margin:0 0 12px;">\#(a)</p>"#)
            }
            if let desk = resolved.contact {
                h.append(#"<p style="margin:0;">\#(htmlDesk(desk))</p>"#)
            }
            h.append("</div>")
        }
        if let survey = message.surveyURL, let a = anchor(survey, esc(Self.surveyLabel)) {
            h.append(#"<p style="margin:24px 0 12px;">\#(a)</p>"#)
        }
        h.append(
            #"<p style="margin:24px 0 12px;font-size:13px;color:\#(Palette.muted);">\#(text(message.disclaimer))</p>"#)
        h.append(#"<hr style="border:none;border-top:1px solid #DDDDDD;margin:24px 0;">"#)
        h.append(#"<div style="font-size:14px;">"#)
        if let a = anchor(message.footer.unsubscribeURL, esc(message.footer.unsubscribeLabel)) {
            h.append(#"<p style="margin:0 0 12px;">\#(a)</p>"#)
        }
        if let desk = message.footer.contact {
            h.append(#"<p style="margin:0 0 12px;">\#(htmlDesk(desk))</p>"#)
        }
        let publisher =
            message.footer.publisherURL.flatMap { anchor($0, esc(message.footer.publisher)) }
            ?? esc(message.footer.publisher)
        h.append(#"<p style="margin:0;color:\#(Palette.muted);">\#(esc(message.editionName))<br>\#(publisher)</p>"#)
        h.append("</div>")
        h.append("</div>")
        h.append("</body>")
        h.append("</html>")
        return h.joined(separator: "\n") + "\n"
    }

    func htmlParagraphs(_ rich: RichText) -> [String] {
        rich.paragraphs.map { paragraph in
            #"<p style="margin:0 0 12px;">"#
                + paragraph.map { run -> String in
                    switch run {
                    case .text(let s): return text(s)
                    case .emphasis(let s):
                        return #"<em style="font-style:normal;font-weight:bold;color:\#(Palette.accent);">"# + text(s)
                            + "</em>"
                    case .link(let link): return anchor(link.url, text(link.text), allowTel: true) ?? text(link.text)
                    }
                }.joined() + "</p>"
        }
    }

    func htmlDesk(_ desk: ContactDesk) -> String {
        let phone = anchor(desk.telURI, esc(desk.phone.value), allowTel: true) ?? esc(desk.phone.value)
        return "\(esc(Self.contactLabel))：\(esc(desk.name.value))<br>電話 \(phone)"
            + (desk.hours.map { "（\(esc($0.value))）" } ?? "")
    }

    /// A link to a URL validation accepts (https, or tel: where allowed); nil for any other, which is then shown as
    /// text.
    func anchor(_ url: String, _ html: String, allowTel: Bool = false) -> String? {
        guard LinkRule.problem(with: url, allowTel: allowTel) == nil else { return nil }
        return #"<a href="\#(esc(url))" style="color:\#(Palette.link);text-decoration:underline;">"# + html + "</a>"
    }

    func esc(_ s: String) -> String { HTMLText.escape(s) }

    /// Escaped text with its line breaks kept.
    func text(_ s: String) -> String { HTMLText.escape(s).replacingAll("\n", with: "<br>") }
}
