import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reports the files that change under some folders, in batches: inotify on Linux, polling elsewhere or when asked.
/// An editor's save is often several events (a temporary file, a rename): events that come within `quiet` of each
/// other make one batch.
public final class ChangeWatcher: @unchecked Sendable {
    public enum Mode: String, Sendable {
        case inotify
        case polling
    }

    public let roots: [String]
    /// How changes are found: inotify where the system has it, unless polling was asked for.
    public let mode: Mode
    private let quiet: Duration
    private let interval: Duration
    private let lock = NSLock()
    private var stopped = false

    /// `polling`: poll even where inotify exists (a network file system sends no events). `interval`: how often
    /// polling looks.
    public init(
        roots: [String], polling: Bool = false, quiet: Duration = .milliseconds(8),
        interval: Duration = .milliseconds(250)
    ) {
        self.roots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.quiet = quiet
        self.interval = interval
        #if os(Linux)
            mode = polling ? .polling : .inotify
        #else
            mode = .polling
        #endif
    }

    /// Batches of changed paths, until `stop`. Each batch is sorted and holds each path once.
    public func changes() -> AsyncStream<[String]> {
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let thread = Thread { [self] in
            #if os(Linux)
                if mode == .inotify, let fd = Optional(inotify_init1(Int32(IN_CLOEXEC))), fd >= 0 {
                    watchWithInotify(fd, continuation)
                    close(fd)
                    continuation.finish()
                    return
                }
            #endif
            watchByPolling(continuation)
            continuation.finish()
        }
        thread.name = "kizuna-watcher"
        thread.start()
        return stream
    }

    public func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Names editors write beside the file they save: swap files, backups, Vim's `4913` probe.
    static func ignored(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913"
    }

    // MARK: Polling

    private struct Stamp: Equatable {
        var modified: timespec
        var size: Int64
        var inode: UInt64

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec && a.size == b.size
                && a.inode == b.inode
        }
    }

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, !Self.ignored(path) else { continue }
                #if canImport(Darwin)
                    let modified = info.st_mtimespec
                #else
                    let modified = info.st_mtim
                #endif
                stamps[path] = Stamp(modified: modified, size: Int64(info.st_size), inode: UInt64(info.st_ino))
            }
        }
        return stamps
    }

    private func watchByPolling(_ continuation: AsyncStream<[String]>.Continuation) {
        var last = snapshot()
        while !isStopped {
            Thread.sleep(forTimeInterval: seconds(interval))
            let now = snapshot()
            let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
            last = now
            if !changed.isEmpty { continuation.yield(changed.sorted()) }
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: inotify

    #if os(Linux)
        private static let mask: UInt32 =
            UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE)
            | UInt32(IN_DELETE) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)

        private func watchWithInotify(_ fd: Int32, _ continuation: AsyncStream<[String]>.Continuation) {
            var folders: [Int32: String] = [:]
            func add(_ folder: String) {
                let wd = inotify_add_watch(fd, folder, Self.mask)
                guard wd >= 0 else { return }
                folders[wd] = folder
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for name in names where !name.hasPrefix(".") {
                    var isFolder: ObjCBool = false
                    let path = folder + "/" + name
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                        add(path)
                    }
                }
            }
            for root in roots { add(root) }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var batch: Set<String> = []
            // Files made and gone within one batch (`sed -i`'s and many editors' temporary copies) are left out.
            var created: Set<String> = []
            func yieldBatch() {
                let paths = batch.filter { !created.contains($0) || FileManager.default.fileExists(atPath: $0) }
                if !paths.isEmpty { continuation.yield(paths.sorted()) }
                batch = []
                created = []
            }
            let quietMilliseconds = Int32(seconds(quiet) * 1000)
            while !isStopped {
                // Waits at most 200 ms for an event so that `stop` is seen; once a batch has begun, `quiet`.
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, batch.isEmpty ? 200 : quietMilliseconds)
                if ready == 0 {
                    if !batch.isEmpty { yieldBatch() }
                    continue
                }
                guard ready > 0 else {
                    if errno == EINTR { continue }
                    break
                }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + length, count)].prefix { $0 != 0 }
                    offset = nameStart + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: everything may have changed.
                        batch.formUnion(roots)
                        continue
                    }
                    guard let folder = folders[wd] else { continue }
                    let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                    if mask & UInt32(IN_ISDIR) != 0, mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 {
                        add(path)
                        batch.insert(path)
                        continue
                    }
                    if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil }
                    if mask & UInt32(IN_CREATE) != 0 { created.insert(path) }
                    if !Self.ignored(path) { batch.insert(path) }
                }
            }
        }
    #endif
}
