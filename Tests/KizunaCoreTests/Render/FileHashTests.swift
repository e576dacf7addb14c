import Crypto
import Testing
@testable import KizunaCore

/// Hashes held inline are written as the hex the rest of Kizuna writes.
@Suite struct FileHashTests {
    @Test func hexAndRawBytesMatchTheDigest() {
        for bytes in [[], Array("こんにちは".utf8), [UInt8](repeating: 0xFF, count: 1000)] as [[UInt8]] {
            let hash = FileHash(of: bytes)
            #expect(hash.hex == SHA256.hash(data: bytes).hexString)
            var hex: [UInt8] = []
            hash.appendHex(into: &hex)
            #expect(String(decoding: hex, as: UTF8.self) == hash.hex)
            var raw: [UInt8] = []
            hash.append(into: &raw)
            #expect(raw == Array(SHA256.hash(data: bytes)))
            #expect(raw.withUnsafeBytes { FileHash(raw: $0) } == hash)
        }
        // FIPS 180-2's digest of the empty message.
        #expect(FileHash(of: []).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect([UInt8](repeating: 0, count: 31).withUnsafeBytes { FileHash(raw: $0) } == nil)
    }
}
