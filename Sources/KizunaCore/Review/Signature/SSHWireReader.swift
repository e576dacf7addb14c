/// Reads the SSH wire encoding (RFC 4251 §5) from a byte buffer, checking every length against what is left.
///
/// Every read returns nil instead of trapping when the input is too short, so hostile input ends in an error.
struct SSHWireReader: Sendable {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// The bytes not yet read, counted for a message: "1 byte", "3 bytes".
    var leftover: String { remaining == 1 ? "1 byte" : "\(remaining) bytes" }

    /// Exactly `count` raw bytes, or nil when fewer are left.
    mutating func raw(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// One byte.
    mutating func byte() -> UInt8? {
        raw(1)?.first
    }

    /// A big-endian `uint32`.
    mutating func uint32() -> UInt32? {
        guard let b = raw(4) else { return nil }
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A `string`: a `uint32` length, then that many bytes.
    mutating func string() -> [UInt8]? {
        let start = offset
        // A length larger than what is left must not move the offset, so a failed read leaves the reader as it was.
        guard let length = uint32(), UInt64(length) <= UInt64(remaining), let value = raw(Int(length)) else {
            offset = start
            return nil
        }
        return value
    }

    /// A `string` holding UTF-8 text without NUL bytes, as OpenSSH reads names; nil when it is not one.
    mutating func text() -> String? {
        guard let value = string() else { return nil }
        return Self.text(value)
    }

    /// `bytes` as text when they are valid UTF-8 without NUL bytes.
    static func text(_ bytes: [UInt8]) -> String? {
        guard !bytes.contains(0) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid sequences, so a round trip that changes the bytes means they were not UTF-8.
        return Array(text.utf8) == bytes ? text : nil
    }
}
