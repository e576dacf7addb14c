/// The function patterns of ISO/IEC 18004:2015 section 6.3: finder patterns with their separators, timing patterns,
/// alignment patterns, the dark module, and the areas reserved for the format and version information.
extension ModuleMatrix {
    init(functionPatternsOf version: QRVersion) {
        self.init(size: version.size)
        drawTimingPatterns()
        drawFinderPattern(row: 3, column: 3)
        drawFinderPattern(row: 3, column: size - 4)
        drawFinderPattern(row: size - 4, column: 3)
        drawAlignmentPatterns(version.alignmentCenters)
        // Reserved now, written once the mask is known.
        FormatInformation.draw(0, into: &self)
        if version.number >= 7 {
            VersionInformation.draw(VersionInformation.bits(version: version.number), into: &self)
        }
    }

    /// Row 6 and column 6 alternate dark and light, dark at even coordinates (section 6.3.5).
    private mutating func drawTimingPatterns() {
        for i in 0..<size {
            setFunction(row: 6, column: i, dark: i % 2 == 0)
            setFunction(row: i, column: 6, dark: i % 2 == 0)
        }
    }

    /// A 7×7 finder pattern centred on (row, column) with its light one-module separator (sections 6.3.3 and 6.3.4).
    private mutating func drawFinderPattern(row: Int, column: Int) {
        for dr in -4...4 {
            for dc in -4...4 {
                let r = row + dr
                let c = column + dc
                guard (0..<size).contains(r), (0..<size).contains(c) else { continue }
                let ring = max(abs(dr), abs(dc))
                setFunction(row: r, column: c, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// 5×5 alignment patterns centred on every pair of table E.1's coordinates, except the three that would overlap a
    /// finder pattern (section 6.3.6).
    private mutating func drawAlignmentPatterns(_ centers: [Int]) {
        guard let first = centers.first, let last = centers.last else { return }
        for row in centers {
            for column in centers {
                if (row == first && column == first) || (row == first && column == last)
                    || (row == last && column == first)
                {
                    continue
                }
                for dr in -2...2 {
                    for dc in -2...2 {
                        setFunction(row: row + dr, column: column + dc, dark: max(abs(dr), abs(dc)) != 1)
                    }
                }
            }
        }
    }
}
