import Foundation
import Testing
@testable import KizunaCore

/// Translations bound to the Japanese text they were made from (`translations/LANG/…`, issue 30): the sample's load
/// clean, an edit of the Japanese makes each translation of it stale, at the translation, and `TranslationStamper`
/// records the new source by changing that one value.
@Suite struct TranslationTests {
    static func sample() throws -> ContentFiles { try ContentFixtures.read(Paths.content) }

    static func findings(_ files: ContentFiles, _ rule: RuleID) -> [Diagnostic] {
        Validator().validate(files).diagnostics.filter { $0.rule == rule }
    }

    @Test func theSampleTranslationsLoadAndFollowTheirJapanese() throws {
        let report = Validator().validate(try Self.sample())
        #expect(!report.diagnostics.contains { $0.rule.rawValue.hasPrefix("translation-") })
        let translations = report.loadedContent.translations
        #expect(translations.filter { $0.language.value == "en" && $0.source.isManuscript }.count == 20)
        #expect(translations.filter { $0.language.value == "en" && !$0.source.isManuscript }.count == 13)
        #expect(translations.filter { $0.language.value == "vi" }.count == 4)
    }

    @Test func editingTheJapaneseMakesEveryTranslationOfItStaleAtTheTranslation() throws {
        var files = try Self.sample()
        let path = "manuscripts/childcare/0045.yaml"
        files = ContentFixtures.replacing(
            path, in: files,
            with: ContentFixtures.text(path, in: files).replacingOccurrences(
                of: "たくさん話しかけてあげましょう。", with: "たくさん声をかけてあげましょう。"))
        let stale = Self.findings(files, .translationStale)
        #expect(
            stale.map(\.location.description) == [
                "content/translations/en/manuscripts/childcare/0045.yaml:2:16",
                "content/translations/vi/manuscripts/childcare/0045.yaml:2:16",
            ])
        #expect(stale.allSatisfy { $0.severity == .warning })
        // Stamping records the new Japanese: only `source_sha256:` changes, and the warning is gone.
        let translation = "content/translations/en/manuscripts/childcare/0045.yaml"
        let result = TranslationStamper().stamp(files, paths: [translation])
        let stamp = try #require(result.stamps.first)
        #expect(result.refused.isEmpty)
        let before = String(decoding: stamp.original, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: stamp.stamped, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        #expect(zip(before, after).filter { $0 != $1 }.map { String($1) } == ["source_sha256: \(stamp.to)"])
        let stamped = ContentFixtures.replacing(
            "translations/en/manuscripts/childcare/0045.yaml", in: files,
            with: String(decoding: stamp.stamped, as: UTF8.self))
        #expect(
            Self.findings(stamped, .translationStale).map(\.location.file) == [
                "content/translations/vi/manuscripts/childcare/0045.yaml"
            ])
    }

    @Test func anInsertsTranslationIsReadAndCheckedWithTheInsert() throws {
        var files = try Self.sample()
        let path = "inserts/sakuragaoka-4month-checkup.yaml"
        let text = ContentFixtures.text(path, in: files)
        let edited = text.replacingOccurrences(of: "健診", with: "けんしん")
        #expect(edited != text)
        files = ContentFixtures.replacing(path, in: files, with: edited)
        #expect(
            Self.findings(files, .translationStale).map(\.location.file) == [
                "content/translations/en/inserts/sakuragaoka-4month-checkup.yaml"
            ])
    }

    @Test func aTranslationThatChangesALinkOrDropsASectionIsAnError() throws {
        var files = try Self.sample()
        let path = "translations/en/manuscripts/childcare/0045.yaml"
        let text = ContentFixtures.text(path, in: files)
        let cut = try #require(text.range(of: "  - heading: For the family"))
        let dropped = String(text[..<cut.lowerBound])
        files = ContentFixtures.replacing(path, in: files, with: dropped)
        let found = Self.findings(files, .translationStructure)
        #expect(found.map(\.location.file) == ["content/" + path])
        #expect(found.first?.message.en == "the translation has 1 sections, the Japanese 2")
    }

    @Test func aSectionTheJapaneseGainsMakesTheTranslationStaleNotAnError() throws {
        var files = try Self.sample()
        let path = "manuscripts/childcare/0100.yaml"
        let text = ContentFixtures.text(path, in: files)
        let cut = try #require(text.range(of: "supervisors:"))
        files = ContentFixtures.replacing(
            path, in: files,
            with: String(text[..<cut.lowerBound]) + "  - heading: 追加の見出し\n    text: |\n      追加の本文です。\n"
                + String(text[cut.lowerBound...]))
        let report = Validator().validate(files)
        #expect(!report.diagnostics.contains { $0.rule == .translationStructure })
        #expect(
            report.diagnostics.filter { $0.rule == .translationStale }.map(\.location.file) == [
                "content/translations/en/manuscripts/childcare/0100.yaml",
                "content/translations/vi/manuscripts/childcare/0100.yaml",
            ])
        #expect(report.content != nil, "a translation's lag does not stop a build")
    }

    @Test(arguments: [
        ("en", true), ("vi", true), ("ne", true), ("zh-Hans", true), ("pt-BR", true), ("es-419", true),
        ("fil", true), ("EN", false), ("english", false), ("zh-hans", false), ("pt-br", false), ("en-", false),
        ("", false), ("x-private", false), ("en-US-x", false),
    ])
    func languageTags(tag: String, valid: Bool) {
        #expect(TranslationRule.isLanguageTag(tag) == valid)
    }
}

extension Translation.Source {
    var isManuscript: Bool { if case .manuscript = self { true } else { false } }
}
