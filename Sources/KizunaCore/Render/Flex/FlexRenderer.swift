/// Builds a day message's LINE payload from typed Flex values.
public struct FlexRenderer: Sendable {
    public init() {}

    /// Every colour a day's bubble uses. Each text colour has at least 4.5:1 (WCAG 2.1 AA) on every background it is
    /// shown on (`ContrastTests`; the ratios are in docs/output.md).
    enum Palette {
        static let headerBackground = "#FDEEF1"
        static let accent = "#C2185B"
        static let text = "#333333"
        /// The small print (edition name, disclaimer, publisher, desk hours): the lightest grey with 4.5:1 on the
        /// loss support header #EEF1F4 (4.70:1), the darkest background it is on.
        static let muted = "#6B6B6B"
        /// Link spans and link buttons; 5.42:1 on the insert box.
        static let link = "#1A62C4"
        /// A primary button's background, under the white label LINE draws: LINE's green #06C755 at the same hue,
        /// darkened to 4.69:1 (LINE's own default green gives 2.2:1).
        static let primaryButton = "#048639"
        static let insertBackground = "#F3F8EC"
    }

    /// Labels of the fixed buttons.
    public static let moreInfoLabel = "詳しくはこちら"
    public static let surveyLabel = "アンケートに答える"

    /// A link button (https or tel) in the palette's link colour, the same as a link span's.
    static func linkButton(label: String, uri: String) -> FlexButton {
        FlexButton(label: label, uri: uri, style: "link", color: Palette.link)
    }

    /// The tel button's label for a desk.
    public static func telLabel(_ desk: ContactDesk) -> String { "電話する（\(desk.name.value)）" }

    /// LINE's limits a day's messages are packed to.
    public static let maxBubbleBytes = 30_000
    public static let maxMessagesPerRequest = 5
    /// A paragraph longer than this is cut at sentence ends into several texts, so that any text fits a bubble.
    static let maxTextCharacters = 1_500

    /// A day's push request body as written to disk (`{nickname}` in place, newline-terminated), with the
    /// figures LINE's limits are checked on. `context` holds what the edition's other days wrote already.
    public func payload(for message: DayMessage, in context: FlexEditionContext) -> RenderedPayload {
        let packing = pack(message, in: context)
        let total = packing.bubbles.count
        let bubbles =
            packing.single.map { [$0] }
            ?? packing.bubbles.enumerated().map { k, blocks in
                bubbleBytes(message, part: (k + 1, total), blocks, footer: k == total - 1 ? packing.footer : nil)
            }
        let altTexts = (0..<total).map { altText(for: message, bubble: $0, of: total) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(bubbles.reduce(256 * total) { $0 + $1.count })
        PushRequest.write(zip(altTexts, bubbles).map { ($0, $1) }, into: &bytes)
        bytes.append(0x0A)
        return RenderedPayload(bytes: bytes, bubbles: bubbles, altTexts: altTexts, overflow: packing.overflow)
    }

    /// The payload of a message on its own (`kizuna render`, a schedule's day).
    public func payload(for message: DayMessage) -> RenderedPayload {
        payload(for: message, in: FlexEditionContext(for: message))
    }

    /// The same push request as typed values, bubble by bubble as `payload` cuts the day.
    public func request(for message: DayMessage) -> PushRequest {
        let packing = pack(message, in: FlexEditionContext(for: message))
        let total = packing.bubbles.count
        return PushRequest(
            messages: packing.bubbles.enumerated().map { k, blocks in
                FlexMessage(
                    altText: altText(for: message, bubble: k, of: total),
                    contents: bubble(
                        message, part: packing.single == nil ? (k + 1, total) : nil, blocks.flatMap(\.components),
                        footer: k == total - 1 ? packing.footer : nil))
            })
    }

    /// The day's one-bubble size with the longest nickname in place, summed from its parts without writing the
    /// bubble: the bubble with an empty body, plus each body component and a comma between two. It equals the
    /// worst case `pack` measures on the written bubble (`FlexJSONTests`), so a day within `maxBubbleBytes` is sent
    /// as this one bubble and `validate` need not write it.
    func singleBubbleWorstCase(_ message: DayMessage, in context: FlexEditionContext) -> Int {
        editionSize(message, surveyURL: message.surveyURL, in: context)
            .singleBubbleWorstCase(
                daySize(message.manuscript, in: context.sections),
                inserts: message.inserts.map { insertSize($0, in: context) },
                survey: message.surveyURL != nil)
    }

    /// What a manuscript adds to its day's one-bubble size, the same in every edition.
    struct DaySize: Sendable {
        /// The greeting, title and sections as written.
        var body: PartSize
        /// The header label's JSON text without its quotes (the empty bubble's label is empty).
        var label: Int
    }

    func daySize(_ manuscript: Manuscript, in sections: FlexSections) -> DaySize {
        DaySize(
            body: sections.sizes[manuscript.path] ?? PartSize(manuscriptBlocks(manuscript)),
            label: JSONValue.string(manuscript.label).bytes.count - 2)
    }

    /// What an edition adds to each of its days' one-bubble sizes: taken from any one of its messages, since the
    /// footer, the disclaimer and the survey link are the same on every day.
    struct EditionSize {
        /// The worst case of the bubble with an empty body and header label.
        var emptyBubble: Int
        var disclaimer: PartSize
        /// The survey button, on the days it goes out.
        var survey: PartSize?
        /// Bytes added by each `{nickname}` with the longest nickname in place.
        var extra: Int

        /// The day's one-bubble size with the longest nickname in place: the empty bubble, its label, and each body
        /// component with a comma between two.
        func singleBubbleWorstCase(_ day: DaySize, inserts: some Sequence<PartSize>, survey onThisDay: Bool) -> Int {
            var body = day.body
            for insert in inserts { body += insert }
            if onThisDay, let survey { body += survey }
            body += disclaimer
            return emptyBubble + day.label + body.bytes + body.nicknames * extra + max(0, body.components - 1)
        }
    }

    func editionSize(_ message: DayMessage, surveyURL: String?, in context: FlexEditionContext) -> EditionSize {
        let worst = WorstCase(message)
        // The bubble with an empty body and header label differs from day to day only by the label's JSON text.
        let empty =
            context.emptyBubble
            ?? worst.size(bubble(message, part: nil, [], footer: footerBox(for: message), label: "").bytes)
        context.emptyBubble = empty
        return EditionSize(
            emptyBubble: empty,
            disclaimer: PartSize([disclaimerBlock(message, in: context)]),
            survey: surveyURL.map {
                PartSize([Block([surveyButton($0)], location: message.manuscript.title.location)])
            },
            extra: worst.extra)
    }

    /// An insert's size in its edition.
    func insertSize(_ resolved: ResolvedInsert, in context: FlexEditionContext) -> PartSize {
        PartSize([insertBlock(resolved, in: context)])
    }

    /// Bytes, `{nickname}`s and count of some body components, as `singleBubbleWorstCase` sums them.
    struct PartSize: Sendable {
        var bytes = 0
        var nicknames = 0
        var components = 0

        init(_ blocks: [Block]) {
            for block in blocks {
                for component in block.written {
                    bytes += component.bytes.count
                    nicknames += component.nicknames
                }
                components += block.written.count
            }
        }

        static func += (a: inout PartSize, b: PartSize) {
            a.bytes += b.bytes
            a.nicknames += b.nicknames
            a.components += b.components
        }
    }

    /// Sizes with the longest nickname the edition allows (4 UTF-8 bytes a character) in place of each `{nickname}`.
    struct WorstCase {
        static let placeholder = Array(Placeholder.nickname.utf8)
        let extra: Int

        init(_ message: DayMessage) {
            extra = max(0, message.nicknameMaxLength * 4 - Self.placeholder.count)
        }

        func size(_ bytes: [UInt8]) -> Int { bytes.count + bytes.occurrences(of: Self.placeholder) * extra }

        func size(_ component: WrittenComponent) -> Int { component.bytes.count + component.nicknames * extra }
    }

    /// What a phone notification shows: the greeting and the title.
    public func altText(for message: DayMessage) -> String { altText(for: message.manuscript) }

    /// The notification text of bubble `index` (from 0) of a day sent as `total` bubbles.
    func altText(for message: DayMessage, bubble index: Int, of total: Int) -> String {
        index == 0 ? altText(for: message) : "「\(message.manuscript.title.value)」のつづき（\(index + 1)/\(total)）"
    }

    /// The same for a manuscript: it is the same in every edition.
    func altText(for manuscript: Manuscript) -> String {
        "\(manuscript.greeting)「\(manuscript.title.value)」"
    }

    /// One piece of the body that is never cut between two bubbles, written once, and where its text was written.
    struct Block: Sendable {
        let components: [FlexComponent]
        let written: [WrittenComponent]
        let location: SourceLocation

        init(_ components: [FlexComponent], location: SourceLocation) {
            self.components = components
            written = components.map(WrittenComponent.init)
            self.location = location
        }

        /// The same components, written, for text at another place (an edition's disclaimer on each day).
        init(_ block: Block, location: SourceLocation) {
            (components, written, self.location) = (block.components, block.written, location)
        }
    }

    /// How a day's body is cut: each bubble's blocks in reading order, `footer` going on the last.
    struct Packing {
        var bubbles: [[Block]]
        var footer: FlexBox
        /// The one bubble's bytes when the day fits one bubble (its header has no part number).
        var single: [UInt8]?
        /// Where the text begins that a sixth bubble would carry.
        var overflow: SourceLocation?
    }

    /// The day in one bubble when it fits with the longest nickname in place; otherwise packed in reading order
    /// into as many bubbles as it needs.
    func pack(_ message: DayMessage, in context: FlexEditionContext) -> Packing {
        let blocks = bodyBlocks(for: message, in: context)
        let footer = footerBox(for: message)
        let worst = WorstCase(message)
        let singleBytes = bubbleBytes(message, part: nil, blocks, footer: footer)
        if worst.size(singleBytes) <= Self.maxBubbleBytes {
            return Packing(bubbles: [blocks], footer: footer, single: singleBytes, overflow: nil)
        }
        // Each block adds its bytes and a comma to the body's contents; the header's part numbers may grow by a few
        // bytes.
        let empty = worst.size(bubble(message, part: (99, 99), [], footer: footer).bytes) + 16
        var groups: [[Block]] = [[]]
        var used = empty
        for block in blocks {
            let size = block.written.reduce(0) { $0 + worst.size($1) + 1 }
            if used + size > Self.maxBubbleBytes, !groups[groups.count - 1].isEmpty {
                groups.append([])
                used = empty
            }
            groups[groups.count - 1].append(block)
            used += size
        }
        let overflow =
            groups.count > Self.maxMessagesPerRequest ? groups[Self.maxMessagesPerRequest].first?.location : nil
        return Packing(bubbles: groups, footer: footer, single: nil, overflow: overflow)
    }

    /// A bubble's bytes with `blocks` as its body, written from the blocks' written components.
    func bubbleBytes(_ message: DayMessage, part: (Int, Int)?, _ blocks: [Block], footer: FlexBox?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(blocks.reduce(2048) { $0 + $1.written.reduce(1) { $0 + $1.bytes.count + 1 } })
        bubble(message, part: part, [], footer: footer)
            .write(into: &out, body: blocks.flatMap(\.written)) { component, out in
                out.append(contentsOf: component.bytes)
            }
        return out
    }

    func bubble(
        _ message: DayMessage, part: (Int, Int)?, _ body: [FlexComponent], footer: FlexBox?, label: String? = nil
    ) -> FlexBubble {
        var header: [FlexComponent] = [
            .text(FlexText(text: label ?? message.label, size: "lg", weight: "bold", color: Palette.accent)),
            .text(FlexText(text: message.editionName, size: "xxs", color: Palette.muted)),
        ]
        if let (index, total) = part {
            header.append(.text(FlexText(text: "\(index)/\(total)", size: "xxs", color: Palette.muted)))
        }
        return FlexBubble(
            header: FlexBox(contents: header), body: FlexBox(contents: body, spacing: "sm"),
            footer: footer, headerBackground: Palette.headerBackground)
    }

    /// The day in one bubble, as long as it fits (the first bubble's body and the footer when it is split).
    public func bubble(for message: DayMessage) -> FlexBubble {
        let blocks = bodyBlocks(for: message, in: FlexEditionContext(for: message))
        return bubble(message, part: nil, blocks.flatMap(\.components), footer: footerBox(for: message))
    }

    /// The day's body: the manuscript's blocks, then the inserts, the survey button and the disclaimer.
    func bodyBlocks(for message: DayMessage, in context: FlexEditionContext) -> [Block] {
        let title = message.manuscript.title
        var blocks = context.sections.blocks[message.manuscript.path] ?? manuscriptBlocks(message.manuscript)
        for resolved in message.inserts {
            blocks.append(insertBlock(resolved, in: context))
        }
        if let survey = message.surveyURL {
            blocks.append(Block([surveyButton(survey)], location: title.location))
        }
        blocks.append(disclaimerBlock(message, in: context))
        return blocks
    }

    /// An insert's block, written the first time a day of the edition shows it.
    func insertBlock(_ resolved: ResolvedInsert, in context: FlexEditionContext) -> Block {
        context.insert(resolved) { Block(insertComponents(resolved), location: resolved.insert.title.location) }
    }

    /// The edition's disclaimer, written once for all its days, placed at the day's title.
    func disclaimerBlock(_ message: DayMessage, in context: FlexEditionContext) -> Block {
        let made = context.disclaimer {
            Block(disclaimerComponents(message), location: message.manuscript.title.location)
        }
        return Block(made, location: message.manuscript.title.location)
    }

    /// The greeting, the title and the sections: the same for a manuscript in every edition.
    func manuscriptBlocks(_ manuscript: Manuscript) -> [Block] {
        [headBlock(manuscript)] + sectionBlocks(manuscript)
    }

    private func insertComponents(_ resolved: ResolvedInsert) -> [FlexComponent] {
        [.separator(margin: "xl"), .box(insertBox(resolved))]
    }

    private func surveyButton(_ survey: String) -> FlexComponent {
        .button(FlexButton(label: Self.surveyLabel, uri: survey, style: "secondary", margin: "xl"))
    }

    private func disclaimerComponents(_ message: DayMessage) -> [FlexComponent] {
        [.text(FlexText(text: message.disclaimer, size: "xxs", color: Palette.muted, margin: "xl"))]
    }

    /// The greeting and the title: the same for a manuscript in every edition.
    func headBlock(_ manuscript: Manuscript) -> Block {
        Block(
            [
                .text(FlexText(text: manuscript.greeting, size: "sm", color: Palette.text)),
                .text(
                    FlexText(
                        text: manuscript.title.value, size: "lg", weight: "bold", color: Palette.text, margin: "lg")),
            ], location: manuscript.title.location)
    }

    /// The manuscript's sections: each heading, then its paragraphs.
    func sectionBlocks(_ manuscript: Manuscript) -> [Block] {
        var blocks: [Block] = []
        for section in manuscript.sections {
            blocks.append(
                Block(
                    [
                        .text(
                            FlexText(
                                text: section.heading.value, size: "md", weight: "bold",
                                color: Palette.accent, margin: "xl"))
                    ],
                    location: section.heading.location))
            blocks += richTextBlocks(section.body).map { Block($0, location: section.text.location) }
        }
        return blocks
    }

    func footerBox(for message: DayMessage) -> FlexBox {
        var footer: [FlexComponent] = [
            .button(Self.linkButton(label: message.footer.unsubscribeLabel, uri: message.footer.unsubscribeURL))
        ]
        if let desk = message.footer.contact {
            footer.append(.button(Self.linkButton(label: Self.telLabel(desk), uri: desk.telURI)))
        }
        footer.append(.text(FlexText(text: message.footer.publisher, size: "xxs", color: Palette.muted)))
        return FlexBox(contents: footer, spacing: "xs")
    }

    private func insertBox(_ resolved: ResolvedInsert) -> FlexBox {
        let insert = resolved.insert
        var contents: [FlexComponent] = [
            .text(FlexText(text: insert.title.value, size: "md", weight: "bold", color: Palette.text))
        ]
        contents += richText(insert.body)
        if let link = insert.link {
            contents.append(
                .button(
                    FlexButton(
                        label: Self.moreInfoLabel, uri: link.value, style: "primary", margin: "md",
                        color: Palette.primaryButton)))
        }
        if let desk = resolved.contact {
            contents.append(.button(Self.linkButton(label: Self.telLabel(desk), uri: desk.telURI)))
        }
        return FlexBox(
            contents: contents, spacing: "sm", margin: "xl", paddingAll: "md",
            backgroundColor: Palette.insertBackground, cornerRadius: "md")
    }

    /// Paragraphs as wrapped texts; emphasis and links as spans, each link also as a button below its paragraph
    /// (a span cannot carry an action).
    func richText(_ text: RichText) -> [FlexComponent] {
        richTextBlocks(text).flatMap { $0 }
    }

    /// `richText` as blocks a bubble may be cut between: one per paragraph, or per piece of a paragraph longer
    /// than `maxTextCharacters` (cut at sentence ends; its link buttons follow the last piece).
    func richTextBlocks(_ text: RichText) -> [[FlexComponent]] {
        var blocks: [[FlexComponent]] = []
        for paragraph in text.paragraphs {
            let pieces = Self.pieces(of: paragraph)
            for (i, runs) in pieces.enumerated() {
                var block = [textComponent(runs, margin: i == 0 ? "md" : "none")]
                if i == pieces.count - 1 {
                    for case .link(let link) in paragraph {
                        block.append(.button(Self.linkButton(label: link.text, uri: link.url)))
                    }
                }
                blocks.append(block)
            }
        }
        return blocks
    }

    private func textComponent(_ runs: [Inline], margin: String) -> FlexComponent {
        let plain = runs.allSatisfy { if case .text = $0 { true } else { false } }
        if plain {
            return .text(FlexText(text: runs.map(\.text).joined(), size: "sm", color: Palette.text, margin: margin))
        }
        let spans = runs.map { run -> FlexSpan in
            switch run {
            case .text(let s): FlexSpan(text: s)
            case .emphasis(let s): FlexSpan(text: s, weight: "bold", color: Palette.accent)
            case .link(let l): FlexSpan(text: l.text, color: Palette.link, decoration: "underline")
            }
        }
        return .text(
            FlexText(text: runs.map(\.text).joined(), spans: spans, size: "sm", color: Palette.text, margin: margin))
    }

    /// A paragraph's runs in pieces of at most `maxTextCharacters` characters, cut after 。！？ where possible.
    static func pieces(of runs: [Inline]) -> [[Inline]] {
        guard runs.reduce(0, { $0 + $1.text.count }) > maxTextCharacters else { return [runs] }
        var result: [[Inline]] = [[]]
        var count = 0
        func add(_ run: Inline) {
            if count + run.text.count > maxTextCharacters, !result[result.count - 1].isEmpty {
                result.append([])
                count = 0
            }
            result[result.count - 1].append(run)
            count += run.text.count
        }
        for run in runs {
            switch run {
            case .text(let s): for piece in sentences(s) { add(.text(piece)) }
            case .emphasis(let s): for piece in sentences(s) { add(.emphasis(piece)) }
            case .link: add(run)
            }
        }
        return result
    }

    /// Text cut after each sentence end, and any sentence longer than `maxTextCharacters` cut at that length.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            if "。！？".contains(c) || current.count == maxTextCharacters {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
