/// Places the final codeword sequence in the data modules (ISO/IEC 18004:2015 section 7.7.3): two columns at a time
/// from the right edge, upwards then downwards in turn, right module before left, skipping function modules and the
/// vertical timing pattern's column. Remainder bits are left light.
extension ModuleMatrix {
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where !isFunction(row: row, column: column) && index < bitCount {
                    self[row, column] = (codewords[index >> 3] >> (7 - (index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }
}
