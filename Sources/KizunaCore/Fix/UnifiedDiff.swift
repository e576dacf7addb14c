/// A unified diff without context lines between two versions of a file, as fixes make (most replace text within a
/// line; some add a line): `patch` and `git apply --unidiff-zero` accept it.
public enum UnifiedDiff {
    public static func lines(path: String, original: [UInt8], fixed: [UInt8]) -> String {
        let old = original.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let new = fixed.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(old, new) {
            out += "@@ -\(range(hunk.old, count: hunk.removed.count)) +\(range(hunk.new, count: hunk.added.count)) @@\n"
            for line in hunk.removed { out += "-\(line)\n" }
            for line in hunk.added { out += "+\(line)\n" }
        }
        return out
    }

    /// A run of removed and added lines: `old` and `new` are the 1-based first lines, or, for an empty side, the line
    /// after which it applies (0 before the first), as unified diffs count them.
    struct Hunk {
        var old: Int, new: Int
        var removed: [String], added: [String]
    }

    /// The hunks of a longest-common-subsequence alignment of the lines (files of a few hundred lines: the table is
    /// small).
    static func hunks(_ old: [String], _ new: [String]) -> [Hunk] {
        // Lines common to both ends stay out of the table.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        // common[i][j]: the longest common subsequence of a[i...] and b[j...].
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var hunks: [Hunk] = []
        var current: Hunk?
        var i = 0, j = 0
        func flush() {
            if let hunk = current { hunks.append(hunk) }
            current = nil
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flush()
                i += 1
                j += 1
                continue
            }
            if current == nil { current = Hunk(old: prefix + i + 1, new: prefix + j + 1, removed: [], added: []) }
            if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
                current!.added.append(b[j])
                j += 1
            } else {
                current!.removed.append(a[i])
                i += 1
            }
        }
        flush()
        return hunks.map { h in
            var h = h
            if h.removed.isEmpty { h.old -= 1 }
            if h.added.isEmpty { h.new -= 1 }
            return h
        }
    }

    private static func range(_ start: Int, count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }
}
