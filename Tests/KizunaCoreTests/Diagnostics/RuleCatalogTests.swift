import Foundation
import Testing
@testable import KizunaCore

/// The rule catalog: each rule declared in its own file, registered once in `RuleCatalog.all`, and docs/rules.md
/// written from it.
@Suite("Rule catalog")
struct RuleCatalogTests {
    @Test("every registered id is unique, kebab-case, and read back from its string; other strings are no rule")
    func ids() throws {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count, "a rule id is registered twice")
        #expect(RuleID.allCases == ids)
        for id in ids {
            #expect(id.rawValue.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) })
            #expect(RuleID(rawValue: id.rawValue) == id)
        }
        #expect(RuleID(rawValue: "no-such-rule") == nil)
        #expect(RuleID(rawValue: "Yaml-Tag") == nil)
    }

    @Test("a rule id is a JSON string, and an unregistered one does not decode")
    func codable() throws {
        let data = try JSONEncoder().encode([RuleID.yamlTag, .styleDoubledParticle])
        #expect(String(decoding: data, as: UTF8.self) == #"["yaml-tag","style-doubled-particle"]"#)
        #expect(try JSONDecoder().decode([RuleID].self, from: data) == [.yamlTag, .styleDoubledParticle])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([RuleID].self, from: Data(#"["nope"]"#.utf8)) }
    }

    /// Written out here rather than taken from the descriptions, so that a change of what style.yaml accepts fails
    /// a test (content/schemas and docs/style-rules.md document it).
    @Test("style.yaml configures the style rules, with these options")
    func styleOptions() {
        let expected: [RuleID: [String]] = [
            .styleDesuMasu: [], .styleSentenceLength: ["max"], .styleCommaCount: ["max"], .styleSentenceEnd: [],
            .styleHalfwidthKana: [], .styleFullwidthAlphanumeric: [], .styleInvisibleCharacter: [],
            .styleDuplicateSection: [], .styleTerminology: [], .styleDoubledParticle: ["min_interval"],
            .styleTitleLength: ["max"], .styleHeadingLength: ["max"], .styleInsertTitleLength: ["max"],
            .styleButtonLabelLength: ["max"],
            .styleRaNuki: [], .styleDoubleNegative: [], .styleRepeatedConjunction: [], .styleGaTwice: [],
            .styleKanjiRun: ["max", "allow"], .styleUnmatchedBracket: [], .styleRepeatedWord: [],
            .styleKangxiRadical: [], .styleJaSpacing: ["space"],
            .styleExclamationQuestion: ["allow_exclamation", "allow_question"],
        ]
        #expect(StyleConfiguration.options == expected)
    }

    @Test("the Markdown page lists every rule in the catalog's order, in both languages, with no machine's column")
    func markdown() throws {
        let lines = RuleCatalog.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "# Rules")
        #expect(RuleCatalog.markdown.contains("swift run kizuna rules --format markdown > docs/rules.md"))
        #expect(RuleCatalog.markdown.hasSuffix("\n") && !RuleCatalog.markdown.hasSuffix("\n\n"))
        let header = try #require(lines.first { $0.hasPrefix("| rule ") })
        #expect(!header.contains("runs") && !header.contains("実行"))
        let rows = lines.filter { $0.hasPrefix("| `") }
        #expect(rows.map { $0.split(separator: "`")[1] } == RuleID.allCases.map { Substring($0.rawValue) })
        for (row, rule) in zip(rows, RuleCatalog.all) {
            #expect(row.split(separator: "|", omittingEmptySubsequences: false).count == 7, "\(row)")
            #expect(row.contains(" | \(rule.defaultSeverity.rawValue) | "), "\(row)")
            let unescaped = row.replacingOccurrences(of: "\\", with: "")
            #expect(unescaped.contains(" | \(rule.summary.en) | \(rule.summary.ja) | "), "\(row)")
        }
        #expect(rows.first { $0.hasPrefix("| `style-sentence-length` ") }?.hasSuffix(" | `severity`, `max` |") == true)
        #expect(rows.first { $0.hasPrefix("| `file-encoding` ") }?.contains("Shift_JIS") == true)
        #expect(rows.first { $0.hasPrefix("| `yaml-anchor` ") }?.contains(#"(\&a) or alias (\*a)"#) == true)
    }

    @Test("kizuna rules --format markdown writes docs/rules.md, with MeCab or without")
    func markdownCommand() throws {
        let with = try KizunaCommand.run(["rules", "--format", "markdown"])
        let without = try KizunaCommand.run(
            ["rules", "--format", "markdown"], environment: ["KIZUNA_MECAB": "off", "LANG": "ja_JP.UTF-8"])
        #expect(with.status == 0 && without.status == 0)
        #expect(with.stdout == RuleCatalog.markdown)
        #expect(without.stdout == with.stdout)
        let page = try String(
            contentsOf: Paths.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(page == with.stdout, "docs/rules.md is stale: swift run kizuna rules --format markdown > docs/rules.md")
    }
}
