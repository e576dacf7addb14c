/// A unified diff (no context lines) between two versions of a file whose edits never add or remove a line,
/// as fixes make: `patch` and `git apply --unidiff-zero` accept it.
public enum UnifiedDiff {
    public static func lines(path: String, original: [UInt8], fixed: [UInt8]) -> String {
        let old = original.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let new = fixed.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        guard old.count == new.count else {
            // Not expected from fixes; say so rather than print a wrong hunk.
            return out + "@@ line count changed: \(old.count) → \(new.count) @@\n"
        }
        var i = 0
        while i < old.count {
            guard old[i] != new[i] else { i += 1; continue }
            var end = i
            while end < old.count, old[end] != new[end] { end += 1 }
            let count = end - i
            let range = count == 1 ? "\(i + 1)" : "\(i + 1),\(count)"
            out += "@@ -\(range) +\(range) @@\n"
            for j in i..<end { out += "-\(old[j])\n" }
            for j in i..<end { out += "+\(new[j])\n" }
            i = end
        }
        return out
    }
}
