/// The checks no single edition can make, run once every edition and every insert file has been read and checked
/// on its own, before anything is built: edition ids and insert ids distinct across files (`id-duplicate`), and
/// every insert an edition names defined somewhere (`edition-insert-unknown`).
struct CrossEditionChecks: Sendable {
    /// `editionIDs`: every edition's id, in file order. `inserts`: the id of every insert file read (by an edition or
    /// on its own), each once, in file order. `references`: the inserts editions name that their own files did not
    /// answer. `unloaded`: ids of insert files that did not load (a reference to one is not reported again).
    func check(
        editionIDs: [LocatedText], inserts: [LocatedText], references: [LocatedText], unloaded: Set<String>,
        into diagnostics: inout [Diagnostic]
    ) {
        let unique = UniqueIDRule()
        unique.checkEditionIDs(editionIDs, into: &diagnostics)
        unique.checkInsertIDs(inserts, into: &diagnostics)
        let known = Set(inserts.map(\.value))
        let suggestions = known.sorted()
        for ref in references where !known.contains(ref.value) && !unloaded.contains(ref.value) {
            let message =
                LocalizedText(
                    en: "there is no insert '\(ref.value)' in inserts/",
                    ja: "inserts/ に差し込み情報 \(Japanese.quote(ref.value)) はありません")
            let suggestion = closestMatch(to: ref.value, in: suggestions)
            diagnostics.append(
                Diagnostic(
                    .editionInsertUnknown, at: ref.location, (message + .didYouMean(suggestion)).tidied,
                    fixIt: suggestion.map { FixIt.replacing(ref, with: $0) }))
        }
    }
}

extension RuleID {
    public static let editionInsertUnknown = RuleID("edition-insert-unknown")
}

/// Reported once every edition has been read (`id-duplicate` across files is `UniqueIDRule`'s).
extension CrossEditionChecks {
    static let editionInsertUnknown = RuleDescription(
        .editionInsertUnknown, .error, en: "An edition naming an insert that does not exist", ja: "存在しない差し込み情報を指定した版")
}
