import Crypto
import Foundation

/// The messages the style rules found nothing in, remembered between builds (in the build cache) by a hash of
/// their texts, so that a rebuild checks only the texts that changed: the style checks of 534 manuscripts cost the
/// same at any number of editions. Only clean messages are remembered: a message with findings is checked every
/// time, so every diagnostic comes from a check of this run. Each hash also covers everything else the rules
/// read (`salt`: the program, the content's settings files and MeCab's dictionary), so a change to any of them has
/// every message checked again.
public final class StyleMemo: @unchecked Sendable {
    /// A message's SHA-256, as four words.
    struct Key: Hashable, Comparable {
        let words: (UInt64, UInt64, UInt64, UInt64)

        /// The 32 bytes at `offset`.
        init(_ raw: UnsafeRawBufferPointer, at offset: Int = 0) {
            words = (
                raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
            )
        }

        static func == (a: Key, b: Key) -> Bool { a.words == b.words }
        static func < (a: Key, b: Key) -> Bool { a.words < b.words }
        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0); hasher.combine(words.1); hasher.combine(words.2); hasher.combine(words.3)
        }
    }

    static let header = Array("kizuna-style-memo 1\n".utf8)

    private let salt: [UInt8]
    private let remembered: Set<Key>
    private let lock = NSLock()
    /// The keys this run found clean or used: what the next run is given, so the memo holds only current texts.
    private var current: Set<Key> = []

    /// `stored`: the bytes a previous run's `bytes` gave (nil, or anything else, remembers nothing).
    public init(salt: [UInt8], stored: [UInt8]?) {
        self.salt = salt
        var keys = Set<Key>()
        if let stored, stored.count >= Self.header.count, Array(stored.prefix(Self.header.count)) == Self.header,
            (stored.count - Self.header.count) % 32 == 0
        {
            stored.withUnsafeBytes { raw in
                for offset in stride(from: Self.header.count, to: raw.count, by: 32) {
                    keys.insert(Key(raw, at: offset))
                }
            }
        }
        remembered = keys
    }

    /// The hash of one message: its prose texts, then its labels, each as its length and its UTF-8 bytes.
    func key(prose: [LocatedText], labels: [LocatedText]) -> Key {
        var h = SHA256()
        h.update(data: salt)
        for (mark, texts) in [(UInt8(1), prose), (UInt8(2), labels)] {
            h.update(data: [mark])
            for text in texts {
                let bytes = Array(text.raw.utf8)
                withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { h.update(bufferPointer: $0) }
                h.update(data: bytes)
            }
        }
        return h.finalize().withUnsafeBytes { Key($0) }
    }

    /// Whether a previous run found this message clean (and so this run need not check it).
    func isClean(_ key: Key) -> Bool {
        guard remembered.contains(key) else { return false }
        lock.withLock { _ = current.insert(key) }
        return true
    }

    /// Records messages this run checked and found clean.
    func remember(_ keys: [Key]) {
        guard !keys.isEmpty else { return }
        lock.withLock { current.formUnion(keys) }
    }

    /// What to store for the next run: this run's clean keys, sorted so that the same content gives the same bytes.
    public var bytes: [UInt8] {
        let keys = lock.withLock { current.sorted() }
        var out = Self.header
        out.reserveCapacity(out.count + keys.count * 32)
        for key in keys {
            for word in [key.words.0, key.words.1, key.words.2, key.words.3] {
                withUnsafeBytes(of: word) { out.append(contentsOf: $0) }
            }
        }
        return out
    }
}
