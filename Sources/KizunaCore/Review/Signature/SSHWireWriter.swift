/// Writes the SSH wire encoding (RFC 4251 §5): big-endian `uint32`s and length-prefixed strings.
struct SSHWireWriter: Sendable {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// Raw bytes, without a length.
    mutating func raw<S: Sequence<UInt8>>(_ value: S) {
        bytes.append(contentsOf: value)
    }

    /// One byte.
    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// A big-endian `uint32`.
    mutating func uint32(_ value: UInt32) {
        bytes.append(contentsOf: [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF)])
        bytes.append(UInt8(value & 0xFF))
    }

    /// A `string`: the length as a `uint32`, then the bytes.
    mutating func string<C: Collection<UInt8>>(_ value: C) {
        uint32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// A `string` holding UTF-8 text.
    mutating func string(_ value: String) {
        string(Array(value.utf8))
    }
}
