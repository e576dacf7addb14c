import Testing
@testable import KizunaQR

@Suite("Reed–Solomon error correction")
struct ReedSolomonTests {
    /// The 1-M "HELLO WORLD" of Thonky's QR code tutorial (error correction coding, step 9).
    @Test("the error correction codewords of HELLO WORLD 1-M")
    func helloWorld() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(
            ReedSolomon.errorCorrection(for: data, count: 10) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    /// Annex A lists the generator polynomials as exponents of α; for 7 codewords:
    /// x⁷ + α⁸⁷x⁶ + α²²⁹x⁵ + α¹⁴⁶x⁴ + α¹⁴⁹x³ + α²³⁸x² + α¹⁰²x + α²¹.
    @Test("the generator polynomial of degree 7 is Annex A's")
    func generatorSeven() {
        let exponents = [0, 87, 229, 146, 149, 238, 102, 21]
        #expect(ReedSolomon.generator(degree: 7) == exponents.map { GaloisField.power($0) })
    }

    @Test("a codeword followed by its error correction is divisible by the generator")
    func remainderOfCodewordIsZero() {
        for degree in [7, 10, 18, 26, 30] {
            let data = (0..<40).map { UInt8(($0 * 37 + degree) & 0xFF) }
            let correction = ReedSolomon.errorCorrection(for: data, count: degree)
            #expect(ReedSolomon.errorCorrection(for: data + correction, count: degree).allSatisfy { $0 == 0 })
        }
    }

    @Test("GF(256) multiplication agrees with carry-less multiplication modulo 0x11D")
    func fieldMultiplication() {
        func slow(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var product = 0
            for bit in 0..<8 where (Int(b) >> bit) & 1 == 1 { product ^= Int(a) << bit }
            for bit in stride(from: 15, through: 8, by: -1) where (product >> bit) & 1 == 1 {
                product ^= 0x11D << (bit - 8)
            }
            return UInt8(product)
        }
        for a in stride(from: 0, through: 255, by: 7) {
            for b in stride(from: 0, through: 255, by: 11) {
                #expect(GaloisField.multiply(UInt8(a), UInt8(b)) == slow(UInt8(a), UInt8(b)))
            }
        }
    }
}
