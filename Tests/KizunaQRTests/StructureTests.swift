import Testing
@testable import KizunaQR

@Suite("symbol structure and capacity")
struct StructureTests {
    /// Table 7, 8-bit byte mode: data capacity in bytes of versions 1–10 at levels M and Q.
    static let table7: [QRErrorCorrection: [Int]] = [
        .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
        .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
    ]

    /// Table 1: the number of codewords of versions 1–10.
    static let totalCodewords = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346]

    @Test("table 9's blocks add up to the version's codewords, which fill its data modules", arguments: 1...10)
    func blocksFillTheSymbol(version: Int) {
        let qrVersion = QRVersion(version)
        let matrix = ModuleMatrix(functionPatternsOf: qrVersion)
        let dataModules = (0..<matrix.size).reduce(0) { sum, row in
            sum + (0..<matrix.size).filter { !matrix.isFunction(row: row, column: $0) }.count
        }
        // Remainder bits (section 7.7.3) are fewer than 8.
        #expect(dataModules / 8 == Self.totalCodewords[version - 1])
        for level in QRErrorCorrection.allCases {
            #expect(qrVersion.blocks(level).totalCodewords == Self.totalCodewords[version - 1], "\(level)")
        }
    }

    @Test(
        "the largest input of each version fits it; one byte more takes the next",
        arguments: [QRErrorCorrection.medium, .quartile])
    func capacityBoundaries(level: QRErrorCorrection) throws {
        for version in 1...10 {
            let capacity = try #require(Self.table7[level]?[version - 1])
            #expect(QRCode.capacity(version: version, errorCorrection: level) == capacity)
            let fits = try QRCode(encoding: bytes(capacity), errorCorrection: level)
            #expect(fits.version == version)
            #expect(fits.size == 17 + 4 * version)
            if version < 10 {
                #expect(try QRCode(encoding: bytes(capacity + 1), errorCorrection: level).version == version + 1)
            } else {
                #expect(throws: QRCode.Failure.tooLong(bytes: capacity + 1, capacity: capacity)) {
                    try QRCode(encoding: bytes(capacity + 1), errorCorrection: level)
                }
            }
        }
    }

    @Test("a range of versions limits the choice and the capacity")
    func versionRange() throws {
        #expect(try QRCode(encoding: bytes(5), versions: 3...10).version == 3)
        #expect(throws: QRCode.Failure.tooLong(bytes: 27, capacity: 26)) {
            try QRCode(encoding: bytes(27), versions: 1...2)
        }
        #expect(throws: QRCode.Failure.unsupportedVersions(1...11)) { try QRCode(encoding: bytes(5), versions: 1...11) }
        #expect(throws: QRCode.Failure.invalidMask(8)) { try QRCode(encoding: bytes(5), mask: 8) }
        #expect(QRCode.Failure.tooLong(bytes: 250, capacity: 213).description.contains("250 bytes"))
    }

    @Test("byte mode: mode indicator, count, data, terminator and alternating pad codewords")
    func dataCodewords() {
        let version = QRVersion(1)
        // 0100 00000000 0000: 16 bits, then pad codewords to 16 codewords.
        let empty = ByteModeEncoder.dataCodewords(for: [], version: version, level: .medium)
        #expect(empty == [0x40, 0x00] + (0..<14).map { $0 % 2 == 0 ? 0xEC : 0x11 })
        // 0100 00000001 01100001 0000: "a", terminator, to the byte boundary.
        let a = ByteModeEncoder.dataCodewords(for: [0x61], version: version, level: .medium)
        #expect(Array(a.prefix(4)) == [0x40, 0x16, 0x10, 0xEC])
        // Version 10 counts in 16 bits: 0100 0000000000000001 01100001 0000.
        let ten = ByteModeEncoder.dataCodewords(for: [0x61], version: QRVersion(10), level: .medium)
        #expect(Array(ten.prefix(5)) == [0x40, 0x00, 0x16, 0x10, 0xEC])
        #expect(ten.count == 216)
        // A full symbol leaves no room for the terminator's four bits: none is written (section 7.4.9).
        let full = ByteModeEncoder.dataCodewords(for: bytes(14), version: version, level: .medium)
        #expect(full.count == 16)
    }

    @Test("finder patterns, separators and timing patterns", arguments: [1, 2, 7, 10])
    func finderAndTiming(version: Int) throws {
        let code = try QRCode(encoding: bytes(QRCode.capacity(version: version, errorCorrection: .medium)))
        #expect(code.version == version)
        let n = code.size
        for (top, left) in [(0, 0), (0, n - 7), (n - 7, 0)] {
            for r in 0..<7 {
                for c in 0..<7 {
                    let ring = max(abs(r - 3), abs(c - 3))
                    #expect(code[row: top + r, column: left + c] == (ring != 2), "finder at \(top),\(left)")
                }
            }
        }
        // Separators: the light row and column between each finder pattern and the rest.
        for i in 0..<8 {
            #expect(!code[row: 7, column: i] && !code[row: i, column: 7])
            #expect(!code[row: 7, column: n - 1 - i] && !code[row: i, column: n - 8])
            #expect(!code[row: n - 8, column: i] && !code[row: n - 1 - i, column: 7])
        }
        for i in 8..<(n - 8) {
            #expect(code[row: 6, column: i] == (i % 2 == 0))
            #expect(code[row: i, column: 6] == (i % 2 == 0))
        }
        // The dark module (section 7.9.1).
        #expect(code[row: 4 * version + 9, column: 8])
    }

    /// Table E.1's centres, e.g. 6, 22, 38 for version 7: six patterns, not the three by the finder patterns.
    @Test("alignment patterns", arguments: [(2, [6, 18]), (5, [6, 30]), (7, [6, 22, 38]), (10, [6, 28, 50])])
    func alignmentPatterns(version: Int, centers: [Int]) throws {
        let matrix = ModuleMatrix(functionPatternsOf: QRVersion(version))
        let code = try QRCode(encoding: bytes(QRCode.capacity(version: version, errorCorrection: .medium)))
        let last = centers.last!
        var drawn = 0
        for row in centers {
            for column in centers where ![(6, 6), (6, last), (last, 6)].contains(where: { $0 == (row, column) }) {
                drawn += 1
                for dr in -2...2 {
                    for dc in -2...2 {
                        #expect(matrix.isFunction(row: row + dr, column: column + dc))
                        #expect(code[row: row + dr, column: column + dc] == (max(abs(dr), abs(dc)) != 1))
                    }
                }
            }
        }
        #expect(drawn == centers.count * centers.count - 3)
        #expect(QRVersion(version).alignmentCenters == centers)
    }

    @Test("version information sits in both 6×3 blocks from version 7 on", arguments: [6, 7, 10])
    func versionInformationBlocks(version: Int) throws {
        let code = try QRCode(encoding: bytes(QRCode.capacity(version: version, errorCorrection: .medium)))
        let n = code.size
        var first = 0
        var second = 0
        for i in 0..<18 {
            if code[row: i / 3, column: n - 11 + i % 3] { first |= 1 << i }
            if code[row: n - 11 + i % 3, column: i / 3] { second |= 1 << i }
        }
        if version >= 7 {
            #expect(first == second)
            #expect(first >> 12 == version)
            #expect(first == VersionInformation.bits(version: version))
        } else {
            #expect(!ModuleMatrix(functionPatternsOf: QRVersion(version)).isFunction(row: 0, column: n - 11))
        }
    }

    private func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(0x21 + $0 % 90) }
    }
}
