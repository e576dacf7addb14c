extension RuleID {
    public static let insertCoversUnknown = RuleID("insert-covers-unknown")
    public static let insertCoversWindow = RuleID("insert-covers-window")
}

/// An insert's `covers:` names checkups and vaccinations of the national schedule (`reference/national-schedule.yaml`),
/// which `kizuna coverage` counts as announced:
/// - `insert-covers-unknown`: the id is not in the table (or there is no table);
/// - `insert-covers-window`: no reader gets the insert, on any manuscript's day, while the entry's period applies to
///   them, so the claim would count for nothing (an entry after the series end only needs the insert to be sent).
struct InsertCoversRule: ContentRule {
    static let unknown = RuleDescription(
        .insertCoversUnknown, .error, en: "An insert's covers: naming no entry of the national schedule",
        ja: "国の健診・予防接種の表にない項目を covers に書いた差し込み情報")
    static let window = RuleDescription(
        .insertCoversWindow, .warning,
        en: "An insert that covers a checkup or vaccination but reaches no reader within its period",
        ja: "covers に書いた健診・予防接種の期間中の読者に届かない差し込み情報")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        guard !content.unloaded.reference else { return }
        let days = content.manuscriptDays.compactMap { day -> Int? in
            if case .dayCount(let n) = day { n } else { nil }
        }.sorted()
        let ids = content.reference?.entries.map(\.id.value) ?? []
        for insert in content.inserts {
            for id in insert.covers {
                guard let entry = content.reference?.entry(id.value) else {
                    let message =
                        content.reference == nil
                        ? LocalizedText(
                            en: "'\(id.value)' names an entry of \(NationalSchedule.relativePath), which the content "
                                + "folder does not have",
                            ja: "\(Japanese.quote(id.value)) は \(NationalSchedule.relativePath) の項目ですが、"
                                + "コンテンツフォルダーにこの表がありません")
                        : LocalizedText(
                            en: "'\(id.value)' is not an entry of the national schedule "
                                + "(\(NationalSchedule.relativePath))",
                            ja: "\(Japanese.quote(id.value)) は国の健診・予防接種の表（\(NationalSchedule.relativePath)）にありません")
                            + .didYouMean(closestMatch(to: id.value, in: ids))
                    diagnostics.append(
                        Diagnostic(
                            .insertCoversUnknown, at: id.location, message.tidied,
                            notes: ids.isEmpty
                                ? []
                                : [
                                    DiagnosticNote(
                                        en: "entries: " + ids.joined(separator: ", "),
                                        ja: "項目: " + ids.map { "'\($0)'" }.joined(separator: "、"))
                                ],
                            fixIt: unambiguousMatch(to: id.value, in: ids).map { MappingReader.replacing(id, with: $0) }
                        ))
                    continue
                }
                guard !entry.isAfterSeriesEnd else { continue }
                if Self.reachingDays(insert.window.value, entry, days: days).isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .insertCoversWindow, at: id.location,
                            en: "no reader gets this insert (\(insert.window.value)) on a manuscript's day while "
                                + "\(entry.name.value) applies (\(entry.windowDescription)); it does not announce it",
                            ja: "\(Japanese.quote(entry.name.value)) の期間（\(entry.windowDescription)）にある読者に、この差し込み情報"
                                + "（\(insert.window.value)）が届く原稿の日がありません"))
                }
            }
        }
    }

    /// The childcare days (of `days`) on which some reader gets an insert with `window` while `entry` applies to them.
    static func reachingDays(_ window: InsertWindow, _ entry: NationalSchedule.Entry, days: [Int]) -> [Int] {
        days.filter { n in
            guard let readers = window.readerAges(onDayCount: n), let eligible = entry.ages(onDayCount: n) else {
                return false
            }
            return readers.overlap(eligible) != nil
        }
    }
}
