/// `release-unapproved`: a release ships only approved text (`ReleasePlan`), and refuses what it cannot ship.
public enum ReleaseGate {
    /// What a release of `files` would ship of the selected editions (empty: all), and what refuses it, without
    /// building anything.
    public static func plan(_ files: ContentFiles, editions selection: [String] = []) -> ReleasePlan {
        let stream = EditionStream(files, checkingPayloads: false, release: true)
        let facts = (0..<stream.editionCount).map { stream.checkedUnit($0, keepingJob: false).facts }
        return combine(shared: stream.sharedRelease ?? ReleasePlan(), facts: facts, selection: selection)
    }

    /// The plan of the selected editions: the shared texts, the manuscripts of their series, and each one's own texts
    /// and inserts.
    static func combine(shared: ReleasePlan, facts: [EditionStream.Facts], selection: [String]) -> ReleasePlan {
        let selected = facts.filter { f in
            guard let id = f.editionID?.value else { return false }
            return selection.isEmpty || selection.contains(id)
        }
        let series = Set(selected.flatMap(\.series))
        func sent(_ subject: ApprovalSubject) -> Bool {
            if case .manuscript(let day) = subject { return series.contains(day.series) }
            return true
        }
        var plan = ReleasePlan()
        plan.current = shared.current
        plan.lines = shared.lines.filter { sent($0.subject) }
        // A refusal is at the working copy or at its approved copy: kept when its text is sent.
        let unsent = Set(shared.lines.filter { !sent($0.subject) }.map(\.path))
        plan.refusals = shared.refusals.filter { !unsent.contains($0.location.file) }
        for f in selected { if let own = f.release { plan.add(own) } }
        return plan
    }
}

extension RuleID {
    public static let releaseUnapproved = RuleID("release-unapproved")
}

/// The rule of the release gate, reported by `build --release` only.
extension ReleaseGate {
    static let releaseUnapproved = RuleDescription(
        .releaseUnapproved, .error,
        en:
            "A text a release cannot ship: an approval that does not count, or never approved where every message needs it",
        ja: "リリースできない文面（無効な承認、またはすべてのメッセージに必要なのに未承認）")
}
