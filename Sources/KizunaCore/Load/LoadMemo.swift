import Foundation

/// What loading each content file gave, kept between builds of one process (`serve`), so that a rebuild parses only
/// the files that changed. Invariant: loading a file depends on nothing but its path, its role and its bytes, so a
/// file with all three unchanged gives what it gave before. One entry per path, replaced when the file changes.
public final class LoadMemo: @unchecked Sendable {
    private struct Entry {
        var role: ContentRole?
        var bytes: [UInt8]
        var result: (ContentLoader.Loaded, [Diagnostic])
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func result(for path: String, role: ContentRole?, bytes: [UInt8]) -> (ContentLoader.Loaded, [Diagnostic])? {
        lock.withLock {
            guard let entry = entries[path], entry.role == role, entry.bytes == bytes else { return nil }
            return entry.result
        }
    }

    func keep(_ result: (ContentLoader.Loaded, [Diagnostic]), for path: String, role: ContentRole?, bytes: [UInt8]) {
        lock.withLock { entries[path] = Entry(role: role, bytes: bytes, result: result) }
    }
}
