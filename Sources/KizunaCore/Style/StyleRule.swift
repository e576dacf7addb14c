/// A Japanese style rule. One rule per file, with its `RuleID` and `RuleDescription`; a rule looks at the texts of
/// one message (a manuscript's sections, or an insert) and reports at the offending characters.
protocol StyleRule: Sendable {
    /// The rule's id, severity, summary and `style.yaml` options, registered in `RuleCatalog.all`.
    static var description: RuleDescription { get }
    /// Prose rules read sentences and skip titles and headings; character rules read every text.
    var proseOnly: Bool { get }
    func check(
        _ texts: [ProseText], configuration: StyleConfiguration, severity: Severity,
        into diagnostics: inout [Diagnostic])
}

extension StyleRule {
    var id: RuleID { Self.description.id }
}

let styleRules: [any StyleRule] = [
    DesuMasuRule(), SentenceLengthRule(), CommaCountRule(), SentenceEndRule(),
    HalfwidthKanaRule(), FullwidthAlphanumericRule(), InvisibleCharacterRule(), DoubleNegativeRule(),
    RepeatedConjunctionRule(), KanjiRunRule(), UnmatchedBracketRule(), RepeatedWordRule(), KangxiRadicalRule(),
    JapaneseSpacingRule(), ExclamationQuestionRule(),
]

/// The rules that read MeCab's words, made with the analyser when there is one.
func styleRulesNeedingMeCab(_ analyzer: MorphologicalAnalyzer) -> [any StyleRule] {
    [DoubledParticleRule(analyzer: analyzer), RaNukiRule(analyzer: analyzer), ConjunctiveGaRule(analyzer: analyzer)]
}

/// Runs the style rules on every text a parent reads, with the severities and options of `style.yaml`.
struct StyleCheck: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    /// Messages found clean by an earlier build, skipped; nil: every message is checked.
    var memo: StyleMemo?
    /// Whether the rules that read words may use MeCab; where it cannot, they are skipped (`MeCab.skippedRules`).
    var mecab: MeCabSetting = .automatic

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        // Texts are turned into `ProseText` slice by slice, as they are checked: never all at once.
        var messages: [(prose: [LocatedText], labels: [LocatedText])] = []
        for m in content.manuscripts {
            messages.append((m.sections.map(\.text), [m.title] + m.sections.map(\.heading)))
        }
        for i in content.inserts {
            messages.append(([i.text], [i.title]))
        }
        for l in content.lossSupports {
            messages.append(([l.text], [l.title]))
        }
        // What every message carries around its text: disclaimers are read as sentences, names and labels for
        // their characters (a NUL in the shared disclaimer would reach every payload).
        if let c = content.configuration {
            messages.append(([c.disclaimer], [c.footer.unsubscribeLabel, c.footer.publisher]))
            if let card = c.card { messages.append(card.styleMessage) }
        }
        for e in content.editions {
            let labels =
                [e.name, e.municipality] + [e.footer.unsubscribeLabel, e.footer.publisher].compactMap { $0 }
                + e.contacts.flatMap { [$0.name] + [$0.hours].compactMap { $0 } }
                + [e.registration?.lineAccount].compactMap { $0 }
            messages.append((e.disclaimer.map { [$0] } ?? [], labels))
            if let card = e.card { messages.append(card.styleMessage) }
        }
        // A text still holding a placeholder of `kizuna new` is reported once, as `scaffold-placeholder`, not read as
        // prose.
        messages = messages.map { message in
            (
                message.prose.filter { !ScaffoldText.holdsPlaceholder($0.raw) },
                message.labels.filter { !ScaffoldText.holdsPlaceholder($0.raw) }
            )
        }
        // Remembered clean messages are dropped before anything is loaded for them (MeCab included).
        let memo = self.memo
        var pending = messages.map { (message: $0, key: memo?.key(prose: $0.prose, labels: $0.labels)) }
        if let memo {
            pending.removeAll { $0.key.map(memo.isClean) ?? false }
            if pending.isEmpty { return }
        }
        var rules = styleRules + [TerminologyRule(dictionary: content.terms)]
        if MeCab.rules.contains(where: { content.style.severity($0) != nil }),
            case .success(let analyzer) = MorphologicalAnalyzer.current(mecab)
        {
            rules += styleRulesNeedingMeCab(analyzer)
        }
        let enabled = rules.compactMap { rule in content.style.severity(rule.id).map { (rule: rule, severity: $0) } }
        let style = content.style
        // Messages are independent: checked on every core, in slices so that each thread keeps to its own.
        // (An edition's share is one slice, checked on the thread that checks the edition.)
        let slices = stride(from: 0, to: pending.count, by: 64).map { pending[$0..<min($0 + 64, pending.count)] }
        let check = {
            @Sendable (slice: ArraySlice<(message: (prose: [LocatedText], labels: [LocatedText]), key: StyleMemo.Key?)>)
                -> [[Diagnostic]] in
            var found: [[Diagnostic]] = Array(repeating: [], count: enabled.count)
            var clean: [StyleMemo.Key] = []
            var total = 0
            for (message, key) in slice {
                let prose = message.prose.map(ProseText.init)
                let labels = message.labels.map(ProseText.init)
                for (k, (rule, severity)) in enabled.enumerated() {
                    rule.check(prose, configuration: style, severity: severity, into: &found[k])
                    if !rule.proseOnly {
                        rule.check(labels, configuration: style, severity: severity, into: &found[k])
                    }
                }
                let now = found.reduce(0) { $0 + $1.count }
                if let key, now == total { clean.append(key) }
                total = now
            }
            memo?.remember(clean)
            return found
        }
        let found = slices.count == 1 ? [check(slices[0])] : ParallelMap.map(slices, check)
        // Gathered rule by rule, as the rules ran before: the order diagnostics had when this was one loop.
        for k in enabled.indices {
            for slice in found { diagnostics += slice[k] }
        }
    }
}

extension CardText {
    /// The card read as a message: its sentences as prose, its large greeting as a label.
    fileprivate var styleMessage: (prose: [LocatedText], labels: [LocatedText]) {
        ([message, about, howToRegister].compactMap { $0 }, [greeting].compactMap { $0 })
    }
}
