import Yams

/// Reads an edition file into an `Edition`.
struct EditionLoader {
    static let keys =
        [
            "id", "name", "municipality", "series", "channels", "nickname_max_length", "contacts",
            "unsubscribe_url", "survey", "registration", "card", "inserts", "loss_support", "disclaimer", "footer",
            "approvers",
        ] + ApprovalLoader.keys

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Edition? {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "edition", ja: "版"), keys: Self.keys,
                into: &diagnostics)
        else { return nil }
        let id = reader.text("id", into: &diagnostics)
        let name = reader.text("name", into: &diagnostics)
        let municipality = reader.text("municipality", into: &diagnostics)
        let series = (reader.textList("series", into: &diagnostics) ?? []).compactMap { text -> Located<Series>? in
            if let s = Series(rawValue: text.value) { return Located(s, at: text.location) }
            let suggestion = closestMatch(to: text.value, in: Series.allCases.map(\.rawValue))
            let message =
                LocalizedText(en: "there is no series '\(text.value)'", ja: "シリーズ \(Japanese.quote(text.value)) はありません")
                + .didYouMean(suggestion)
                + LocalizedText(en: " (series are maternity and childcare)", ja: "（シリーズは 'maternity' と 'childcare'）")
            diagnostics.append(Diagnostic(.editionSeriesUnknown, at: text.location, message.tidied))
            return nil
        }
        let channels = (reader.textList("channels", into: &diagnostics) ?? []).compactMap {
            MappingReader.choice(
                $0, of: Channel.self, what: LocalizedText(en: "a channel", ja: "配信チャネル"), into: &diagnostics)
        }
        let nicknameMax = reader.integer("nickname_max_length", required: false, into: &diagnostics)
        let contactsNode = reader.value("contacts")
        let contacts = (reader.list("contacts", into: &diagnostics) ?? []).compactMap {
            contact($0, in: document, into: &diagnostics)
        }
        let unsubscribe = reader.text("unsubscribe_url", into: &diagnostics)
        let survey = reader.value("survey").flatMap { self.survey($0, in: document, into: &diagnostics) }
        let registration = reader.value("registration").flatMap {
            self.registration($0, in: document, into: &diagnostics)
        }
        let card = CardTextLoader().load(reader, into: &diagnostics)
        let inserts = reader.textList("inserts", required: false, into: &diagnostics) ?? []
        let lossSupport = reader.text("loss_support", required: false, into: &diagnostics)
        let disclaimer = reader.text("disclaimer", required: false, into: &diagnostics)
        var footer = FooterOverride()
        if let node = reader.value("footer"),
            let f = MappingReader(
                node, in: document, what: LocalizedText(en: "footer", ja: "フッター"), keys: ConfigurationLoader.footerKeys,
                into: &diagnostics)
        {
            footer = FooterOverride(
                unsubscribeLabel: f.text("unsubscribe_label", required: false, into: &diagnostics),
                publisher: f.text("publisher", required: false, into: &diagnostics),
                publisherURL: f.text("publisher_url", required: false, into: &diagnostics))
        }
        let approvers = reader.textList("approvers", required: false, into: &diagnostics) ?? []
        let approval = ApprovalLoader().load(reader, into: &diagnostics)
        guard let id, let name, let municipality, let unsubscribe else { return nil }
        return Edition(
            path: document.source.path, id: id, name: name, municipality: municipality, series: series,
            channels: channels, nicknameMaxLength: nicknameMax, contacts: contacts,
            contactsLocation: contactsNode.map(document.location(of:)) ?? reader.location,
            unsubscribeURL: unsubscribe, survey: survey, registration: registration, card: card, inserts: inserts,
            lossSupport: lossSupport,
            disclaimer: disclaimer,
            footer: footer, approvers: approvers, approval: approval, location: reader.location)
    }

    private func contact(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> ContactDesk?
    {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "contact desk", ja: "窓口"),
                keys: ["id", "name", "phone", "hours"], into: &diagnostics)
        else { return nil }
        let id = reader.text("id", into: &diagnostics)
        let name = reader.text("name", into: &diagnostics)
        let phone = reader.text("phone", into: &diagnostics)
        let hours = reader.text("hours", required: false, into: &diagnostics)
        guard let id, let name, let phone else { return nil }
        return ContactDesk(id: id, name: name, phone: phone, hours: hours)
    }

    static let registrationKeys = ["line_url", "line_account", "email_url"]

    private func registration(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> Registration?
    {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "registration", ja: "登録先"), keys: Self.registrationKeys,
                into: &diagnostics)
        else { return nil }
        return Registration(
            lineURL: reader.text("line_url", required: false, into: &diagnostics),
            lineAccount: reader.text("line_account", required: false, into: &diagnostics),
            emailURL: reader.text("email_url", required: false, into: &diagnostics), location: reader.location)
    }

    private func survey(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Survey? {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "survey", ja: "アンケート"), keys: ["url", "days"],
                into: &diagnostics)
        else { return nil }
        let url = reader.text("url", into: &diagnostics)
        let days = (reader.textList("days", into: &diagnostics) ?? []).compactMap { text -> Located<DayRef>? in
            guard let ref = DayRef.parse(text.value) else {
                diagnostics.append(
                    Diagnostic(
                        .dayKeyFormat, at: text.location,
                        LocalizedText(
                            en: "'\(text.value)' is not a day: write SERIES/KEY, e.g. maternity/20w0d or childcare/100",
                            ja:
                                "\(Japanese.quote(text.value)) は配信日の指定になっていません。"
                                + "SERIES/KEY の形で書いてください（例: maternity/20w0d、childcare/100）"
                        ).tidied))
                return nil
            }
            guard ref.day.isInRange else {
                diagnostics.append(
                    Diagnostic(
                        .dayKeyRange, at: text.location,
                        LocalizedText(
                            en:
                                "day '\(text.value)' is outside the \(ref.series.rawValue) series, "
                                + "which runs from \(ref.series.dayRangeDescription)",
                            ja:
                                "配信日 '\(text.value)' は '\(ref.series.rawValue)' シリーズの範囲"
                                + "（\(ref.series.dayRangeText.ja)）を外れています"
                        ).tidied))
                return nil
            }
            return Located(ref, at: text.location)
        }
        guard let url else { return nil }
        return Survey(url: url, days: days)
    }
}

extension RuleID {
    public static let editionSeriesUnknown = RuleID("edition-series-unknown")
}

/// Reported as an edition's series are read.
extension EditionLoader {
    static let editionSeriesUnknown = RuleDescription(
        .editionSeriesUnknown, .error, en: "An edition naming a series that does not exist", ja: "存在しないシリーズを指定した版")
}
