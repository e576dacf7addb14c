import Crypto

/// A SHA-256 digest held inline: a manifest and a build cache hold three per day, and a hex `String` each was a heap
/// allocation to make, hash, copy and free on every rebuild. Written as lowercase hex where a file shows it.
struct FileHash: Sendable, Hashable {
    static let byteCount = 32
    private var a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// All zero bits: stands in a fixed-size record for a file that was not written.
    static let zero = FileHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        (a, b, c, d) = words
    }

    init(of bytes: [UInt8]) {
        self.init(digest: SHA256.hash(data: bytes))
    }

    init(digest: SHA256.Digest) {
        (a, b, c, d) = digest.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// The digest's 32 bytes, as `append(into:)` writes them; nil for any other count.
    init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == Self.byteCount else { return nil }
        (a, b, c, d) = (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                        raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// Appends the digest's 32 bytes.
    func append(into out: inout [UInt8]) {
        withUnsafeBytes(of: (a, b, c, d)) { out.append(contentsOf: $0) }
    }

    /// Appends the 64 lowercase hex digits, in one append.
    func appendHex(into out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        withUnsafeBytes(of: (a, b, c, d)) { raw in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Self.byteCount) { hex in
                for (i, byte) in raw.enumerated() {
                    hex[2 * i] = digits.utf8Start[Int(byte >> 4)]
                    hex[2 * i + 1] = digits.utf8Start[Int(byte & 0x0F)]
                }
                out.append(contentsOf: hex)
            }
        }
    }

    var hex: String { withUnsafeBytes(of: (a, b, c, d)) { lowercaseHex($0) } }
}
