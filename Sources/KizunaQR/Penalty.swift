extension QRCode {
    /// The penalty score of a masked symbol (ISO/IEC 18004:2015 section 7.8.3, table 11); the encoder keeps the mask
    /// with the lowest total.
    public struct Penalty: Sendable, Equatable, CustomStringConvertible {
        /// N1 = 3: every run of 5 + i modules of one colour in a row or column scores N1 + i.
        public var runs: Int
        /// N2 = 3: every 2×2 block of one colour (blocks may overlap: an m×n block scores N2 × (m − 1) × (n − 1)).
        public var blocks: Int
        /// N3 = 40: every 1:1:3:1:1 dark-light-dark-light-dark pattern in a row or column with a light area four times
        /// the unit wide before or after it.
        public var finderLike: Int
        /// N4 = 10 × k, where the proportion of dark modules lies between 50 ± 5k % and 50 ± 5(k + 1) %.
        public var balance: Int

        public var total: Int { runs + blocks + finderLike + balance }

        public var description: String {
            "\(total) (N1 \(runs), N2 \(blocks), N3 \(finderLike), N4 \(balance))"
        }
    }
}

enum PenaltyScorer {
    static let n1 = 3
    static let n2 = 3
    static let n3 = 40
    static let n4 = 10

    /// The score of the whole symbol, function patterns and format information included.
    static func score(_ matrix: ModuleMatrix) -> QRCode.Penalty {
        let size = matrix.size
        var penalty = QRCode.Penalty(runs: 0, blocks: 0, finderLike: 0, balance: 0)
        var lengths: [Int] = []
        lengths.reserveCapacity(size)
        for horizontal in [true, false] {
            for line in 0..<size {
                lengths.removeAll(keepingCapacity: true)
                var firstIsDark = false
                var previous = false
                for i in 0..<size {
                    let dark = horizontal ? matrix[line, i] : matrix[i, line]
                    if i == 0 {
                        firstIsDark = dark
                        lengths.append(1)
                    } else if dark == previous {
                        lengths[lengths.count - 1] += 1
                    } else {
                        lengths.append(1)
                    }
                    previous = dark
                }
                penalty.runs += runScore(lengths)
                penalty.finderLike += finderLikeScore(lengths, firstIsDark: firstIsDark)
            }
        }
        var darkCount = 0
        for row in 0..<size {
            for column in 0..<size {
                if matrix[row, column] { darkCount += 1 }
                guard row > 0, column > 0 else { continue }
                let colour = matrix[row, column]
                if matrix[row - 1, column] == colour && matrix[row, column - 1] == colour
                    && matrix[row - 1, column - 1] == colour
                {
                    penalty.blocks += n2
                }
            }
        }
        penalty.balance = balanceScore(dark: darkCount, total: size * size)
        return penalty
    }

    /// N1 for one row or column, given its runs' lengths.
    static func runScore(_ lengths: [Int]) -> Int {
        lengths.reduce(0) { $0 + ($1 >= 5 ? n1 + $1 - 5 : 0) }
    }

    /// N3 for one row or column. Runs alternate in colour, so the dark run of 3 units sits two runs from dark runs of
    /// one unit. Beyond the symbol lies the light quiet zone (section 6.3.8), so a light run at an edge, or the edge
    /// itself, is a wide enough light area.
    static func finderLikeScore(_ lengths: [Int], firstIsDark: Bool) -> Int {
        var score = 0
        let firstDark = firstIsDark ? 0 : 1
        for centre in stride(from: firstDark + 2, to: lengths.count - 2, by: 2) {
            let length = lengths[centre]
            guard length % 3 == 0 else { continue }
            let unit = length / 3
            guard lengths[centre - 2] == unit, lengths[centre - 1] == unit, lengths[centre + 1] == unit,
                lengths[centre + 2] == unit
            else { continue }
            let before = centre - 3
            let after = centre + 3
            let lightBefore = before <= 0 || lengths[before] >= 4 * unit
            let lightAfter = after >= lengths.count - 1 || lengths[after] >= 4 * unit
            if lightBefore || lightAfter { score += n3 }
        }
        return score
    }

    /// N4: k = ⌊|100 × dark / total − 50| / 5⌋, in integers.
    static func balanceScore(dark: Int, total: Int) -> Int {
        n4 * (abs(100 * dark - 50 * total) / (5 * total))
    }
}
