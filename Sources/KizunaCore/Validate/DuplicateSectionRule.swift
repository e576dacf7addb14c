extension RuleID {
    public static let styleDuplicateSection = RuleID("style-duplicate-section")
}

/// `style-duplicate-section`: no two sections of a manuscript share a heading or a text (a copy-paste left behind).
struct DuplicateSectionRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let description = RuleDescription(
        .styleDuplicateSection, .error, en: "Two sections of a manuscript with the same heading or text",
        ja: "見出しか本文が同じ、1つの原稿内のセクション", styleOptions: [])

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        guard let severity = content.style.severity(.styleDuplicateSection) else { return }
        for m in content.manuscripts {
            // A manuscript has a handful of sections: compared in turn, as hashing each whole text cost a sixth of a
            // rebuild's checks.
            var headings: [(String, SourceLocation)] = [], texts: [(String, SourceLocation)] = []
            for section in m.sections {
                if let first = headings.first(where: { $0.0 == section.heading.value })?.1 {
                    diagnostics.append(
                        Diagnostic(
                            .styleDuplicateSection, severity, at: section.heading.location,
                            en: "another section of this manuscript already has the heading 「\(section.heading.value)」",
                            ja: "この原稿には見出しが「\(section.heading.value)」のセクションがすでにあります",
                            notes: [DiagnosticNote(en: "the first one", ja: "最初のセクション", at: first)]))
                } else {
                    headings.append((section.heading.value, section.heading.location))
                }
                let text = section.text.value.trimmingTrailingWhitespace
                if let first = texts.first(where: { $0.0 == text })?.1 {
                    diagnostics.append(
                        Diagnostic(
                            .styleDuplicateSection, severity, at: section.text.location,
                            en: "this section's text repeats an earlier section word for word",
                            ja: "このセクションの本文は、前のセクションと一字一句同じになっています",
                            notes: [DiagnosticNote(en: "the first one", ja: "最初のセクション", at: first)]))
                } else {
                    texts.append((text, section.text.location))
                }
            }
        }
    }
}
