/// A small JSON document as a value (diagnostics, a manifest's settings, reports). Objects are written with their keys
/// sorted, so output never depends on construction order.
public indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Compact UTF-8 JSON with sorted keys, non-ASCII written as is (LINE counts bytes of this form).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out)
        return out
    }

    public func write(into out: inout [UInt8]) {
        switch self {
        case .string(let s):
            JSONValue.writeString(s, into: &out)
        case .int(let n):
            out.append(contentsOf: String(n).utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            var o = JSONObjectWriter()
            // Keys compare by UTF-8 bytes: the same order as Python's sort_keys and JSONEncoder's .sortedKeys for ASCII
            // keys.
            for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                o.key(key, into: &out)
                members[key]!.write(into: &out)
            }
            o.close(into: &out)
        }
    }

    /// Writes a JSON string literal: quotes, backslashes and control characters escaped, everything else as UTF-8.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        writeEscaped(s, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string literal, without the quotes. Runs that need no escape are copied whole.
    public static func writeEscaped(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch byte {
                case 0x22: out.append(92); out.append(34)
                case 0x5C: out.append(92); out.append(92)
                case 0x0A: out.append(92); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(92); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(92); out.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48])
                    out.append(hex.utf8Start[Int(byte >> 4)])
                    out.append(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}

/// Something that has a JSON form.
public protocol JSONRepresentable {
    var json: JSONValue { get }
}
