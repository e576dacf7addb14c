/// The body of a LINE push request: `{"messages": [...]}`.
public struct PushRequest: Sendable, JSONRepresentable {
    public var messages: [FlexMessage]
    public var json: JSONValue { .object(["messages": .array(messages.map(\.json))]) }
}

/// A Flex Message: a bubble and the text a phone notification shows.
public struct FlexMessage: Sendable, JSONRepresentable {
    public var altText: String
    public var contents: FlexBubble
    public var json: JSONValue { json(contents: contents.json) }

    /// The message with its bubble given as JSON (e.g. already written).
    func json(contents: JSONValue) -> JSONValue {
        .object(["type": .string("flex"), "altText": .string(altText), "contents": contents])
    }
}

/// A Flex bubble with header, body and footer boxes.
public struct FlexBubble: Sendable, JSONRepresentable {
    public var header: FlexBox
    public var body: FlexBox
    /// Only the last bubble of a day carries the footer.
    public var footer: FlexBox?
    public var headerBackground: String
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("bubble"),
            "size": .string("giga"),
            "header": header.json,
            "body": body.json,
            "styles": .object(["header": .object(["backgroundColor": .string(headerBackground)])]),
        ]
        if let footer { o["footer"] = footer.json }
        return .object(o)
    }
}

/// A Flex component; only the kinds Kizuna writes.
public indirect enum FlexComponent: Sendable, JSONRepresentable {
    case box(FlexBox)
    case text(FlexText)
    case button(FlexButton)
    case separator(margin: String)
    /// A component already written as JSON (a manuscript's sections, shared by every edition), with its count of
    /// `{nickname}` placeholders.
    case written(bytes: [UInt8], nicknames: Int)

    public var json: JSONValue {
        switch self {
        case .written(let bytes, _): .written(bytes)
        case .box(let b): b.json
        case .text(let t): t.json
        case .button(let b): b.json
        case .separator(let margin): .object(["type": .string("separator"), "margin": .string(margin)])
        }
    }
}

/// A box laying out components vertically.
public struct FlexBox: Sendable, JSONRepresentable {
    public var contents: [FlexComponent]
    public var spacing: String? = nil
    public var margin: String? = nil
    public var paddingAll: String? = nil
    public var backgroundColor: String? = nil
    public var cornerRadius: String? = nil

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("box"), "layout": .string("vertical"),
            "contents": .array(contents.map(\.json)),
        ]
        o.set("spacing", spacing)
        o.set("margin", margin)
        o.set("paddingAll", paddingAll)
        o.set("backgroundColor", backgroundColor)
        o.set("cornerRadius", cornerRadius)
        return .object(o)
    }
}

/// Wrapped text, either plain or made of spans.
public struct FlexText: Sendable, JSONRepresentable {
    public var text: String
    public var spans: [FlexSpan] = []
    public var size: String? = nil
    public var weight: String? = nil
    public var color: String? = nil
    public var margin: String? = nil

    public var json: JSONValue {
        var o: [String: JSONValue] = ["type": .string("text"), "wrap": .bool(true)]
        if spans.isEmpty {
            o["text"] = .string(text)
        } else {
            o["contents"] = .array(spans.map(\.json))
        }
        o.set("size", size)
        o.set("weight", weight)
        o.set("color", color)
        o.set("margin", margin)
        return .object(o)
    }
}

/// A styled run inside a text.
public struct FlexSpan: Sendable, JSONRepresentable {
    public var text: String
    public var weight: String? = nil
    public var color: String? = nil
    public var decoration: String? = nil

    public var json: JSONValue {
        var o: [String: JSONValue] = ["type": .string("span"), "text": .string(text)]
        o.set("weight", weight)
        o.set("color", color)
        o.set("decoration", decoration)
        return .object(o)
    }
}

/// A button that opens a URI (https or tel).
public struct FlexButton: Sendable, JSONRepresentable {
    public var label: String
    public var uri: String
    public var style: String = "link"
    public var margin: String? = nil

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("button"), "style": .string(style), "height": .string("sm"),
            "action": .object(["type": .string("uri"), "label": .string(label), "uri": .string(uri)]),
        ]
        o.set("margin", margin)
        return .object(o)
    }
}

// The same JSON as `json.bytes`, written straight into bytes with each object's keys in sorted order: a payload is
// written for every edition and day, so no dictionary is built just to sort its keys.
// `FlexJSONTests` checks that both forms are byte-identical.

extension FlexBubble {
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.key("body", into: &out)
        body.write(into: &out)
        if let footer {
            o.key("footer", into: &out)
            footer.write(into: &out)
        }
        o.key("header", into: &out)
        header.write(into: &out)
        o.literal("size", #""giga""#, into: &out)
        o.key("styles", into: &out)
        var styles = JSONObjectWriter()
        styles.key("header", into: &out)
        var header = JSONObjectWriter()
        header.string("backgroundColor", headerBackground, into: &out)
        header.close(into: &out)
        styles.close(into: &out)
        o.literal("type", #""bubble""#, into: &out)
        o.close(into: &out)
    }
}

extension FlexComponent {
    var bytes: [UInt8] {
        if case .written(let bytes, _) = self { return bytes }
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    /// This component as written JSON, with its count of `{nickname}` placeholders: made once, reused by every
    /// edition (a manuscript's sections) or every day (an edition's inserts).
    var written: FlexComponent {
        if case .written = self { return self }
        let bytes = self.bytes
        return .written(bytes: bytes, nicknames: bytes.occurrences(of: Array(Placeholder.nickname.utf8)))
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .written(let bytes, _): out.append(contentsOf: bytes)
        case .box(let b): b.write(into: &out)
        case .text(let t): t.write(into: &out)
        case .button(let b): b.write(into: &out)
        case .separator(let margin):
            var o = JSONObjectWriter()
            o.string("margin", margin, into: &out)
            o.literal("type", #""separator""#, into: &out)
            o.close(into: &out)
        }
    }
}

extension FlexBox {
    func write(into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.string("backgroundColor", backgroundColor, into: &out)
        o.array("contents", contents, into: &out) { $0.write(into: &$1) }
        o.string("cornerRadius", cornerRadius, into: &out)
        o.literal("layout", #""vertical""#, into: &out)
        o.string("margin", margin, into: &out)
        o.string("paddingAll", paddingAll, into: &out)
        o.string("spacing", spacing, into: &out)
        o.literal("type", #""box""#, into: &out)
        o.close(into: &out)
    }
}

extension FlexText {
    func write(into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.string("color", color, into: &out)
        if !spans.isEmpty { o.array("contents", spans, into: &out) { $0.write(into: &$1) } }
        o.string("margin", margin, into: &out)
        o.string("size", size, into: &out)
        if spans.isEmpty { o.string("text", text, into: &out) }
        o.literal("type", #""text""#, into: &out)
        o.string("weight", weight, into: &out)
        o.literal("wrap", "true", into: &out)
        o.close(into: &out)
    }
}

extension FlexSpan {
    func write(into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.string("color", color, into: &out)
        o.string("decoration", decoration, into: &out)
        o.string("text", text, into: &out)
        o.literal("type", #""span""#, into: &out)
        o.string("weight", weight, into: &out)
        o.close(into: &out)
    }
}

extension FlexButton {
    func write(into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.key("action", into: &out)
        var action = JSONObjectWriter()
        action.string("label", label, into: &out)
        action.literal("type", #""uri""#, into: &out)
        action.string("uri", uri, into: &out)
        action.close(into: &out)
        o.literal("height", #""sm""#, into: &out)
        o.string("margin", margin, into: &out)
        o.string("style", style, into: &out)
        o.literal("type", #""button""#, into: &out)
        o.close(into: &out)
    }
}
