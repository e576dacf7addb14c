import Foundation
import Testing

/// Debian's `qrencode` (libqrencode's command line), the reference the encoder is compared with. Without it the
/// comparison is skipped with `reason`; `.ci/run` installs it and sets KIZUNA_EXPECT_QRENCODE=1, so that there a
/// missing qrencode fails instead.
enum QREncode {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/qrencode" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let available = path != nil
    static let expected = ProcessInfo.processInfo.environment["KIZUNA_EXPECT_QRENCODE"] == "1"
    static let reason: Comment = "qrencode is not installed here (apt-get install qrencode)"

    /// qrencode's symbol for `text` in 8-bit mode at `level` (L, M, Q or H), no quiet zone: rows of modules, true dark.
    static func matrix(_ text: String, level: Character) throws -> [[Bool]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["-t", "ASCII", "-l", String(level), "-8", "-m", "0", "-o", "-", text]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "qrencode exited \(process.terminationStatus) for \(text)")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
        // Two characters per module, "##" dark and "  " light; a line may lack trailing light modules.
        let size = lines.count
        return try lines.map { line in
            let characters = Array(line)
            try #require(characters.count <= 2 * size, "qrencode line longer than \(size) modules")
            return (0..<size).map { 2 * $0 < characters.count && characters[2 * $0] == "#" }
        }
    }
}
