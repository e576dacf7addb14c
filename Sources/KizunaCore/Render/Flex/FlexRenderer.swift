/// Builds a day message's LINE payload from typed Flex values.
public struct FlexRenderer: Sendable {
    public init() {}

    enum Palette {
        static let headerBackground = "#FDEEF1"
        static let accent = "#C2185B"
        static let text = "#333333"
        static let muted = "#888888"
        static let link = "#1E6FD9"
        static let insertBackground = "#F3F8EC"
    }

    /// Labels of the fixed buttons.
    public static let moreInfoLabel = "詳しくはこちら"
    public static let surveyLabel = "アンケートに答える"

    /// The tel button's label for a desk.
    public static func telLabel(_ desk: ContactDesk) -> String { "電話する（\(desk.name.value)）" }

    /// A day's push request body as written to disk (`{nickname}` in place, newline-terminated), with the
    /// figures LINE's limits are checked on.
    public func payload(for message: DayMessage) -> RenderedPayload {
        let flex = request(for: message).messages[0]
        let bubble = flex.contents.json.bytes
        let body = JSONValue.object(["messages": .array([flex.json(contents: .written(bubble))])])
        return RenderedPayload(bytes: body.bytes + [0x0A], bubbleBytes: bubble, altText: flex.altText)
    }

    public func request(for message: DayMessage) -> PushRequest {
        PushRequest(messages: [FlexMessage(altText: altText(for: message), contents: bubble(for: message))])
    }

    /// What a phone notification shows: the greeting and the title.
    public func altText(for message: DayMessage) -> String {
        "\(message.greeting)「\(message.manuscript.title.value)」"
    }

    public func bubble(for message: DayMessage) -> FlexBubble {
        let header = FlexBox(contents: [
            .text(FlexText(text: message.day.label, size: "lg", weight: "bold", color: Palette.accent)),
            .text(FlexText(text: message.editionName, size: "xxs", color: Palette.muted)),
        ])
        var body: [FlexComponent] = [
            .text(FlexText(text: message.greeting, size: "sm", color: Palette.text)),
            .text(FlexText(text: message.manuscript.title.value, size: "lg", weight: "bold", color: Palette.text, margin: "lg")),
        ]
        for section in message.manuscript.sections {
            body.append(.text(FlexText(text: section.heading.value, size: "md", weight: "bold", color: Palette.accent, margin: "xl")))
            body += richText(section.body)
        }
        for resolved in message.inserts {
            body.append(.separator(margin: "xl"))
            body.append(.box(insertBox(resolved)))
        }
        if let survey = message.surveyURL {
            body.append(.button(FlexButton(label: Self.surveyLabel, uri: survey, style: "secondary", margin: "xl")))
        }
        body.append(.text(FlexText(text: message.disclaimer, size: "xxs", color: Palette.muted, margin: "xl")))

        var footer: [FlexComponent] = [
            .button(FlexButton(label: message.footer.unsubscribeLabel, uri: message.footer.unsubscribeURL)),
        ]
        if let desk = message.footer.contact {
            footer.append(.button(FlexButton(label: Self.telLabel(desk), uri: desk.telURI)))
        }
        footer.append(.text(FlexText(text: message.footer.publisher, size: "xxs", color: Palette.muted)))
        return FlexBubble(header: FlexBox(contents: header.contents),
                          body: FlexBox(contents: body, spacing: "sm"),
                          footer: FlexBox(contents: footer, spacing: "xs"),
                          headerBackground: Palette.headerBackground)
    }

    private func insertBox(_ resolved: ResolvedInsert) -> FlexBox {
        let insert = resolved.insert
        var contents: [FlexComponent] = [
            .text(FlexText(text: insert.title.value, size: "md", weight: "bold", color: Palette.text)),
        ]
        contents += richText(insert.body)
        if let link = insert.link {
            contents.append(.button(FlexButton(label: Self.moreInfoLabel, uri: link.value, style: "primary", margin: "md")))
        }
        if let desk = resolved.contact {
            contents.append(.button(FlexButton(label: Self.telLabel(desk), uri: desk.telURI)))
        }
        return FlexBox(contents: contents, spacing: "sm", margin: "xl", paddingAll: "md",
                       backgroundColor: Palette.insertBackground, cornerRadius: "md")
    }

    /// Paragraphs as wrapped texts; emphasis and links as spans, each link also as a button below its paragraph
    /// (a span cannot carry an action).
    func richText(_ text: RichText) -> [FlexComponent] {
        var components: [FlexComponent] = []
        for paragraph in text.paragraphs {
            let plain = paragraph.allSatisfy { if case .text = $0 { true } else { false } }
            if plain {
                components.append(.text(FlexText(text: paragraph.map(\.text).joined(), size: "sm", color: Palette.text, margin: "md")))
            } else {
                let spans = paragraph.map { run -> FlexSpan in
                    switch run {
                    case .text(let s): FlexSpan(text: s)
                    case .emphasis(let s): FlexSpan(text: s, weight: "bold", color: Palette.accent)
                    case .link(let l): FlexSpan(text: l.text, color: Palette.link, decoration: "underline")
                    }
                }
                components.append(.text(FlexText(text: paragraph.map(\.text).joined(), spans: spans, size: "sm", color: Palette.text, margin: "md")))
            }
            for case .link(let link) in paragraph {
                components.append(.button(FlexButton(label: link.text, uri: link.url)))
            }
        }
        return components
    }
}
