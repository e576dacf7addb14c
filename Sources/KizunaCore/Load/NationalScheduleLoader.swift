import Yams

/// Reads `reference/national-schedule.yaml` into a `NationalSchedule`.
struct NationalScheduleLoader {
    static let keys = ["checked", "sources", "entries"]
    static let entryKeys = ["id", "kind", "name", "months", "until_day", "period", "basis"]
    /// The largest month age an entry may name: 7歳6か月, where the routine vaccinations of early childhood end.
    static let lastMonth = 90

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> NationalSchedule? {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "national schedule", ja: "国の健診・予防接種の表"),
                keys: Self.keys, into: &diagnostics)
        else { return nil }
        let checkedText = reader.text("checked", into: &diagnostics)
        var checked: Located<CalendarDate>?
        if let checkedText {
            if let date = CalendarDate(checkedText.value) {
                checked = Located(date, at: checkedText.location)
            } else {
                diagnostics.append(
                    Diagnostic(
                        .schemaValue, at: checkedText.location,
                        en: "'checked' must be a date written YYYY-MM-DD, not '\(checkedText.value)'",
                        ja: "'checked' は YYYY-MM-DD の日付で書いてください（\(Japanese.quote(checkedText.value)) になっています）"))
            }
        }
        let sources = (reader.list("sources", into: &diagnostics) ?? []).compactMap { node -> EvidenceSource? in
            guard
                let source = MappingReader(
                    node, in: document, what: LocalizedText(en: "source", ja: "出典"), keys: ["title", "url"],
                    into: &diagnostics),
                let title = source.text("title", into: &diagnostics)
            else { return nil }
            return EvidenceSource(title: title, url: source.text("url", required: false, into: &diagnostics))
        }
        let entries = (reader.list("entries", into: &diagnostics) ?? []).compactMap {
            entry($0, in: document, into: &diagnostics)
        }
        guard let checked else { return nil }
        return NationalSchedule(path: document.source.path, checked: checked, sources: sources, entries: entries)
    }

    private func entry(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> NationalSchedule.Entry?
    {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "schedule entry", ja: "表の項目"), keys: Self.entryKeys,
                into: &diagnostics)
        else { return nil }
        let id = reader.text("id", into: &diagnostics)
        let kind = reader.choice("kind", of: NationalSchedule.Kind.self, into: &diagnostics)
        let name = reader.text("name", into: &diagnostics)
        let period = reader.text("period", into: &diagnostics)
        let basis = reader.text("basis", required: false, into: &diagnostics)
        var months: Located<ClosedRange<Int>>?
        if let node = reader.required("months", into: &diagnostics),
            let range = MappingReader(
                node, in: document, what: LocalizedText(en: "'months'", ja: " 'months' "), keys: ["from", "to"],
                into: &diagnostics),
            let from = range.integer("from", into: &diagnostics), let to = range.integer("to", into: &diagnostics)
        {
            var valid = true
            for end in [from, to] where !(0...Self.lastMonth).contains(end.value) {
                diagnostics.append(
                    Diagnostic(
                        .schemaValue, at: end.location,
                        en: "month \(end.value) is outside 0…\(Self.lastMonth)",
                        ja: "月齢 \(end.value) が範囲（0〜\(Self.lastMonth)）を外れています"))
                valid = false
            }
            if from.value > to.value {
                diagnostics.append(
                    Diagnostic(
                        .schemaValue, at: to.location,
                        en: "the period ends (\(to.value)) before it starts (\(from.value))",
                        ja: "期間の終わり（\(to.value)）が始まり（\(from.value)）より前になっています"))
                valid = false
            }
            if valid { months = Located(from.value...to.value, at: document.location(of: node)) }
        }
        let lastDay = reader.integer("until_day", required: false, into: &diagnostics)
        if let lastDay, !(1...DayKey.lastDayCount).contains(lastDay.value) {
            diagnostics.append(
                Diagnostic(
                    .schemaValue, at: lastDay.location,
                    en: "'until_day' \(lastDay.value) is outside the childcare series (1…\(DayKey.lastDayCount))",
                    ja: "'until_day' の \(lastDay.value) が子育てシリーズの範囲（1〜\(DayKey.lastDayCount)）を外れています"))
            return nil
        }
        guard let id, let kind, let name, let period, let months else { return nil }
        return NationalSchedule.Entry(
            id: id, kind: kind, name: name, months: months, lastDay: lastDay, period: period, basis: basis)
    }
}
