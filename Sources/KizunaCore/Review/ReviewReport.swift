/// Per text that takes approvals (manuscript, shared texts, edition, insert): where it stands in sign-off, who has
/// signed and who is still missing, when, and whether it is due for re-review.
public struct ReviewEntry: Sendable {
    public var subject: ApprovalSubject
    public var path: String
    /// The manuscript's day; nil for the other kinds.
    public var day: DayKey?
    public var title: String
    public var state: ReviewState
    /// Who may approve the text: a manuscript's supervisors, an edition's or kizuna.yaml's approvers, the approvers
    /// of the editions that send an insert.
    public var supervisors: [String]
    /// Who has an approval entry, for this text or an earlier one.
    public var approvers: [String]
    /// Entitled reviewers who approved the text as it stands.
    public var signed: [String]
    /// Entitled reviewers whose approval of the text as it stands is missing (never given, or of an earlier text).
    public var missing: [String]
    /// 「小児科医A 承認済み・家庭医A 未承認」
    public var summary: String
    public var approvedOn: CalendarDate?
    /// Stale, or approved longer ago than the review period.
    public var due: Bool

    /// `manuscript`, `shared`, `edition`, `insert` or `loss-support`.
    public var kind: String {
        switch subject {
        case .manuscript: "manuscript"
        case .insert: "insert"
        case .lossSupport: "loss-support"
        case .edition: "edition"
        case .shared: "shared"
        }
    }

    /// The day label of a manuscript, the subject of any other text (`insert sakuragaoka-boshi-techo`).
    public var label: String { day?.label ?? subject.description }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string(kind), "subject": .string(subject.description),
            "file": .string(path), "label": .string(label), "title": .string(title),
            "state": .string(state.rawValue),
            "supervisors": .array(supervisors.map(JSONValue.string)),
            "approvers": .array(approvers.map(JSONValue.string)),
            "signed": .array(signed.map(JSONValue.string)), "missing": .array(missing.map(JSONValue.string)),
            "summary": .string(summary), "due": .bool(due),
        ]
        if let day {
            o["series"] = .string(day.series.rawValue)
            o["day"] = .string(day.description)
        }
        if let approvedOn { o["approvedOn"] = .string(approvedOn.description) }
        return .object(o)
    }
}

public enum ReviewReport {
    /// Every text that takes approvals, manuscripts first in day order (`ContentSet.approvableTexts`); with
    /// `reviewer`, only those the reviewer may approve or approved.
    public static func entries(_ content: ContentSet, today: CalendarDate, periodMonths: Int, reviewer: String? = nil)
        -> [ReviewEntry]
    {
        content.approvableTexts.compactMap { text in
            let entitled = text.entitled.map(\.value).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let approvers = text.approval?.reviewerIDs ?? []
            if let reviewer, !entitled.contains(reviewer), !approvers.contains(reviewer) { return nil }
            let state = text.state
            let date = text.approval?.date(approving: text.reader.sha256)
            let expired = date.map { $0.adding(months: periodMonths) <= today } ?? false
            let day: DayKey? = if case .manuscript(let day) = text.subject { day } else { nil }
            return ReviewEntry(
                subject: text.subject, path: text.path, day: day, title: text.title, state: state,
                supervisors: entitled, approvers: approvers, signed: text.signOff.signed,
                missing: text.signOff.missing, summary: text.signOff.summary, approvedOn: date,
                due: state == .stale || (state == .approved && expired))
        }
    }

    /// One line per text, tab-separated for a terminal: file, day label or subject, state, who approved, when,
    /// whether it is due, then who has still to sign; then a count per state.
    public static func text(_ entries: [ReviewEntry]) -> String {
        var out = ""
        for e in entries {
            let who = e.approvers.isEmpty ? "-" : e.approvers.joined(separator: ",")
            let missing = e.missing.isEmpty ? "" : "\tmissing: \(e.missing.joined(separator: ","))"
            out +=
                "\(e.path)\t\(e.label)\t\(e.state.rawValue)\t\(who)\t"
                + "\(e.approvedOn?.description ?? "-")\(e.due ? "\tdue for re-review" : "")\(missing)\n"
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
