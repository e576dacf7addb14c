/// What `build --release` ships of each text (ContentRepo's "live + draft"): the working copy where it is approved as
/// it stands; otherwise the last approved version `kizuna approve` kept under `approved/`; otherwise nothing (a
/// manuscript's day is held back, an insert left out). A text every message needs (the shared or an edition's
/// disclaimer and footer) that was never approved, an approval that must be fixed (forged, unentitled, unsigned where
/// signatures are required) and an approved version that does not verify refuse the release.
public struct ReleasePlan: Sendable {
    /// What ships of one text.
    public enum Decision: Sendable, Hashable {
        /// The text as it stands.
        case current
        /// The last approved version, approved on this day (the working copy is not approved).
        case approvedVersion(CalendarDate)
        /// Nothing: the manuscript's day is not sent, the insert is not shown.
        case heldBack
        /// The release is refused (a diagnostic says why).
        case refused
    }

    /// One text's line in the release report.
    public struct Line: Sendable, Hashable {
        public var subject: ApprovalSubject
        /// The working copy's file.
        public var path: String
        /// The edition, for an insert or an edition's texts.
        public var edition: String?
        public var decision: Decision
        /// Where the working copy stands.
        public var state: ReviewState
        /// Who signed and who is missing, for the working copy.
        public var summary: String
    }

    /// Every text whose working copy does not ship as it stands, in output order (texts that ship as they stand are
    /// counted, not listed).
    public var lines: [Line] = []
    /// How many texts ship as they stand.
    public var current = 0
    /// Why the release is refused: `release-unapproved` errors.
    public var refusals: [Diagnostic] = []

    public init() {}

    mutating func add(_ other: ReleasePlan) {
        lines += other.lines
        current += other.current
        refusals += other.refusals
    }

    /// The days held back, for the manifest and the timeline.
    public var heldBackDays: [DayKey] {
        lines.compactMap { line in
            if case .manuscript(let day) = line.subject, line.decision == .heldBack { return day }
            return nil
        }
    }
}

/// Decides a `ReleasePlan` and gives the content as released.
struct ReleasePlanner: Sendable {
    let copies: ApprovedCopies
    let evaluator: SignOffEvaluator

    init(files: ContentFiles, shared: ContentSet) {
        copies = ApprovedCopies(files)
        evaluator = SignOffEvaluator(reviewers: shared.reviewers, configuration: shared.configuration, content: shared)
    }

    /// The shared content as released: each manuscript as it stands, as last approved, or left out (its day held
    /// back); the shared disclaimer and footer as they stand or as last approved.
    func plan(shared content: ContentSet) -> (ContentSet, ReleasePlan) {
        var plan = ReleasePlan()
        var released = content
        released.manuscripts = content.manuscripts.compactMap { m in
            let decided = decide(
                m.subject, path: m.path, at: m.approval?.location ?? m.review.location, signOff: m.signOff,
                edition: nil, everyMessageNeedsIt: false, into: &plan
            ) { copy, diagnostics in
                let loaded = YAMLDocumentLoader().load(copy, into: &diagnostics).flatMap {
                    ManuscriptLoader().load($0, into: &diagnostics)
                }
                return loaded.flatMap { c -> (Manuscript, SignOffStatus, Approval?)? in
                    guard c.day.value == m.day.value else { return nil }
                    let status = evaluator.evaluate(
                        c.subject, reader: ReaderText(c), entitled: c.supervisors, approval: c.approval,
                        marked: c.review.value)
                    return (c.with(signOff: status), status, c.approval)
                }
            }
            switch decided {
            case .current: return m
            case .approved(let copy): return copy
            case .none: return nil
            }
        }
        if let c = content.configuration {
            let decided = decide(
                .shared, path: c.path, at: c.approval?.location ?? c.disclaimer.location, signOff: c.signOffStatus,
                edition: nil, everyMessageNeedsIt: true, into: &plan
            ) { copy, diagnostics in
                YAMLDocumentLoader().load(copy, into: &diagnostics).flatMap {
                    ConfigurationLoader().load($0, into: &diagnostics)
                }.map { a in
                    var a = a
                    a.signOffStatus = evaluator.evaluate(
                        .shared, reader: ReaderText(a), entitled: a.approvers, approval: a.approval)
                    return (a, a.signOffStatus, a.approval)
                }
            }
            if case .approved(let approved) = decided {
                var shipped = c
                shipped.disclaimer = approved.disclaimer
                shipped.footer = approved.footer
                shipped.card = approved.card
                shipped.signOffStatus = approved.signOffStatus
                released.configuration = shipped
            }
        }
        return (released, plan)
    }

    /// One edition's share as released: its own texts as they stand or as last approved, each insert and its loss
    /// support message as it stands, as last approved, or left out.
    func plan(edition share: ContentSet) -> (ContentSet, ReleasePlan) {
        var plan = ReleasePlan()
        var released = share
        guard let edition = share.editions.first else { return (share, plan) }
        let id = edition.id.value
        let decided = decide(
            .edition(id), path: edition.path, at: edition.approval?.location ?? edition.id.location,
            signOff: edition.signOff, edition: id, everyMessageNeedsIt: true,
            into: &plan
        ) { copy, diagnostics -> (Edition, SignOffStatus, Approval?)? in
            YAMLDocumentLoader().load(copy, into: &diagnostics).flatMap { EditionLoader().load($0, into: &diagnostics) }
                .flatMap { a in
                    guard a.id.value == id else { return nil }
                    var a = a
                    a.signOff = evaluator.evaluate(
                        .edition(id), reader: ReaderText(a), entitled: a.approvers, approval: a.approval)
                    return (a, a.signOff, a.approval)
                }
        }
        if case .approved(let approved) = decided {
            var shipped = edition
            shipped.name = approved.name
            shipped.municipality = approved.municipality
            shipped.contacts = approved.contacts
            shipped.disclaimer = approved.disclaimer
            shipped.footer = approved.footer
            shipped.unsubscribeURL = approved.unsubscribeURL
            shipped.survey = approved.survey
            // The おめでとうカード prints the registration and the card's texts: signed with the edition's texts.
            shipped.registration = approved.registration
            shipped.card = approved.card
            shipped.signOff = approved.signOff
            released.editions = [shipped]
        }
        let entitled = edition.approvers
        released.inserts = share.inserts.compactMap { insert in
            let insertID = insert.id.value
            let decided = decide(
                .insert(insertID), path: insert.path, at: insert.approval?.location ?? insert.id.location,
                signOff: insert.signOff, edition: id, everyMessageNeedsIt: false,
                into: &plan
            ) { copy, diagnostics -> (Insert, SignOffStatus, Approval?)? in
                YAMLDocumentLoader().load(copy, into: &diagnostics).flatMap {
                    InsertLoader().load($0, into: &diagnostics)
                }.flatMap { a in
                    guard a.id.value == insertID else { return nil }
                    var shipped = a
                    shipped.signOff = evaluator.evaluate(
                        .insert(insertID), reader: ReaderText(a), entitled: entitled, approval: a.approval)
                    return (shipped, shipped.signOff, a.approval)
                }
            }
            switch decided {
            case .current: return insert
            case .approved(let copy): return copy
            case .none: return nil
            }
        }
        // The loss support message, like an insert: as it stands, as last approved, or left out (an ended reader then
        // gets nothing on the day the end is recorded either).
        released.lossSupports = share.lossSupports.compactMap { support in
            let supportID = support.id.value
            let decided = decide(
                .lossSupport(supportID), path: support.path, at: support.approval?.location ?? support.id.location,
                signOff: support.signOff, edition: id, everyMessageNeedsIt: false, into: &plan
            ) { copy, diagnostics -> (LossSupport, SignOffStatus, Approval?)? in
                YAMLDocumentLoader().load(copy, into: &diagnostics).flatMap {
                    LossSupportLoader().load($0, into: &diagnostics)
                }.flatMap { a in
                    guard a.id.value == supportID else { return nil }
                    var shipped = a
                    shipped.signOff = evaluator.evaluate(
                        .lossSupport(supportID), reader: ReaderText(a), entitled: entitled, approval: a.approval)
                    return (shipped, shipped.signOff, a.approval)
                }
            }
            switch decided {
            case .current: return support
            case .approved(let copy): return copy
            case .none: return nil
            }
        }
        return (released, plan)
    }

    private enum Decided<T> {
        case current
        case approved(T)
        /// Held back or refused: nothing of the text ships.
        case none
    }

    /// The decision for one text, recorded in `plan`; a refusal is reported at `location` (its approvals, or the text's
    /// key when it has none). `load` reads the approved copy and evaluates it.
    private func decide<T>(
        _ subject: ApprovalSubject, path: String, at location: SourceLocation, signOff: SignOffStatus,
        edition: String?, everyMessageNeedsIt: Bool,
        into plan: inout ReleasePlan, load: (SourceFile, inout [Diagnostic]) -> (T, SignOffStatus, Approval?)?
    ) -> Decided<T> {
        func line(_ decision: ReleasePlan.Decision) {
            plan.lines.append(
                ReleasePlan.Line(
                    subject: subject, path: path, edition: edition, decision: decision, state: signOff.state,
                    summary: signOff.summary))
        }
        if signOff.state == .approved {
            plan.current += 1
            return .current
        }
        let label = subject.label
        if signOff.refused {
            line(.refused)
            plan.refusals.append(
                Diagnostic(
                    .releaseUnapproved, at: location,
                    en:
                        "\(label.en) cannot be released: an approval of it does not count "
                        + "(\(signOff.state.rawValue)); mend the approvals reported for \(path)",
                    ja: "\(label.ja)はリリースできません。無効な承認（\(signOff.state.displayName)）があります。\(path) の承認の指摘を直してください"
                ))
            return .none
        }
        if let copy = copies.copy(of: subject) {
            var diagnostics: [Diagnostic] = []
            if let (approved, status, approval) = load(copy, &diagnostics), status.state == .approved,
                !diagnostics.hasErrors, let date = approval?.entries.map(\.date.value).max()
            {
                line(.approvedVersion(date))
                return .approved(approved)
            }
            line(.refused)
            plan.refusals.append(
                Diagnostic(
                    .releaseUnapproved, at: SourceLocation(file: copy.path, line: 1, column: 1),
                    en:
                        "the approved version of \(label.en) kept in \(copy.path) does not verify as approved; "
                        + "it cannot ship in place of the working copy (\(signOff.state.rawValue))",
                    ja: "\(copy.path) に保管された\(label.ja)の承認済みの版が、承認済みとして確認できません。"
                        + "作業中の版（\(signOff.state.displayName)）の代わりに配信できません"))
            return .none
        }
        if everyMessageNeedsIt {
            line(.refused)
            plan.refusals.append(
                Diagnostic(
                    .releaseUnapproved, at: location,
                    en:
                        "\(label.en) has never been approved (\(signOff.state.rawValue)"
                        + (signOff.reviewers.isEmpty ? "" : ": \(signOff.summary)")
                        + "), and every message carries it; approve it with `kizuna approve \(path) --reviewer ID`",
                    ja: "\(label.ja)は一度も承認されていません（\(signOff.state.displayName)"
                        + (signOff.reviewers.isEmpty ? "" : "：\(signOff.summary)")
                        + "）。すべてのメッセージに載るため、`kizuna approve \(path) --reviewer ID` で承認を受けてください"))
            return .none
        }
        line(.heldBack)
        return .none
    }
}

extension ReleasePlan {
    /// The release report `build --release` prints: what ships as which approved version, what is held back and why.
    public func report(language: Language) -> String {
        let ja = language == .ja
        var shipped = 0, held = 0
        var out: [String] = []
        for line in lines {
            let name = ja ? line.subject.label.ja : line.subject.label.en
            let place = line.edition.map { ja ? "（\($0)版）" : " in edition \($0)" } ?? ""
            let why = line.summary.isEmpty ? line.state.rawValue : "\(line.state.rawValue): \(line.summary)"
            let whyJa = line.summary.isEmpty ? line.state.displayName : "\(line.state.displayName)：\(line.summary)"
            switch line.decision {
            case .current: continue
            case .approvedVersion(let date):
                shipped += 1
                out.append(
                    ja
                        ? "  \(date)に承認された版を配信: \(name)\(place) — 作業中の版は\(whyJa)（\(line.path)）"
                        : "  ships the version approved on \(date): \(name)\(place); the working copy is \(why) (\(line.path))"
                )
            case .heldBack:
                held += 1
                let what: String
                if case .manuscript = line.subject {
                    what = ja ? "配信保留（この日は送られません）" : "held back (the day is not sent)"
                } else {
                    what = ja ? "載せません" : "left out"
                }
                out.append(
                    ja
                        ? "  \(what): \(name)\(place) — 承認されたことがありません（\(whyJa)、\(line.path)）"
                        : "  \(what): \(name)\(place); never approved (\(why), \(line.path))")
            case .refused:
                out.append(
                    ja ? "  リリース不可: \(name)\(place)（\(line.path)）" : "  refused: \(name)\(place) (\(line.path))")
            }
        }
        let head =
            ja
            ? "リリース: \(current)件は現在の文面で承認済み、\(shipped)件は前回承認された版を配信、\(held)件は保留"
            : "release: \(English.count(current, "text")) \(current == 1 ? "ships" : "ship") as approved, \(shipped) "
                + "\(shipped == 1 ? "ships its" : "ship their") last approved version, \(held) held back"
        return ([head] + out).joined(separator: "\n") + "\n"
    }
}
