/// `release-unapproved`: a release build sends only text a registered supervisor approved as it stands.
/// One diagnostic per manuscript the editions use, at the line that needs attention.
public enum ReleaseGate {
    public static func check(_ content: ValidatedContent, editions: [Edition]) -> [Diagnostic] {
        check(content, series: Set(editions.flatMap { $0.series.map(\.value) }))
    }

    /// The manuscripts of the series the editions to release send.
    public static func check(_ content: ValidatedContent, series: Set<Series>) -> [Diagnostic] {
        let registry = Set(content.content.reviewers.map(\.id.value))
        let names = ReviewerNames(content.content.reviewers)
        var diagnostics: [Diagnostic] = []
        for m in content.content.manuscripts where series.contains(m.series) {
            let approvers = m.approval?.reviewerIDs ?? []
            switch m.state {
            case .draft:
                diagnostics.append(
                    Diagnostic(
                        .releaseUnapproved, at: m.review.location,
                        en: "\(m.day.value.label) is a draft and cannot be released",
                        ja: "\(m.day.value.label)の原稿は下書き（draft）のため、リリースできません"))
            case .unreviewed, .partial:
                diagnostics.append(
                    Diagnostic(
                        .releaseUnapproved, at: m.review.location,
                        en:
                            "\(m.day.value.label) has no recorded approval; "
                            + "a supervisor must approve it (kizuna approve)",
                        ja: "\(m.day.value.label)の原稿には承認記録がありません。監修者の承認を受けてください（kizuna approve）"))
            case .notEntitled, .unverified:
                let supervisors = Set(m.supervisors.map(\.value))
                let others = approvers.filter { !supervisors.contains($0) }.map { names.label($0) }
                let who = others.isEmpty ? nil : others
                diagnostics.append(
                    Diagnostic(
                        .releaseUnapproved, at: m.approval?.location ?? m.review.location,
                        en:
                            "\(m.day.value.label) was approved by "
                            + "\(who?.joined(separator: ", ") ?? "nobody"), not by its supervisors",
                        ja:
                            "\(m.day.value.label)の原稿は"
                            + (who.map { "監修者以外（\($0.joined(separator: "、"))）による承認" } ?? "承認者のない承認記録")
                            + "のため、リリースできません"))
            case .stale:
                let date = m.approval?.entries.map(\.date.value).max().map { "\($0)" } ?? "?"
                diagnostics.append(
                    Diagnostic(
                        .releaseUnapproved, at: m.approval?.location ?? m.review.location,
                        en: "\(m.day.value.label) changed after its approval on \(date); it needs re-approval",
                        ja: "\(m.day.value.label)の原稿は\(date)の承認後に変更されています。再承認を受けてください"))
            case .approved:
                if approvers.isEmpty || !approvers.allSatisfy(registry.contains) || m.supervisors.isEmpty
                    || !m.supervisors.allSatisfy({ registry.contains($0.value) })
                {
                    diagnostics.append(
                        Diagnostic(
                            .releaseUnapproved, at: m.approval?.location ?? m.review.location,
                            en: "\(m.day.value.label) is supervised or approved by nobody in the reviewers' registry",
                            ja: "\(m.day.value.label)の原稿は、監修者名簿に登録された監修者による監修・承認になっていません"))
                }
            }
        }
        return diagnostics.sortedForOutput()
    }
}

extension RuleID {
    public static let releaseUnapproved = RuleID("release-unapproved")
}

/// The rule of the release gate, reported by `build --release` only.
extension ReleaseGate {
    static let releaseUnapproved = RuleDescription(
        .releaseUnapproved, .error, en: "A manuscript released without a valid approval (build --release)",
        ja: "有効な承認のない原稿のリリース（build --release）")
}
