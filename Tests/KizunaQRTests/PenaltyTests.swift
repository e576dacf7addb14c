import Testing
@testable import KizunaQR

@Suite("mask penalties (section 7.8.3, table 11)")
struct PenaltyTests {
    @Test("N1: a run of 5 + i modules scores 3 + i")
    func runs() {
        #expect(PenaltyScorer.runScore([4, 1, 4]) == 0)
        #expect(PenaltyScorer.runScore([5]) == 3)
        #expect(PenaltyScorer.runScore([7, 2, 6]) == 5 + 4)
    }

    @Test("N3: 1:1:3:1:1 with four units of light before or after, the quiet zone counting as light")
    func finderLike() {
        // 0000 1011101 0000
        #expect(PenaltyScorer.finderLikeScore([4, 1, 1, 3, 1, 1, 4], firstIsDark: false) == 40)
        // 1 00 1011101 00 1: two light modules either side, neither at an edge.
        #expect(PenaltyScorer.finderLikeScore([1, 2, 1, 1, 3, 1, 1, 2, 1], firstIsDark: true) == 0)
        // 1 0000 1011101 00 1: four light modules before.
        #expect(PenaltyScorer.finderLikeScore([1, 4, 1, 1, 3, 1, 1, 2, 1], firstIsDark: true) == 40)
        // 1011101 00 1 at the left edge: the quiet zone is the light area.
        #expect(PenaltyScorer.finderLikeScore([1, 1, 3, 1, 1, 2, 1], firstIsDark: true) == 40)
        // Twice the unit: 11 00 111111 00 11 after eight light modules.
        #expect(PenaltyScorer.finderLikeScore([1, 8, 2, 2, 6, 2, 2, 1, 1], firstIsDark: true) == 40)
        // Not the ratio: 1 0 11 0 1.
        #expect(PenaltyScorer.finderLikeScore([4, 1, 1, 2, 1, 1, 4], firstIsDark: false) == 0)
    }

    @Test("N4: 10 for each full 5 % the dark proportion is off 50 %")
    func balance() {
        #expect(PenaltyScorer.balanceScore(dark: 50, total: 100) == 0)
        #expect(PenaltyScorer.balanceScore(dark: 549, total: 1000) == 0)
        #expect(PenaltyScorer.balanceScore(dark: 55, total: 100) == 10)
        #expect(PenaltyScorer.balanceScore(dark: 45, total: 100) == 10)
        #expect(PenaltyScorer.balanceScore(dark: 451, total: 1000) == 0)
        #expect(PenaltyScorer.balanceScore(dark: 39, total: 100) == 20)
    }

    @Test("N2: every 2×2 block of one colour scores 3, a 3×3 block four times")
    func blocks() {
        var matrix = ModuleMatrix(size: 5)
        // All light: 16 blocks of 2×2.
        #expect(PenaltyScorer.score(matrix).blocks == 16 * 3)
        for row in 0..<5 {
            for column in 0..<5 { matrix[row, column] = (row + column) % 2 == 0 }
        }
        #expect(PenaltyScorer.score(matrix).blocks == 0)
        for row in 0..<3 {
            for column in 0..<3 { matrix[row, column] = true }
        }
        #expect(PenaltyScorer.score(matrix).blocks == 4 * 3)
    }

    @Test("the mask chosen has the lowest penalty, ties going to the lower mask", arguments: SampleURLs.all.prefix(12))
    func lowestPenalty(sample: Sample) throws {
        let code = try QRCode(encoding: sample.url, errorCorrection: sample.level)
        let scores = code.maskPenalties()
        let lowest = scores.map(\.total).min()!
        #expect(code.mask == scores.firstIndex { $0.total == lowest })
        // The scores are those of the symbols with each mask fixed.
        for mask in 0..<8 {
            let fixed = try QRCode(encoding: sample.url, errorCorrection: sample.level, mask: mask)
            var matrix = ModuleMatrix(size: fixed.size)
            for row in 0..<fixed.size {
                for column in 0..<fixed.size { matrix[row, column] = fixed[row: row, column: column] }
            }
            #expect(PenaltyScorer.score(matrix) == scores[mask])
            #expect(fixed.maskPenalties() == scores)
        }
    }
}
