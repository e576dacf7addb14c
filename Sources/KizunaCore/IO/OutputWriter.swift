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

    /// Each edition's folder as the last partial rebuild swapped it out.
    var previous: PreviousGeneration { PreviousGeneration(root: root) }

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
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: "\(root)/\(name)")
        }
        guard access(root, W_OK) == 0 else { throw IOFailure("output folder '\(root)' is not writable") }
    }

    /// Writes one edition's files into staging; `commit` swaps it in.
    public func stage(_ output: EditionOutput) throws(IOFailure) {
        var stager = stager()
        for file in output.files { stager.write(file) }
        if let failure = stager.failure { throw failure }
    }

    /// Writes files into staging one at a time, as a build makes them.
    public func stager() -> Stager { Stager(staging: staging) }

    /// An edition staged whole, ready for `commit`.
    public struct StagedEdition: Sendable {
        public let editionID: String
        /// For a partly rebuilt edition, the files this build wrote (paths inside the output folder): the rest were
        /// taken from the live folder. Nil when the edition was written whole.
        let rewritten: [String]?
        /// Whether it was staged in the edition's kept previous generation rather than in staging.
        let inPreviousGeneration: Bool
    }

    /// An edition whose every file this build wrote into staging.
    public func stagedWhole(_ editionID: String) -> StagedEdition {
        StagedEdition(editionID: editionID, rewritten: nil, inPreviousGeneration: false)
    }

    /// Completes the staging of a partly rebuilt edition, whose `rewritten` files (paths inside the output folder)
    /// this build wrote into staging: the others are taken from its live folder, in its kept previous generation
    /// when it has one (a few operations), else by one hard link per file into staging. Either way the staged
    /// edition is whole and is swapped in at once.
    public func stagePartial(_ editionID: String, rewritten: [String]) throws(IOFailure) -> StagedEdition {
        let inPrevious = try previous.stage(editionID, staged: "\(staging)/\(editionID)")
        if !inPrevious { try linkUnchanged(editionID: editionID, except: Set(rewritten)) }
        return StagedEdition(editionID: editionID, rewritten: rewritten, inPreviousGeneration: inPrevious)
    }

    /// Swaps every staged edition in, each with one atomic exchange, and keeps a partly rebuilt edition's swapped-out
    /// folder as its previous generation (without the files that were rewritten, each pack alone being megabytes: what
    /// is left are links to live files, directory entries rather than a second copy). An edition's cache is dropped
    /// before the edition changes and, with `caches`, its staged cache is moved in after, so none outlives a killed
    /// build. Then the staging folder is removed.
    public func commit(_ editions: [StagedEdition], caches: Bool) throws(IOFailure) {
        let ids = editions.map(\.editionID)
        for id in ids { try dropCache(id) }
        try swap(
            editionIDs: ids, stagedInPrevious: Set(editions.filter(\.inPreviousGeneration).map(\.editionID)),
            keepingPrevious: Set(editions.filter { $0.rewritten != nil }.map(\.editionID)))
        previous.drop(editions.flatMap { $0.rewritten ?? [] })
        if caches { try commitCaches(ids) }
        finish()
    }

    public struct Stager {
        let staging: String
        var made = Set<String>()
        /// The first write that failed; later writes are skipped.
        public private(set) var failure: IOFailure?

        public mutating func write(_ file: OutputFile) {
            guard failure == nil else { return }
            let path = "\(staging)/\(file.path)"
            let folder = String(path[..<path.lastIndex(of: "/")!])
            do throws(IOFailure) {
                if !made.contains(folder) {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw IOFailure("cannot create '\(folder)': \(error.localizedDescription)")
                    }
                    made.insert(folder)
                }
                try OutputWriter.writeFile(file.bytes, to: path)
            } catch {
                failure = error
            }
        }
    }

    /// Replaces each edition's folder with its staged copy (`finish` removes the staging folder after).
    /// - `stagedInPrevious`: editions staged in their previous folder (`PreviousGeneration.stage`) rather than in staging;
    ///   their swapped-out folder becomes their previous folder where it is.
    /// - `keepingPrevious`: editions staged in staging whose swapped-out folder shares all but a few files with the new
    ///   one (hard links): kept as their previous folder. Every other edition's previous folder is removed, since its
    ///   files are no longer the live ones and would only take space.
    private func swap(
        editionIDs: [String], stagedInPrevious: Set<String>, keepingPrevious: Set<String>
    ) throws(IOFailure) {
        for id in editionIDs {
            let final = "\(root)/\(id)"
            let inPrevious = stagedInPrevious.contains(id)
            let staged = inPrevious ? previous.path(of: id) : "\(staging)/\(id)"
            let old = "\(staging)/.old-\(id)"
            // Where the swapped-out folder is once the new one is in place.
            var swappedOut: String?
            if FileManager.default.fileExists(atPath: final) {
                // One atomic exchange: at no instant is the edition missing or half old, half new.
                if kizuna_exchange(staged, final) == 0 {
                    swappedOut = staged
                } else {
                    // A file system that cannot exchange: move aside, then into place (a window of two renames).
                    guard rename(final, old) == 0 else {
                        throw IOFailure("cannot move '\(final)' aside: \(String(cString: strerror(errno)))")
                    }
                    swappedOut = old
                }
            }
            if swappedOut != staged {
                guard rename(staged, final) == 0 else {
                    _ = rename(old, final)
                    throw IOFailure("cannot move the new '\(id)' into place: \(String(cString: strerror(errno)))")
                }
            }
            try previous.keepOrDrop(
                id, swappedOut: swappedOut, keep: inPrevious || keepingPrevious.contains(id), trash: staging)
        }
    }

    /// Makes the staging folder again after a `commit`, for what is staged after it.
    func reopenStaging() throws(IOFailure) {
        guard mkdir(staging, 0o755) == 0 || errno == EEXIST else {
            throw IOFailure("cannot create '\(staging)': \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the staging folder once everything staged is in place.
    func finish() {
        // The folders swapped out by `commit` are in staging: removed on every core.
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        let root = staging
        _ = ParallelMap.map(names) { kizuna_remove_tree("\(root)/\($0)") }
        _ = kizuna_remove_tree(staging)
    }

    /// Stages an edition whose days partly changed: every file of its current folder is hard-linked into staging,
    /// except `except` (paths relative to the output folder), which the build has written anew. The staged edition
    /// is then complete and is swapped in whole like any other: a reader never sees half of each. Links are made
    /// after the new files are written, so no file is ever written through a link to the live one.
    func linkUnchanged(editionID: String, except: Set<String>) throws(IOFailure) {
        let source = "\(root)/\(editionID)"
        let target = "\(staging)/\(editionID)"
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create '\(target)': \(error.localizedDescription)")
        }
        try FileTree.linkFiles(source, target, except: except, prefix: "\(editionID)/")
    }

    /// Takes the output folder for this build alone: a second build into it fails with a clear error instead of
    /// mixing its files with this one's. Released by `OutputLock.release`, or by the system if the process dies.
    public func lock() throws(IOFailure) -> OutputLock {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IOFailure("cannot open output folder '\(root)': \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw IOFailure(
                busy
                    ? "another build is writing into '\(root)'; run this one when it has finished"
                    : "cannot lock output folder '\(root)': \(reason)")
        }
        return OutputLock(fd: fd)
    }

    /// Removes the staging folder after a failure, leaving the previous output as it was.
    public func abandon() {
        _ = kizuna_remove_tree(staging)
        if createdRoot { rmdir(root) }
    }

    /// The edition's pack as it is in the output folder.
    public func packPath(_ editionID: String) -> String { "\(root)/\(editionID)/\(EditionPack.fileName)" }

    /// Where this build stages the edition's pack, its folder made.
    public func stagedPackPath(_ editionID: String) throws(IOFailure) -> String {
        let folder = "\(staging)/\(editionID)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create '\(folder)': \(error.localizedDescription)")
        }
        return "\(folder)/\(EditionPack.fileName)"
    }

    /// The folder of build caches inside the output folder (see `EditionCache`).
    var cacheFolder: String { "\(root)/.kizuna-cache" }

    /// The cache of an edition's files as they are on disk; nil when there is none, it is unreadable, or
    /// `requiring` (a file of the edition's folder) is gone.
    public func readCache(_ editionID: String, requiring: String = "manifest.json") -> EditionCache? {
        guard access("\(root)/\(editionID)/\(requiring)", F_OK) == 0,
            let bytes = Self.readFile("\(cacheFolder)/\(editionID)")
        else { return nil }
        return EditionCache(bytes: bytes)
    }

    /// Where the style memo is kept: a name no edition can take (ids never start with a dot).
    var styleMemoPath: String { "\(cacheFolder)/.style-memo" }

    /// The style memo a previous build stored (see `StyleMemo`), or nil.
    public func readStyleMemo() -> [UInt8]? {
        Self.readFile(styleMemoPath)
    }

    /// Stores the style memo for the next build, whole or not at all.
    public func saveStyleMemo(_ bytes: [UInt8]) throws(IOFailure) {
        try ContentDirectory.replace(styleMemoPath, with: bytes)
    }

    /// Removes an edition's cache: done before its files change, so that a build killed midway leaves no cache
    /// that could vouch for files it did not finish.
    func dropCache(_ editionID: String) throws(IOFailure) {
        guard unlink("\(cacheFolder)/\(editionID)") == 0 || errno == ENOENT else {
            throw IOFailure("cannot remove the build cache of '\(editionID)': \(String(cString: strerror(errno)))")
        }
    }

    /// Where `stageCache` keeps an edition's cache until its edition is in place.
    private var stagedCacheFolder: String { "\(staging)/.kizuna-cache" }

    /// Writes an edition's cache into staging (memory need not hold it until the commit); `commitCaches` moves it.
    public func stageCache(_ editionID: String, _ cache: EditionCache) throws(IOFailure) {
        guard mkdir(stagedCacheFolder, 0o755) == 0 || errno == EEXIST else {
            throw IOFailure("cannot create '\(stagedCacheFolder)': \(String(cString: strerror(errno)))")
        }
        try Self.writeFile(cache.bytes, to: "\(stagedCacheFolder)/\(editionID)")
    }

    /// Moves the staged caches of these editions into the cache folder, one rename each: done once the editions are
    /// in place. An edition staged without a cache (`--no-cache`) is skipped.
    func commitCaches(_ editionIDs: [String]) throws(IOFailure) {
        guard mkdir(cacheFolder, 0o755) == 0 || errno == EEXIST else {
            throw IOFailure("cannot create '\(cacheFolder)': \(String(cString: strerror(errno)))")
        }
        for id in editionIDs {
            guard rename("\(stagedCacheFolder)/\(id)", "\(cacheFolder)/\(id)") == 0 || errno == ENOENT else {
                throw IOFailure("cannot write the build cache of '\(id)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A whole file's bytes with open, fstat and read (Foundation's `contents(atPath:)` went through `Data`); nil if
    /// it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }

    /// One POSIX write per file: Foundation's `Data.write` fsyncs every file on Linux, which a 100,000-file build
    /// cannot afford.
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

/// An output folder taken by one build (`OutputWriter.lock`).
public final class OutputLock: @unchecked Sendable {
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}
