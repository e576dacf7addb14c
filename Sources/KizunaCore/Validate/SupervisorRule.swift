extension RuleID {
    public static let reviewerUnknown = RuleID("reviewer-unknown")
    public static let supervisorMissing = RuleID("supervisor-missing")
}

/// `reviewer-unknown` and `supervisor-missing`: every manuscript names supervisors from the registry.
struct SupervisorRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let reviewerUnknown = RuleDescription(
        .reviewerUnknown, .error, en: "A supervisor or approver not in reviewers.yaml",
        ja: "reviewers.yaml に登録されていない監修者・承認者")
    static let supervisorMissing = RuleDescription(
        .supervisorMissing, .warning, en: "A manuscript nobody supervises", ja: "監修者のいない原稿")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let ids = content.reviewers.map(\.id.value)
        let names = ReviewerNames(content.reviewers)
        for m in content.manuscripts {
            // An absent key is already the manuscript's `schema-missing-key`: one finding per mistake.
            if m.supervisors.isEmpty, let location = m.supervisorsLocation {
                diagnostics.append(
                    Diagnostic(
                        .supervisorMissing, at: location,
                        en:
                            "no supervisor vouches for this manuscript; name them by their ids in reviewers.yaml, "
                            + "e.g. `supervisors: [pediatrician-a]`",
                        ja: "この原稿には監修者がいません。reviewers.yaml に登録した監修者を `supervisors: [pediatrician-a]` のように書いてください"))
            }
            for s in m.supervisors where !ids.contains(s.value) {
                let message = LocalizedText(
                    en: "'\(s.value)' is not in the reviewers' registry (reviewers.yaml)",
                    ja: "監修者 \(Japanese.quote(s.value)) は監修者名簿（reviewers.yaml）に登録されていません")
                let suggestion = names.suggestion(for: s.value)
                diagnostics.append(
                    Diagnostic(
                        .reviewerUnknown, at: s.location, (message + .didYouMean(suggestion)).tidied,
                        fixIt: suggestion.map { FixIt.replacing(s, with: $0) }))
            }
        }
    }
}
