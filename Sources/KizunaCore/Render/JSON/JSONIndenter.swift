/// Compact JSON laid out for reading (`render --pretty`): two-space indentation, one member or item per line, a space
/// after each colon. Keys keep their order and strings their bytes, so the result parses to the same value.
public enum JSONIndenter {
    public static func indent(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count * 2)
        var depth = 0
        var inString = false, escaped = false
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        var i = 0
        while i < json.count {
            let byte = json[i]
            i += 1
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                // An empty object or array stays on one line.
                if i < json.count, json[i] == UInt8(ascii: "}") || json[i] == UInt8(ascii: "]") {
                    out.append(json[i])
                    i += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [byte, 0x20])
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            default:
                out.append(byte)
            }
        }
        out.append(0x0A)
        return out
    }
}
