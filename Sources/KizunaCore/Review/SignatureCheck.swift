/// The checks of one signed approval entry, each refusal with its own rule: the block must parse, the key must be
/// one of the reviewer's, valid on the entry's date, and the signature must be over this entry's statement. When it
/// is not, the statement it does cover is looked for, to say what was changed.
extension SignOffEvaluator {
    /// How far from the entry's date a signature's real date is looked for.
    static let dateSearchDays = 400

    func check(_ signature: LocatedText, of entry: ApprovalEntry, subject: ApprovalSubject, reviewer: Reviewer)
        -> Diagnostic?
    {
        let id = entry.by.value
        let name = names[id] ?? id
        let parsed: SSHSignature
        do {
            parsed = try SSHSignature(armored: signature.value)
        } catch {
            return Diagnostic(
                .approvalSignatureMalformed, at: signature.location,
                en: "\(names.label(id))'s signature cannot be read: \(error)",
                ja: "\(name)（'\(id)'）の署名を読み取れません。SSH署名の形式（'-----BEGIN SSH SIGNATURE-----' で始まる文）になっていません",
                notes: [signAgainNote(id, signature.location.file)])
        }
        let signer = parsed.publicKey
        guard let key = reviewer.keys.first(where: { $0.key == signer }) else {
            let owner = reviewers.values.sorted { $0.id.value < $1.id.value }.first { r in
                r.keys.contains { $0.key == signer }
            }
            return Diagnostic(
                .approvalKeyUnknown, at: signature.location,
                en:
                    "the signature is by key \(signer.fingerprint), which is not one of \(names.label(id))'s keys"
                    + (owner.map { " (it is \(names.label($0.id.value))'s)" } ?? " in reviewers.yaml"),
                ja: "この署名の鍵 \(signer.fingerprint) は、\(name)（'\(id)'）の鍵として reviewers.yaml に登録されていません"
                    + (owner.map { "（\($0.name.value) の鍵です）" } ?? ""),
                notes: [
                    DiagnosticNote(
                        en: "a reviewer's keys are listed under `keys:` in reviewers.yaml",
                        ja: "監修者の鍵は reviewers.yaml の `keys:` に登録します")
                ])
        }
        let statement = ApprovalStatement(entry, of: subject)
        guard parsed.namespace.utf8.elementsEqual(SSHAllowedSigner.approvalNamespace.utf8) else {
            return Diagnostic(
                .approvalSignatureMismatch, at: signature.location,
                en:
                    "the signature was made for namespace '\(parsed.namespace)', "
                    + "not '\(SSHAllowedSigner.approvalNamespace)': it is not an approval",
                ja: "この署名の用途（namespace）は \(Japanese.quote(parsed.namespace)) で、"
                    + "承認用の \(SSHAllowedSigner.approvalNamespace) ではありません",
                notes: [signAgainNote(id, signature.location.file)])
        }
        guard !verifies(parsed, statement) else {
            if let until = key.validUntil, entry.date.value > until.value {
                return Diagnostic(
                    .approvalKeyExpired, at: entry.date.location,
                    en:
                        "\(names.label(id))'s key \(signer.fingerprint) was retired on \(until.value), "
                        + "but this approval is dated \(entry.date.value); it does not count",
                    ja: "\(name)（'\(id)'）の鍵 \(signer.fingerprint) は\(until.value)で失効しており、"
                        + "\(entry.date.value)付けのこの承認は無効です",
                    notes: [
                        DiagnosticNote(
                            en: "the key's `valid_until:` in reviewers.yaml", ja: "reviewers.yaml の鍵の `valid_until:`",
                            at: until.location),
                        signAgainNote(id, signature.location.file),
                    ])
            }
            return nil
        }
        // The signature is the reviewer's but not over this statement: find what it does cover.
        for other in candidates where other != subject {
            var moved = statement
            moved.subject = other
            if verifies(parsed, moved) {
                return Diagnostic(
                    .approvalSignatureCopied, at: signature.location,
                    en: "this signature was made for \(other.label.en), not \(subject.label.en): it was copied here",
                    ja: "この署名は\(subject.label.ja)ではなく\(other.label.ja)に対するもので、ここに写されたものです",
                    notes: [signAgainNote(id, signature.location.file)])
            }
        }
        for offset in 1...Self.dateSearchDays {
            for day in [entry.date.value.adding(days: -offset), entry.date.value.adding(days: offset)] {
                var redated = statement
                redated.date = day
                if verifies(parsed, redated) {
                    return Diagnostic(
                        .approvalDateAltered, at: entry.date.location,
                        en: "\(names.label(id)) signed this approval on \(day), but its date says \(entry.date.value)",
                        ja: "\(name)（'\(id)'）がこの承認に署名した日は\(day)ですが、日付は\(entry.date.value)と書き換えられています",
                        notes: [
                            DiagnosticNote(
                                en: "an approval's date is part of what is signed",
                                ja: "承認日は署名の対象に含まれています")
                        ])
                }
            }
        }
        return Diagnostic(
            .approvalSignatureMismatch, at: signature.location,
            en:
                "\(names.label(id))'s signature does not match this approval: it was made over another text "
                + "or another version of it",
            ja: "\(name)（'\(id)'）の署名はこの承認と一致しません。別の文面、または別の版の文面に対する署名です",
            notes: [
                DiagnosticNote(
                    en: "the signed statement must be: \(statement.text.replacingOccurrences(of: "\n", with: " | "))",
                    ja: "署名の対象となる文: `\(statement.text.replacingOccurrences(of: "\n", with: " | "))`"),
                signAgainNote(id, signature.location.file),
            ])
    }

    private func verifies(_ signature: SSHSignature, _ statement: ApprovalStatement) -> Bool {
        (try? signature.verify(
            message: statement.bytes, namespace: SSHAllowedSigner.approvalNamespace,
            allowedKeys: [signature.publicKey])) != nil
    }

    private func signAgainNote(_ id: String, _ file: String) -> DiagnosticNote {
        DiagnosticNote(
            en: "the reviewer signs again with `kizuna approve \(file) --reviewer \(id) --key KEY`",
            ja: "監修者が `kizuna approve \(file) --reviewer \(id) --key 鍵ファイル` で署名し直してください")
    }
}

extension RuleID {
    public static let approvalUnsigned = RuleID("approval-unsigned")
    public static let approvalSignatureMalformed = RuleID("approval-signature-malformed")
    public static let approvalKeyUnknown = RuleID("approval-key-unknown")
    public static let approvalKeyExpired = RuleID("approval-key-expired")
    public static let approvalSignatureMismatch = RuleID("approval-signature-mismatch")
    public static let approvalSignatureCopied = RuleID("approval-signature-copied")
    public static let approvalDateAltered = RuleID("approval-date-altered")
}

/// The rules of signed approvals: each refusal has its own id, so that CI and editors can tell them apart.
extension SignOffEvaluator {
    static let approvalUnsigned = RuleDescription(
        .approvalUnsigned, .warning, en: "An unsigned approval where kizuna.yaml requires signatures",
        ja: "署名が必須なのに署名のない承認")
    static let approvalSignatureMalformed = RuleDescription(
        .approvalSignatureMalformed, .error, en: "An approval signature that cannot be read as an SSH signature",
        ja: "SSH署名として読み取れない承認の署名")
    static let approvalKeyUnknown = RuleDescription(
        .approvalKeyUnknown, .error, en: "An approval signed with a key not registered for its reviewer",
        ja: "監修者の鍵として登録されていない鍵による承認の署名")
    static let approvalKeyExpired = RuleDescription(
        .approvalKeyExpired, .error, en: "An approval signed after its key's valid_until",
        ja: "鍵の有効期限（valid_until）より後の日付の承認")
    static let approvalSignatureMismatch = RuleDescription(
        .approvalSignatureMismatch, .error, en: "An approval signature over another text or another version of it",
        ja: "別の文面（または別の版）に対する承認の署名")
    static let approvalSignatureCopied = RuleDescription(
        .approvalSignatureCopied, .error, en: "An approval signature copied from another text",
        ja: "別の文面から写された承認の署名")
    static let approvalDateAltered = RuleDescription(
        .approvalDateAltered, .error, en: "An approval whose date differs from the date signed",
        ja: "署名した日付と異なる日付の承認")
}
