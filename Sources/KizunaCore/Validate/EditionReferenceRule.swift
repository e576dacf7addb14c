/// `edition-contact-missing`, `edition-insert-unknown`, `contact-unknown`, `survey-day-unknown`:
/// what an edition names exists, and it has a desk for parents to call.
struct EditionReferenceRule: ContentRule {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        let insertsByID = Dictionary(content.inserts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let insertIDs = content.inserts.map(\.id.value).sorted()
        let days = Set(content.manuscripts.map(\.day.value))
        for e in content.editions {
            if e.contacts.isEmpty {
                diagnostics.append(Diagnostic(.editionContactMissing, at: e.contactsLocation,
                    "edition '\(e.id.value)' has no contact desk; every message must give parents a number to call"))
            }
            let deskIDs = e.contacts.map(\.id.value)
            for ref in e.inserts {
                guard let insert = insertsByID[ref.value] else {
                    if content.unloaded.insertIDs.contains(ref.value) { continue }
                    var message = "there is no insert '\(ref.value)' in inserts/"
                    if let s = closestMatch(to: ref.value, in: insertIDs) { message += "; did you mean '\(s)'?" }
                    diagnostics.append(Diagnostic(.editionInsertUnknown, at: ref.location, message))
                    continue
                }
                if let contact = insert.contact, !deskIDs.contains(contact.value) {
                    var message = "insert '\(insert.id.value)' names desk '\(contact.value)', which edition '\(e.id.value)' does not have"
                    if let s = closestMatch(to: contact.value, in: deskIDs) { message += "; did you mean '\(s)'?" }
                    diagnostics.append(Diagnostic(.contactUnknown, at: contact.location, message,
                        notes: [DiagnosticNote("the edition's desks: " + deskIDs.joined(separator: ", "), at: e.contactsLocation)]))
                }
                if !e.series.contains(where: { $0.value == insert.window.value.series }) {
                    diagnostics.append(Diagnostic(.insertWindow, at: ref.location,
                        "insert '\(insert.id.value)' is for the \(insert.window.value.series.rawValue) series, which edition '\(e.id.value)' does not send"))
                }
            }
            for day in e.survey?.days ?? [] where !content.unloaded.days.contains(day.value.day) {
                if !days.contains(day.value.day) || !e.series.contains(where: { $0.value == day.value.series }) {
                    diagnostics.append(Diagnostic(.surveyDayUnknown, at: day.location,
                        "the survey goes out on \(day.value), but edition '\(e.id.value)' sends no message that day"))
                }
            }
        }
    }
}
