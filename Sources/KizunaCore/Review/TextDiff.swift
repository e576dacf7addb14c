/// A character-level comparison of the approved text with the current one, as runs a review sheet marks.
public struct TextDiff: Sendable, Equatable {
    public enum Run: Sendable, Equatable {
        case same(String)
        case inserted(String)
        case deleted(String)
    }

    public var runs: [Run]

    /// Uses the standard library's `difference(from:)` over characters.
    public init(from old: String, to new: String) {
        let a = Array(old), b = Array(new)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var runs: [Run] = []
        func append(_ run: Run) {
            switch (runs.last, run) {
            case let (.same(x)?, .same(y)): runs[runs.count - 1] = .same(x + y)
            case let (.inserted(x)?, .inserted(y)): runs[runs.count - 1] = .inserted(x + y)
            case let (.deleted(x)?, .deleted(y)): runs[runs.count - 1] = .deleted(x + y)
            default: runs.append(run)
            }
        }
        // Walk both texts: deletions come from the old text, insertions from the new, the rest is shared.
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                append(.deleted(String(a[i])))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                append(.inserted(String(b[j])))
                j += 1
            } else {
                if j < b.count { append(.same(String(b[j]))) }
                i += 1
                j += 1
            }
        }
        self.runs = runs
    }

    public var hasChanges: Bool { runs.contains { if case .same = $0 { false } else { true } } }

    /// `<ins>`/`<del>` HTML, escaped, with line breaks kept; marked by more than colour so it reads in black and white.
    public var html: String {
        runs.map { run in
            switch run {
            case .same(let s): HTMLText.escape(s).replacingAll("\n", with: "<br>")
            case .inserted(let s): "<ins>" + HTMLText.escape(s).replacingAll("\n", with: "↵<br>") + "</ins>"
            case .deleted(let s): "<del>" + HTMLText.escape(s).replacingAll("\n", with: "↵<br>") + "</del>"
            }
        }.joined()
    }
}
