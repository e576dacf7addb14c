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
    case insertFileName = "insert-file-name"
    case footerMissing = "footer-missing"
    // Japanese style (configured in content/style.yaml)
    case styleDesuMasu = "style-desu-masu"
    case styleSentenceLength = "style-sentence-length"
    case styleCommaCount = "style-comma-count"
    case styleSentenceEnd = "style-sentence-end"
    case styleHalfwidthKana = "style-halfwidth-kana"
    case styleFullwidthAlphanumeric = "style-fullwidth-alphanumeric"
    case styleInvisibleCharacter = "style-invisible-character"
    case styleDoubledParticle = "style-doubled-particle"
    case styleDuplicateSection = "style-duplicate-section"
    case styleTerminology = "style-terminology"
    case termsSelfTest = "terms-self-test"
    // LINE limits, checked on the rendered payload with the longest nickname
    case lineBubbleSize = "line-bubble-size"
    case lineAltText = "line-alt-text"
    case lineLabelLength = "line-label-length"
    case lineURILength = "line-uri-length"
    case lineMessageCount = "line-message-count"

    /// The severity a rule reports with unless it says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        // A doubled particle is read by a dictionary-based analyser, which can misread: it advises, it does not block.
        case .insertUnused, .supervisorMissing, .approvalStale, .approvalMissing, .styleDoubledParticle: .warning
        default: .error
        }
    }

    /// What the rule checks, in one short line (SARIF's shortDescription, `kizuna rules`).
    public var summary: LocalizedText {
        switch self {
        case .fileEncoding:
            LocalizedText(en: "Bytes that are not UTF-8 (Shift_JIS included)", ja: "UTF-8ではないバイト（Shift_JISを含む）")
        case .fileTooLarge: LocalizedText(en: "A content file over 256 KiB", ja: "256 KiBを超えるコンテンツファイル")
        case .yamlSyntax:
            LocalizedText(en: "YAML that does not parse (tab indentation included)", ja: "YAMLとして読めない記述（タブによるインデントを含む）")
        case .yamlMultipleDocuments:
            LocalizedText(en: "A second YAML document in one file", ja: "1つのファイルに書かれた2つ目のYAMLドキュメント")
        case .yamlDuplicateKey: LocalizedText(en: "A key written twice in one mapping", ja: "同じマッピングに2回書かれたキー")
        case .yamlAnchor: LocalizedText(en: "A YAML anchor (&a) or alias (*a)", ja: "YAMLのアンカー（&a）やエイリアス（*a）")
        case .yamlTag: LocalizedText(en: "A YAML tag other than the standard ones", ja: "標準以外のYAMLタグ")
        case .schemaUnknownKey: LocalizedText(en: "A key the format does not define", ja: "定義されていないキー")
        case .schemaMissingKey: LocalizedText(en: "A required key that is absent", ja: "必須キーの不足")
        case .schemaType:
            LocalizedText(
                en: "A value of the wrong kind (a list where text belongs, text where a number belongs, …)",
                ja: "種類の合わない値（テキストの位置にリスト、数値の位置にテキストなど）")
        case .schemaValue: LocalizedText(en: "A value outside its allowed set or form", ja: "使える値・形式に合わない値")
        case .schemaEmpty:
            LocalizedText(en: "An empty value, list or file where content is required", ja: "中身が必要な値・リスト・ファイルが空")
        case .dayKeyFormat: LocalizedText(en: "A day key not of its series' form", ja: "シリーズの形式に合わない配信日キー")
        case .dayKeyRange:
            LocalizedText(en: "A day outside its series (4w0d–41w6d or 1–1096)", ja: "シリーズの範囲（4w0d〜41w6d、1〜1096）外の配信日")
        case .dayKeyDuplicate: LocalizedText(en: "Two manuscripts for one day of a series", ja: "同じシリーズの同じ日に2つの原稿")
        case .placeholderUnknown: LocalizedText(en: "A placeholder other than {nickname}", ja: "{nickname} 以外のプレースホルダー")
        case .markupSyntax: LocalizedText(en: "Text that is not well-formed markup", ja: "整形式になっていないマークアップ")
        case .markupElement:
            LocalizedText(
                en: "Markup other than <em> and <a href>, nesting, or comments",
                ja: "<em> と <a href> 以外のマークアップ、入れ子、コメント")
        case .linkScheme:
            LocalizedText(
                en: "A link that is not a valid https:// URL (text links may also be tel:)",
                ja: "正しい https:// のURLではないリンク（本文のリンクは tel: も可）")
        case .phoneFormat:
            LocalizedText(en: "A desk phone number that is not 10–11 half-width digits", ja: "半角数字10〜11桁になっていない窓口の電話番号")
        case .reviewerUnknown:
            LocalizedText(en: "A supervisor or approver not in reviewers.yaml", ja: "reviewers.yaml に登録されていない監修者・承認者")
        case .supervisorMissing: LocalizedText(en: "A manuscript nobody supervises", ja: "監修者のいない原稿")
        case .idDuplicate:
            LocalizedText(en: "Two editions, inserts, reviewers or desks with one id", ja: "版・差し込み情報・監修者・窓口のIDの重複")
        case .approvalStale: LocalizedText(en: "Text that changed after its approval", ja: "承認後に変更された文面")
        case .approvalMissing:
            LocalizedText(en: "review: approved with no recorded approval", ja: "承認記録のない review: approved")
        case .releaseUnapproved:
            LocalizedText(
                en: "A manuscript released without a valid approval (build --release)",
                ja: "有効な承認のない原稿のリリース（build --release）")
        case .editionContactMissing: LocalizedText(en: "An edition with no contact desk", ja: "窓口のない版")
        case .editionSeriesUnknown:
            LocalizedText(en: "An edition naming a series that does not exist", ja: "存在しないシリーズを指定した版")
        case .editionInsertUnknown:
            LocalizedText(en: "An edition naming an insert that does not exist", ja: "存在しない差し込み情報を指定した版")
        case .contactUnknown:
            LocalizedText(en: "An insert naming a desk its edition does not have", ja: "版にない窓口を指定した差し込み情報")
        case .surveyDayUnknown:
            LocalizedText(en: "A survey day on which the edition sends nothing", ja: "版が何も配信しない日のアンケート")
        case .insertWindow:
            LocalizedText(
                en: "An insert window that is reversed, out of range, or for a series the edition does not send",
                ja: "逆転・範囲外の配信期間、または版が配信しないシリーズ向けの差し込み情報")
        case .insertUnused:
            LocalizedText(en: "An insert whose window no manuscript falls in", ja: "配信期間に当たる原稿のない差し込み情報")
        case .insertFileName:
            LocalizedText(
                en: "An insert in a file not named after its id, or two insert files of one name",
                ja: "IDと違う名前のファイルに書かれた差し込み情報、または同じ名前の2つの差し込み情報ファイル")
        case .footerMissing:
            LocalizedText(en: "A payload without the unsubscribe link or the disclaimer", ja: "配信解除リンクか免責事項のないペイロード")
        case .styleDesuMasu:
            LocalizedText(en: "A である/だ sentence in a message written in です/ます", ja: "です・ます調のメッセージの中の、である・だ調の文")
        case .styleSentenceLength: LocalizedText(en: "A sentence over the maximum length", ja: "長すぎる文")
        case .styleCommaCount: LocalizedText(en: "A sentence with too many 読点 (、)", ja: "読点（、）の多すぎる文")
        case .styleSentenceEnd:
            LocalizedText(en: "A sentence not ending in 。, ！ or ？, or a doubled 。", ja: "「。」「！」「？」で終わらない文、重なった「。。」")
        case .styleHalfwidthKana: LocalizedText(en: "Half-width katakana", ja: "半角カタカナ")
        case .styleFullwidthAlphanumeric: LocalizedText(en: "Full-width letters and digits", ja: "全角の英数字")
        case .styleInvisibleCharacter:
            LocalizedText(
                en: "Zero-width or control characters, or decomposed (NFD) text", ja: "ゼロ幅文字・制御文字、分解された（NFDの）文字")
        case .styleDoubledParticle:
            LocalizedText(
                en: "The same particle (は, が, を, に) twice in a row in a sentence", ja: "1つの文の中で続けて使われた同じ助詞（は・が・を・に）")
        case .styleDuplicateSection:
            LocalizedText(
                en: "Two sections of a manuscript with the same heading or text", ja: "見出しか本文が同じ、1つの原稿内のセクション")
        case .styleTerminology:
            LocalizedText(
                en: "A wrong form from the terminology dictionary (terms.yaml)", ja: "用語辞書（terms.yaml）で言い換えを指定した表記")
        case .termsSelfTest: LocalizedText(en: "A failing self-test of the terminology dictionary", ja: "用語辞書の自己テストの失敗")
        case .lineBubbleSize:
            LocalizedText(en: "A bubble over LINE's 30,000 bytes of JSON", ja: "LINEの上限（JSONで30,000バイト）を超えるバブル")
        case .lineAltText:
            LocalizedText(
                en: "A notification text over LINE's 1,500 UTF-16 units", ja: "LINEの上限（UTF-16で1,500単位）を超える通知文")
        case .lineLabelLength:
            LocalizedText(en: "A button label over LINE's 40 characters", ja: "LINEの上限40文字を超えるボタンラベル")
        case .lineURILength: LocalizedText(en: "A link over LINE's 1,000 characters", ja: "LINEの上限1,000文字を超えるリンク")
        case .lineMessageCount:
            LocalizedText(
                en: "A day that needs more than LINE's 5 messages per push request", ja: "LINEの1回の送信の上限（5通）を超える日")
        }
    }
}
