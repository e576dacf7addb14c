/// What a rule is, declared in the file of the code that reports it: its id, how severe it is unless `style.yaml`
/// says otherwise, what it checks, and what configures it.
public struct RuleDescription: Sendable, Hashable {
    public let id: RuleID
    public let defaultSeverity: Severity
    /// What the rule checks, in one short line (SARIF's shortDescription, `kizuna rules`).
    public let summary: LocalizedText
    /// The options the rule takes in `style.yaml` besides `severity`; nil when `style.yaml` does not configure it.
    public let styleOptions: [String]?
    /// Whether the rule reads words as MeCab's dictionary gives them (and is skipped where MeCab is absent).
    public let needsMeCab: Bool

    public init(
        _ id: RuleID, _ defaultSeverity: Severity, en: String, ja: String, styleOptions: [String]? = nil,
        needsMeCab: Bool = false
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = LocalizedText(en: en, ja: ja)
        self.styleOptions = styleOptions
        self.needsMeCab = needsMeCab
    }
}

/// Every rule, registered once. Adding a rule: its file (the `RuleID`, the `RuleDescription` and the check), its
/// fixture folder, and one line here; a content rule also runs from `contentRules` (Validate/ContentRule.swift), a
/// style rule from `styleRules` (Style/StyleRule.swift).
public enum RuleCatalog {
    /// In the order `kizuna rules` and docs/rules.md list them: by what they look at, from bytes to LINE's limits.
    public static let all: [RuleDescription] =
        [
            // Files and YAML
            YAMLDocumentLoader.fileEncoding,
            YAMLDocumentLoader.fileTooLarge,
            YAMLDocumentLoader.fileUnreadable,
            ByteOrderMarkSlip.description,
            YAMLDocumentLoader.yamlSyntax,
            // Keyboard slips, found before YAML reads the file
            IndentationSlip.fullwidthIndent,
            IndentationSlip.tabIndent,
            FullwidthMarkSlip.colon,
            FullwidthMarkSlip.listMarker,
            FullwidthMarkSlip.comment,
            FullwidthMarkSlip.quote,
            YAMLDocumentLoader.yamlMultipleDocuments,
            YAMLDocumentLoader.yamlDuplicateKey,
            YAMLDocumentLoader.yamlAnchor,
            YAMLDocumentLoader.yamlTag,
            // Schema
            MappingReader.schemaUnknownKey,
            MappingReader.schemaMissingKey,
            MappingReader.schemaType,
            MappingReader.schemaValue,
            MappingReader.schemaEmpty,
            // Manuscripts
            ManuscriptLoader.dayKeyFormat,
            ManuscriptLoader.dayKeyRange,
            DayKeyUniquenessRule.description,
        ] + AnniversaryRule.descriptions + [
            PlaceholderRule.description,
            ScaffoldPlaceholderRule.description,
            InlineMarkupParser.markupSyntax,
            InlineMarkupParser.markupElement,
            LinkRule.linkScheme,
            PhoneRule.description,
        ] + RegistrationRule.descriptions + CardRule.descriptions + TranslationRule.descriptions + [
            SupervisorRule.reviewerUnknown,
            SupervisorRule.supervisorMissing,
            UniqueIDRule.description,
            // Medical sign-off
            ApprovalRule.approvalStale,
            ApprovalRule.approvalMissing,
            ApprovalRule.approvalNotEntitled,
            SignOffEvaluator.approvalUnsigned,
            SignOffEvaluator.approvalSignatureMalformed,
            SignOffEvaluator.approvalKeyUnknown,
            SignOffEvaluator.approvalKeyExpired,
            SignOffEvaluator.approvalSignatureMismatch,
            SignOffEvaluator.approvalSignatureCopied,
            SignOffEvaluator.approvalDateAltered,
            ReleaseGate.releaseUnapproved,
            // Editions and inserts
            EditionReferenceRule.editionContactMissing,
            EditionLoader.editionSeriesUnknown,
            CrossEditionChecks.editionInsertUnknown,
            EditionReferenceRule.contactUnknown,
            EditionReferenceRule.surveyDayUnknown,
            InsertLoader.insertWindow,
            InsertWindowRule.description,
            InsertCoversRule.unknown,
            InsertCoversRule.window,
            InsertFileNameRule.description,
            LossSupportFileRule.description,
            LossSupportWordingRule.description,
            LineLimitsRule.footerMissing,
            // Japanese style (configured in content/style.yaml)
            DesuMasuRule.description,
            SentenceLengthRule.description,
            CommaCountRule.description,
            SentenceEndRule.description,
            HalfwidthKanaRule.description,
            FullwidthAlphanumericRule.description,
            InvisibleCharacterRule.description,
            DoubledParticleRule.description,
            RaNukiRule.description,
            DoubleNegativeRule.description,
            RepeatedConjunctionRule.description,
            ConjunctiveGaRule.description,
            KanjiRunRule.description,
            UnmatchedBracketRule.description,
            RepeatedWordRule.description,
            KangxiRadicalRule.description,
            JapaneseSpacingRule.description,
            ExclamationQuestionRule.description,
            DuplicateSectionRule.description,
            TerminologyRule.description,
            TermDictionaryLoader.termsSelfTest,
        ] + TextLengthRule.descriptions + [
            // LINE limits, checked on the rendered payload with the longest nickname
            LineLimitsRule.lineBubbleSize,
            LineLimitsRule.lineAltText,
            ButtonLabelRule.description,
            LinkRule.lineURILength,
            LineLimitsRule.lineMessageCount,
        ]

    /// Each rule by its id, built once. Two rules with one id stop the program at its first diagnostic.
    static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// docs/rules.md: every rule with its default severity, what it checks in English and Japanese, and its options
    /// in `style.yaml`. Nothing in it depends on the machine (whether MeCab is installed is not shown).
    public static var markdown: String {
        // Markdown's punctuation is escaped, but for `_` inside a word (Shift_JIS), which Markdown leaves alone.
        func cell(_ text: String) -> String {
            let characters = Array(text)
            var escaped = ""
            for (i, c) in characters.enumerated() {
                let inWord =
                    c == "_" && i > 0 && i < characters.count - 1
                    && (characters[i - 1].isLetter || characters[i - 1].isNumber)
                    && (characters[i + 1].isLetter || characters[i + 1].isNumber)
                if "\\`*_[]<>|~&".contains(c) && !inWord { escaped.append("\\") }
                escaped.append(c)
            }
            return escaped
        }
        var lines = [
            "# Rules",
            "",
            "This page is generated by `swift run kizuna rules --format markdown > docs/rules.md`; a rule's line "
                + "comes from the `RuleDescription` in the rule's own file.",
            "",
            "| rule | default severity | what it checks | 検査する内容 | options in style.yaml |",
            "| --- | --- | --- | --- | --- |",
        ]
        for rule in all {
            let options = rule.styleOptions.map { (["severity"] + $0).map { "`\($0)`" }.joined(separator: ", ") } ?? "—"
            lines.append(
                "| `\(rule.id.rawValue)` | \(rule.defaultSeverity.rawValue) | \(cell(rule.summary.en)) "
                    + "| \(cell(rule.summary.ja)) | \(options) |")
        }
        let needMeCab = all.filter(\.needsMeCab).map { "`\($0.id.rawValue)`" }.joined(separator: ", ")
        lines += [
            "",
            "Rules that read words need MeCab and are skipped where it is not installed: \(needMeCab) "
                + "([commands.md](commands.md#mecab-optional)).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
