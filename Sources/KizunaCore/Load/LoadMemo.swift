import Foundation

/// What loading each content file gave, kept between builds of one process (`serve`), so that a rebuild parses only
/// the files that changed. Invariant: loading a file depends on nothing but its path, its role and its bytes, so a
/// file with all three unchanged gives what it gave before. One entry per path, replaced when the file changes.
/// What each manuscript renders to in every edition is kept too (`ManuscriptMemo`), and what the rules that read
/// each manuscript alone found in it (`FindingsMemo`).
public final class LoadMemo: @unchecked Sendable {
    /// Each manuscript's Flex blocks and preview sections, made from its text alone.
    let flexBlocks = ManuscriptMemo<[FlexRenderer.Block]>()
    let sectionViews = ManuscriptMemo<[DayPage.SectionView]>()
    /// The findings of the rules that read each manuscript alone.
    let findings = FindingsMemo()

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

/// What one manuscript makes in every edition, kept by path with the hash of the file it was made from. Invariant:
/// the value depends on nothing but the manuscript as loaded, which depends only on its path and bytes (`LoadMemo`),
/// so a manuscript whose file hash is unchanged makes what it made before.
final class ManuscriptMemo<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (hash: FileHash, value: Value)] = [:]

    /// `make(manuscript)`, or what it gave for the same file bytes; `hashes`: the build's file hashes by path (a
    /// manuscript not among them is made each time).
    func value(
        _ manuscript: Manuscript, hashes: [String: FileHash], make: (Manuscript) -> Value
    ) -> Value {
        guard let hash = hashes[manuscript.path] else { return make(manuscript) }
        if let known = lock.withLock({ entries[manuscript.path] }), known.hash == hash { return known.value }
        let value = make(manuscript)
        lock.withLock { entries[manuscript.path] = (hash, value) }
        return value
    }
}
