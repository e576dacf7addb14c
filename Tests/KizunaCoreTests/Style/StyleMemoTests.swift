import Foundation
import Testing
@testable import KizunaCore

/// The style memo: a build skips the messages the last build found clean, and reports exactly what a build
/// without it reports.
@Suite struct StyleMemoTests {
    let templates: [String: String]

    init() throws {
        templates = try ContentDirectory.readTemplates(Paths.templates.path)
    }

    func keys(_ files: ContentFiles, generator: String = "test") -> BuildKeys {
        BuildKeys(files: files, templates: templates, generator: generator)
    }

    /// `kizuna build` without the printing; nil `keys`: no cache and no memo.
    func build(_ files: ContentFiles, into root: String, keys: BuildKeys?) throws -> [Diagnostic] {
        let build = ContentBuild(files: files, templates: try PreviewTemplates(sources: templates), keys: keys)
        var writer = OutputWriter(root: root)
        switch try build.run(into: &writer) {
        case .built(let result): return result.diagnostics
        case .invalid(let diagnostics): return diagnostics
        default: Issue.record("unexpected outcome"); return []
        }
    }

    func styleFindings(_ files: ContentFiles, memo: StyleMemo?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        StyleCheck(memo: memo).check(Validator().validate(files).loadedContent, into: &found)
        return found
    }

    /// The sample content with one manuscript given a doubled particle (a style warning), or with `replacement`.
    func withFinding(_ files: ContentFiles, _ replacement: String = "今日は私は顔を近づけると、") -> ContentFiles {
        var files = files
        let i = files.files.firstIndex { $0.path.hasSuffix("manuscripts/childcare/0045.yaml") }!
        let text = String(decoding: files.files[i].bytes, as: UTF8.self)
        #expect(text.contains("顔を近づけると、"))
        files.files[i].bytes = Array(text.replacingOccurrences(of: "顔を近づけると、", with: replacement).utf8)
        return files
    }

    func storedKeys(_ root: String) throws -> Int {
        let bytes = try #require(FileManager.default.contents(atPath: root + "/.kizuna-cache/.style-memo"))
        return (bytes.count - StyleMemo.header.count) / 32
    }

    /// The finding it edits in is a doubled particle, the one style rule that warns by default.
    @Test(.enabled(if: MeCabPresence.available, MeCabPresence.reason))
    func rebuildsReportWhatABuildWithoutTheMemoReports() throws {
        let root = EndToEndTests.temporaryFolder(), scratch = EndToEndTests.temporaryFolder()
        defer { for folder in [root, scratch] { try? FileManager.default.removeItem(atPath: folder) } }
        let clean = try ContentFixtures.read(Paths.content)
        #expect(try build(clean, into: root, keys: keys(clean)).isEmpty)
        let messages = try storedKeys(root)
        #expect(messages > 0)

        // The edited manuscript is checked again (its finding reported as without the memo) and not remembered.
        let edited = withFinding(clean)
        let withMemo = try build(edited, into: root, keys: keys(edited))
        let without = try build(edited, into: scratch, keys: nil)
        #expect(withMemo.map(\.rule).contains(.styleDoubledParticle))
        #expect(withMemo == without)
        #expect(try storedKeys(root) == messages - 1)

        // Built again as it is: still reported, since a message with findings is never remembered.
        #expect(try build(edited, into: root, keys: keys(edited)) == without)

        // Undone: the message is clean again and remembered again.
        #expect(try build(clean, into: root, keys: keys(clean)).isEmpty)
        #expect(try storedKeys(root) == messages)

        // A finding that is an error: nothing is written, the memo included.
        let broken = withFinding(clean, "ｶｵを近づけると、")
        let refused = try build(broken, into: root, keys: keys(broken))
        #expect(refused.contains { $0.rule == .styleHalfwidthKana && $0.severity == .error })
        #expect(refused == (try build(broken, into: scratch, keys: nil)))
        #expect(try storedKeys(root) == messages)
    }

    @Test func aRememberedMessageIsSkippedOnlyUnderTheSameSalt() throws {
        let edited = withFinding(try ContentFixtures.read(Paths.content), "ｶｵを近づけると、")
        let content = Validator().validate(edited).loadedContent
        let manuscript = try #require(
            content.manuscripts.first { $0.path.hasSuffix("manuscripts/childcare/0045.yaml") })
        let salt = keys(edited).styleSalt(edited)
        let probe = StyleMemo(salt: salt, stored: nil)
        let key = probe.key(
            prose: manuscript.sections.map(\.text), labels: [manuscript.title] + manuscript.sections.map(\.heading))
        // A memo that (wrongly, as only a damaged file could) holds the message with the finding: proof that it is
        // skipped.
        let forged = StyleMemo(salt: salt, stored: nil)
        forged.remember([key])
        #expect(
            !styleFindings(edited, memo: StyleMemo(salt: salt, stored: forged.bytes)).contains {
                $0.rule == .styleHalfwidthKana
            })
        // Another program, or other settings: another salt, and the message is checked.
        let otherSalt = keys(edited, generator: "another kizuna").styleSalt(edited)
        #expect(
            styleFindings(edited, memo: StyleMemo(salt: otherSalt, stored: forged.bytes))
                == styleFindings(edited, memo: nil))
        #expect(styleFindings(edited, memo: nil).contains { $0.rule == .styleHalfwidthKana })
    }

    @Test func theSaltCoversSettingsFilesButNotManuscripts() throws {
        let files = try ContentFixtures.read(Paths.content)
        let salt = keys(files).styleSalt(files)
        #expect(keys(withFinding(files)).styleSalt(withFinding(files)) == salt)
        var terms = files
        let i = try #require(terms.files.firstIndex { $0.path.hasSuffix("/terms.yaml") })
        terms.files[i].bytes += Array("\n".utf8)
        #expect(keys(terms).styleSalt(terms) != salt)
    }

    @Test func storedBytesRoundTripAndAnythingElseRemembersNothing() {
        let memo = StyleMemo(salt: [1, 2, 3], stored: nil)
        let texts = [LocatedText("こんにちは。", at: SourceLocation(file: "a.yaml", line: 1, column: 1))]
        let key = memo.key(prose: texts, labels: [])
        memo.remember([key])
        #expect(StyleMemo(salt: [1, 2, 3], stored: memo.bytes).isClean(key))
        #expect(!StyleMemo(salt: [1, 2, 3], stored: Array(memo.bytes.dropLast())).isClean(key))
        #expect(!StyleMemo(salt: [1, 2, 3], stored: Array("garbage".utf8)).isClean(key))
        // Prose and labels are told apart.
        #expect(memo.key(prose: [], labels: texts) != key)
    }
}
