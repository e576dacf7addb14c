extension RuleID {
    public static let lossSupportFile = RuleID("loss-support-file")
}

/// `loss-support-file` (and `contact-unknown` for its desks): the support message an edition names (`loss_support:`)
/// is in its own file, named after its id (`support/ID.yaml`), so that an edition finds it without reading the others
/// (`EditionStream`); and the desks it lists are the edition's.
struct LossSupportFileRule: ContentRule {
    static let description = RuleDescription(
        .lossSupportFile, .error,
        en: "An edition naming a loss support message with no file support/ID.yaml, or one in a file named otherwise",
        ja: "support/ID.yaml のない喪失時のサポートメッセージを指定した版、またはIDと違う名前のファイルに書かれたサポートメッセージ")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for support in content.lossSupports {
            let stem = EditionStream.stem(of: support.path)
            guard support.id.value != stem else { continue }
            let name = support.path.split(separator: "/").last.map(String.init) ?? support.path
            let id = support.id.value
            diagnostics.append(
                Diagnostic(
                    .lossSupportFile, at: support.id.location,
                    en: "support message '\(id)' is in the file '\(name)'; "
                        + "name the file after its id: \(LossSupport.folder)/\(id).yaml",
                    ja: "サポートメッセージ '\(id)' がファイル '\(name)' に書かれています。"
                        + "ファイル名をIDに合わせて \(LossSupport.folder)/\(id).yaml にしてください"))
        }
        let byID = Dictionary(content.lossSupports.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let stems = Set(content.lossSupports.map { EditionStream.stem(of: $0.path) })
        for edition in content.editions {
            guard let ref = edition.lossSupport else { continue }
            guard let support = byID[ref.value] else {
                // A file that did not load was reported as it was read; one named after the reference but holding
                // another id, at that id (above).
                if content.unloaded.lossSupportIDs.contains(ref.value) || stems.contains(ref.value) { continue }
                diagnostics.append(
                    Diagnostic(
                        .lossSupportFile, at: ref.location,
                        en: "there is no support message '\(ref.value)': "
                            + "write it in \(LossSupport.folder)/\(ref.value).yaml",
                        ja: "サポートメッセージ \(Japanese.quote(ref.value)) がありません。"
                            + "\(LossSupport.folder)/\(ref.value).yaml に書いてください"))
                continue
            }
            let deskIDs = edition.contacts.map(\.id.value)
            for contact in support.contacts where !deskIDs.contains(contact.value) {
                let message =
                    LocalizedText(
                        en: "support message '\(support.id.value)' lists desk '\(contact.value)', "
                            + "which edition '\(edition.id.value)' does not have",
                        ja: "サポートメッセージ '\(support.id.value)' が載せる窓口 \(Japanese.quote(contact.value)) は、"
                            + "版 '\(edition.id.value)' にありません")
                    + .didYouMean(closestMatch(to: contact.value, in: deskIDs))
                let desks = deskIDs.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .contactUnknown, at: contact.location, message.tidied,
                        notes: [
                            DiagnosticNote(
                                en: "the edition's desks: " + desks,
                                ja: "この版の窓口: " + deskIDs.map { "'\($0)'" }.joined(separator: "、"),
                                at: edition.contactsLocation)
                        ]))
            }
        }
    }
}
