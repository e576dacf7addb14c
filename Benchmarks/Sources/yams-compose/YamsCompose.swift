// usage: yams-compose FOLDER [--threads N]
//
// Finds every *.yaml file under FOLDER (recursively, hidden folders skipped), then composes each with
// `Yams.compose(yaml:)` on N threads (default 2): DispatchQueue.concurrentPerform runs N workers over the sorted
// file list, worker k taking files k, k+N, k+2N, …. Each file is read whole with open(2)/read(2) and decoded as
// UTF-8 before it is composed; the node tree is dropped. Nothing is validated, merged or rendered.
//
// Prints nothing unless something fails: a file that cannot be read, is not UTF-8 or does not compose is reported
// on stderr and the exit status is 1. Exit 2 for usage errors.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch
import Foundation
import Yams

@main
enum YamsCompose {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var threads = 2
        if let at = arguments.firstIndex(of: "--threads") {
            guard at + 1 < arguments.count, let n = Int(arguments[at + 1]), n >= 1 else {
                usage("--threads needs a number ≥ 1")
            }
            threads = n
            arguments.removeSubrange(at...(at + 1))
        }
        guard arguments.count == 1, !arguments[0].hasPrefix("-") else { usage("one folder expected") }
        let files = yamlFiles(under: arguments[0])

        let failures = Failures()
        let workers = min(threads, max(files.count, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: files.count, by: workers) {
                let path = files[index]
                let bytes: [UInt8]
                switch readFile(path) {
                case .success(let read): bytes = read
                case .failure(let code):
                    failures.add("\(path): cannot read: \(String(cString: strerror(code.rawValue)))")
                    continue
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    failures.add("\(path): not UTF-8")
                    continue
                }
                do {
                    _ = try Yams.compose(yaml: text)
                } catch {
                    failures.add("\(path): \(error)")
                }
            }
        }

        let found = failures.all
        for message in found { FileHandle.standardError.write(Data("yams-compose: \(message)\n".utf8)) }
        exit(found.isEmpty ? 0 : 1)
    }

    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(
            Data("yams-compose: \(message)\nusage: yams-compose FOLDER [--threads N]\n".utf8))
        exit(2)
    }

    /// Every regular *.yaml file under `folder`, sorted; hidden files and folders are skipped.
    static func yamlFiles(under folder: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
            let walker = FileManager.default.enumerator(
                at: URL(fileURLWithPath: folder, isDirectory: true),
                includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { usage("not a folder: \(folder)") }
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == "yaml" {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { paths.append(url.path) }
        }
        return paths.sorted()
    }

    struct Errno: Error { let rawValue: Int32 }

    /// The whole file, read with open(2) and read(2).
    static func readFile(_ path: String) -> Result<[UInt8], Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(Errno(rawValue: errno)) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(rawValue: errno))
            }
            if n == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}

/// Failures, collected under a lock and printed after the run, so that a run that succeeds prints nothing.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
