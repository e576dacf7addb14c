import Yams

/// Reads a file's sign-off: `approvals:`, one entry per person, or the older `approval:` block, read as one entry per
/// name in its `by:`. Manuscripts, inserts, editions and kizuna.yaml all carry it the same way.
struct ApprovalLoader {
    static let keys = ["approvals", "approval"]
    static let entryKeys = ["by", "date", "sha256", "signature"]

    /// `readingLegacyBlock: false` where `approval:` means something else (the policy, in kizuna.yaml).
    func load(_ reader: MappingReader, readingLegacyBlock: Bool = true, into diagnostics: inout [Diagnostic])
        -> Approval?
    {
        let document = reader.document
        var entries: [ApprovalEntry] = []
        var location: SourceLocation?
        if readingLegacyBlock, let pair = reader.pairs.first(where: { $0.key == "approval" }) {
            location = document.location(of: pair.keyNode)
            entries += legacy(pair.value, at: location!, in: document, into: &diagnostics)
        }
        if let pair = reader.pairs.first(where: { $0.key == "approvals" }) {
            location = document.location(of: pair.keyNode)
            if let items = reader.list("approvals", required: false, into: &diagnostics) {
                entries += items.compactMap { entry($0, in: document, into: &diagnostics) }
            }
        }
        return location.map { Approval(entries: entries, location: $0) }
    }

    private func entry(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic])
        -> ApprovalEntry?
    {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "approval", ja: "承認記録"), keys: Self.entryKeys,
                into: &diagnostics)
        else { return nil }
        let by = reader.text("by", into: &diagnostics)
        let date = date(reader, into: &diagnostics)
        let sha = sha256(reader, into: &diagnostics)
        let signature = reader.text("signature", required: false, into: &diagnostics)
        guard let by, let date, let sha else { return nil }
        return ApprovalEntry(by: by, date: date, sha256: sha, signature: signature, location: reader.location)
    }

    /// `approval: {by: [a, b], date, sha256}`: one entry per approver, at the block.
    private func legacy(
        _ node: Node, at location: SourceLocation, in document: YAMLDocument, into diagnostics: inout [Diagnostic]
    ) -> [ApprovalEntry] {
        guard
            let reader = MappingReader(
                node, in: document, what: LocalizedText(en: "approval", ja: "承認記録"), keys: ["by", "date", "sha256"],
                into: &diagnostics)
        else { return [] }
        let by = reader.textList("by", into: &diagnostics)
        let date = date(reader, into: &diagnostics)
        let sha = sha256(reader, into: &diagnostics)
        guard let by, let date, let sha else { return [] }
        return by.map { ApprovalEntry(by: $0, date: date, sha256: sha, location: location) }
    }

    private func date(_ reader: MappingReader, into diagnostics: inout [Diagnostic]) -> Located<CalendarDate>? {
        guard let text = reader.text("date", into: &diagnostics) else { return nil }
        if let d = CalendarDate(text.value) { return Located(d, at: text.location) }
        diagnostics.append(
            Diagnostic(
                .schemaValue, at: text.location,
                LocalizedText(
                    en: "approval date '\(text.value)' is not a calendar date written YYYY-MM-DD",
                    ja: "承認日 \(Japanese.quote(text.value)) が YYYY-MM-DD 形式の日付になっていません"
                ).tidied))
        return nil
    }

    private func sha256(_ reader: MappingReader, into diagnostics: inout [Diagnostic]) -> LocatedText? {
        guard let sha = reader.text("sha256", into: &diagnostics) else { return nil }
        guard sha.value.count == 64, sha.value.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            diagnostics.append(
                Diagnostic(
                    .schemaValue, at: sha.location,
                    en: "approval sha256 must be 64 lowercase hex digits; record approvals with `kizuna approve`",
                    ja: "承認記録の sha256 は小文字の16進数64桁でなければなりません。承認は `kizuna approve` で記録してください"))
            return nil
        }
        return sha
    }
}
