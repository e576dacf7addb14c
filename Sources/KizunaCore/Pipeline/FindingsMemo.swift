import Foundation

/// The findings of the rules that read each manuscript alone (`ContentRule.readsEachManuscriptAlone`), kept between
/// builds of one process (`serve`), so that a rebuild checks again only the manuscripts whose files changed.
/// Invariant: such a rule's findings in a manuscript's file depend on nothing but that file and the content's
/// other shared files, so they are kept per manuscript with its file's hash, and all dropped when anything else
/// changed (`context`: the other shared files' hashes, the list of manuscripts and the MeCab setting).
final class FindingsMemo: @unchecked Sendable {
    private let lock = NSLock()
    private struct Context: Equatable {
        var otherFiles: [String: FileHash]
        var manuscripts: [String]
        var mecab: MeCabSetting
    }
    private var context: Context?
    private var kept: [String: (hash: FileHash, findings: [Diagnostic])] = [:]

    /// Every rule's findings on the shared content `content` (no editions or inserts), in no particular order:
    /// the rules that read each manuscript alone run on the manuscripts that changed and the files that are not
    /// manuscripts, the others on the whole. `hashes`: every shared file's hash, by path.
    func check(
        _ content: ContentSet, rules: [any ContentRule], hashes: [String: FileHash], mecab: MeCabSetting
    ) -> [Diagnostic] {
        let manuscriptPaths = Set(content.manuscripts.map(\.path))
        let context = Context(
            otherFiles: hashes.filter { !manuscriptPaths.contains($0.key) },
            manuscripts: content.manuscripts.map(\.path),
            mecab: mecab)
        let reusable = lock.withLock {
            if self.context != context { (self.context, kept) = (context, [:]) }
            return kept
        }
        var reduced = content
        reduced.manuscripts = content.manuscripts.filter { m in
            guard let hash = hashes[m.path], let known = reusable[m.path] else { return true }
            return known.hash != hash
        }
        let changed = reduced
        let found = ParallelMap.map(rules) { rule in
            var found: [Diagnostic] = []
            rule.check(rule.readsEachManuscriptAlone ? changed : content, into: &found)
            return (rule.readsEachManuscriptAlone, found)
        }
        var diagnostics = found.filter { !$0.0 }.flatMap(\.1)
        // What the rules that read each manuscript alone found, by file: kept for the manuscripts checked now.
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in found.filter(\.0).flatMap(\.1) {
            byFile[diagnostic.location.file, default: []].append(diagnostic)
        }
        let checkedNow = Set(changed.manuscripts.map(\.path))
        for (file, findings) in byFile where !checkedNow.contains(file) { diagnostics += findings }
        var next: [String: (hash: FileHash, findings: [Diagnostic])] = [:]
        for m in content.manuscripts {
            if checkedNow.contains(m.path) {
                let findings = byFile[m.path] ?? []
                diagnostics += findings
                if let hash = hashes[m.path] { next[m.path] = (hash, findings) }
            } else if let known = reusable[m.path] {
                diagnostics += known.findings
                next[m.path] = known
            }
        }
        lock.withLock { if self.context == context { kept = next } }
        return diagnostics
    }
}
