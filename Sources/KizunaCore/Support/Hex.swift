/// Lowercase hex of bytes, two digits a byte written into one buffer: a String per byte cost more than the hash itself.
func lowercaseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    let digits: StaticString = "0123456789abcdef"
    return String(unsafeUninitializedCapacity: bytes.count * 2) { out in
        for (i, byte) in bytes.enumerated() {
            out[2 * i] = digits.utf8Start[Int(byte >> 4)]
            out[2 * i + 1] = digits.utf8Start[Int(byte & 0x0F)]
        }
        return bytes.count * 2
    }
}
