/// Which style rules run, how severe they are, and their options: `content/style.yaml`, optional.
///
/// ```yaml
/// rules:
///   style-sentence-length: {severity: warning, max: 120}
///   style-comma-count: {severity: off}
/// ```
public struct StyleConfiguration: Sendable {
    public struct RuleSetting: Sendable {
        /// Nil turns the rule off.
        public var severity: Severity?
        public var max: Int?
        public var minInterval: Int?
        /// `style-ja-spacing`: whether Japanese and half-width letters or digits are spaced.
        public var spacing: Spacing?
        /// `style-exclamation-question`: whether ！ and ？ may be written.
        public var allowExclamation: Bool?
        public var allowQuestion: Bool?
        /// `style-kanji-run`: established compounds a run may hold whatever their length (乳幼児突然死症候群).
        public var allow: [String]?
    }

    /// Between Japanese and half-width letters or digits: no space (「LINEで」) or one (「LINE で」).
    public enum Spacing: String, Sendable, CaseIterable {
        case never, always
    }

    public var settings: [RuleID: RuleSetting] = [:]

    public init() {}

    /// The rule's severity, or nil when it is off.
    public func severity(_ rule: RuleID) -> Severity? {
        guard let setting = settings[rule] else { return rule.defaultSeverity }
        return setting.severity
    }

    public func max(_ rule: RuleID, default value: Int) -> Int { settings[rule]?.max ?? value }

    public func minInterval(_ rule: RuleID, default value: Int) -> Int { settings[rule]?.minInterval ?? value }

    public func spacing(_ rule: RuleID) -> Spacing { settings[rule]?.spacing ?? .never }

    public func allowsExclamation(_ rule: RuleID) -> Bool { settings[rule]?.allowExclamation ?? true }

    public func allowed(_ rule: RuleID) -> [String] { settings[rule]?.allow ?? [] }

    public func allowsQuestion(_ rule: RuleID) -> Bool { settings[rule]?.allowQuestion ?? true }

    /// The style rules and the options each takes besides `severity` (`RuleDescription.styleOptions`).
    static let options: [RuleID: [String]] = Dictionary(
        uniqueKeysWithValues: RuleCatalog.all.compactMap { rule in rule.styleOptions.map { (rule.id, $0) } })
}

/// Reads `style.yaml`.
struct StyleConfigurationLoader {
    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> StyleConfiguration {
        var configuration = StyleConfiguration()
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "style configuration", ja: "スタイル設定"),
                keys: ["rules"], into: &diagnostics),
            let rulesNode = reader.value("rules")
        else { return configuration }
        let names = StyleConfiguration.options.keys.map(\.rawValue).sorted()
        guard
            let rules = MappingReader(
                rulesNode, in: document, what: LocalizedText(en: "rules", ja: " 'rules' "), keys: names,
                into: &diagnostics)
        else { return configuration }
        for pair in rules.pairs {
            guard let rule = RuleID(rawValue: pair.key) else { continue }
            let keys = ["severity"] + (StyleConfiguration.options[rule] ?? [])
            guard
                let options = MappingReader(
                    pair.value, in: document, what: LocalizedText(en: "'\(pair.key)'", ja: " '\(pair.key)' "),
                    keys: keys, into: &diagnostics)
            else { continue }
            var setting = StyleConfiguration.RuleSetting(severity: rule.defaultSeverity, max: nil, minInterval: nil)
            if let severity = options.text("severity", required: false, into: &diagnostics) {
                switch severity.value {
                case "off": setting.severity = nil
                case "error": setting.severity = .error
                case "warning": setting.severity = .warning
                default:
                    diagnostics.append(
                        Diagnostic(
                            .schemaValue, at: severity.location,
                            en: "severity cannot be '\(severity.value)'; it is one of error, warning, off",
                            ja: "severity に '\(severity.value)' は指定できません。error、warning、off のいずれかです"))
                }
            }
            if let max = options.integer("max", required: false, into: &diagnostics) {
                if max.value < 1 {
                    diagnostics.append(
                        Diagnostic(.schemaValue, at: max.location, en: "max must be at least 1", ja: "max は1以上にしてください"))
                } else {
                    setting.max = max.value
                }
            }
            if let interval = options.integer("min_interval", required: false, into: &diagnostics) {
                if interval.value < 1 {
                    diagnostics.append(
                        Diagnostic(
                            .schemaValue, at: interval.location,
                            en: "min_interval must be at least 1", ja: "min_interval は1以上にしてください"))
                } else {
                    setting.minInterval = interval.value
                }
            }
            if let space = options.text("space", required: false, into: &diagnostics) {
                if let spacing = StyleConfiguration.Spacing(rawValue: space.value) {
                    setting.spacing = spacing
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .schemaValue, at: space.location,
                            en: "space cannot be '\(space.value)'; it is never or always",
                            ja: "space に '\(space.value)' は指定できません。never か always です"))
                }
            }
            setting.allowExclamation = options.boolean("allow_exclamation", into: &diagnostics)?.value
            setting.allowQuestion = options.boolean("allow_question", into: &diagnostics)?.value
            if let allow = options.textList("allow", required: false, into: &diagnostics) {
                setting.allow = allow.map(\.value).filter { !$0.isEmpty }
            }
            configuration.settings[rule] = setting
        }
        return configuration
    }
}
