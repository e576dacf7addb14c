import KizunaQR
import Testing

/// A URL to encode at a level, as the comparison with qrencode takes them.
struct Sample: Sendable, CustomTestStringConvertible {
    let url: String
    let level: QRErrorCorrection

    var testDescription: String { "\(level.letter) \(url.count): \(url)" }
}

/// Deterministic URLs of the kinds the messages carry, padded to each length from 20 to 200 in steps of 3, and the
/// largest URL of versions 7–10 at M and Q (the versions with version information).
enum SampleURLs {
    static let all: [Sample] = {
        var generator = Generator(state: 20_260_401)
        var samples: [Sample] = []
        for (index, length) in stride(from: 20, through: 200, by: 3).enumerated() {
            let url: String
            switch index % 3 {
            case 0 where length > 70:
                let edition = ["sakuragaoka", "kitano", "minato-city"][index % 9 / 3]
                let prefix = "https://example.jp/line/register?edition=\(edition)&ref="
                url =
                    prefix + generator.characters(length - prefix.count, from: "abcdefghijklmnopqrstuvwxyz0123456789-_")
            case 1 where length >= 28:
                let prefix = "https://line.me/R/ti/p/@"
                url =
                    prefix + generator.characters(length - prefix.count, from: "abcdefghijklmnopqrstuvwxyz0123456789-")
            default:
                let prefix = "https://lin.ee/"
                url = prefix + generator.characters(length - prefix.count, from: alphanumerics)
            }
            // M mostly, Q often, L and H now and then, where the level holds the URL in version 10.
            let wanted: QRErrorCorrection = [.medium, .quartile, .medium, .quartile, .low, .medium, .high][index % 7]
            let level = QRCode.capacity(version: 10, errorCorrection: wanted) >= length ? wanted : .medium
            samples.append(Sample(url: url, level: level))
        }
        for level in [QRErrorCorrection.medium, .quartile] {
            for version in 7...10 {
                let prefix = "https://example.jp/line/register?edition=sakuragaoka&ref="
                let length = QRCode.capacity(version: version, errorCorrection: level)
                samples.append(
                    Sample(url: prefix + generator.characters(length - prefix.count, from: alphanumerics), level: level)
                )
            }
        }
        return samples
    }()

    private static let alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    /// A linear congruential generator (Knuth's MMIX constants): the same URLs on every machine.
    struct Generator {
        var state: UInt64

        mutating func characters(_ count: Int, from alphabet: String) -> String {
            let letters = Array(alphabet)
            return String(
                (0..<count).map { _ in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return letters[Int(state >> 33) % letters.count]
                })
        }
    }
}
