extension RuleID {
    public static let approvalStale = RuleID("approval-stale")
    public static let approvalMissing = RuleID("approval-missing")
    public static let approvalNotEntitled = RuleID("approval-not-entitled")
}

/// Reports what `SignOffEvaluator` found in every text's approvals (`approval-stale`, `approval-not-entitled`, the
/// signature rules, `reviewer-unknown` for approvers), and `approval-missing`.
struct ApprovalRule: ContentRule {
    static let approvalNotEntitled = RuleDescription(
        .approvalNotEntitled, .warning, en: "An approval by someone who is not a supervisor of the manuscript",
        ja: "原稿の監修者ではない人による承認")
    static let approvalStale = RuleDescription(
        .approvalStale, .warning, en: "Text that changed after its approval", ja: "承認後に変更された文面")
    static let approvalMissing = RuleDescription(
        .approvalMissing, .warning, en: "review: approved with no recorded approval", ja: "承認記録のない review: approved")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for m in content.manuscripts {
            diagnostics += m.signOff.diagnostics
            if m.approval?.entries.isEmpty ?? true, m.review.value == .approved {
                diagnostics.append(
                    Diagnostic(
                        .approvalMissing, at: m.review.location,
                        en:
                            "marked approved, but no approval is recorded; record "
                            + "one with `kizuna approve \(m.path) --reviewer ID`",
                        ja:
                            "'review' が 'approved' になっていますが、承認記録がありません。`kizuna "
                            + "approve \(m.path) --reviewer ID` で記録してください"
                    ))
            }
        }
        for insert in content.inserts { diagnostics += insert.signOff.diagnostics }
        for support in content.lossSupports { diagnostics += support.signOff.diagnostics }
        for edition in content.editions { diagnostics += edition.signOff.diagnostics }
        if let configuration = content.configuration { diagnostics += configuration.signOffStatus.diagnostics }
    }
}
