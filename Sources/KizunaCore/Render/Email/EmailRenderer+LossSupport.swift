/// The loss support message as an e-mail: the same MIME form as a day's, `X-Kizuna-Message: loss-support` in place of
/// `X-Kizuna-Day`, the title as the subject, and no `{nickname}` anywhere.
extension EmailRenderer {
    public func message(for message: LossSupportMessage) -> [UInt8] {
        mime(
            subject: message.support.title.value, unsubscribeURL: message.footer.unsubscribeURL,
            editionID: message.editionID, kizunaField: "X-Kizuna-Message: \(LossSupportMessage.name)",
            plain: plainText(for: message), html: html(for: message))
    }

    /// The text/plain part: the title, the text, each desk, then the footer.
    public func plainText(for message: LossSupportMessage) -> String {
        var blocks = ["【\(message.support.title.value)】"]
        blocks += plainParagraphs(message.support.body)
        if !message.desks.isEmpty {
            blocks.append(Self.rule + "\n" + message.desks.map(plainDeskLines).joined(separator: "\n\n"))
        }
        var footer = [Self.rule + "\n" + message.footer.unsubscribeLabel + "\n" + message.footer.unsubscribeURL]
        if let desk = message.footer.contact { footer.append(plainDesk(desk)) }
        var publisher = [message.editionName, message.footer.publisher]
        if let url = message.footer.publisherURL { publisher.append(url) }
        footer.append(publisher.joined(separator: "\n"))
        return (blocks + footer).joined(separator: "\n\n") + "\n"
    }

    /// A listed desk: its name, then its number and hours.
    private func plainDeskLines(_ desk: ContactDesk) -> String {
        "◆\(desk.name.value)\n電話 \(desk.phone.value)" + (desk.hours.map { "（\($0.value)）" } ?? "")
    }

    /// The text/html part: one column, inline styles, the desks in quiet boxes.
    public func html(for message: LossSupportMessage) -> String {
        var h: [String] = []
        h.append("<!DOCTYPE html>")
        h.append(#"<html lang="ja">"#)
        h.append("<head>")
        h.append(#"<meta charset="UTF-8">"#)
        h.append(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#)
        h.append("<title>\(esc(message.support.title.value))</title>")
        h.append("</head>")
        h.append(#"<body style="margin:0;padding:0;background-color:#FFFFFF;">"#)
        h.append(
            #"<div style="max-width:600px;margin:0 auto;padding:16px;font-family:sans-serif;"#
                + #"font-size:16px;line-height:1.8;color:\#(Palette.text);">"#
        )
        h.append(
            #"<h1 style="margin:8px 0 16px;font-size:20px;line-height:1.5;">"#
                + #"\#(esc(message.support.title.value))</h1>"#)
        h += htmlParagraphs(message.support.body)
        for desk in message.desks {
            let phone = anchor(desk.telURI, esc(desk.phone.value), allowTel: true) ?? esc(desk.phone.value)
            h.append(#"<div style="margin:16px 0;padding:12px 16px;background-color:#F5F6F8;border-radius:8px;">"#)
            h.append(#"<p style="margin:0;font-weight:bold;">\#(esc(desk.name.value))</p>"#)
            h.append(
                #"<p style="margin:0;">電話 \#(phone)"#
                    + (desk.hours.map { #"<br><span style="color:\#(Palette.muted);">\#(esc($0.value))</span>"# } ?? "")
                    + "</p>")
            h.append("</div>")
        }
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
}
