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

    /// LINE's limits a day's messages are packed to.
    public static let maxBubbleBytes = 30_000
    public static let maxMessagesPerRequest = 5
    /// A paragraph longer than this is cut at sentence ends into several texts, so that any text fits a bubble.
    static let maxTextCharacters = 1_500

    /// A day's push request body as written to disk (`{nickname}` in place, newline-terminated), with the
    /// figures LINE's limits are checked on.
    /// `sections`, when given, holds the message's manuscript already written (see `FlexSections`); the bytes are
    /// the same either way.
    public func payload(for message: DayMessage, sections: FlexSections? = nil, parts: FlexEditionParts? = nil)
        -> RenderedPayload
    {
        let packed = pack(message, sections: sections, parts: parts)
        let bubbles = packed.single.map { [$0] } ?? packed.request.messages.map { $0.contents.bytes }
        let messages = zip(packed.request.messages, bubbles).map { $0.json(contents: .written($1)) }
        let body = JSONValue.object(["messages": .array(messages)])
        return RenderedPayload(
            bytes: body.bytes + [0x0A], bubbles: bubbles,
            altTexts: packed.request.messages.map(\.altText), overflow: packed.overflow)
    }

    public func request(for message: DayMessage) -> PushRequest { pack(message, sections: nil).request }

    /// The day's one-bubble size with the longest nickname in place, summed from its parts without writing the
    /// bubble: the bubble with an empty body, plus each body component and a comma between two. It equals the
    /// worst case `pack` measures on the written bubble (`FlexJSONTests`), so a day within `maxBubbleBytes` is sent
    /// as this one bubble and `validate` need not write it.
    func singleBubbleWorstCase(_ message: DayMessage, sections: FlexSections?, parts: FlexEditionParts?) -> Int {
        editionSize(message, surveyURL: message.surveyURL, parts: parts)
            .singleBubbleWorstCase(
                daySize(message.manuscript, sections: sections),
                inserts: message.inserts.map { insertSize($0, parts: parts) },
                survey: message.surveyURL != nil)
    }

    /// What a manuscript adds to its day's one-bubble size, the same in every edition.
    struct DaySize: Sendable {
        /// The greeting, title and sections as written.
        var body: PartSize
        /// The header label's JSON text without its quotes (the empty bubble's label is empty).
        var label: Int
    }

    func daySize(_ manuscript: Manuscript, sections: FlexSections?) -> DaySize {
        DaySize(
            body: sections?.sizes[manuscript.path]
                ?? PartSize(([headBlock(manuscript)] + sectionBlocks(manuscript)).flatMap(\.components)),
            label: JSONValue.string(manuscript.day.value.label).bytes.count - 2)
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

    func editionSize(_ message: DayMessage, surveyURL: String?, parts: FlexEditionParts?) -> EditionSize {
        let worst = WorstCase(message)
        // The bubble with an empty body and header label differs from day to day only by the label's JSON text.
        let empty =
            parts?.emptyBubble
            ?? worst.size(bubble(message, part: nil, [], footer: footerBox(for: message), label: "").bytes)
        parts?.emptyBubble = empty
        return EditionSize(
            emptyBubble: empty,
            disclaimer: parts?.size(key: Self.disclaimerKey, disclaimerComponents(message))
                ?? PartSize(disclaimerComponents(message)),
            survey: surveyURL.map { PartSize([surveyButton($0)]) }, extra: worst.extra)
    }

    /// An insert's size in its edition (within one edition, its path names it, its desk included).
    func insertSize(_ resolved: ResolvedInsert, parts: FlexEditionParts?) -> PartSize {
        parts?.size(key: resolved.insert.path, insertComponents(resolved)) ?? PartSize(insertComponents(resolved))
    }

    /// Bytes, `{nickname}`s and count of some body components, as `singleBubbleWorstCase` sums them.
    struct PartSize: Sendable {
        var bytes = 0
        var nicknames = 0
        var components = 0

        init(_ components: [FlexComponent]) {
            for case .written(let written, let count) in components.map(\.written) {
                bytes += written.count
                nicknames += count
            }
            self.components = components.count
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

        func size(_ component: FlexComponent) -> Int {
            if case .written(let bytes, let nicknames) = component { return bytes.count + nicknames * extra }
            return size(component.bytes)
        }
    }

    /// What a phone notification shows: the greeting and the title.
    public func altText(for message: DayMessage) -> String { altText(for: message.manuscript) }

    /// The same for a manuscript: it is the same in every edition.
    func altText(for manuscript: Manuscript) -> String {
        "\(manuscript.day.value.greeting)「\(manuscript.title.value)」"
    }

    /// One piece of the body that is never cut between two bubbles, and where its text was written.
    struct Block: Sendable {
        var components: [FlexComponent]
        var location: SourceLocation
    }

    /// The day in one bubble when it fits with the longest nickname in place; otherwise packed in reading order
    /// into as many bubbles as it needs, the footer on the last.
    /// `single` is the one bubble's bytes when the day fits one bubble.
    func pack(_ message: DayMessage, sections: FlexSections?, parts: FlexEditionParts? = nil) -> (
        request: PushRequest, single: [UInt8]?, overflow: SourceLocation?
    ) {
        let blocks = bodyBlocks(for: message, sections: sections, parts: parts)
        let footer = footerBox(for: message)
        let worst = WorstCase(message)
        let single = bubble(message, part: nil, blocks.flatMap(\.components), footer: footer)
        let singleBytes = single.bytes
        if worst.size(singleBytes) <= Self.maxBubbleBytes {
            return (
                PushRequest(messages: [FlexMessage(altText: altText(for: message), contents: single)]), singleBytes, nil
            )
        }
        // Each block adds its bytes and a comma to the body's contents; the header's part numbers may grow by a few
        // bytes.
        let empty = worst.size(bubble(message, part: (99, 99), [], footer: footer).bytes) + 16
        var groups: [[Block]] = [[]]
        var used = empty
        for block in blocks {
            let size = block.components.reduce(0) { $0 + worst.size($1) + 1 }
            if used + size > Self.maxBubbleBytes, !groups[groups.count - 1].isEmpty {
                groups.append([])
                used = empty
            }
            groups[groups.count - 1].append(block)
            used += size
        }
        let total = groups.count
        let messages = groups.enumerated().map { k, group in
            FlexMessage(
                altText: k == 0 ? altText(for: message) : "「\(message.manuscript.title.value)」のつづき（\(k + 1)/\(total)）",
                contents: bubble(
                    message, part: (k + 1, total), group.flatMap(\.components), footer: k == total - 1 ? footer : nil))
        }
        let overflow = total > Self.maxMessagesPerRequest ? groups[Self.maxMessagesPerRequest].first?.location : nil
        return (PushRequest(messages: messages), nil, overflow)
    }

    func bubble(
        _ message: DayMessage, part: (Int, Int)?, _ body: [FlexComponent], footer: FlexBox?, label: String? = nil
    ) -> FlexBubble {
        var header: [FlexComponent] = [
            .text(FlexText(text: label ?? message.day.label, size: "lg", weight: "bold", color: Palette.accent)),
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
        bubble(message, part: nil, bodyBlocks(for: message).flatMap(\.components), footer: footerBox(for: message))
    }

    func bodyBlocks(for message: DayMessage, sections: FlexSections? = nil, parts: FlexEditionParts? = nil) -> [Block] {
        let title = message.manuscript.title
        var blocks: [Block]
        if let written = sections?.blocks[message.manuscript.path] {
            blocks = written
        } else {
            blocks = [headBlock(message.manuscript)] + sectionBlocks(message.manuscript)
        }
        for resolved in message.inserts {
            // Within one edition an insert's path names it, its desk included.
            blocks.append(
                Block(
                    components: parts?.written(insertComponents(resolved), key: resolved.insert.path)
                        ?? insertComponents(resolved),
                    location: resolved.insert.title.location))
        }
        if let survey = message.surveyURL {
            blocks.append(Block(components: [surveyButton(survey)], location: title.location))
        }
        let disclaimer = disclaimerComponents(message)
        blocks.append(
            Block(
                components: parts?.written(disclaimer, key: Self.disclaimerKey) ?? disclaimer, location: title.location)
        )
        return blocks
    }

    /// The key of the disclaimer among an edition's parts (no insert path starts with NUL).
    static let disclaimerKey = "\u{0}disclaimer"

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
            components: [
                .text(FlexText(text: manuscript.day.value.greeting, size: "sm", color: Palette.text)),
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
                    components: [
                        .text(
                            FlexText(
                                text: section.heading.value, size: "md", weight: "bold",
                                color: Palette.accent, margin: "xl"))
                    ],
                    location: section.heading.location))
            blocks += richTextBlocks(section.body).map { Block(components: $0, location: section.text.location) }
        }
        return blocks
    }

    func footerBox(for message: DayMessage) -> FlexBox {
        var footer: [FlexComponent] = [
            .button(FlexButton(label: message.footer.unsubscribeLabel, uri: message.footer.unsubscribeURL))
        ]
        if let desk = message.footer.contact {
            footer.append(.button(FlexButton(label: Self.telLabel(desk), uri: desk.telURI)))
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
                .button(FlexButton(label: Self.moreInfoLabel, uri: link.value, style: "primary", margin: "md")))
        }
        if let desk = resolved.contact {
            contents.append(.button(FlexButton(label: Self.telLabel(desk), uri: desk.telURI)))
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
                        block.append(.button(FlexButton(label: link.text, uri: link.url)))
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

/// One edition's inserts and disclaimer written as JSON once for all its days (an insert runs for weeks).
/// Used by one thread at a time and for one edition: each edition is built on one, and keys are only unique within it
/// (an insert's path, the disclaimer's fixed key).
public final class FlexEditionParts {
    private var written: [String: [FlexComponent]] = [:]
    private var sizes: [String: FlexRenderer.PartSize] = [:]
    /// The worst-case size of the edition's bubble with an empty body and header label (`singleBubbleWorstCase`).
    var emptyBubble: Int?

    public init() {}

    /// `components` as written JSON, made the first time `key` is asked for; the bytes are the same either way.
    func written(_ components: @autoclosure () -> [FlexComponent], key: String) -> [FlexComponent] {
        if let known = written[key] { return known }
        let made = components().map(\.written)
        written[key] = made
        return made
    }

    /// The size of `components`, taken the first time `key` is asked for (the same key as `written`).
    func size(key: String, _ components: @autoclosure () -> [FlexComponent]) -> FlexRenderer.PartSize {
        if let known = sizes[key] { return known }
        let size = FlexRenderer.PartSize(written(components(), key: key))
        sizes[key] = size
        return size
    }
}

/// Every manuscript's greeting, title and sections written as JSON once, for all editions: they are the same in
/// every edition, so no edition writes them again.
public struct FlexSections: Sendable {
    let blocks: [String: [FlexRenderer.Block]]
    /// The same, as sizes (`singleBubbleWorstCase`).
    let sizes: [String: FlexRenderer.PartSize]

    public init(_ manuscripts: [Manuscript], renderer: FlexRenderer = FlexRenderer()) {
        let written = ParallelMap.map(manuscripts) { manuscript in
            ([renderer.headBlock(manuscript)] + renderer.sectionBlocks(manuscript)).map {
                FlexRenderer.Block(components: $0.components.map(\.written), location: $0.location)
            }
        }
        blocks = Dictionary(zip(manuscripts.map(\.path), written), uniquingKeysWith: { first, _ in first })
        sizes = blocks.mapValues { FlexRenderer.PartSize($0.flatMap(\.components)) }
    }
}
