import ArgumentParser
import KizunaQR

/// What `kizuna qr` prints.
enum QRFormat: String, ExpressibleByArgument {
    case svg
    case text
}

/// `--level`: an error correction level by its letter, in either case.
struct QRLevel: ExpressibleByArgument, CustomStringConvertible {
    let errorCorrection: QRErrorCorrection

    var description: String { String(errorCorrection.letter) }

    init?(argument: String) {
        guard let level = QRErrorCorrection(letter: argument) else { return nil }
        errorCorrection = level
    }

    static let allValueStrings = ["L", "M", "Q", "H"]
}

struct QR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Print the QR code of a URL (or any text) as an inline SVG or as text.",
        discussion: """
            The smallest QR code (versions 1 to 10, 8-bit byte mode, ISO/IEC 18004) that holds the text's UTF-8 \
            bytes at the level asked, with the mask of lowest penalty. --format svg prints one <svg> with a viewBox \
            and no size, for a page to size with CSS; --format text prints "##" for each dark module. Exit 0, or 2 \
            when the text is too long for version 10 at that level (213 bytes at M) or for usage problems.
            """)

    @Argument(help: "The URL to encode.")
    var url: String

    @Option(help: "Error correction level: L (7 %), M (15 %), Q (25 %) or H (30 %).")
    var level: QRLevel = QRLevel(argument: "M")!

    @Option(help: "Output format: svg or text.")
    var format: QRFormat = .svg

    func run() throws {
        let code: QRCode
        do {
            code = try QRCode(encoding: url, errorCorrection: level.errorCorrection)
        } catch {
            if case .tooLong(let bytes, let capacity) = error {
                printError(
                    "the URL is \(bytes) bytes, too long for a QR code at level \(level.errorCorrection.letter): "
                        + "version 10, the largest written, holds \(capacity) bytes")
            } else {
                printError(error.description)
            }
            throw ExitStatus.failure
        }
        switch format {
        case .svg: print(code.svg())
        case .text: print(code.text(), terminator: "")
        }
    }
}
