extension RuleID {
    public static let approvalStale = RuleID("approval-stale")
    public static let approvalMissing = RuleID("approval-missing")
    public static let approvalNotEntitled = RuleID("approval-not-entitled")
}

/// `approval-stale`, `approval-missing`, `approval-not-entitled`, and `reviewer-unknown` for approvers: an approval
/// holds only for the text it was given on, by the manuscript's own supervisors, registered.
struct ApprovalRule: ContentRule {
    static let approvalNotEntitled = RuleDescription(
        .approvalNotEntitled, .warning, en: "An approval by someone who is not a supervisor of the manuscript",
        ja: "原稿の監修者ではない人による承認")
    static let approvalStale = RuleDescription(
        .approvalStale, .warning, en: "Text that changed after its approval", ja: "承認後に変更された文面")
    static let approvalMissing = RuleDescription(
        .approvalMissing, .warning, en: "review: approved with no recorded approval", ja: "承認記録のない review: approved")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let names = ReviewerNames(content.reviewers)
        for m in content.manuscripts {
            guard let approval = m.approval else {
                if m.review.value == .approved {
                    diagnostics.append(
                        Diagnostic(
                            .approvalMissing, at: m.review.location,
                            en:
                                "marked approved, but no approval is recorded; record "
                                + "one with `kizuna approve \(m.path) --reviewer ID`",
                            ja:
                                "'review' が approved になっていますが、承認記録がありません。`kizuna "
                                + "approve \(m.path) --reviewer ID` で記録してください"
                        ))
                }
                continue
            }
            for id in approval.by where names[id.value] == nil {
                let message =
                    LocalizedText(
                        en: "approver '\(id.value)' is not in the reviewers' registry (reviewers.yaml)",
                        ja: "承認者 \(Japanese.quote(id.value)) は監修者名簿（reviewers.yaml）に登録されていません")
                    + .didYouMean(closestMatch(to: id.value, in: names.ids))
                diagnostics.append(Diagnostic(.reviewerUnknown, at: id.location, message.tidied))
            }
            // An unregistered approver is reported above; a registered one who does not supervise this text here.
            let entitled = m.supervisors.map { names.label($0.value) }
            // A supervisor list with an unknown id is reported as such, not again through each approver.
            let supervisorsKnown = m.supervisors.allSatisfy { names[$0.value] != nil }
            for id in approval.unentitled(for: m) where names[id.value] != nil && supervisorsKnown {
                diagnostics.append(
                    Diagnostic(
                        .approvalNotEntitled, at: id.location,
                        en:
                            "\(names.label(id.value)) approved this manuscript but is not one of its supervisors; "
                            + "the approval does not count",
                        ja: "\(names[id.value] ?? id.value)（\(id.value)）はこの原稿の監修者ではないため、この承認は無効です",
                        notes: [
                            DiagnosticNote(
                                en: "entitled to approve it: \(entitled.joined(separator: ", "))",
                                ja: "承認できるのはこの原稿の監修者です: \(entitled.joined(separator: "、"))")
                        ]))
            }
            if m.state == .stale {
                let current = ReaderText(m).sha256
                let who = approval.by.map { names[$0.value] ?? $0.value }.joined(separator: "、")
                diagnostics.append(
                    Diagnostic(
                        .approvalStale, at: approval.location,
                        en: "the text changed after \(who) approved it on \(approval.date.value); it needs re-approval",
                        ja: "\(who)が\(approval.date.value)に承認した後で文面が変わっています。再承認を受けてください",
                        notes: [
                            DiagnosticNote(
                                en:
                                    "approved text sha256 \(approval.sha256.value.prefix(12))…,"
                                    + " now \(current.prefix(12))…",
                                ja: "承認時の文面の sha256 は \(approval.sha256.value.prefix(12))…、現在は \(current.prefix(12))…"),
                            DiagnosticNote(
                                en: "see the review sheet, then `kizuna approve \(m.path) --reviewer ID`",
                                ja: "監修シートで変更箇所を確かめてから `kizuna approve \(m.path) --reviewer ID` を実行してください"),
                        ]))
            }
        }
    }
}
