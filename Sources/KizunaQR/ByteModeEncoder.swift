/// The data codewords of a message in 8-bit byte mode (ISO/IEC 18004:2015 sections 7.4.2, 7.4.5, 7.4.9 and 7.4.10).
enum ByteModeEncoder {
    /// Mode indicator 0100 (table 2), the byte count, the bytes, a terminator of up to four 0 bits, 0 bits to the byte
    /// boundary, then the pad codewords 11101100 and 00010001 in turn up to the version's data capacity.
    static func dataCodewords(for bytes: [UInt8], version: QRVersion, level: QRErrorCorrection) -> [UInt8] {
        let capacity = version.dataCodewords(level)
        precondition(bytes.count <= version.byteCapacity(level), "the caller picks a version that holds the bytes")
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version.byteCountBits)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// The bits as bytes; the count must be a multiple of 8.
    var bytes: [UInt8] {
        precondition(bits.count % 8 == 0)
        return stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
