/// A check over the whole content set. One rule per file, which declares the ids it reports and their
/// `RuleDescription`s (registered in `RuleCatalog.all`); a rule only reports, it never changes content.
protocol ContentRule: Sendable {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic])
    /// True when the rule's findings in a manuscript's file depend on nothing but that manuscript and the content's
    /// files that are not manuscripts, and nothing it finds elsewhere depends on the manuscripts: `serve` then checks
    /// again only the manuscripts that changed (`FindingsMemo`).
    var readsEachManuscriptAlone: Bool { get }
}

extension ContentRule {
    var readsEachManuscriptAlone: Bool { false }
}

/// The rules `validate` runs on every content set, in this order; `styleMemo` lets the style check skip messages
/// an earlier build found clean, and `mecab` says whether the style rules that read words may run.
func contentRules(styleMemo: StyleMemo? = nil, mecab: MeCabSetting) -> [any ContentRule] {
    [
        DayKeyUniquenessRule(),
        AnniversaryRule(),
        PlaceholderRule(),
        ScaffoldPlaceholderRule(),
        LinkRule(),
        ButtonLabelRule(),
        PhoneRule(),
        RegistrationRule(),
        CardRule(),
        TranslationRule(),
        SupervisorRule(),
        ApprovalRule(),
        UniqueIDRule(),
        EditionReferenceRule(),
        InsertWindowRule(),
        InsertCoversRule(),
        InsertFileNameRule(),
        LossSupportFileRule(),
        LossSupportWordingRule(),
        StyleCheck(memo: styleMemo, mecab: mecab),
        TextLengthRule(),
        DuplicateSectionRule(),
    ]
}

extension ContentSet {
    /// Every text a parent reads, for rules that look at wording.
    var readerTexts: [LocatedText] {
        var texts: [LocatedText] = []
        for m in manuscripts {
            texts.append(m.title)
            for s in m.sections { texts += [s.heading, s.text] }
        }
        for i in inserts { texts += [i.title, i.text] }
        for l in lossSupports { texts += [l.title, l.text] }
        if let c = configuration {
            texts += [c.disclaimer, c.footer.unsubscribeLabel, c.footer.publisher]
            texts += c.card?.texts.map(\.text) ?? []
        }
        for e in editions {
            texts += [e.name] + e.contacts.flatMap { [$0.name] + ($0.hours.map { [$0] } ?? []) }
            // The account name is printed on the おめでとうカード.
            texts += [e.registration?.lineAccount].compactMap { $0 } + (e.card?.texts.map(\.text) ?? [])
            texts += [e.disclaimer, e.footer.unsubscribeLabel, e.footer.publisher].compactMap { $0 }
        }
        return texts
    }
}
