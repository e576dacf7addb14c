@testable import KizunaCore

// The Flex values as JSON trees, written by `JSONValue` with its keys sorted: the reference the payload writer's
// bytes are compared with (`FlexJSONTests`, `PayloadFillerTests`), built from the same typed values by another road.

extension PushRequest {
    var json: JSONValue { .object(["messages": .array(messages.map(\.json))]) }
}

extension FlexMessage {
    var json: JSONValue {
        .object(["type": .string("flex"), "altText": .string(altText), "contents": contents.json])
    }
}

extension FlexBubble {
    var json: JSONValue {
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

extension FlexComponent {
    var json: JSONValue {
        switch self {
        case .box(let b): b.json
        case .text(let t): t.json
        case .button(let b): b.json
        case .separator(let margin): .object(["type": .string("separator"), "margin": .string(margin)])
        }
    }
}

extension FlexBox {
    var json: JSONValue {
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

extension FlexText {
    var json: JSONValue {
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

extension FlexSpan {
    var json: JSONValue {
        var o: [String: JSONValue] = ["type": .string("span"), "text": .string(text)]
        o.set("weight", weight)
        o.set("color", color)
        o.set("decoration", decoration)
        return .object(o)
    }
}

extension FlexButton {
    var json: JSONValue {
        var o: [String: JSONValue] = [
            "type": .string("button"), "style": .string(style), "height": .string("sm"),
            "action": .object(["type": .string("uri"), "label": .string(label), "uri": .string(uri)]),
        ]
        o.set("margin", margin)
        o.set("color", color)
        return .object(o)
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Adds a member only when the value is present.
    fileprivate mutating func set(_ key: String, _ value: String?) {
        if let value { self[key] = .string(value) }
    }
}
