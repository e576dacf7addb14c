/// A QR code symbol (ISO/IEC 18004:2015, Model 2) of a message in 8-bit byte mode, versions 1 to 10.
public struct QRCode: Sendable, Equatable {
    /// 1 to 10: the symbol is 17 + 4 × version modules wide.
    public let version: Int
    public let errorCorrection: QRErrorCorrection
    /// The data mask pattern, 0 to 7 (section 7.8.2).
    public let mask: Int
    /// Modules per side, quiet zone not included.
    public let size: Int
    private let modules: [Bool]

    /// Why a message cannot be encoded.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The message is longer than the largest version allowed holds at the level asked.
        case tooLong(bytes: Int, capacity: Int)
        /// Versions outside 1–10, which this encoder does not write.
        case unsupportedVersions(ClosedRange<Int>)
        /// A mask other than 0–7.
        case invalidMask(Int)

        public var description: String {
            switch self {
            case .tooLong(let bytes, let capacity):
                "the data is \(bytes) bytes, more than the \(capacity) bytes the largest QR code allowed holds"
            case .unsupportedVersions(let versions):
                "QR versions \(versions.lowerBound)–\(versions.upperBound) are asked for, but only 1–10 are supported"
            case .invalidMask(let mask):
                "mask \(mask) is not a QR mask pattern (0–7)"
            }
        }
    }

    /// The smallest version in `versions` that holds `bytes` at `errorCorrection`, with the mask of lowest penalty
    /// (ties to the lower mask number), or with `mask` when given.
    public init(
        encoding bytes: [UInt8], errorCorrection: QRErrorCorrection = .medium, versions: ClosedRange<Int> = 1...10,
        mask: Int? = nil
    ) throws(Failure) {
        guard QRVersion.supported.contains(versions.lowerBound), QRVersion.supported.contains(versions.upperBound)
        else { throw .unsupportedVersions(versions) }
        if let mask, !MaskPattern.all.contains(mask) { throw .invalidMask(mask) }
        guard
            let version = versions.lazy.map(QRVersion.init).first(where: {
                $0.byteCapacity(errorCorrection) >= bytes.count
            })
        else {
            throw .tooLong(bytes: bytes.count, capacity: QRVersion(versions.upperBound).byteCapacity(errorCorrection))
        }

        let data = ByteModeEncoder.dataCodewords(for: bytes, version: version, level: errorCorrection)
        let codewords = Interleaver.finalSequence(dataCodewords: data, blocks: version.blocks(errorCorrection))
        var matrix = ModuleMatrix(functionPatternsOf: version)
        matrix.placeCodewords(codewords)

        let chosen =
            mask
            ?? Self.scores(unmasked: matrix, level: errorCorrection).enumerated().min {
                $0.element.total < $1.element.total
            }!.offset
        matrix.applyMask(chosen)
        FormatInformation.draw(FormatInformation.bits(level: errorCorrection, mask: chosen), into: &matrix)

        self.version = version.number
        self.errorCorrection = errorCorrection
        self.mask = chosen
        size = matrix.size
        modules = matrix.dark
    }

    /// The UTF-8 bytes of `text`, as `init(encoding:errorCorrection:versions:mask:)` encodes bytes.
    public init(
        encoding text: String, errorCorrection: QRErrorCorrection = .medium, versions: ClosedRange<Int> = 1...10,
        mask: Int? = nil
    ) throws(Failure) {
        try self.init(encoding: Array(text.utf8), errorCorrection: errorCorrection, versions: versions, mask: mask)
    }

    /// True for a dark module; (0, 0) is the upper left corner.
    public subscript(row row: Int, column column: Int) -> Bool {
        modules[row * size + column]
    }

    /// The most bytes a symbol of `version` (1–10) holds at `errorCorrection` (table 7, 8-bit byte mode).
    public static func capacity(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        QRVersion(version).byteCapacity(errorCorrection)
    }

    /// The penalty score of each of the eight masks applied to this symbol's data, indexed by mask number: `mask` is the
    /// lowest, unless it was fixed.
    public func maskPenalties() -> [Penalty] {
        var matrix = ModuleMatrix(functionPatternsOf: QRVersion(version))
        for row in 0..<size {
            for column in 0..<size where !matrix.isFunction(row: row, column: column) {
                matrix[row, column] = self[row: row, column: column]
            }
        }
        matrix.applyMask(mask)
        return Self.scores(unmasked: matrix, level: errorCorrection)
    }

    /// Each mask in turn on the data of `unmasked`, with the format information it implies (section 7.8.3).
    private static func scores(unmasked: ModuleMatrix, level: QRErrorCorrection) -> [Penalty] {
        MaskPattern.all.map { mask in
            var masked = unmasked
            masked.applyMask(mask)
            FormatInformation.draw(FormatInformation.bits(level: level, mask: mask), into: &masked)
            return PenaltyScorer.score(masked)
        }
    }
}
