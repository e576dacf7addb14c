import Foundation
import KizunaCore

/// Progress of a long build: a bar on stderr when stderr is a terminal (editions done, messages per second),
/// nothing while it runs otherwise (CI reads the one summary line), nothing at all with `--quiet`.
final class BuildProgressDisplay: @unchecked Sendable {
    enum Mode { case silent, automatic }

    private let bar: Bool
    private let start: ContinuousClock.Instant
    private let lock = NSLock()
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(mode: Mode, start: ContinuousClock.Instant) {
        self.start = start
        let ci = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        bar =
            mode == .automatic && isatty(STDERR_FILENO) == 1 && !ci
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Called from the build's threads after each edition.
    var update: OutputBuild.Progress {
        { [self] done, total, messages in
            guard bar else { return }
            lock.withLock {
                let now = ContinuousClock.now
                // At most ten redraws a second, and always the last one.
                if let last = lastDrawn, now - last < .milliseconds(100), done < total { return }
                lastDrawn = now
                let seconds = Self.seconds(now - start)
                let rate = seconds > 0 ? Int(Double(messages) / seconds) : 0
                let width = 30
                let filled = total == 0 ? width : done * width / total
                let line =
                    "\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] "
                    + "\(done)/\(total) editions · \(rate) messages/s"
                FileHandle.standardError.write(Data(line.utf8))
                drawn = true
            }
        }
    }

    /// Erases the bar so that diagnostics and the summary start on a clean line.
    func clear() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            drawn = false
        }
    }

    /// The one line a build prints on stdout.
    func summary(_ result: OutputBuild.Result, output: String, elapsed: Duration) -> String {
        let seconds = Self.seconds(elapsed)
        let rate = seconds > 0 ? Int(Double(result.rendered) / seconds) : 0
        let reused = result.messages - result.rendered
        var line =
            "kizuna: built \(English.count(result.editions, "edition")), \(English.count(result.messages, "message"))"
        line += reused > 0 ? " (\(result.rendered) rendered, \(reused) unchanged)" : ""
        line += ", \(English.count(result.filesWritten, "file")) written into \(output)/ in \(Int(seconds * 1000)) ms"
        // A rate over a few re-rendered days (validation dominates) would read as a slow build: shown for full builds.
        line += reused == 0 ? " (\(rate) messages/s)" : ""
        return line
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// What identifies this Kizuna binary for the build cache: its path, size and modification time.
    static func generatorStamp() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return "kizuna \(path) unknown \(UUID())" }
        return "kizuna \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
