/// The eight data mask patterns (ISO/IEC 18004:2015 section 7.8.2, table 10): a data module is inverted where the
/// condition holds, i being its row and j its column.
enum MaskPattern {
    static let all = 0..<8

    static func inverts(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case 7: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        default: preconditionFailure("mask \(mask) is not 0–7")
        }
    }
}
