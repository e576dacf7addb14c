/// The 15-bit format information (ISO/IEC 18004:2015 section 7.9) and the 18-bit version information (section 7.10),
/// each a BCH code of its data bits, and where they go in the symbol.
enum FormatInformation {
    /// Level and mask as 5 data bits, 10 bits of BCH(15,5) with generator x¹⁰+x⁸+x⁵+x⁴+x²+x+1, XORed with 101010000010010
    /// so that no format information is all zeros (section 7.9.1; every value is in Annex C, table C.1).
    static func bits(level: QRErrorCorrection, mask: Int) -> Int {
        let data = level.formatBits << 3 | mask
        return BCH.code(data, generator: 0b101_0011_0111, degree: 10) ^ 0b101_0100_0001_0010
    }

    /// Both copies of the format information (section 7.9.1, figure 25): bit 14 is the most significant. Also sets the
    /// dark module at (4V + 9, 8).
    static func draw(_ bits: Int, into matrix: inout ModuleMatrix) {
        let size = matrix.size
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the upper left finder pattern: bits 0–7 down column 8 (skipping the timing row), 8–14 along row 8.
        for i in 0...5 { matrix.setFunction(row: i, column: 8, dark: bit(i)) }
        matrix.setFunction(row: 7, column: 8, dark: bit(6))
        matrix.setFunction(row: 8, column: 8, dark: bit(7))
        matrix.setFunction(row: 8, column: 7, dark: bit(8))
        for i in 9..<15 { matrix.setFunction(row: 8, column: 14 - i, dark: bit(i)) }
        // The second copy: bits 0–7 along row 8 from the right edge, 8–14 up column 8 to the bottom edge.
        for i in 0..<8 { matrix.setFunction(row: 8, column: size - 1 - i, dark: bit(i)) }
        for i in 8..<15 { matrix.setFunction(row: size - 15 + i, column: 8, dark: bit(i)) }
        matrix.setFunction(row: size - 8, column: 8, dark: true)
    }
}

enum VersionInformation {
    /// The version number as 6 data bits and 12 bits of BCH(18,6) with generator x¹²+x¹¹+x¹⁰+x⁹+x⁸+x⁵+x²+1 (section
    /// 7.10; every value is in Annex D, table D.1). Only versions 7 and up carry it.
    static func bits(version: Int) -> Int {
        BCH.code(version, generator: 0b1_1111_0010_0101, degree: 12)
    }

    /// The two 6×3 blocks: above the lower left finder pattern and left of the upper right one (section 7.10, figure
    /// 27); bit i at row i / 3, column size − 11 + i % 3, and transposed.
    static func draw(_ bits: Int, into matrix: inout ModuleMatrix) {
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = matrix.size - 11 + i % 3
            let b = i / 3
            matrix.setFunction(row: b, column: a, dark: dark)
            matrix.setFunction(row: a, column: b, dark: dark)
        }
    }
}

/// Systematic BCH codes over GF(2): the data bits followed by the remainder of data · xⁿ divided by the generator.
enum BCH {
    static func code(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data << degree
        while remainder != 0 {
            let top = Int.bitWidth - 1 - remainder.leadingZeroBitCount
            if top < degree { break }
            remainder ^= generator << (top - degree)
        }
        return data << degree | remainder
    }
}
