extension RuleID {
    public static let dayKeyDuplicate = RuleID("day-key-duplicate")
}

/// `day-key-duplicate`: each day of a series has exactly one manuscript.
struct DayKeyUniquenessRule: ContentRule {
    static let description = RuleDescription(
        .dayKeyDuplicate, .error, en: "Two manuscripts for one day of a series", ja: "同じシリーズの同じ日に2つの原稿")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        var first: [DayKey: Manuscript] = [:]
        for m in content.manuscripts {
            if let earlier = first[m.day.value] {
                diagnostics.append(
                    Diagnostic(
                        .dayKeyDuplicate, at: m.day.location,
                        en: "\(m.series.rawValue) day \(m.day.value) (\(m.day.value.label)) already has a manuscript",
                        ja: "'\(m.series.rawValue)' の \(m.day.value)（\(m.day.value.label)）にはすでに原稿があります",
                        notes: [
                            DiagnosticNote(
                                en: "the other manuscript for this day", ja: "同じ日のもう1つの原稿", at: earlier.day.location)
                        ]))
            } else {
                first[m.day.value] = m
            }
        }
    }
}
