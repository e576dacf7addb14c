import Foundation
import Testing
@testable import KizunaCore

/// MeCab is optional: loaded at run time where installed, and `KIZUNA_MECAB=off` (`MeCabSetting.off`) behaves as
/// if it were not. These tests run on every machine; those that need MeCab say so.
@Suite struct MeCabTests {
    /// `files` as the command line reads them with `KIZUNA_MECAB=off`.
    static func off(_ files: ContentFiles) -> ContentFiles {
        var files = files
        files.mecab = .off
        return files
    }

    /// The contents the comparison runs on: the sample content, and every style fixture on the minimal set.
    static let contents: [String] = ["content"] + DiagnosticFixtures.names.filter { $0.hasPrefix("style-") }

    static func files(_ name: String) throws -> ContentFiles {
        name == "content" ? try ContentFixtures.read(Paths.content) : try DiagnosticFixtures.load(name).content
    }

    @Test("KIZUNA_MECAB=off (or 0, no, false) turns MeCab off; unset or anything else uses it where installed")
    func settingFromTheEnvironment() {
        for value in ["off", "OFF", "0", "no", "false"] {
            #expect(MeCabSetting(environment: ["KIZUNA_MECAB": value]) == .off, "\(value)")
        }
        for environment in [[:], ["KIZUNA_MECAB": ""], ["KIZUNA_MECAB": "on"], ["KIZUNA_MECAB": "auto"]] {
            #expect(MeCabSetting(environment: environment) == .automatic, "\(environment)")
        }
    }

    @Test("off is absent whatever is installed, and only the rules that read words need MeCab")
    func offIsAbsent() {
        #expect(MeCab.status(.off) == .absent(.turnedOff))
        #expect(MeCab.rules == [.styleDoubledParticle, .styleRaNuki, .styleGaTwice])
        #expect(RuleID.allCases.filter(\.needsMeCab) == MeCab.rules)
    }

    @Test("the style memo's salt tells 'no analyser' from a dictionary")
    func stampTellsNoAnalyserFromADictionary() {
        #expect(MeCab.stamp(.off) == "no analyser: off")
        #expect(MeCab.stamp(.off) != MeCab.stamp(.automatic))
        if MeCabPresence.installed {
            #expect(MeCab.stamp(.automatic).hasPrefix("mecab "))
        } else {
            #expect(MeCab.stamp(.automatic) == "no analyser: missing")
        }
    }

    /// `.ci/run` installs MeCab and sets KIZUNA_EXPECT_MECAB=1: there, the tests that need MeCab must not be skipped.
    @Test("where CI installed MeCab, MeCab is found")
    func foundWhereInstalled() {
        guard ProcessInfo.processInfo.environment["KIZUNA_EXPECT_MECAB"] == "1" else { return }
        #expect(MeCabPresence.installed, "KIZUNA_EXPECT_MECAB=1 but MeCab is not found: \(MeCab.status(.automatic))")
    }

    @Test("without MeCab the rules that read words are named as skipped, unless style.yaml turns them off")
    func skippedRules() throws {
        let minimal = try DiagnosticFixtures.minimal()
        let skipped = try #require(MeCab.skippedRules(Self.off(DiagnosticFixtures.contentFiles(minimal))))
        #expect(skipped.rules == [.styleDoubledParticle, .styleRaNuki, .styleGaTwice])
        #expect(skipped.why == .turnedOff)

        var quiet = minimal
        quiet["style.yaml"] = Array(
            "rules:\n  style-doubled-particle: {severity: off}\n  style-ra-nuki: {severity: off}\n"
                .appending("  style-ga-twice: {severity: off}\n").utf8)
        var one = minimal
        one["style.yaml"] = Array("rules:\n  style-doubled-particle: {severity: off}\n".utf8)
        #expect(
            MeCab.skippedRules(Self.off(DiagnosticFixtures.contentFiles(one)))?.rules == [.styleRaNuki, .styleGaTwice])
        #expect(MeCab.skippedRules(Self.off(DiagnosticFixtures.contentFiles(quiet))) == nil)

        var automatic = DiagnosticFixtures.contentFiles(minimal)
        automatic.mecab = .automatic
        if MeCabPresence.installed {
            #expect(MeCab.skippedRules(automatic) == nil)
        } else {
            #expect(MeCab.skippedRules(automatic)?.rules == [.styleDoubledParticle, .styleRaNuki, .styleGaTwice])
        }
    }

    @Test("the note names the skipped rules, why, and how to install MeCab, in English and Japanese")
    func note() {
        let missing = MeCab.Skipped(
            rules: [.styleDoubledParticle], why: .missing(reason: "libmecab.so.2: cannot open shared object file"))
        #expect(
            missing.note.en
                == "kizuna: note: MeCab is not available (libmecab.so.2: cannot open shared object file), "
                + "so style-doubled-particle was not checked; to check it, install MeCab: "
                + "apt-get install libmecab2 mecab-ipadic-utf8 (Debian, Ubuntu) "
                + "or brew install mecab mecab-ipadic (macOS)"
        )
        #expect(
            missing.note.ja
                == "kizuna: note: MeCab が使えない（libmecab.so.2: cannot open shared object file）ため、"
                + "style-doubled-particle は検査していません。検査するには、MeCab を入れてください: "
                + "apt-get install libmecab2 mecab-ipadic-utf8（Debian・Ubuntu）、brew install mecab mecab-ipadic（macOS）。"
        )
        let several = MeCab.Skipped(rules: [.styleDoubledParticle, .styleRaNuki], why: .turnedOff)
        #expect(
            several.note.en
                == "kizuna: note: MeCab is turned off (KIZUNA_MECAB=off), so style-doubled-particle, style-ra-nuki "
                + "were not checked; to check them, unset KIZUNA_MECAB"
        )
        let off = MeCab.Skipped(rules: [.styleDoubledParticle], why: .turnedOff)
        #expect(
            off.note.en
                == "kizuna: note: MeCab is turned off (KIZUNA_MECAB=off), so style-doubled-particle was not checked; "
                + "to check it, unset KIZUNA_MECAB"
        )
        #expect(
            off.note.ja
                == "kizuna: note: MeCab を使わない設定（KIZUNA_MECAB=off）のため、style-doubled-particle は検査していません。"
                + "検査するには、KIZUNA_MECAB を外してください。"
        )
        for text in [missing.note, off.note] {
            #expect(!text.en.contains("\n") && !text.ja.contains("\n"))
        }
    }

    @Test(
        "without MeCab, validation reports what it reports with MeCab minus the skipped rules' findings",
        arguments: contents)
    func sameFindingsMinusTheSkippedRules(_ name: String) throws {
        let files = try Self.files(name)
        let with = Validator().validate(files).diagnostics
        let without = Validator().validate(Self.off(files)).diagnostics
        #expect(without == with.filter { !$0.rule.needsMeCab })
        #expect(!without.contains { $0.rule.needsMeCab })
        // Edition by edition (what `kizuna validate` runs) gives the same.
        #expect(EditionStream.validate(Self.off(files)) == without)
        if name == "style-doubled-particle", MeCabPresence.available {
            #expect(
                with.contains { $0.rule == .styleDoubledParticle },
                "the comparison must not be empty where MeCab is present")
        }
    }

    @Test(
        "a style memo made without MeCab never hides a finding once MeCab is there",
        .enabled(if: MeCabPresence.available, MeCabPresence.reason))
    func memoWithoutMeCabHidesNothing() throws {
        let root = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let templates = try ContentDirectory.readTemplates(Paths.templates.path)
        let files = ContentFixtures.replacing(
            "manuscripts/childcare/0045.yaml", in: try ContentFixtures.read(Paths.content),
            with:
                String(
                    decoding: try #require(
                        FileManager.default.contents(
                            atPath: Paths.content.appendingPathComponent("manuscripts/childcare/0045.yaml").path)),
                    as: UTF8.self
                )
                .replacingOccurrences(of: "顔を近づけると、", with: "今日は私は顔を近づけると、"))
        func build(_ files: ContentFiles) throws -> [Diagnostic] {
            let keys = BuildKeys(files: files, templates: templates, generator: "test")
            var writer = OutputWriter(root: root)
            guard
                case .built(let result) = try ContentBuild(
                    files: files, templates: try PreviewTemplates(sources: templates), keys: keys
                )
                .run(into: &writer)
            else { Issue.record("the build did not complete"); return [] }
            return result.diagnostics
        }
        // Without MeCab the message has no style finding, and the memo remembers it as clean (its edit leaves only
        // its approval stale).
        // The sample's English and Vietnamese translations of the day are stale too.
        #expect(try build(Self.off(files)).map(\.rule) == [.approvalStale, .translationStale, .translationStale])
        // With MeCab the same message is checked again: the salt differs.
        #expect(
            try build(files).map(\.rule).sorted { $0.rawValue < $1.rawValue } == [
                .approvalStale, .styleDoubledParticle, .translationStale, .translationStale,
            ])
    }
}
