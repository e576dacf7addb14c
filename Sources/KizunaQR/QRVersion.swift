/// One of the symbol versions this encoder writes (1 to 10), with its size, alignment patterns and the error correction
/// block structure of ISO/IEC 18004:2015 table 9.
struct QRVersion: Sendable {
    /// The versions this encoder knows.
    static let supported = 1...10

    let number: Int

    init(_ number: Int) {
        precondition(Self.supported.contains(number), "QR version \(number) is not supported")
        self.number = number
    }

    /// Modules per side: 21 for version 1, 4 more for each version (section 5.3.1).
    var size: Int { 17 + 4 * number }

    /// Row and column coordinates of the alignment patterns' centres (Annex E, table E.1).
    var alignmentCenters: [Int] {
        switch number {
        case 1: []
        case 2: [6, 18]
        case 3: [6, 22]
        case 4: [6, 26]
        case 5: [6, 30]
        case 6: [6, 34]
        case 7: [6, 22, 38]
        case 8: [6, 24, 42]
        case 9: [6, 26, 46]
        default: [6, 28, 50]
        }
    }

    /// Bits of the character count indicator in 8-bit byte mode (section 7.4.2, table 3).
    var byteCountBits: Int { number <= 9 ? 8 : 16 }

    /// How the codewords of this version at `level` are split into blocks.
    func blocks(_ level: QRErrorCorrection) -> BlockStructure {
        let row = Self.table9[number - 1]
        return switch level {
        case .low: row.low
        case .medium: row.medium
        case .quartile: row.quartile
        case .high: row.high
        }
    }

    /// Data codewords available at `level`.
    func dataCodewords(_ level: QRErrorCorrection) -> Int { blocks(level).dataCodewords }

    /// The most bytes a symbol of this version at `level` holds in 8-bit byte mode: mode indicator, count and data must
    /// fit in the data codewords (section 7.4.5; table 7's 8-bit column).
    func byteCapacity(_ level: QRErrorCorrection) -> Int {
        (dataCodewords(level) * 8 - 4 - byteCountBits) / 8
    }

    /// Table 9, versions 1–10: for each level, the error correction codewords per block and the groups of blocks, each
    /// group as (number of blocks, data codewords per block). The standard writes a block as (c, k, r): c − k here.
    private static let table9:
        [(low: BlockStructure, medium: BlockStructure, quartile: BlockStructure, high: BlockStructure)] = [
            (.init(7, [(1, 19)]), .init(10, [(1, 16)]), .init(13, [(1, 13)]), .init(17, [(1, 9)])),
            (.init(10, [(1, 34)]), .init(16, [(1, 28)]), .init(22, [(1, 22)]), .init(28, [(1, 16)])),
            (.init(15, [(1, 55)]), .init(26, [(1, 44)]), .init(18, [(2, 17)]), .init(22, [(2, 13)])),
            (.init(20, [(1, 80)]), .init(18, [(2, 32)]), .init(26, [(2, 24)]), .init(16, [(4, 9)])),
            (
                .init(26, [(1, 108)]), .init(24, [(2, 43)]), .init(18, [(2, 15), (2, 16)]),
                .init(22, [(2, 11), (2, 12)])
            ),
            (.init(18, [(2, 68)]), .init(16, [(4, 27)]), .init(24, [(4, 19)]), .init(28, [(4, 15)])),
            (
                .init(20, [(2, 78)]), .init(18, [(4, 31)]), .init(18, [(2, 14), (4, 15)]),
                .init(26, [(4, 13), (1, 14)])
            ),
            (
                .init(24, [(2, 97)]), .init(22, [(2, 38), (2, 39)]), .init(22, [(4, 18), (2, 19)]),
                .init(26, [(4, 14), (2, 15)])
            ),
            (
                .init(30, [(2, 116)]), .init(22, [(3, 36), (2, 37)]), .init(20, [(4, 16), (4, 17)]),
                .init(24, [(4, 12), (4, 13)])
            ),
            (
                .init(18, [(2, 68), (2, 69)]), .init(26, [(4, 43), (1, 44)]), .init(24, [(6, 19), (2, 20)]),
                .init(28, [(6, 15), (2, 16)])
            ),
        ]
}

/// The error correction blocks of one version and level (table 9): every block has the same number of error correction
/// codewords; the blocks of a later group have one data codeword more.
struct BlockStructure: Sendable {
    let errorCorrectionPerBlock: Int
    /// Data codewords of each block, in order.
    let dataCodewordsPerBlock: [Int]

    init(_ errorCorrectionPerBlock: Int, _ groups: [(blocks: Int, dataCodewords: Int)]) {
        self.errorCorrectionPerBlock = errorCorrectionPerBlock
        dataCodewordsPerBlock = groups.flatMap { Array(repeating: $0.dataCodewords, count: $0.blocks) }
    }

    var dataCodewords: Int { dataCodewordsPerBlock.reduce(0, +) }
    var totalCodewords: Int { dataCodewords + errorCorrectionPerBlock * dataCodewordsPerBlock.count }
}
