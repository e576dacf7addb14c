/// Reed–Solomon error correction codewords (ISO/IEC 18004:2015 section 7.5.2): the remainder of the data polynomial,
/// times xⁿ, divided by the generator polynomial (x − α⁰)(x − α¹)…(x − αⁿ⁻¹).
enum ReedSolomon {
    /// The generator polynomial of degree `degree`, coefficients from xⁿ (always 1) down to x⁰ (Annex A).
    static func generator(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for i in 0..<degree {
            // Times (x + αⁱ): subtraction is addition in GF(2⁸).
            var product = [UInt8](repeating: 0, count: polynomial.count + 1)
            for (j, coefficient) in polynomial.enumerated() {
                product[j] ^= coefficient
                product[j + 1] ^= GaloisField.multiply(coefficient, GaloisField.power(i))
            }
            polynomial = product
        }
        return polynomial
    }

    /// The `count` error correction codewords of one block's data codewords.
    static func errorCorrection(for data: [UInt8], count: Int) -> [UInt8] {
        errorCorrection(for: data, generator: generator(degree: count))
    }

    static func errorCorrection(for data: [UInt8], generator: [UInt8]) -> [UInt8] {
        let count = generator.count - 1
        var remainder = [UInt8](repeating: 0, count: count)
        for codeword in data {
            let factor = codeword ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for i in 0..<count {
                remainder[i] ^= GaloisField.multiply(generator[i + 1], factor)
            }
        }
        return remainder
    }
}
