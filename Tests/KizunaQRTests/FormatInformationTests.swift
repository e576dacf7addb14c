import Testing
@testable import KizunaQR

@Suite("format and version information")
struct FormatInformationTests {
    /// Annex C, table C.1: the format information bit sequences after masking with 101010000010010, masks 0 to 7.
    static let tableC1: [(QRErrorCorrection, [String])] = [
        (
            .low,
            [
                "111011111000100", "111001011110011", "111110110101010", "111100010011101",
                "110011000101111", "110001100011000", "110110001000001", "110100101110110",
            ]
        ),
        (
            .medium,
            [
                "101010000010010", "101000100100101", "101111001111100", "101101101001011",
                "100010111111001", "100000011001110", "100111110010111", "100101010100000",
            ]
        ),
        (
            .quartile,
            [
                "011010101011111", "011000001101000", "011111100110001", "011101000000110",
                "010010010110100", "010000110000011", "010111011011010", "010101111101101",
            ]
        ),
        (
            .high,
            [
                "001011010001001", "001001110111110", "001110011100111", "001100111010000",
                "000011101100010", "000001001010101", "000110100001100", "000100000111011",
            ]
        ),
    ]

    @Test("format information is table C.1's for every level and mask")
    func formatBits() {
        for (level, rows) in Self.tableC1 {
            for (mask, expected) in rows.enumerated() {
                #expect(binary(FormatInformation.bits(level: level, mask: mask), width: 15) == expected)
            }
        }
    }

    /// Annex D, table D.1.
    @Test("version information is table D.1's for versions 7 to 10")
    func versionBits() {
        let tableD1 = [
            7: "000111110010010100", 8: "001000010110111100", 9: "001001101010011001", 10: "001010010011010011",
        ]
        for (version, expected) in tableD1 {
            #expect(binary(VersionInformation.bits(version: version), width: 18) == expected)
        }
    }

    @Test("both copies of the format information read back the level and mask")
    func formatCopiesReadBack() throws {
        for level in QRErrorCorrection.allCases {
            for mask in 0..<8 {
                let code = try QRCode(encoding: "https://lin.ee/AbCdEfG", errorCorrection: level, mask: mask)
                let copies = FormatReader.copies(code)
                #expect(copies.first == copies.second)
                #expect(copies.first == FormatInformation.bits(level: level, mask: mask))
            }
        }
    }

    private func binary(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 2)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
