/// Lowercase hex of bytes, two digits a byte written into one buffer: one allocation for the text, none per byte.
func lowercaseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    String(unsafeUninitializedCapacity: bytes.count * 2) { out in
        writeLowercaseHex(bytes, into: out)
        return bytes.count * 2
    }
}

/// Appends the lowercase hex of `bytes` to `out` in one append.
func appendLowercaseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2) { hex in
        writeLowercaseHex(bytes, into: hex)
        out.append(contentsOf: hex)
    }
}

/// Two digits a byte into `out`, which holds at least twice as many bytes.
private func writeLowercaseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes, into out: UnsafeMutableBufferPointer<UInt8>) {
    let digits: StaticString = "0123456789abcdef"
    for (i, byte) in bytes.enumerated() {
        out[2 * i] = digits.utf8Start[Int(byte >> 4)]
        out[2 * i + 1] = digits.utf8Start[Int(byte & 0x0F)]
    }
}
