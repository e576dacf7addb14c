extension RuleID {
    public static let insertUnused = RuleID("insert-unused")
}

/// `insert-unused`: an insert whose window holds no manuscript day would never reach a parent.
struct InsertWindowRule: ContentRule {
    static let description = RuleDescription(
        .insertUnused, .warning, en: "An insert whose window no manuscript falls in", ja: "配信期間に当たる原稿のない差し込み情報")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let days = content.manuscriptDays
        for insert in content.inserts where !days.contains(where: insert.window.value.contains) {
            let range = insert.window.value.range
            diagnostics.append(
                Diagnostic(
                    .insertUnused, at: insert.window.location,
                    en:
                        "no manuscript falls in this window "
                        + "(\(range.lowerBound.label)〜\(range.upperBound.label)); the insert is never sent",
                    ja: "この配信期間（\(range.lowerBound.label)〜\(range.upperBound.label)）に当たる原稿がないため、この差し込み情報は配信されません"))
        }
    }
}
