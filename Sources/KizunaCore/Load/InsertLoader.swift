import Yams

/// Reads an insert file into an `Insert`.
struct InsertLoader {
    static let keys = ["id", "title", "text", "window", "link", "contact", "covers"] + ApprovalLoader.keys
    static let windowKinds = ["weeks", "days", "months"]

    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Insert? {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "insert", ja: "差し込み情報"), keys: Self.keys,
                into: &diagnostics)
        else { return nil }
        let id = reader.text("id", into: &diagnostics)
        let title = reader.text("title", into: &diagnostics)
        let text = reader.text("text", into: &diagnostics)
        let body = text.flatMap { InlineMarkupParser.parse($0, into: &diagnostics) }
        let window = reader.required("window", into: &diagnostics).flatMap {
            self.window($0, in: document, into: &diagnostics)
        }
        let link = reader.text("link", required: false, into: &diagnostics)
        let contact = reader.text("contact", required: false, into: &diagnostics)
        let covers = reader.textList("covers", required: false, into: &diagnostics) ?? []
        let approval = ApprovalLoader().load(reader, into: &diagnostics)
        guard let id, let title, let text, let body, let window else { return nil }
        return Insert(
            path: document.source.path, id: id, title: title, text: text, body: body,
            window: window, link: link, contact: contact, covers: covers, approval: approval)
    }

    private func window(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> Located<
        InsertWindow
    >? {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "window", ja: "配信期間"), keys: Self.windowKinds,
                into: &diagnostics)
        else { return nil }
        guard reader.pairs.count == 1, let pair = reader.pairs.first else {
            diagnostics.append(
                Diagnostic(
                    .insertWindow, at: reader.location,
                    en: "a window has exactly one of weeks, days or months, with from and to",
                    ja: "配信期間には 'weeks'、'days'、'months' のどれか1つだけを、'from' と 'to' を付けて書いてください"))
            return nil
        }
        guard
            let range = MappingReader(
                pair.value, in: document, what: LocalizedText(en: "'\(pair.key)' window", ja: "配信期間 '\(pair.key)' "),
                keys: ["from", "to"], into: &diagnostics),
            let from = range.integer("from", into: &diagnostics), let to = range.integer("to", into: &diagnostics)
        else { return nil }
        let location = document.location(of: pair.keyNode)
        let window: InsertWindow
        let bounds: ClosedRange<Int>
        switch pair.key {
        case "weeks":
            window = .weeks(from: from.value, to: to.value)
            bounds = 4...41
        case "days":
            window = .days(from: from.value, to: to.value)
            bounds = 1...DayKey.lastDayCount
        default:
            window = .months(from: from.value, to: to.value)
            bounds = 0...InsertWindow.lastMonth
        }
        var valid = true
        for end in [from, to] where !bounds.contains(end.value) {
            diagnostics.append(
                Diagnostic(
                    .insertWindow, at: end.location,
                    en: "\(pair.key) \(end.value) is outside \(bounds.lowerBound)…\(bounds.upperBound)",
                    ja: "'\(pair.key)' の値 \(end.value) が範囲（\(bounds.lowerBound)〜\(bounds.upperBound)）を外れています"))
            valid = false
        }
        if from.value > to.value {
            diagnostics.append(
                Diagnostic(
                    .insertWindow, at: to.location,
                    en: "the window ends (\(to.value)) before it starts (\(from.value))",
                    ja: "配信期間の終わり（\(to.value)）が始まり（\(from.value)）より前になっています"))
            valid = false
        }
        return valid ? Located(window, at: location) : nil
    }
}

extension RuleID {
    public static let insertWindow = RuleID("insert-window")
}

/// Reported as an insert's window is read, and by `EditionReferenceRule` for a series the edition does
/// not send.
extension InsertLoader {
    static let insertWindow = RuleDescription(
        .insertWindow, .error,
        en: "An insert window that is reversed, out of range, or for a series the edition does not send",
        ja: "逆転・範囲外の配信期間、または版が配信しないシリーズ向けの差し込み情報")
}
