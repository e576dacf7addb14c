import Yams

/// Reads `kizuna.yaml` and `reviewers.yaml`.
struct ConfigurationLoader {
    static let keys = ["nickname_max_length", "disclaimer", "footer", "review_period_months"]
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
        guard let footerNode = reader.required("footer", into: &diagnostics),
            let f = MappingReader(
                footerNode, in: document, what: LocalizedText(en: "footer", ja: "フッター"), keys: Self.footerKeys,
                into: &diagnostics)
        else { return nil }
        let label = f.text("unsubscribe_label", into: &diagnostics)
        let publisher = f.text("publisher", into: &diagnostics)
        let url = f.text("publisher_url", required: false, into: &diagnostics)
        guard let disclaimer, let label, let publisher else { return nil }
        return Configuration(
            nicknameMaxLength: nickname?.value ?? Configuration.defaultNicknameMaxLength,
            disclaimer: disclaimer,
            footer: Footer(unsubscribeLabel: label, publisher: publisher, publisherURL: url),
            reviewPeriodMonths: period?.value ?? 12)
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
                    keys: ["id", "name", "role", "specialty", "affiliation"], into: &diagnostics)
            else { return nil }
            let id = r.text("id", into: &diagnostics)
            let name = r.text("name", into: &diagnostics)
            let role = r.text("role", into: &diagnostics)
            let specialty = r.text("specialty", into: &diagnostics)
            let affiliation = r.text("affiliation", into: &diagnostics)
            guard let id, let name, let role, let specialty, let affiliation else { return nil }
            return Reviewer(id: id, name: name, role: role, specialty: specialty, affiliation: affiliation)
        }
    }
}
