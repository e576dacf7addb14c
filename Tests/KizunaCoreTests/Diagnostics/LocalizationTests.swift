import Foundation
import Testing
@testable import KizunaCore

/// Messages in English and Japanese (`--lang` or the locale); rule ids the same in both.
@Suite("Localization")
struct LocalizationTests {
    /// True when `text` holds hiragana, katakana or a kanji.
    static func hasJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (0x3040...0x309F).contains(s.value)  // hiragana
                || (0x30A0...0x30FF).contains(s.value)  // katakana
                || (0x3400...0x4DBF).contains(s.value)  // CJK extension A
                || (0x4E00...0x9FFF).contains(s.value)  // CJK unified ideographs
        }
    }

    /// Why one text of a diagnostic is not properly Japanese, or nil when it is.
    static func problem(with text: LocalizedText) -> String? {
        if text.ja.isEmpty { return "the Japanese message is empty" }
        if text.ja == text.en { return "the Japanese message is the English one" }
        if !hasJapanese(text.ja) { return "the Japanese message holds no Japanese" }
        return nil
    }

    /// Technical tokens a Japanese message may write in Latin letters: names of formats, protocols and units that
    /// Japanese text writes this way too. Anything else in Latin letters must be quoted source text.
    static let latinTokens: Set<String> = [
        "LINE", "Flex", "URL", "UTF", "YAML", "XML", "SHA", "HTTPS", "ID", "JSON", "SSH", "Shift_JIS", "NFC", "NFD",
        "KiB", "MeCab", "QR",
    ]

    /// The words in Latin letters of a Japanese text outside quoted source text (`'…'`, `"…"`, 「…」, `` `…` ``,
    /// `{…}`, markup tags `<…>`), paths, URLs, file names, code points (`U+3000`), hexadecimal bytes (`0x82`) and the allowed tokens.
    static func englishWords(in text: String) -> [String] {
        var outside = ""
        var closing: Character? = nil
        var depth = 0
        let pairs: [Character: Character] = ["'": "'", "\"": "\"", "「": "」", "`": "`", "{": "}", "『": "』", "<": ">"]
        for c in text {
            if let close = closing {
                if c == close {
                    depth -= 1
                    if depth == 0 { closing = nil }
                } else if c == "「" && close == "」" {
                    depth += 1
                }
                outside.append(" ")
                continue
            }
            if let close = pairs[c] {
                closing = close
                depth = 1
                outside.append(" ")
            } else {
                outside.append(c)
            }
        }
        // Tokens of printable ASCII: a path, URL or file name holds '/', ':' or '.' between its characters.
        var words: [String] = []
        for token in outside.split(whereSeparator: {
            !($0.isASCII && ($0.isLetter || $0.isNumber || "_+-./:@".contains($0)))
        }) {
            let token = token.trimmingCharacters(in: CharacterSet(charactersIn: ".:-"))
            if token.isEmpty || latinTokens.contains(token) { continue }
            if token.contains("/") || token.contains("://")
                || token.range(of: #"^[\w-]+\.[a-z]+$"#, options: .regularExpression) != nil
            {
                continue
            }
            // A code point, a byte, a hash's first digits, a day key of the maternity series (16w0d).
            let technical = #"^(U\+[0-9A-F]{4,6}|0x[0-9A-Fa-f]+|[0-9A-Fa-f]{2}|[0-9a-f]{8,}|[0-9]+w[0-9]+d)$"#
            if token.range(of: technical, options: .regularExpression) != nil {
                continue
            }
            for word in token.split(whereSeparator: { !$0.isLetter }) where !latinTokens.contains(String(word)) {
                words.append(String(word))
            }
        }
        return words
    }

    /// Every Japanese text of a diagnostic (message, notes, fix-it) with an English word outside quoted source text.
    /// `sourceNames` are names the content gives (reviewers' names): source text a message quotes without marks.
    static func englishInJapanese(_ diagnostics: [Diagnostic], sourceNames: [String] = []) -> [String] {
        diagnostics.flatMap { d -> [String] in
            var texts: [(String, LocalizedText)] = [("message", d.message)]
            texts += d.notes.map { ("note", $0.message) }
            if let fixIt = d.fixIt { texts.append(("fix-it", fixIt.message)) }
            return texts.compactMap { kind, text in
                let words = englishWords(
                    in: sourceNames.sorted { $0.count > $1.count }.reduce(text.ja) {
                        $0.replacingOccurrences(of: $1, with: "「」")
                    })
                return words.isEmpty
                    ? nil
                    : "[\(d.rule.rawValue)] \(d.location): \(kind): \(words.joined(separator: ", "))\n    ja: \(text.ja)"
            }
        }
    }

    /// Every text of a diagnostic (message, notes, fix-it) that is not properly Japanese, with the rule id.
    static func problems(in diagnostics: [Diagnostic]) -> [String] {
        diagnostics.flatMap { d -> [String] in
            var texts: [(String, LocalizedText)] = [("message", d.message)]
            texts += d.notes.map { ("note", $0.message) }
            if let fixIt = d.fixIt { texts.append(("fix-it", fixIt.message)) }
            return texts.compactMap { kind, text in
                problem(with: text).map {
                    "[\(d.rule.rawValue)] \(d.location): \(kind): \($0)\n    en: \(text.en)\n    ja: \(text.ja)"
                }
            }
        }
    }

    // MARK: (a) every diagnostic the fixtures produce

    @Test(
        "every diagnostic, note and fix-it of every fixture has a Japanese message",
        arguments: DiagnosticFixtures.namesWithoutMeCab)
    func fixtureMessagesAreJapanese(_ name: String) throws {
        try checkMessagesAreJapanese(fixture: name)
    }

    @Test(
        "every diagnostic, note and fix-it of the fixtures of rules that read words has a Japanese message",
        .enabled(if: MeCabPresence.available, MeCabPresence.reason), arguments: DiagnosticFixtures.namesNeedingMeCab)
    func fixtureNeedingMeCabMessagesAreJapanese(_ name: String) throws {
        try checkMessagesAreJapanese(fixture: name)
    }

    func checkMessagesAreJapanese(fixture name: String) throws {
        let fixture = try DiagnosticFixtures.load(name)
        let report = Validator().validate(fixture.content)
        let diagnostics = report.diagnostics
        #expect(!diagnostics.isEmpty, "\(name) gives no diagnostic")
        let problems = Self.problems(in: diagnostics)
        #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
        let names = report.loadedContent.reviewers.map(\.name.value)
        let english = Self.englishInJapanese(diagnostics, sourceNames: names)
        #expect(english.isEmpty, "\(name): English words in Japanese messages:\n\(english.joined(separator: "\n"))")
    }

    /// The rules without a fixture folder, made to fire here.
    @Test("the diagnostics no fixture can produce have Japanese messages too")
    func programmaticMessagesAreJapanese() throws {
        var diagnostics: [Diagnostic] = []
        // file-encoding: a Shift_JIS byte.
        _ = YAMLDocumentLoader().load(
            SourceFile(path: "content/a.yaml", bytes: Array("title: ".utf8) + [0x82, 0xA0]), into: &diagnostics)
        // file-too-large.
        _ = YAMLDocumentLoader(sizeCap: 4).load(
            SourceFile(path: "content/b.yaml", bytes: Array("title: 長い\n".utf8)), into: &diagnostics)
        #expect(Set(diagnostics.map(\.rule)) == [.fileEncoding, .fileTooLarge])
        // release-unapproved: the minimal set's shared disclaimer and footer were never approved.
        let gate = ReleaseGate.plan(DiagnosticFixtures.contentFiles(try DiagnosticFixtures.minimal())).refusals
        #expect(!gate.isEmpty && gate.allSatisfy { $0.rule == .releaseUnapproved })
        diagnostics += gate
        let problems = Self.problems(in: diagnostics)
        #expect(problems.isEmpty, "\n\(problems.joined(separator: "\n"))")
        let english = Self.englishInJapanese(diagnostics)
        #expect(english.isEmpty, "English words in Japanese messages:\n\(english.joined(separator: "\n"))")
    }

    @Test("the English-word check finds English outside quotes and nothing inside them")
    func englishWordCheck() {
        #expect(
            Self.englishWords(in: "YAMLの構文エラー: found character that cannot start any token") == [
                "found", "character", "that", "cannot", "start", "any", "token",
            ])
        #expect(Self.englishWords(in: "原稿にキー 'titel' は使えません。「title」の誤りではありませんか").isEmpty)
        #expect(Self.englishWords(in: "content/reviewers.yaml の https://example.jp/a は LINE のURL（UTF-8）").isEmpty)
        #expect(Self.englishWords(in: "全角スペース（U+3000）とバイト 0x82 0xA0、16w0d、`kizuna fix` で直せます").isEmpty)
        #expect(Self.englishWords(in: "{nickname} 以外は使えません。reviewer を確かめてください") == ["reviewer"])
    }

    // MARK: (b) the rule catalog

    @Test("every rule id has a one-line summary in English and Japanese", arguments: RuleID.allCases)
    func summaries(_ rule: RuleID) {
        let summary = rule.summary
        #expect(!summary.en.isEmpty && summary.en != rule.rawValue, "\(rule.rawValue): no English summary")
        #expect(!summary.ja.isEmpty && summary.ja != rule.rawValue, "\(rule.rawValue): no Japanese summary")
        #expect(Self.hasJapanese(summary.ja), "\(rule.rawValue): the Japanese summary holds no Japanese: \(summary.ja)")
        #expect(summary.ja != summary.en)
        #expect(!summary.en.contains("\n") && !summary.ja.contains("\n"), "\(rule.rawValue): a summary is one line")
    }

    // MARK: (c) the language from the locale

    @Test("the language follows LC_ALL, then LC_MESSAGES, then LANG")
    func languageFromEnvironment() {
        #expect(Language(environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Language(environment: ["LC_ALL": "C", "LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language(environment: [:]) == .en)
        #expect(Language(environment: ["LANG": ""]) == .en)
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]) == .en)
        #expect(Language(environment: ["LC_MESSAGES": "ja_JP"]) == .ja)
        #expect(Language(environment: ["LC_MESSAGES": "ja_JP", "LANG": "en_US.UTF-8"]) == .ja)
        #expect(
            Language(environment: ["LC_ALL": "", "LANG": "ja_JP.UTF-8"]) == .ja, "an empty variable does not decide")
        #expect(Language(environment: ["LANG": "en_US.UTF-8"]) == .en)
    }

    // MARK: (d) formatters

    /// A real diagnostic with a fix-it: the unknown key of the schema-unknown-key fixture.
    static func sample() throws -> Diagnostic {
        var files = try DiagnosticFixtures.minimal()
        files["manuscripts/maternity/16w0d.yaml"] = Array(
            """
            series: maternity
            day: 16w0d
            titel: 小さな耳がひらくころ
            sections:
              - heading: おなかの赤ちゃん
                text: 音を感じはじめるといわれます。
            supervisors: [obstetrician-a]
            review: in-review

            """.utf8)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files))
        return try #require(report.diagnostics.first { $0.rule == .schemaUnknownKey })
    }

    @Test("the schema-unknown-key message reads in Japanese, with its did-you-mean and fix-it")
    func unknownKeyInJapanese() throws {
        let d = try Self.sample()
        #expect(d.message.en == "unknown key 'titel' in manuscript; did you mean 'title'?")
        #expect(d.message.ja == "原稿にキー 'titel' は使えません。'title' の誤りではありませんか")
        #expect(d.fixIt?.message.ja == "'title' に置き換える")
        #expect(d.notes.first?.message.ja.hasPrefix("使えるキー: 'series'、'day'、'anniversary'、'title'") == true)
    }

    @Test(
        "each format gives the Japanese message and the same rule id as in English",
        arguments: DiagnosticFormat.allCases)
    func formatsInJapanese(_ format: DiagnosticFormat) throws {
        let d = try Self.sample()
        let en = DiagnosticFormatter.format([d], as: format, language: .en)
        let ja = DiagnosticFormatter.format([d], as: format, language: .ja)
        let rule = d.rule.rawValue
        switch format {
        case .text:
            #expect(en.hasPrefix("\(d.location): error: \(d.message.en) [\(rule)]\n"))
            #expect(ja.hasPrefix("\(d.location): error: \(d.message.ja) [\(rule)]\n"))
            #expect(ja.contains("fix-it: \(d.fixIt!.message.ja)"))
        case .json:
            let objects = try [en, ja].map { text in
                try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]).first
            }
            #expect(objects[0]?["rule"] as? String == rule)
            #expect(objects[1]?["rule"] as? String == rule)
            #expect(objects[0]?["message"] as? String == d.message.en)
            #expect(objects[1]?["message"] as? String == d.message.ja)
            #expect((objects[1]?["fixIt"] as? [String: Any])?["message"] as? String == d.fixIt?.message.ja)
            #expect((objects[1]?["fixIt"] as? [String: Any])?["replacement"] as? String == "title")
        case .sarif:
            let runs = try [en, ja].map { text in
                let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                return try #require((log["runs"] as? [[String: Any]])?.first)
            }
            let results = runs.map { ($0["results"] as? [[String: Any]])?.first }
            #expect(results[0]?["ruleId"] as? String == rule)
            #expect(results[1]?["ruleId"] as? String == rule)
            #expect((results[0]?["message"] as? [String: Any])?["text"] as? String == d.message.en)
            #expect((results[1]?["message"] as? [String: Any])?["text"] as? String == d.message.ja)
            #expect(runs[1]["language"] as? String == "ja")
            let rules = ((runs[1]["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
            #expect(rules?.first?["id"] as? String == rule)
            #expect((rules?.first?["shortDescription"] as? [String: Any])?["text"] as? String == d.rule.summary.ja)
        case .github:
            #expect(en.contains("title=\(rule)::\(d.message.en)\n"))
            #expect(ja.contains("title=\(rule)::\(d.message.ja)\n"))
        }
        #expect(!ja.contains(d.message.en))
    }
}
