import Testing
@testable import KizunaQR

/// The encoder against Debian's qrencode (libqrencode 4), which picks the smallest version and the mask of lowest
/// penalty as this encoder does: the symbols must be identical module for module.
@Suite("the same symbols as qrencode")
struct QREncodeComparisonTests {
    @Test("where CI installed qrencode, qrencode is found")
    func foundWhereInstalled() {
        guard QREncode.expected else { return }
        #expect(QREncode.available, "KIZUNA_EXPECT_QRENCODE=1 but qrencode is not on the PATH")
    }

    @Test("the samples cover versions 2–10 at M and 7–10 at Q")
    func samplesCoverTheVersions() throws {
        var versions: [QRErrorCorrection: Set<Int>] = [:]
        for sample in SampleURLs.all {
            let code = try QRCode(encoding: sample.url, errorCorrection: sample.level)
            versions[sample.level, default: []].insert(code.version)
        }
        #expect(Set(2...10).isSubset(of: versions[.medium] ?? []))
        #expect(Set(7...10).isSubset(of: versions[.quartile] ?? []))
        #expect(SampleURLs.all.count >= 60)
        #expect(SampleURLs.all.allSatisfy { (20...213).contains($0.url.count) })
    }

    @Test(
        "each URL gives qrencode's symbol", .enabled(if: QREncode.available, QREncode.reason),
        arguments: SampleURLs.all)
    func sameSymbol(sample: Sample) throws {
        let theirs = try QREncode.matrix(sample.url, level: sample.level.letter)
        let ours = try QRCode(encoding: sample.url, errorCorrection: sample.level)
        try #require(theirs.count == ours.size, "qrencode wrote \(theirs.count) modules a side, we \(ours.size)")
        let theirMask = FormatReader.mask(FormatReader.copies({ theirs[$0][$1] }, size: theirs.count).first)
        if theirMask != ours.mask {
            // Not a failure in itself: report both scores, then the data and every other module must still agree.
            let scores = ours.maskPenalties()
            let forced = try QRCode(encoding: sample.url, errorCorrection: sample.level, mask: theirMask)
            print(
                "qrencode chose mask \(theirMask) for \(sample.testDescription): our scores are mask \(ours.mask) "
                    + "\(scores[ours.mask]), mask \(theirMask) \(scores[theirMask]); "
                    + MaskDifference.explain(ours: ours, theirs: forced))
            #expect(scores.allSatisfy { $0.total >= scores[ours.mask].total })
            #expect(matrix(forced) == theirs, "with qrencode's mask \(theirMask) forced")
        } else {
            #expect(matrix(ours) == theirs, "mask \(ours.mask)")
        }
    }

    /// The report a differing mask would print (no input of the samples has shown one yet).
    @Test("a differing mask is explained with both masks' scores")
    func explanation() throws {
        let url = SampleURLs.all[0].url
        let ours = try QRCode(encoding: url)
        let other = try QRCode(encoding: url, mask: (ours.mask + 1) % 8)
        let text = MaskDifference.explain(ours: ours, theirs: other)
        #expect(text.contains("mask \(ours.mask)") && text.contains("mask \(other.mask)"))
    }

    private func matrix(_ code: QRCode) -> [[Bool]] {
        (0..<code.size).map { row in (0..<code.size).map { code[row: row, column: $0] } }
    }
}

/// Why qrencode's mask choice can differ from ours. libqrencode (mask.c) rates N4 on the dark proportion rounded to a
/// whole percent, table 11 on the exact proportion; if that is not the reason, its N1–N3 counting differs from ours.
enum MaskDifference {
    static func explain(ours: QRCode, theirs: QRCode) -> String {
        let scores = ours.maskPenalties()
        func darkCount(_ code: QRCode) -> Int {
            (0..<code.size).reduce(0) { sum, row in sum + (0..<code.size).filter { code[row: row, column: $0] }.count }
        }
        func qrencodeTotal(_ code: QRCode) -> Int {
            let total = code.size * code.size
            let percent = (200 * darkCount(code) + total) / total / 2
            let score = scores[code.mask]
            return score.runs + score.blocks + score.finderLike + 10 * (abs(percent - 50) / 5)
        }
        let ourRounded = qrencodeTotal(ours)
        let theirRounded = qrencodeTotal(theirs)
        if theirRounded < ourRounded || (theirRounded == ourRounded && theirs.mask < ours.mask) {
            let total = Double(ours.size * ours.size)
            let proportions = [ours, theirs].map { "mask \($0.mask) \(Double(darkCount($0)) * 100 / total)% dark" }
            return
                "qrencode rounds the dark proportion to a whole percent before rating N4 (\(proportions.joined(separator: ", "))): "
                + "with that N4, mask \(theirs.mask) scores \(theirRounded) and mask \(ours.mask) \(ourRounded)"
        }
        return "N4 rounding does not explain it (mask \(theirs.mask) \(theirRounded), mask \(ours.mask) \(ourRounded) "
            + "with qrencode's N4): qrencode counts N1–N3 otherwise than table 11 as read here"
    }
}
