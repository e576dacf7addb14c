/// `approval-stale`, `approval-missing`, and `reviewer-unknown` for approvers: an approval holds only for the text
/// it was given on, by supervisors in the registry.
struct ApprovalRule: ContentRule {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let names = Dictionary(content.reviewers.map { ($0.id.value, $0.name.value) }, uniquingKeysWith: { a, _ in a })
        for m in content.manuscripts {
            guard let approval = m.approval else {
                if m.review.value == .approved {
                    diagnostics.append(Diagnostic(.approvalMissing, at: m.review.location,
                        "marked approved, but no approval is recorded; record one with `kizuna approve \(m.path) --reviewer ID`"))
                }
                continue
            }
            for id in approval.by where names[id.value] == nil {
                var message = "approver '\(id.value)' is not in the reviewers' registry (reviewers.yaml)"
                if let s = closestMatch(to: id.value, in: names.keys.sorted()) { message += "; did you mean '\(s)'?" }
                diagnostics.append(Diagnostic(.reviewerUnknown, at: id.location, message))
            }
            if m.state == .stale {
                let current = ReaderText(m).sha256
                let who = approval.by.map { names[$0.value] ?? $0.value }.joined(separator: "、")
                diagnostics.append(Diagnostic(.approvalStale, at: approval.location,
                    "the text changed after \(who) approved it on \(approval.date.value); it needs re-approval",
                    notes: [DiagnosticNote("approved text sha256 \(approval.sha256.value.prefix(12))…, now \(current.prefix(12))…"),
                            DiagnosticNote("see the review sheet, then `kizuna approve \(m.path) --reviewer ID`")]))
            }
        }
    }
}
