/// Per manuscript: where it stands in sign-off, who signed and when, and whether it is due for re-review.
public struct ReviewEntry: Sendable {
    public var path: String
    public var day: DayKey
    public var title: String
    public var state: ReviewState
    public var supervisors: [String]
    public var approvers: [String]
    public var approvedOn: CalendarDate?
    /// Stale, or approved longer ago than the review period.
    public var due: Bool

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "file": .string(path), "series": .string(day.series.rawValue), "day": .string(day.description),
            "label": .string(day.label), "title": .string(title), "state": .string(state.rawValue),
            "supervisors": .array(supervisors.map(JSONValue.string)),
            "approvers": .array(approvers.map(JSONValue.string)),
            "due": .bool(due),
        ]
        if let approvedOn { o["approvedOn"] = .string(approvedOn.description) }
        return .object(o)
    }
}

public enum ReviewReport {
    /// Every manuscript in day order; with `reviewer`, only those the reviewer supervises or approved.
    public static func entries(_ content: ContentSet, today: CalendarDate, periodMonths: Int, reviewer: String? = nil)
        -> [ReviewEntry]
    {
        content.manuscripts.compactMap { m in
            let supervisors = m.supervisors.map(\.value)
            let approvers = m.approval?.reviewerIDs ?? []
            if let reviewer, !supervisors.contains(reviewer), !approvers.contains(reviewer) { return nil }
            let state = m.state
            let date = m.approval?.date(approving: ReaderText(m).sha256)
            let expired = date.map { $0.adding(months: periodMonths) <= today } ?? false
            return ReviewEntry(
                path: m.path, day: m.day.value, title: m.title.value, state: state, supervisors: supervisors,
                approvers: approvers, approvedOn: date, due: state == .stale || (state == .approved && expired))
        }
    }

    /// One line per manuscript, aligned for a terminal, then a count per state.
    public static func text(_ entries: [ReviewEntry]) -> String {
        var out = ""
        for e in entries {
            let who = e.approvers.isEmpty ? "-" : e.approvers.joined(separator: ",")
            out +=
                "\(e.path)\t\(e.day.label)\t\(e.state.rawValue)\t\(who)\t"
                + "\(e.approvedOn?.description ?? "-")\(e.due ? "\tdue for re-review" : "")\n"
        }
        let counts = ReviewState.allCases.map { s in "\(entries.filter { $0.state == s }.count) \(s.rawValue)" }
        out += counts.joined(separator: ", ") + "; \(entries.filter(\.due).count) due for re-review\n"
        return out
    }

    /// An OpenSSH allowed_signers file of every reviewer's keys, so that `ssh-keygen -Y verify -n kizuna-approval`
    /// checks an approval's signature as Kizuna does: principal = reviewer id; a retired key carries `valid-before`
    /// (the day after `valid_until`).
    public static func allowedSigners(_ reviewers: [Reviewer]) -> String {
        var out = ""
        for reviewer in reviewers.sorted(by: { $0.id.value < $1.id.value }) {
            for key in reviewer.keys {
                guard var signer = try? SSHAllowedSigner(principal: reviewer.id.value, key: key.key) else { continue }
                signer.validBefore = key.validUntil.map { $0.value.adding(days: 1) }
                out += signer.line + "\n"
            }
        }
        return out
    }
}
