extension RuleID {
    public static let editionContactMissing = RuleID("edition-contact-missing")
    public static let contactUnknown = RuleID("contact-unknown")
    public static let surveyDayUnknown = RuleID("survey-day-unknown")
}

/// `edition-contact-missing`, `contact-unknown`, `survey-day-unknown` (and `edition-insert-unknown` across editions):
/// what an edition names exists, and it has a desk for parents to call.
struct EditionReferenceRule: ContentRule {
    static let editionContactMissing = RuleDescription(
        .editionContactMissing, .error, en: "An edition with no contact desk", ja: "窓口のない版")
    static let contactUnknown = RuleDescription(
        .contactUnknown, .error,
        en: "An insert, a loss support message or an おめでとうカード naming a desk its edition does not have",
        ja: "版にない窓口を指定した差し込み情報・喪失時のサポートメッセージ・おめでとうカード")
    static let surveyDayUnknown = RuleDescription(
        .surveyDayUnknown, .error, en: "A survey day on which the edition sends nothing", ja: "版が何も配信しない日のアンケート")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let insertsByID = Dictionary(content.inserts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let days = content.manuscriptDays
        for e in content.editions {
            if e.contacts.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .editionContactMissing, at: e.contactsLocation,
                        en:
                            "edition '\(e.id.value)' has no contact desk; "
                            + "every message must give parents a number to call",
                        ja: "版 '\(e.id.value)' に窓口がありません。どのメッセージにも、保護者が電話できる窓口を載せる必要があります"))
            }
            let deskIDs = e.contacts.map(\.id.value)
            for ref in e.inserts {
                // A reference no insert of this set answers is checked across editions (`CrossEditionChecks`).
                guard let insert = insertsByID[ref.value] else { continue }
                if let contact = insert.contact, !deskIDs.contains(contact.value) {
                    let message =
                        LocalizedText(
                            en:
                                "insert '\(insert.id.value)' names desk '\(contact.value)',"
                                + " which edition '\(e.id.value)' does not have",
                            ja:
                                "差し込み情報 '\(insert.id.value)' が指定している窓口 "
                                + "\(Japanese.quote(contact.value)) は、版 '\(e.id.value)' にありません"
                        )
                        + .didYouMean(closestMatch(to: contact.value, in: deskIDs))
                    let desks = deskIDs.joined(separator: ", ")
                    diagnostics.append(
                        Diagnostic(
                            .contactUnknown, at: contact.location, message.tidied,
                            notes: [
                                DiagnosticNote(
                                    en: "the edition's desks: " + desks,
                                    ja: "この版の窓口: " + deskIDs.map { "'\($0)'" }.joined(separator: "、"),
                                    at: e.contactsLocation)
                            ]))
                }
                if !e.series.contains(where: { $0.value == insert.window.value.series }) {
                    let series = insert.window.value.series.rawValue
                    diagnostics.append(
                        Diagnostic(
                            .insertWindow, at: ref.location,
                            en:
                                "insert '\(insert.id.value)' is for the \(series) "
                                + "series, which edition '\(e.id.value)' does not send",
                            ja:
                                "差し込み情報 '\(insert.id.value)' は '\(series)' "
                                + "シリーズ向けのため、このシリーズを配信しない版 '\(e.id.value)' では使えません"
                        ))
                }
            }
            for day in e.survey?.days ?? [] where !content.unloaded.days.contains(day.value.day) {
                if !days.contains(day.value.day) || !e.series.contains(where: { $0.value == day.value.series }) {
                    diagnostics.append(
                        Diagnostic(
                            .surveyDayUnknown, at: day.location,
                            en:
                                "the survey goes out on \(day.value), but "
                                + "edition '\(e.id.value)' sends no message that day",
                            ja: "アンケートを送る \(day.value) に、版 '\(e.id.value)' はメッセージを配信しません"))
                }
            }
        }
    }
}
