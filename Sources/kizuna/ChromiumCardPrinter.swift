import Foundation
import KizunaCore

/// Prints the おめでとうカード to PDF with headless Chromium, where it is installed (`KIZUNA_CHROMIUM`, else the first
/// of `chromium`, `chromium-browser`, `google-chrome` on PATH). Kizuna builds without it: the card's page is written
/// alone, and the build says so once.
final class ChromiumCardPrinter: CardPrinter, @unchecked Sendable {
    let executable: String
    /// Why a card was not printed, by edition; read once the build is done.
    private var failures: [(edition: String, reason: String)] = []
    private let lock = NSLock()
    /// Chromium rarely needs a second; a hung one must not hold the build.
    static let timeout: TimeInterval = 60
    /// A Chromium takes a few hundred MB: at most this many print at once, however many editions build in parallel.
    private let slots = DispatchSemaphore(value: min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)))

    init(executable: String) {
        self.executable = executable
    }

    /// The printer, or nil with the note to print when no Chromium is found.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumCardPrinter? {
        if let chosen = environment["KIZUNA_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? ChromiumCardPrinter(executable: chosen) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return ChromiumCardPrinter(executable: "\(folder)/\(name)")
            }
        }
        return nil
    }

    var recordedFailures: [(edition: String, reason: String)] {
        lock.withLock { failures.sorted { $0.edition < $1.edition } }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func pdf(ofPage page: [UInt8], editionID: String) throws -> [UInt8] {
        do {
            return try pdfBytes(page)
        } catch {
            lock.withLock { failures.append((editionID, "\(error)")) }
            throw error
        }
    }

    private func pdfBytes(_ page: [UInt8]) throws -> [UInt8] {
        slots.wait()
        defer { slots.signal() }
        // Each print has its own folder and profile, so that editions print side by side.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kizuna-card-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("card.html")
        let pdf = folder.appendingPathComponent("card.pdf")
        try Data(page).write(to: html)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(pdf.path)", html.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(executable): \(error)")
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.timeout, execute: timer)
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0, let bytes = try? Data(contentsOf: pdf),
            bytes.starts(with: Array("%PDF".utf8))
        else {
            let lastLine =
                String(decoding: said, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw Failure(
                description: "\(executable) printed no PDF (exit \(process.terminationStatus))"
                    + (lastLine.isEmpty ? "" : ": \(lastLine)"))
        }
        return Array(bytes)
    }
}
