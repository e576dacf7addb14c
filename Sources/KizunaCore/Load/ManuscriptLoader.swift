import Yams

/// Reads a manuscript file into a `Manuscript`.
struct ManuscriptLoader {
    static let keys =
        ["series", "day", "anniversary", "title", "sections", "supervisors", "review", "sources"] + ApprovalLoader.keys

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Manuscript? {
        let start = diagnostics.count
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "manuscript", ja: "原稿"), keys: Self.keys,
                into: &diagnostics)
        else { return nil }
        let series = reader.choice("series", of: Series.self, into: &diagnostics)
        let day = dayKey(reader, series: series?.value, into: &diagnostics)
        let anniversary = reader.integer("anniversary", required: false, into: &diagnostics)
        let title = reader.text("title", into: &diagnostics)
        let sections = (reader.list("sections", into: &diagnostics) ?? []).compactMap {
            section($0, in: document, into: &diagnostics)
        }
        if let node = reader.value("sections"), case .sequence(let s) = node, s.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .schemaEmpty, at: document.location(of: node),
                    en: "a manuscript needs at least one section", ja: "原稿にセクションが1つもありません"))
        }
        let supervisors = self.supervisors(reader, into: &diagnostics)
        let review = reader.choice("review", of: ReviewStatus.self, into: &diagnostics)
        let sources = (reader.list("sources", required: false, into: &diagnostics) ?? []).compactMap {
            source($0, in: document, into: &diagnostics)
        }
        // Without its day a manuscript means nothing; without the rest it is still checked (the missing key is an
        // error, so it is never built).
        let approval = ApprovalLoader().load(reader, into: &diagnostics)
        guard let day else { return nil }
        return Manuscript(
            path: document.source.path, day: day, anniversary: anniversary,
            title: title ?? LocatedText("", at: reader.location),
            sections: sections, supervisors: supervisors?.ids ?? [], supervisorsLocation: supervisors?.location,
            review: review ?? Located(.draft, at: reader.location), sources: sources, approval: approval,
            isComplete: !diagnostics[start...].contains { $0.severity == .error })
    }

    /// The supervisors' ids and where they are written. An absent key is the one `schema-missing-key` at the
    /// manuscript; an empty value (`supervisors:`, `supervisors: []`) reads as nobody, which `SupervisorRule`
    /// reports once, at the value.
    private func supervisors(_ reader: MappingReader, into diagnostics: inout [Diagnostic]) -> (
        ids: [LocatedText], location: SourceLocation
    )? {
        guard let node = reader.value("supervisors") else {
            _ = reader.required("supervisors", into: &diagnostics)
            return nil
        }
        let location = reader.document.location(of: node)
        if case .scalar(let scalar) = node, scalar.isEmptyValue { return ([], location) }
        guard let ids = reader.textList("supervisors", into: &diagnostics) else { return nil }
        return (ids, location)
    }

    private func dayKey(_ reader: MappingReader, series: Series?, into diagnostics: inout [Diagnostic]) -> Located<
        DayKey
    >? {
        guard let text = reader.text("day", into: &diagnostics), let series else { return nil }
        guard let key = DayKey.parse(text.value, series: series) else {
            let form =
                series == .maternity
                ? LocalizedText(en: "weeks 'w' days 'd', e.g. 16w0d", ja: "週数「w」日数「d」の形で書いてください（例: 16w0d）")
                : LocalizedText(en: "a day count, e.g. 45 (birth day = 1)", ja: "生まれた日を1とする日数で書いてください（例: 45）")
            diagnostics.append(
                Diagnostic(
                    .dayKeyFormat, at: text.location,
                    LocalizedText(
                        en: "'\(text.value)' is not a \(series.rawValue) day key: write \(form.en)",
                        ja: "\(Japanese.quote(text.value)) は '\(series.rawValue)' の配信日キーになっていません。\(form.ja)"
                    ).tidied))
            return nil
        }
        guard key.isInRange else {
            diagnostics.append(
                Diagnostic(
                    .dayKeyRange, at: text.location,
                    LocalizedText(
                        en:
                            "day '\(text.value)' is outside the \(series.rawValue) series, "
                            + "which runs from \(series.dayRangeDescription)",
                        ja: "配信日 '\(text.value)' は '\(series.rawValue)' シリーズの範囲（\(series.dayRangeText.ja)）を外れています"
                    ).tidied))
            return nil
        }
        return Located(key, at: text.location)
    }

    func section(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Section? {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "section", ja: "セクション"), keys: ["heading", "text"],
                into: &diagnostics)
        else { return nil }
        let heading = reader.text("heading", into: &diagnostics)
        guard let text = reader.text("text", into: &diagnostics) else { return nil }
        guard let body = InlineMarkupParser.parse(text, into: &diagnostics), let heading else { return nil }
        return Section(heading: heading, text: text, body: body)
    }

    private func source(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> EvidenceSource?
    {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "source", ja: "出典"), keys: ["title", "url"],
                into: &diagnostics),
            let title = reader.text("title", into: &diagnostics)
        else { return nil }
        return EvidenceSource(title: title, url: reader.text("url", required: false, into: &diagnostics))
    }
}

extension RuleID {
    public static let dayKeyFormat = RuleID("day-key-format")
    public static let dayKeyRange = RuleID("day-key-range")
}

/// The day-key rules, reported as a manuscript's day is read (and an edition's survey day, `EditionLoader`).
extension ManuscriptLoader {
    static let dayKeyFormat = RuleDescription(
        .dayKeyFormat, .error, en: "A day key not of its series' form", ja: "シリーズの形式に合わない配信日キー")
    static let dayKeyRange = RuleDescription(
        .dayKeyRange, .error, en: "A day outside its series (4w0d–41w6d or 1–1096)",
        ja: "シリーズの範囲（4w0d〜41w6d、1〜1096）外の配信日")
}
