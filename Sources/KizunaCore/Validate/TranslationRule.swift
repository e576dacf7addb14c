extension RuleID {
    public static let translationSourceMissing = RuleID("translation-source-missing")
    public static let translationLanguage = RuleID("translation-language")
    public static let translationStructure = RuleID("translation-structure")
    public static let translationStale = RuleID("translation-stale")
}

/// `translation-*`: a translation translates a Japanese text that exists, into the language of its folder; it was made
/// from the Japanese text as it stands now (`source_sha256`), or it is stale; and one that follows the Japanese as it
/// stands keeps its structure (as many sections, the same link targets in the same order, the same placeholders and
/// as many emphases).
struct TranslationRule: ContentRule {
    static let descriptions = [
        RuleDescription(
            .translationSourceMissing, .error, en: "A translation of a manuscript or an insert that does not exist",
            ja: "存在しない原稿・差し込み情報の翻訳"),
        RuleDescription(
            .translationLanguage, .error,
            en: "A translation whose language is not its folder's, or whose folder is not a BCP 47 language tag",
            ja: "フォルダーと異なる言語、またはBCP 47の言語タグでないフォルダーの翻訳"),
        RuleDescription(
            .translationStructure, .error,
            en: "A translation without the source's sections, link targets, placeholders or emphases",
            ja: "原文とセクション・リンク先・プレースホルダー・強調が一致しない翻訳"),
        RuleDescription(
            .translationStale, .warning, en: "A translation made from another version of the Japanese text",
            ja: "現在とは異なる版の日本語から作られた翻訳"),
    ]

    /// `en`, `zh-Hans`, `pt-BR`, `es-419`: a language subtag, an optional script and an optional region (RFC 5646's
    /// common forms; private and extension subtags are not for readers' editions).
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first!.isUppercase,
            script.allSatisfy({ $0.isASCII && $0.isLetter }), script.dropFirst().allSatisfy(\.isLowercase)
        {
            rest = rest.dropFirst()
        }
        if let region = rest.first,
            (region.count == 2 && region.allSatisfy({ $0.isASCII && $0.isUppercase }))
                || (region.count == 3 && region.allSatisfy({ $0.isASCII && $0.isNumber }))
        {
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        guard !content.translations.isEmpty else { return }
        let manuscripts = Dictionary(content.manuscripts.map { ($0.day.value, $0) }, uniquingKeysWith: { a, _ in a })
        let inserts = Dictionary(content.inserts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        // A Japanese file with errors of its own is not compared, nor its translations reported missing (its day
        // may be the broken part): `translations/LANG/manuscripts/…` matches its `manuscripts/…`.
        func tail(_ path: String) -> String? {
            path.range(of: "/manuscripts/").map { String(path[$0.lowerBound...]) }
        }
        let broken = Set(
            content.manuscripts.filter { !$0.isComplete }.compactMap { tail($0.path) }
                + content.unloaded.manuscriptPaths.compactMap(tail))
        for translation in content.translations {
            checkLanguage(translation, into: &diagnostics)
            let source: (reader: ReaderText, parts: [(text: LocatedText, body: RichText?)], sections: Int)
            switch translation.source {
            case .manuscript(let day):
                let japanese = tail(translation.path)
                if let japanese, broken.contains(japanese) { continue }
                guard let m = manuscripts[day], m.isComplete else {
                    // An edition's share holds no manuscripts: the shared content reports these.
                    if manuscripts[day] == nil, content.slice == nil, !content.unloaded.days.contains(day) {
                        missing(
                            translation, en: "manuscript \(day.series.rawValue)/\(day.fileStem)",
                            ja: "\(day.label)の原稿", into: &diagnostics)
                    }
                    continue
                }
                source = (
                    ReaderText(m), [(m.title, nil)] + m.sections.flatMap { [($0.heading, nil), ($0.text, $0.body)] },
                    m.sections.count
                )
            case .insert(let id):
                guard let i = inserts[id] else {
                    if !content.unloaded.insertIDs.contains(id) {
                        missing(translation, en: "insert '\(id)'", ja: "差し込み情報 '\(id)'", into: &diagnostics)
                    }
                    continue
                }
                source = (ReaderText(i), [(i.title, nil), (i.text, i.body)], 0)
            }
            // The structure is the source's it was made from: a stale translation is expected to differ (a section the
            // Japanese gained), and is reported as stale only, so that a translation's lag never stops a build.
            if translation.sourceSHA256.value == source.reader.sha256 {
                checkStructure(translation, against: source.parts, sections: source.sections, into: &diagnostics)
            } else {
                checkStale(translation, source: source.reader, into: &diagnostics)
            }
        }
    }

    private func missing(_ t: Translation, en: String, ja: String, into diagnostics: inout [Diagnostic]) {
        diagnostics.append(
            Diagnostic(
                .translationSourceMissing, at: t.location,
                en: "this translates \(en), which the content does not have: move or remove the file",
                ja: "この翻訳の原文（\(ja)）がありません。ファイルを移動するか削除してください"))
    }

    private func checkLanguage(_ t: Translation, into diagnostics: inout [Diagnostic]) {
        let folder = t.folderLanguage
        if !Self.isLanguageTag(folder) || folder == "ja" {
            diagnostics.append(
                Diagnostic(
                    .translationLanguage, at: t.language.location,
                    en: "the folder 'translations/\(folder)' is not a language to translate into: name it with a "
                        + "BCP 47 tag other than ja, e.g. en, zh-Hans, vi, pt-BR, ne",
                    ja: "フォルダー 'translations/\(folder)' は翻訳先の言語になっていません。'ja' 以外の「BCP 47」の言語タグ"
                        + "（例: 'en'、'zh-Hans'、'vi'、'pt-BR'、'ne'）の名前にしてください"))
        } else if t.language.value != folder {
            diagnostics.append(
                Diagnostic(
                    .translationLanguage, at: t.language.location,
                    en: "the file says language '\(t.language.value)', but lies in 'translations/\(folder)'",
                    ja: "言語 '\(t.language.value)' の翻訳が 'translations/\(folder)' にあります"))
        }
    }

    private func checkStructure(
        _ t: Translation, against parts: [(text: LocatedText, body: RichText?)], sections: Int,
        into diagnostics: inout [Diagnostic]
    ) {
        func report(_ location: SourceLocation, en: String, ja: String) {
            diagnostics.append(Diagnostic(.translationStructure, at: location, en: en, ja: ja))
        }
        if case .manuscript = t.source, t.sections.count != sections {
            report(
                t.location, en: "the translation has \(t.sections.count) sections, the Japanese \(sections)",
                ja: "翻訳のセクションは\(t.sections.count)個、原文は\(sections)個です")
            return
        }
        let own: [(text: LocatedText, body: RichText?)] =
            [(t.title, nil)] + t.sections.flatMap { [($0.heading, nil), ($0.text, $0.body)] }
            + (t.text.map { [($0, t.body)] } ?? [])
        for (translated, original) in zip(own, parts) {
            let placeholders = (Self.placeholders(in: original.text.raw), Self.placeholders(in: translated.text.raw))
            if placeholders.0 != placeholders.1 {
                report(
                    translated.text.location,
                    en: "placeholders \(placeholders.1) where the Japanese has \(placeholders.0)",
                    ja: "プレースホルダーが \(placeholders.1) ですが、原文は \(placeholders.0) です")
            }
            guard let source = original.body, let body = translated.body else { continue }
            let links = (source.links.map(\.url), body.links.map(\.url))
            if links.0 != links.1 {
                report(
                    translated.text.location, en: "links to \(links.1) where the Japanese links to \(links.0)",
                    ja: "リンク先が \(links.1) ですが、原文は \(links.0) です")
            }
            let emphases = (Self.emphases(in: source), Self.emphases(in: body))
            if emphases.0 != emphases.1 {
                report(
                    translated.text.location,
                    en: "\(emphases.1) emphases (<em>) where the Japanese has \(emphases.0)",
                    ja: "強調（<em>）が\(emphases.1)個ですが、原文は\(emphases.0)個です")
            }
        }
    }

    private func checkStale(_ t: Translation, source: ReaderText, into diagnostics: inout [Diagnostic]) {
        let now = source.sha256
        guard t.sourceSHA256.value != now else { return }
        let made = t.sourceSHA256.value
        let isHash = made.count == 64 && made.allSatisfy(\.isHexDigit)
        let message =
            isHash
            ? LocalizedText(
                en: "the Japanese text changed since this translation was made from it; the translation is stale",
                ja: "この翻訳のもとになった日本語が変更されました。翻訳は古くなっています")
            : LocalizedText(
                en: "the translation names no version of the Japanese text it was made from",
                ja: "翻訳のもとになった日本語の版が書かれていません")
        var notes = [
            DiagnosticNote(
                LocalizedText(
                    en: "made from sha256 \(isHash ? String(made.prefix(12)) + "…" : "'\(made)'"), "
                        + "the Japanese is now \(now.prefix(12))…",
                    ja: "翻訳元のSHA-256 '\(isHash ? String(made.prefix(12)) + "…" : made)'、"
                        + "現在の日本語 '\(now.prefix(12))…'"))
        ]
        notes.append(
            DiagnosticNote(
                LocalizedText(
                    en: "update the translation, then `kizuna translation stamp \(t.path)` records the Japanese it "
                        + "now follows",
                    ja: "翻訳を直してから `kizuna translation stamp \(t.path)` で、対応する日本語の版を記録してください")))
        diagnostics.append(Diagnostic(.translationStale, at: t.sourceSHA256.location, message, notes: notes))
    }

    /// `{nickname}` and any other `{…}`, in order.
    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    static func emphases(in body: RichText) -> Int {
        body.paragraphs.reduce(0) { $0 + $1.count { if case .emphasis = $0 { true } else { false } } }
    }
}
