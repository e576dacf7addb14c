import Yams

/// Reads `kizuna.yaml` and `reviewers.yaml`.
struct ConfigurationLoader {
    static let keys =
        [
            "nickname_max_length", "disclaimer", "footer", "review_period_months", "approval", "require_signatures",
            "approvers", "approvals", "card",
        ]
    static let footerKeys = ["unsubscribe_label", "publisher", "publisher_url"]

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Configuration? {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "configuration", ja: "設定ファイル"), keys: Self.keys,
                into: &diagnostics)
        else { return nil }
        let nickname = reader.integer("nickname_max_length", required: false, into: &diagnostics)
        let period = reader.integer("review_period_months", required: false, into: &diagnostics)
        let disclaimer = reader.text("disclaimer", into: &diagnostics)
        // `approval:` here is the policy; the shared texts' own sign-off is `approvals:`.
        let rule = reader.choice("approval", of: SignOffPolicy.Rule.self, required: false, into: &diagnostics)
        let requireSignatures = reader.boolean("require_signatures", into: &diagnostics)
        let approvers = reader.textList("approvers", required: false, into: &diagnostics) ?? []
        let card = CardTextLoader().load(reader, into: &diagnostics)
        let approval = ApprovalLoader().load(reader, readingLegacyBlock: false, into: &diagnostics)
        guard let footerNode = reader.required("footer", into: &diagnostics),
            let f = MappingReader(
                footerNode, in: document, what: LocalizedText(en: "footer", ja: "フッター"), keys: Self.footerKeys,
                into: &diagnostics)
        else { return nil }
        let label = f.text("unsubscribe_label", into: &diagnostics)
        let publisher = f.text("publisher", into: &diagnostics)
        let url = f.text("publisher_url", required: false, into: &diagnostics)
        guard let disclaimer, let label, let publisher else { return nil }
        var configuration = Configuration(
            nicknameMaxLength: nickname?.value ?? Configuration.defaultNicknameMaxLength,
            disclaimer: disclaimer,
            footer: Footer(unsubscribeLabel: label, publisher: publisher, publisherURL: url),
            reviewPeriodMonths: period?.value ?? 12)
        configuration.signOff = SignOffPolicy(
            rule: rule?.value ?? .allSupervisors, requireSignatures: requireSignatures?.value ?? false)
        configuration.approvers = approvers
        configuration.card = card
        configuration.approval = approval
        configuration.path = document.source.path
        return configuration
    }

    func loadReviewers(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> [Reviewer] {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "reviewers registry", ja: "監修者名簿"),
                keys: ["reviewers"], into: &diagnostics),
            let items = reader.list("reviewers", into: &diagnostics)
        else { return [] }
        return items.compactMap { node in
            guard
                let r = MappingReader(
                    node, in: document, what: LocalizedText(en: "reviewer", ja: "監修者"),
                    keys: ["id", "name", "role", "specialty", "affiliation", "keys"], into: &diagnostics)
            else { return nil }
            let id = r.text("id", into: &diagnostics)
            let name = r.text("name", into: &diagnostics)
            let role = r.text("role", into: &diagnostics)
            let specialty = r.text("specialty", into: &diagnostics)
            let affiliation = r.text("affiliation", into: &diagnostics)
            let keys = (r.list("keys", required: false, into: &diagnostics) ?? []).compactMap {
                key($0, in: document, into: &diagnostics)
            }
            guard let id, let name, let role, let specialty, let affiliation else { return nil }
            return Reviewer(id: id, name: name, role: role, specialty: specialty, affiliation: affiliation, keys: keys)
        }
    }

    /// `- key: ssh-ed25519 AAAA… comment` with an optional `valid_until: YYYY-MM-DD`.
    private func key(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> ReviewerKey? {
        guard
            let r = MappingReader(
                node, in: document, what: LocalizedText(en: "reviewer's key", ja: "監修者の鍵"),
                keys: ["key", "valid_until"], into: &diagnostics),
            let line = r.text("key", into: &diagnostics)
        else { return nil }
        var validUntil: Located<CalendarDate>?
        if let until = r.text("valid_until", required: false, into: &diagnostics) {
            guard let date = CalendarDate(until.value) else {
                diagnostics.append(
                    Diagnostic(
                        .schemaValue, at: until.location,
                        en: "valid_until '\(until.value)' is not a calendar date written YYYY-MM-DD",
                        ja: "valid_until \(Japanese.quote(until.value)) が YYYY-MM-DD 形式の日付になっていません"))
                return nil
            }
            validUntil = Located(date, at: until.location)
        }
        do {
            return ReviewerKey(key: try SSHPublicKey(line: line.value), location: line.location, validUntil: validUntil)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .schemaValue, at: line.location,
                    en: "not an OpenSSH public key (ssh-ed25519 or sk-ssh-ed25519@openssh.com): \(error)",
                    ja: "OpenSSH の公開鍵（ssh-ed25519 または sk-ssh-ed25519@openssh.com）として読めません: \(error)"))
            return nil
        }
    }
}
