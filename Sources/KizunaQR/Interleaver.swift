/// The final message codeword sequence (ISO/IEC 18004:2015 section 7.6): the data codewords are split into blocks,
/// each block gets its Reed–Solomon codewords, and the blocks are interleaved codeword by codeword, data first.
enum Interleaver {
    static func finalSequence(dataCodewords data: [UInt8], blocks structure: BlockStructure) -> [UInt8] {
        precondition(data.count == structure.dataCodewords)
        let generator = ReedSolomon.generator(degree: structure.errorCorrectionPerBlock)
        var blocks: [[UInt8]] = []
        var start = 0
        for length in structure.dataCodewordsPerBlock {
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map { ReedSolomon.errorCorrection(for: $0, generator: generator) }

        var sequence: [UInt8] = []
        sequence.reserveCapacity(structure.totalCodewords)
        // The shorter blocks come first (table 9), so they simply run out before the last column.
        for column in 0..<(structure.dataCodewordsPerBlock.max() ?? 0) {
            for block in blocks where column < block.count { sequence.append(block[column]) }
        }
        for column in 0..<structure.errorCorrectionPerBlock {
            for correction in corrections { sequence.append(correction[column]) }
        }
        return sequence
    }
}
