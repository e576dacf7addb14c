/// Kizuna's JSON writer: one object member by member, straight into bytes. The caller gives the members in sorted key
/// order (byte order of the UTF-8 keys), so every object Kizuna writes has sorted keys; `JSONValue` writes its objects
/// through it. Absent (nil) members are skipped.
struct JSONObjectWriter {
    private var first = true

    /// `"key":` after `{` or `,`.
    mutating func key(_ key: StaticString, into out: inout [UInt8]) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// `"key":` for a key known only at run time (escaped as any string).
    mutating func key(_ key: String, into out: inout [UInt8]) {
        out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        first = false
        JSONValue.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
    }

    mutating func string(_ key: StaticString, _ value: String?, into out: inout [UInt8]) {
        guard let value else { return }
        self.key(key, into: &out)
        JSONValue.writeString(value, into: &out)
    }

    /// A member whose value is fixed JSON text, such as `"box"` or `true`.
    mutating func literal(_ key: StaticString, _ json: StaticString, into out: inout [UInt8]) {
        self.key(key, into: &out)
        out.append(contentsOf: UnsafeBufferPointer(start: json.utf8Start, count: json.utf8CodeUnitCount))
    }

    /// A member whose value is JSON this writer wrote before (a bubble, an edition's days).
    mutating func json(_ key: StaticString, _ written: [UInt8], into out: inout [UInt8]) {
        self.key(key, into: &out)
        out.append(contentsOf: written)
    }

    mutating func value(_ key: StaticString, _ value: JSONValue, into out: inout [UInt8]) {
        self.key(key, into: &out)
        value.write(into: &out)
    }

    /// A member whose value is an array, each element written by `element`.
    mutating func array<T>(
        _ key: StaticString, _ items: [T], into out: inout [UInt8], _ element: (T, inout [UInt8]) -> Void
    ) {
        self.key(key, into: &out)
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            element(item, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    func close(into out: inout [UInt8]) {
        if first { out.append(UInt8(ascii: "{")) }
        out.append(UInt8(ascii: "}"))
    }
}
