/// `reviewer-unknown` and `supervisor-missing`: every manuscript names supervisors from the registry.
struct SupervisorRule: ContentRule {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let ids = content.reviewers.map(\.id.value)
        for m in content.manuscripts {
            if m.supervisors.isEmpty {
                diagnostics.append(Diagnostic(.supervisorMissing, at: m.review.location,
                    "no supervisor vouches for this manuscript"))
            }
            for s in m.supervisors where !ids.contains(s.value) {
                var message = "'\(s.value)' is not in the reviewers' registry (reviewers.yaml)"
                if let suggestion = closestMatch(to: s.value, in: ids) { message += "; did you mean '\(suggestion)'?" }
                diagnostics.append(Diagnostic(.reviewerUnknown, at: s.location, message))
            }
        }
    }
}
