import KizunaQR

/// Reads the format information back out of a symbol (section 7.9.1, figure 25), to tell which mask a symbol made by
/// another encoder uses.
enum FormatReader {
    /// The 15 bits of each copy, bit 14 the most significant.
    static func copies(_ dark: (Int, Int) -> Bool, size: Int) -> (first: Int, second: Int) {
        var first = 0
        var second = 0
        for i in 0..<15 {
            let a: (Int, Int) =
                switch i {
                case 0...5: (i, 8)
                case 6: (7, 8)
                case 7: (8, 8)
                case 8: (8, 7)
                default: (8, 14 - i)
                }
            let b = i < 8 ? (8, size - 1 - i) : (size - 15 + i, 8)
            if dark(a.0, a.1) { first |= 1 << i }
            if dark(b.0, b.1) { second |= 1 << i }
        }
        return (first, second)
    }

    static func copies(_ code: QRCode) -> (first: Int, second: Int) {
        copies({ code[row: $0, column: $1] }, size: code.size)
    }

    /// The mask number a format information value carries.
    static func mask(_ bits: Int) -> Int { ((bits ^ 0b101_0100_0001_0010) >> 10) & 0b111 }
}
