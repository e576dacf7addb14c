import CFileSystem

/// Byte-string search with libc's `memmem`: the standard library's generic `ranges(of:)` on `[UInt8]` goes through
/// generic metadata on every call, and the builder searches every payload it writes.
extension Array where Element == UInt8 {
    /// The offset of the first occurrence of `needle` at or after `start`.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start }
        guard start <= count else { return nil }
        return withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { ndl in
                guard let base = hay.baseAddress else { return nil }
                let found = kizuna_find_bytes(base + start, hay.count - start, ndl.baseAddress!, ndl.count)
                return found < 0 ? nil : start + found
            }
        }
    }

    /// Non-overlapping occurrences of `needle`.
    func occurrences(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty else { return 0 }
        var n = 0
        var at = 0
        while let found = firstOffset(of: needle, from: at) {
            n += 1
            at = found + needle.count
        }
        return n
    }

    func contains(_ needle: [UInt8]) -> Bool {
        firstOffset(of: needle) != nil
    }

    /// Every non-overlapping occurrence of `needle` replaced, left to right.
    func replacingAll(_ needle: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard !needle.isEmpty, var found = firstOffset(of: needle) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(count + Swift.max(0, replacement.count - needle.count) * 4)
        var at = 0
        while true {
            out.append(contentsOf: self[at..<found])
            out.append(contentsOf: replacement)
            at = found + needle.count
            guard let next = firstOffset(of: needle, from: at) else { break }
            found = next
        }
        out.append(contentsOf: self[at...])
        return out
    }
}

extension String {
    /// Whether `needle` occurs, searched in the UTF-8 bytes with `memmem`: Foundation's `contains` goes through
    /// CFString, and the sentence-length rule asks for every sentence. Byte equality: for text already NFC.
    func containsBytes(of needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { ndl in
                guard let h = hay.baseAddress, let n = ndl.baseAddress else { return ndl.isEmpty }
                return kizuna_find_bytes(h, hay.count, n, ndl.count) >= 0
            }
        }
    }
}
