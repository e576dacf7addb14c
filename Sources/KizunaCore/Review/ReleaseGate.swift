/// `release-unapproved`: a release build sends only text a registered supervisor approved as it stands.
/// One diagnostic per manuscript the editions use, at the line that needs attention.
public enum ReleaseGate {
    public static func check(_ content: ValidatedContent, editions: [Edition]) -> [Diagnostic] {
        let series = Set(editions.flatMap { $0.series.map(\.value) })
        let registry = Set(content.content.reviewers.map(\.id.value))
        var diagnostics: [Diagnostic] = []
        for m in content.content.manuscripts where series.contains(m.series) {
            let approvers = m.approval?.by.map(\.value) ?? []
            switch m.state {
            case .draft:
                diagnostics.append(Diagnostic(.releaseUnapproved, at: m.review.location, "\(m.day.value.label) is a draft and cannot be released"))
            case .unreviewed:
                diagnostics.append(Diagnostic(.releaseUnapproved, at: m.review.location,
                    "\(m.day.value.label) has no recorded approval; a supervisor must approve it (kizuna approve)"))
            case .stale:
                diagnostics.append(Diagnostic(.releaseUnapproved, at: m.approval?.location ?? m.review.location,
                    "\(m.day.value.label) changed after its approval on \(m.approval.map { "\($0.date.value)" } ?? "?"); it needs re-approval"))
            case .approved:
                if approvers.isEmpty || !approvers.allSatisfy(registry.contains) || m.supervisors.isEmpty
                    || !m.supervisors.allSatisfy({ registry.contains($0.value) }) {
                    diagnostics.append(Diagnostic(.releaseUnapproved, at: m.approval?.location ?? m.review.location,
                        "\(m.day.value.label) is supervised or approved by nobody in the reviewers' registry"))
                }
            }
        }
        return diagnostics.sortedForOutput()
    }
}
