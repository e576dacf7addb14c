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
        self = digest.withUnsafeBytes { FileHash(raw: $0)! }
    }

    /// The digest's 32 bytes, as `append(into:)` writes them; nil for any other count.
    init?(raw: UnsafeRawBufferPointer) {
        guard raw.count == Self.byteCount else { return nil }
        self.init(
            words: (
                raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            ))
    }

    /// The digest's 32 bytes.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        Swift.withUnsafeBytes(of: (a, b, c, d), body)
    }

    /// Appends the digest's 32 bytes.
    func append(into out: inout [UInt8]) {
        withUnsafeBytes { out.append(contentsOf: $0) }
    }

    /// Appends the 64 lowercase hex digits.
    func appendHex(into out: inout [UInt8]) {
        withUnsafeBytes { appendLowercaseHex($0, into: &out) }
    }

    var hex: String { withUnsafeBytes { lowercaseHex($0) } }
}
