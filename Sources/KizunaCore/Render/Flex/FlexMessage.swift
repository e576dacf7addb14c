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
        var o: [String: JSONValue] = ["type": .string("box"), "layout": .string("vertical"),
                                      "contents": .array(contents.map(\.json))]
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
// written for every edition and day, and building dictionaries to sort was most of its cost.
// `FlexJSONTests` checks that both forms are byte-identical.

extension FlexBubble {
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        out.append(contentsOf: #"{"body":"#.utf8)
        body.write(into: &out)
        if let footer {
            out.append(contentsOf: #","footer":"#.utf8)
            footer.write(into: &out)
        }
        out.append(contentsOf: #","header":"#.utf8)
        header.write(into: &out)
        out.append(contentsOf: #","size":"giga","styles":{"header":{"backgroundColor":"#.utf8)
        JSONValue.writeString(headerBackground, into: &out)
        out.append(contentsOf: #"}},"type":"bubble"}"#.utf8)
    }
}

extension FlexComponent {
    var bytes: [UInt8] {
        if case .written(let bytes, _) = self { return bytes }
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .written(let bytes, _): out.append(contentsOf: bytes)
        case .box(let b): b.write(into: &out)
        case .text(let t): t.write(into: &out)
        case .button(let b): b.write(into: &out)
        case .separator(let margin):
            out.append(contentsOf: #"{"margin":"#.utf8)
            JSONValue.writeString(margin, into: &out)
            out.append(contentsOf: #","type":"separator"}"#.utf8)
        }
    }
}

/// `,"key":"value"` when the value is present.
private func member(_ key: StaticString, _ value: String?, into out: inout [UInt8]) {
    guard let value else { return }
    out.append(UInt8(ascii: ","))
    out.append(UInt8(ascii: "\""))
    out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    out.append(contentsOf: #"":"#.utf8)
    JSONValue.writeString(value, into: &out)
}

extension FlexBox {
    func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let backgroundColor {
            out.append(contentsOf: #""backgroundColor":"#.utf8)
            JSONValue.writeString(backgroundColor, into: &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: #""contents":["#.utf8)
        for (i, component) in contents.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            component.write(into: &out)
        }
        out.append(UInt8(ascii: "]"))
        member("cornerRadius", cornerRadius, into: &out)
        out.append(contentsOf: #","layout":"vertical""#.utf8)
        member("margin", margin, into: &out)
        member("paddingAll", paddingAll, into: &out)
        member("spacing", spacing, into: &out)
        out.append(contentsOf: #","type":"box"}"#.utf8)
    }
}

extension FlexText {
    func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        if let color {
            out.append(contentsOf: #""color":"#.utf8)
            JSONValue.writeString(color, into: &out)
            first = false
        }
        if !spans.isEmpty {
            out.append(contentsOf: (first ? #""contents":["# : #","contents":["#).utf8)
            for (i, span) in spans.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                span.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
            first = false
        }
        if let margin {
            out.append(contentsOf: (first ? #""margin":"# : #","margin":"#).utf8)
            JSONValue.writeString(margin, into: &out)
            first = false
        }
        if let size {
            out.append(contentsOf: (first ? #""size":"# : #","size":"#).utf8)
            JSONValue.writeString(size, into: &out)
            first = false
        }
        if spans.isEmpty {
            out.append(contentsOf: (first ? #""text":"# : #","text":"#).utf8)
            JSONValue.writeString(text, into: &out)
            first = false
        }
        out.append(contentsOf: (first ? #""type":"text""# : #","type":"text""#).utf8)
        member("weight", weight, into: &out)
        out.append(contentsOf: #","wrap":true}"#.utf8)
    }
}

extension FlexSpan {
    func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        if let color {
            out.append(contentsOf: #""color":"#.utf8)
            JSONValue.writeString(color, into: &out)
            first = false
        }
        if let decoration {
            out.append(contentsOf: (first ? #""decoration":"# : #","decoration":"#).utf8)
            JSONValue.writeString(decoration, into: &out)
            first = false
        }
        out.append(contentsOf: (first ? #""text":"# : #","text":"#).utf8)
        JSONValue.writeString(text, into: &out)
        out.append(contentsOf: #","type":"span""#.utf8)
        member("weight", weight, into: &out)
        out.append(UInt8(ascii: "}"))
    }
}

extension FlexButton {
    func write(into out: inout [UInt8]) {
        out.append(contentsOf: #"{"action":{"label":"#.utf8)
        JSONValue.writeString(label, into: &out)
        out.append(contentsOf: #","type":"uri","uri":"#.utf8)
        JSONValue.writeString(uri, into: &out)
        out.append(contentsOf: #"},"height":"sm""#.utf8)
        member("margin", margin, into: &out)
        out.append(contentsOf: #","style":"#.utf8)
        JSONValue.writeString(style, into: &out)
        out.append(contentsOf: #","type":"button"}"#.utf8)
    }
}
