extension RuleID {
    public static let idDuplicate = RuleID("id-duplicate")
}

/// `id-duplicate`: editions, inserts, reviewers and an edition's desks each have distinct ids.
struct UniqueIDRule: ContentRule {
    static let description = RuleDescription(
        .idDuplicate, .error, en: "Two editions, inserts, reviewers or desks with one id", ja: "版・差し込み情報・監修者・窓口のIDの重複")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        checkEditionIDs(content.editions.map(\.id), into: &diagnostics)
        for id in content.editions.map(\.id)
        where id.value == ReviewSheetBuilder.folder || id.value.hasPrefix(".") || id.value.contains("/") {
            diagnostics.append(
                Diagnostic(
                    .schemaValue, at: id.location,
                    en: "'\(id.value)' cannot be an edition id: "
                        + "it names the review sheets' folder or is not a plain folder name",
                    ja: "'\(id.value)' は版のIDに使えません。監修シートのフォルダー名と同じか、単純なフォルダー名になっていません"))
        }
        checkInsertIDs(content.inserts.map(\.id), into: &diagnostics)
        report(content.reviewers.map(\.id), kind: LocalizedText(en: "reviewer", ja: "監修者"), into: &diagnostics)
        if let reference = content.reference {
            report(
                reference.entries.map(\.id), kind: LocalizedText(en: "schedule entry", ja: "国の健診・予防接種の表の項目"),
                into: &diagnostics)
        }
        for e in content.editions {
            report(e.contacts.map(\.id), kind: LocalizedText(en: "contact desk", ja: "窓口"), into: &diagnostics)
        }
    }

    /// Editions' ids, distinct across the whole content (an edition's share of a streamed content holds one).
    func checkEditionIDs(_ ids: [LocatedText], into diagnostics: inout [Diagnostic]) {
        report(ids, kind: LocalizedText(en: "edition", ja: "版"), into: &diagnostics)
    }

    /// Inserts' ids, distinct across every insert file.
    func checkInsertIDs(_ ids: [LocatedText], into diagnostics: inout [Diagnostic]) {
        report(ids, kind: LocalizedText(en: "insert", ja: "差し込み情報"), into: &diagnostics)
    }

    private func report(_ ids: [LocatedText], kind: LocalizedText, into diagnostics: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for id in ids {
            if let first = seen[id.value] {
                diagnostics.append(
                    Diagnostic(
                        .idDuplicate, at: id.location,
                        en: "another \(kind.en) already has the id '\(id.value)'",
                        ja: Japanese.tidy("ID \(Japanese.quote(id.value)) はすでに別の\(kind.ja)が使っています"),
                        notes: [
                            DiagnosticNote(
                                en: "the first \(kind.en) with this id", ja: "このIDを最初に使った\(kind.ja)", at: first)
                        ]))
            } else {
                seen[id.value] = id.location
            }
        }
    }
}
