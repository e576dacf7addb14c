/// The loss support message's LINE payload: one bubble in quiet colours, with no day label, greeting or nickname.
extension FlexRenderer {
    enum LossSupportPalette {
        static let headerBackground = "#EEF1F4"
        static let deskBackground = "#F5F6F8"
    }

    /// The push request body as written to disk (newline-terminated): one Flex message whose notification text is
    /// the title.
    public func payload(for message: LossSupportMessage) -> RenderedPayload {
        let bubble = self.bubble(for: message).bytes
        let altText = altText(for: message)
        var bytes: [UInt8] = []
        PushRequest.write([(altText, bubble)], into: &bytes)
        bytes.append(0x0A)
        return RenderedPayload(bytes: bytes, bubbles: [bubble], altTexts: [altText], overflow: nil)
    }

    /// What a phone notification shows: the title alone.
    public func altText(for message: LossSupportMessage) -> String { message.support.title.value }

    /// Header: the title and the edition's name; body: the text, then each desk with its number, hours and a tel
    /// button; footer: the unsubscribe/settings button, the footer's desk unless listed above, the publisher.
    public func bubble(for message: LossSupportMessage) -> FlexBubble {
        let header: [FlexComponent] = [
            .text(FlexText(text: message.support.title.value, size: "md", weight: "bold", color: Palette.text)),
            .text(FlexText(text: message.editionName, size: "xxs", color: Palette.muted)),
        ]
        var body = richText(message.support.body)
        for desk in message.desks {
            var lines: [FlexComponent] = [
                .text(FlexText(text: desk.name.value, size: "sm", weight: "bold", color: Palette.text)),
                .text(FlexText(text: "電話 \(desk.phone.value)", size: "sm", color: Palette.text)),
            ]
            if let hours = desk.hours {
                lines.append(.text(FlexText(text: hours.value, size: "xs", color: Palette.muted)))
            }
            lines.append(.button(Self.linkButton(label: Self.telLabel(desk), uri: desk.telURI)))
            body.append(
                .box(
                    FlexBox(
                        contents: lines, spacing: "xs", margin: "lg", paddingAll: "md",
                        backgroundColor: LossSupportPalette.deskBackground, cornerRadius: "md")))
        }
        var footer: [FlexComponent] = [
            .button(Self.linkButton(label: message.footer.unsubscribeLabel, uri: message.footer.unsubscribeURL))
        ]
        if let desk = message.footer.contact {
            footer.append(.button(Self.linkButton(label: Self.telLabel(desk), uri: desk.telURI)))
        }
        footer.append(.text(FlexText(text: message.footer.publisher, size: "xxs", color: Palette.muted)))
        return FlexBubble(
            header: FlexBox(contents: header), body: FlexBox(contents: body, spacing: "sm"),
            footer: FlexBox(contents: footer, spacing: "xs"), headerBackground: LossSupportPalette.headerBackground)
    }
}
