/// `id-duplicate`: editions, inserts, reviewers and an edition's desks each have distinct ids.
struct UniqueIDRule: ContentRule {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        report(content.editions.map(\.id), kind: "edition", into: &diagnostics)
        for id in content.editions.map(\.id) where id.value == ReviewSheetBuilder.folder || id.value.hasPrefix(".") || id.value.contains("/") {
            diagnostics.append(Diagnostic(.schemaValue, at: id.location,
                "'\(id.value)' cannot be an edition id: it names the review sheets' folder or is not a plain folder name"))
        }
        report(content.inserts.map(\.id), kind: "insert", into: &diagnostics)
        report(content.reviewers.map(\.id), kind: "reviewer", into: &diagnostics)
        for e in content.editions { report(e.contacts.map(\.id), kind: "contact desk", into: &diagnostics) }
    }

    private func report(_ ids: [LocatedText], kind: String, into diagnostics: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for id in ids {
            if let first = seen[id.value] {
                diagnostics.append(Diagnostic(.idDuplicate, at: id.location, "another \(kind) already has the id '\(id.value)'",
                    notes: [DiagnosticNote("the first \(kind) with this id", at: first)]))
            } else {
                seen[id.value] = id.location
            }
        }
    }
}
