import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes editions into the output folder so that a reader never sees half an edition:
/// each edition is written into a staging folder beside its final place and swapped in when complete.
public struct OutputWriter: Sendable {
    public let root: String
    /// Whether `prepare` made the output folder, so that `abandon` leaves no empty folder behind.
    private var createdRoot = false

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// The staging folder of this process; left-overs of killed builds are removed by `removeStaleStaging`.
    var staging: String { "\(root)/.kizuna-staging-\(getpid())" }

    /// Makes the output folder and removes staging folders that killed builds left behind.
    public mutating func prepare() throws(IOFailure) {
        createdRoot = !FileManager.default.fileExists(atPath: root)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create output folder '\(root)': \(error.localizedDescription)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix(".kizuna-staging-") {
            // Only a killed build's: a build still running elsewhere keeps its staging folder.
            guard let pid = Int32(name.dropFirst(".kizuna-staging-".count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: "\(root)/\(name)")
        }
        guard access(root, W_OK) == 0 else { throw IOFailure("output folder '\(root)' is not writable") }
    }

    /// Writes one edition's files into staging; `commit` swaps it in.
    public func stage(_ output: EditionOutput) throws(IOFailure) {
        var made = Set<String>()
        for file in output.files {
            let path = "\(staging)/\(file.path)"
            let folder = String(path[..<path.lastIndex(of: "/")!])
            if !made.contains(folder) {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw IOFailure("cannot create '\(folder)': \(error.localizedDescription)")
                }
                made.insert(folder)
            }
            try Self.writeFile(file.bytes, to: path)
        }
    }

    /// Replaces each edition's folder with its staged copy, then removes the staging folder.
    public func commit(editionIDs: [String]) throws(IOFailure) {
        for id in editionIDs {
            let final = "\(root)/\(id)"
            let staged = "\(staging)/\(id)"
            let old = "\(staging)/.old-\(id)"
            if FileManager.default.fileExists(atPath: final) {
                // One atomic exchange: at no instant is the edition missing or half old, half new.
                if kizuna_exchange(staged, final) == 0 { continue }
                // A file system that cannot exchange: move aside, then into place (a window of two renames).
                guard rename(final, old) == 0 else { throw IOFailure("cannot move '\(final)' aside: \(String(cString: strerror(errno)))") }
            }
            guard rename(staged, final) == 0 else {
                _ = rename(old, final)
                throw IOFailure("cannot move the new '\(id)' into place: \(String(cString: strerror(errno)))")
            }
        }
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Removes the staging folder after a failure, leaving the previous output as it was.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
        if createdRoot { rmdir(root) }
    }

    /// One POSIX write per file: Foundation's `Data.write` fsyncs every file on Linux, which a 100,000-file build cannot afford.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(IOFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOFailure("cannot create '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure("cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            written += n
        }
    }
}
