/// The four error correction levels of ISO/IEC 18004:2015 section 5.3.7: roughly 7, 15, 25 and 30 % of the codewords
/// can be restored.
public enum QRErrorCorrection: Sendable, CaseIterable, Hashable {
    case low
    case medium
    case quartile
    case high

    /// The level's letter: L, M, Q or H.
    public var letter: Character {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }

    /// The level from its letter (either case), or nil.
    public init?(letter: String) {
        switch letter.uppercased() {
        case "L": self = .low
        case "M": self = .medium
        case "Q": self = .quartile
        case "H": self = .high
        default: return nil
        }
    }

    /// The two bits that stand for the level in the format information (section 7.9.1, table 12): not in L-M-Q-H order.
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
