/// The body of a LINE push request: `{"messages": [...]}`.
public struct PushRequest: Sendable {
    public var messages: [FlexMessage]
}

/// A Flex Message: a bubble and the text a phone notification shows.
public struct FlexMessage: Sendable {
    public var altText: String
    public var contents: FlexBubble
}

/// A Flex bubble with header, body and footer boxes.
public struct FlexBubble: Sendable {
    public var header: FlexBox
    public var body: FlexBox
    /// Only the last bubble of a day carries the footer.
    public var footer: FlexBox?
    public var headerBackground: String
}

/// A Flex component; only the kinds Kizuna writes.
public indirect enum FlexComponent: Sendable {
    case box(FlexBox)
    case text(FlexText)
    case button(FlexButton)
    case separator(margin: String)
}

/// A box laying out components vertically.
public struct FlexBox: Sendable {
    public var contents: [FlexComponent]
    public var spacing: String? = nil
    public var margin: String? = nil
    public var paddingAll: String? = nil
    public var backgroundColor: String? = nil
    public var cornerRadius: String? = nil
}

/// Wrapped text, either plain or made of spans.
public struct FlexText: Sendable {
    public var text: String
    public var spans: [FlexSpan] = []
    public var size: String? = nil
    public var weight: String? = nil
    public var color: String? = nil
    public var margin: String? = nil
}

/// A styled run inside a text.
public struct FlexSpan: Sendable {
    public var text: String
    public var weight: String? = nil
    public var color: String? = nil
    public var decoration: String? = nil
}

/// A button that opens a URI (https or tel).
public struct FlexButton: Sendable {
    public var label: String
    public var uri: String
    public var style: String = "link"
    public var margin: String? = nil
    /// The label's colour for a link button, the background under LINE's own label colour for a primary or secondary
    /// one. `FlexRenderer` states it for link and primary buttons, whose default colours are LINE's to change.
    public var color: String? = nil
}

// The JSON LINE receives, written straight into bytes: compact, each object's members in sorted key order, text as
// UTF-8 (LINE counts the bytes of this form). The renderer writes a bubble's body from components it wrote once
// (`WrittenComponent`), through the same writer.

extension PushRequest {
    /// `{"messages":[…]}` with each message's bubble given as written.
    static func write(_ messages: [(altText: String, bubble: [UInt8])], into out: inout [UInt8]) {
        var o = JSONObjectWriter()
        o.array("messages", messages, into: &out) { message, out in
            var m = JSONObjectWriter()
            m.string("altText", message.altText, into: &out)
            m.json("contents", message.bubble, into: &out)
            m.literal("type", #""flex""#, into: &out)
            m.close(into: &out)
        }
        o.close(into: &out)
    }

    public var bytes: [UInt8] {
        var out: [UInt8] = []
        Self.write(messages.map { ($0.altText, $0.contents.bytes) }, into: &out)
        return out
    }
}

extension FlexBubble {
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        write(into: &out, body: body.contents) { $0.write(into: &$1) }
    }

    /// The bubble with `items` as its body's contents, each written by `element`.
    func write<Item>(into out: inout [UInt8], body items: [Item], _ element: (Item, inout [UInt8]) -> Void) {
        var o = JSONObjectWriter()
        o.key("body", into: &out)
        body.write(into: &out, contents: items, element)
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
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
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
        write(into: &out, contents: contents) { $0.write(into: &$1) }
    }

    /// The box with `items` as its contents, each written by `element`.
    func write<Item>(into out: inout [UInt8], contents items: [Item], _ element: (Item, inout [UInt8]) -> Void) {
        var o = JSONObjectWriter()
        o.string("backgroundColor", backgroundColor, into: &out)
        o.array("contents", items, into: &out, element)
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
        o.string("color", color, into: &out)
        o.literal("height", #""sm""#, into: &out)
        o.string("margin", margin, into: &out)
        o.string("style", style, into: &out)
        o.literal("type", #""button""#, into: &out)
        o.close(into: &out)
    }
}
