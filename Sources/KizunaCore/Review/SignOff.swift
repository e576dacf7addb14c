/// When a text counts as approved (kizuna.yaml `approval:`), and whether an approval must be signed
/// (`require_signatures:`).
public struct SignOffPolicy: Sendable, Hashable {
    public enum Rule: String, Sendable, CaseIterable {
        /// Every person entitled to approve the text has approved it as it stands.
        case allSupervisors = "all-supervisors"
        /// At least one of them has.
        case anySupervisor = "any-supervisor"
    }

    public var rule: Rule
    public var requireSignatures: Bool

    public init(rule: Rule = .allSupervisors, requireSignatures: Bool = false) {
        self.rule = rule
        self.requireSignatures = requireSignatures
    }
}

/// Where one text stands in sign-off: its state, who has approved it as it stands and who has not, and what is wrong
/// with its approval entries.
public struct SignOffStatus: Sendable {
    public var state: ReviewState
    /// The entitled reviewers, in order, each with where they stand.
    public var reviewers: [Signer]
    /// What is wrong with the entries, at the entry: `validate` reports these.
    public var diagnostics: [Diagnostic]
    /// An entry that must be fixed rather than waited for (forged, by someone not entitled or not registered, or
    /// unsigned where signatures are required): a release refuses the text instead of shipping its last approved
    /// version.
    public var refused: Bool

    /// One entitled reviewer's standing.
    public struct Signer: Sendable, Hashable {
        public var id: String
        public var name: String
        public var standing: Standing
    }

    public enum Standing: String, Sendable, Hashable {
        /// Approved the text as it stands.
        case approved
        /// Approved an earlier version.
        case outdated
        /// Has not approved it.
        case missing

        public var displayName: String {
            switch self {
            case .approved: "承認済み"
            case .outdated: "要再承認"
            case .missing: "未承認"
            }
        }
    }

    /// Before the registry and the policy are known.
    public static let unevaluated = SignOffStatus(state: .unreviewed, reviewers: [], diagnostics: [], refused: false)

    /// Ids of those who approved the text as it stands.
    public var signed: [String] { reviewers.filter { $0.standing == .approved }.map(\.id) }
    /// Ids of those whose approval of the text as it stands is missing.
    public var missing: [String] { reviewers.filter { $0.standing != .approved }.map(\.id) }

    /// 「小児科医A 承認済み・家庭医A 未承認」
    public var summary: String {
        reviewers.map { "\($0.name) \($0.standing.displayName)" }.joined(separator: "・")
    }
}

/// Decides where each text stands in sign-off, checking every approval entry: the reviewer is registered and entitled,
/// the signature (if any) is by one of their keys, valid then, and over this entry's statement.
public struct SignOffEvaluator: Sendable {
    let reviewers: [String: Reviewer]
    let names: ReviewerNames
    public let policy: SignOffPolicy
    /// The other texts of the content, to tell a signature copied from one of them.
    var candidates: [ApprovalSubject]

    public init(reviewers: [Reviewer], policy: SignOffPolicy, candidates: [ApprovalSubject] = []) {
        self.reviewers = Dictionary(reviewers.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        self.names = ReviewerNames(reviewers)
        self.policy = policy
        self.candidates = candidates
    }

    /// The status of one text. `entitled`: who may approve it; `marked`: what the editors marked it (a manuscript's
    /// `review:`): `draft` overrides every approval, `in-review` stands for a text nobody has approved yet.
    public func evaluate(
        _ subject: ApprovalSubject, reader: ReaderText, entitled: [LocatedText], approval: Approval?,
        marked: ReviewStatus? = nil
    ) -> SignOffStatus {
        let current = reader.sha256
        let entitledIDs = unique(entitled.map(\.value))
        // An entitled list naming unknown ids is reported as such (reviewer-unknown), not again through each approver.
        let entitledKnown = entitledIDs.allSatisfy { reviewers[$0] != nil }
        var diagnostics: [Diagnostic] = []
        // Supervisors are checked with the manuscript (SupervisorRule); an insert's approvers with its edition.
        if subject.namesItsOwnApprovers {
            for id in entitled where reviewers[id.value] == nil {
                let message =
                    LocalizedText(
                        en: "approver '\(id.value)' is not in the reviewers' registry (reviewers.yaml)",
                        ja: "承認者 \(Japanese.quote(id.value)) は監修者名簿（reviewers.yaml）に登録されていません")
                    + .didYouMean(names.suggestion(for: id.value))
                diagnostics.append(
                    Diagnostic(
                        .reviewerUnknown, at: id.location, message.tidied,
                        fixIt: names.suggestion(for: id.value).map { FixIt.replacing(id, with: $0) }))
            }
        }
        var refusedEntitlement = false
        var refusedSignature = false
        var approvedNow: Set<String> = []
        var approvedBefore: [String: [ApprovalEntry]] = [:]
        for entry in approval?.entries ?? [] {
            let id = entry.by.value
            guard let reviewer = reviewers[id] else {
                let message =
                    LocalizedText(
                        en: "approver '\(id)' is not in the reviewers' registry (reviewers.yaml); "
                            + "the approval does not count",
                        ja: "承認者 \(Japanese.quote(id)) は監修者名簿（reviewers.yaml）に登録されていないため、この承認は無効です")
                    + .didYouMean(names.suggestion(for: id))
                diagnostics.append(
                    Diagnostic(
                        .reviewerUnknown, at: entry.by.location, message.tidied,
                        fixIt: names.suggestion(for: id).map { FixIt.replacing(entry.by, with: $0) }))
                refusedEntitlement = true
                continue
            }
            guard entitledIDs.contains(id) else {
                refusedEntitlement = true
                if entitledKnown { diagnostics.append(notEntitled(entry, subject: subject, entitled: entitledIDs)) }
                continue
            }
            if let signature = entry.signature {
                if let problem = check(signature, of: entry, subject: subject, reviewer: reviewer) {
                    diagnostics.append(problem)
                    refusedSignature = true
                    continue
                }
            } else if policy.requireSignatures {
                diagnostics.append(
                    Diagnostic(
                        .approvalUnsigned, at: entry.location,
                        en:
                            "\(names.label(id))'s approval is not signed, and kizuna.yaml requires signatures; "
                            + "it does not count",
                        ja: "\(names[id] ?? id)（'\(id)'）の承認には署名がありません。kizuna.yaml で署名が必須とされているため、この承認は無効です",
                        notes: [
                            DiagnosticNote(
                                en: "sign it with `kizuna approve \(entry.location.file) --reviewer \(id) --key KEY`",
                                ja: "`kizuna approve \(entry.location.file) --reviewer \(id) --key 鍵ファイル` で署名してください")
                        ]))
                refusedSignature = true
                continue
            }
            if entry.sha256.value == current {
                approvedNow.insert(id)
            } else {
                approvedBefore[id, default: []].append(entry)
            }
        }
        // Entries for an earlier text, by people who have not approved this one: one finding per place.
        let outdated = approvedBefore.filter { !approvedNow.contains($0.key) }.values.flatMap { $0 }
        for (location, entries) in Dictionary(grouping: outdated, by: \.location).sorted(by: { $0.key < $1.key }) {
            diagnostics.append(stale(entries, at: location, subject: subject, current: current))
        }

        let signers = entitledIDs.map { id in
            SignOffStatus.Signer(
                id: id, name: names[id] ?? id,
                standing: approvedNow.contains(id) ? .approved : approvedBefore[id] != nil ? .outdated : .missing)
        }
        let complete: Bool
        switch policy.rule {
        case .allSupervisors: complete = !entitledIDs.isEmpty && entitledIDs.allSatisfy(approvedNow.contains)
        case .anySupervisor: complete = !approvedNow.isEmpty
        }
        let state: ReviewState
        if marked == .draft {
            state = .draft
        } else if refusedEntitlement {
            state = .notEntitled
        } else if refusedSignature {
            state = .unverified
        } else if complete {
            state = .approved
        } else if !approvedNow.isEmpty {
            state = .partial
        } else if !outdated.isEmpty {
            state = .stale
        } else if marked == .inReview {
            state = .inReview
        } else {
            state = .unreviewed
        }
        return SignOffStatus(
            state: state, reviewers: signers, diagnostics: diagnostics,
            refused: refusedEntitlement || refusedSignature)
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    private func notEntitled(_ entry: ApprovalEntry, subject: ApprovalSubject, entitled: [String]) -> Diagnostic {
        let id = entry.by.value
        let who = entitled.map(names.label)
        return Diagnostic(
            .approvalNotEntitled, at: entry.by.location,
            en:
                "\(names.label(id)) approved \(subject.label.en) but is not entitled to; the approval does not count",
            ja: "\(names[id] ?? id)（'\(id)'）には\(subject.label.ja)を承認する資格がないため、この承認は無効です",
            notes: [
                who.isEmpty
                    ? DiagnosticNote(
                        en: "nobody is entitled to approve it yet: name them (`supervisors:` or `approvers:`)",
                        ja: "承認できる人がまだ決まっていません（`supervisors:` または `approvers:` に記入してください）")
                    : DiagnosticNote(
                        en: "entitled to approve it: \(who.joined(separator: ", "))",
                        ja: "承認できるのは次の人です: \(entitled.map(names.japaneseLabel).joined(separator: "、"))")
            ])
    }

    private func stale(
        _ entries: [ApprovalEntry], at location: SourceLocation, subject: ApprovalSubject, current: String
    )
        -> Diagnostic
    {
        let who = unique(entries.map(\.by.value)).map { names[$0] ?? $0 }.joined(separator: "、")
        let date = entries.map(\.date.value).max().map { "\($0)" } ?? "?"
        let approved = entries[0].sha256.value
        return Diagnostic(
            .approvalStale, at: location,
            en: "the text changed after \(who) approved it on \(date); it needs re-approval",
            ja: "\(who)が\(date)に承認した後で文面が変わっています。再承認を受けてください",
            notes: [
                DiagnosticNote(
                    en: "approved text sha256 \(approved.prefix(12))…, now \(current.prefix(12))…",
                    ja: "承認時の文面のSHA-256は \(approved.prefix(12))…、現在は \(current.prefix(12))…"),
                DiagnosticNote(
                    en: "see the review sheet, then `kizuna approve \(location.file) --reviewer ID`",
                    ja: "監修シートで変更箇所を確かめてから `kizuna approve \(location.file) --reviewer ID` を実行してください"),
            ])
    }
}

extension SignOffEvaluator {
    /// The evaluator of a content folder: its registry and kizuna.yaml's policy.
    init(reviewers: [Reviewer], configuration: Configuration?, content: ContentSet) {
        var candidates = content.manuscripts.map(\.subject)
        candidates += content.inserts.map { .insert($0.id.value) } + content.editions.map { .edition($0.id.value) }
        candidates += content.lossSupports.map { .lossSupport($0.id.value) }
        candidates.append(.shared)
        self.init(reviewers: reviewers, policy: configuration?.signOff ?? SignOffPolicy(), candidates: candidates)
    }

    /// Every text of `content` with its sign-off evaluated: manuscripts by their supervisors, inserts by the
    /// approvers of the editions that send them, editions by their own approvers, the shared texts by kizuna.yaml's,
    /// loss support messages by the approvers of the editions that name them.
    func evaluateAll(_ content: inout ContentSet) {
        let manuscripts = content.manuscripts
        content.manuscripts = ParallelMap.map(manuscripts) { m in
            m.with(
                signOff: evaluate(
                    m.subject, reader: ReaderText(m), entitled: m.supervisors, approval: m.approval,
                    marked: m.review.value))
        }
        if var c = content.configuration {
            c.signOffStatus = evaluate(.shared, reader: ReaderText(c), entitled: c.approvers, approval: c.approval)
            content.configuration = c
        }
        for i in content.editions.indices {
            let e = content.editions[i]
            content.editions[i].signOff = evaluate(
                .edition(e.id.value), reader: ReaderText(e), entitled: e.approvers, approval: e.approval)
        }
        for i in content.inserts.indices {
            let insert = content.inserts[i]
            let entitled = content.editions.filter { $0.inserts.contains { $0.value == insert.id.value } }
                .flatMap(\.approvers)
            content.inserts[i].signOff = evaluate(
                .insert(insert.id.value), reader: ReaderText(insert), entitled: entitled, approval: insert.approval)
        }
        for i in content.lossSupports.indices {
            let support = content.lossSupports[i]
            content.lossSupports[i].signOff = evaluate(
                .lossSupport(support.id.value), reader: ReaderText(support),
                entitled: content.lossSupportApprovers(support.id.value), approval: support.approval)
        }
    }
}
