/// The catalog of stable rule ids. Scripts and CI match on these strings: never rename one.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    // Files and YAML
    case fileEncoding = "file-encoding"
    case fileTooLarge = "file-too-large"
    case yamlSyntax = "yaml-syntax"
    case yamlMultipleDocuments = "yaml-multiple-documents"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlAnchor = "yaml-anchor"
    case yamlTag = "yaml-tag"
    // Schema
    case schemaUnknownKey = "schema-unknown-key"
    case schemaMissingKey = "schema-missing-key"
    case schemaType = "schema-type"
    case schemaValue = "schema-value"
    case schemaEmpty = "schema-empty"
    // Manuscripts
    case dayKeyFormat = "day-key-format"
    case dayKeyRange = "day-key-range"
    case dayKeyDuplicate = "day-key-duplicate"
    case placeholderUnknown = "placeholder-unknown"
    case markupSyntax = "markup-syntax"
    case markupElement = "markup-element"
    case linkScheme = "link-scheme"
    case phoneFormat = "phone-format"
    case reviewerUnknown = "reviewer-unknown"
    case supervisorMissing = "supervisor-missing"
    case idDuplicate = "id-duplicate"
    // Medical sign-off
    case approvalStale = "approval-stale"
    case approvalMissing = "approval-missing"
    case releaseUnapproved = "release-unapproved"
    // Editions and inserts
    case editionContactMissing = "edition-contact-missing"
    case editionSeriesUnknown = "edition-series-unknown"
    case editionInsertUnknown = "edition-insert-unknown"
    case contactUnknown = "contact-unknown"
    case surveyDayUnknown = "survey-day-unknown"
    case insertWindow = "insert-window"
    case insertUnused = "insert-unused"
    case footerMissing = "footer-missing"
    // Japanese style (configured in content/style.yaml)
    case styleDesuMasu = "style-desu-masu"
    case styleSentenceLength = "style-sentence-length"
    case styleCommaCount = "style-comma-count"
    case styleSentenceEnd = "style-sentence-end"
    case styleHalfwidthKana = "style-halfwidth-kana"
    case styleFullwidthAlphanumeric = "style-fullwidth-alphanumeric"
    case styleInvisibleCharacter = "style-invisible-character"
    case styleDuplicateSection = "style-duplicate-section"
    case styleTerminology = "style-terminology"
    case termsSelfTest = "terms-self-test"
    // LINE limits, checked on the rendered payload with the longest nickname
    case lineBubbleSize = "line-bubble-size"
    case lineAltText = "line-alt-text"
    case lineLabelLength = "line-label-length"
    case lineURILength = "line-uri-length"

    /// The severity a rule reports with unless it says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .insertUnused, .supervisorMissing, .approvalStale, .approvalMissing: .warning
        default: .error
        }
    }
}
