import Testing
@testable import KizunaCore

/// `kizuna fix`: only the replaced characters change, and only when it is safe.
@Suite struct ContentFixerTests {
    static let terms = """
        terms:
          - expected: 母子健康手帳
            patterns: [母子手帳]
            tests:
              ok: [母子健康手帳を受け取りましょう。]
              ng: [母子手帳を受け取りましょう。]

        """

    /// The golden content set (approved manuscripts) with a dictionary and one manuscript replaced.
    func content(_ manuscript: String, bytes: [UInt8]? = nil) throws -> ContentFiles {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        files = ContentFixtures.replacing("terms.yaml", in: files, with: Self.terms)
        files = ContentFixtures.replacing("manuscripts/childcare/0045.yaml", in: files, with: manuscript)
        if let bytes, let i = files.files.firstIndex(where: { $0.path == "content/manuscripts/childcare/0045.yaml" }) {
            files.files[i].bytes = bytes
        }
        return files
    }

    static let manuscript = """
        # A comment that must survive: ﾊﾝｶｸ in a comment is not text.
        day: 45
        series: childcare   # key order kept
        title: じっと見つめる目
        sections:
          - heading: 赤ちゃんのようす
            text: |
              生まれて1か月半がたちました。
              ﾐﾙｸの量は、１日に８回ほどが目安です。母子手帳に記録しましょう。
              ほ\u{3099}うし\u{200B}をかぶせましょう。

        supervisors: [pediatrician-a]
        review: draft
        sources:
          - title: 乳幼児身体発育調査（架空）
            url: https://example.jp/sources/hatsuiku

        """

    static let expected = """
        # A comment that must survive: ﾊﾝｶｸ in a comment is not text.
        day: 45
        series: childcare   # key order kept
        title: じっと見つめる目
        sections:
          - heading: 赤ちゃんのようす
            text: |
              生まれて1か月半がたちました。
              ミルクの量は、1日に8回ほどが目安です。母子健康手帳に記録しましょう。
              ぼうしをかぶせましょう。

        supervisors: [pediatrician-a]
        review: draft
        sources:
          - title: 乳幼児身体発育調査（架空）
            url: https://example.jp/sources/hatsuiku

        """

    @Test func onlyTheReplacedCharactersChange() throws {
        let result = ContentFixer().fix(try content(Self.manuscript))
        let file = try #require(result.files.first)
        #expect(result.files.count == 1)
        #expect(file.path == "content/manuscripts/childcare/0045.yaml")
        // Bytes, not Strings: String's == holds NFD and NFC text equal.
        #expect(file.fixed == Array(Self.expected.utf8))
        #expect(
            Set(file.applied.map(\.rule)) == [
                .styleHalfwidthKana, .styleFullwidthAlphanumeric, .styleTerminology, .styleInvisibleCharacter,
            ])
        #expect(file.applied.count == 6)
        #expect(result.remaining.isEmpty && result.introduced.isEmpty)
    }

    @Test func byteOrderMarkAndCRLFLineEndsAreKept() throws {
        let crlf = Self.manuscript.replacingAll("\n", with: "\r\n")
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)
        let result = ContentFixer().fix(try content(crlf, bytes: bytes))
        let fixed = try #require(result.files.first).fixed
        #expect(fixed == [0xEF, 0xBB, 0xBF] + Array(Self.expected.replacingAll("\n", with: "\r\n").utf8))
    }

    @Test func textThatCannotBeTracedToTheFileIsReportedNotGuessed() throws {
        // 手 written as an escape: the found 「母子手帳」 is not four characters of the file.
        let escaped = Self.expected.replacingAll("title: じっと見つめる目", with: #"title: "母子\u624B帳のこと""#)
        let result = ContentFixer().fix(try content(escaped))
        #expect(result.files.isEmpty)
        #expect(result.remaining.map(\.rule) == [.styleTerminology])
        #expect(result.remaining.first?.location.line == 4)
    }

    @Test func onlyTheFilesAskedForAreFixed() throws {
        let result = ContentFixer().fix(try content(Self.manuscript), only: ["content/manuscripts/childcare/0014.yaml"])
        #expect(result.files.isEmpty && result.remaining.isEmpty)
    }

    @Test func fixingApprovedTextMakesTheApprovalStale() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        files = ContentFixtures.replacing("terms.yaml", in: files, with: Self.terms)
        let path = "manuscripts/childcare/0045.yaml"
        let original = ContentFixtures.text(path, in: files)
        // Approved with the wrong term in it, as a dictionary added later would find.
        let withTerm = original.replacingAll("たくさん話しかけてあげましょう。", with: "母子手帳に記録しましょう。")
        files = ContentFixtures.replacing(path, in: files, with: withTerm)
        let approved = try ApprovalRecorder.record(
            path: "content/" + path, in: files, content: Validator().validate(files).loadedContent,
            signings: [ApprovalRecorder.Signing(reviewer: "pediatrician-a")],
            date: CalendarDate(year: 2026, month: 11, day: 25)!)
        files = ContentFixtures.replacing(path, in: files, with: String(decoding: approved.bytes, as: UTF8.self))
        let result = ContentFixer().fix(files)
        #expect(result.staleApprovals == ["content/" + path])
    }

    @Test func aDiffShowsEachChangedLineOnce() {
        let diff = UnifiedDiff.lines(
            path: "content/a.yaml", original: Array("a\nｱ\nb\n１\n２\n".utf8), fixed: Array("a\nア\nb\n1\n2\n".utf8))
        #expect(
            diff == """
                --- a/content/a.yaml
                +++ b/content/a.yaml
                @@ -2 +2 @@
                -ｱ
                +ア
                @@ -4,2 +4,2 @@
                -１
                -２
                +1
                +2

                """)
    }

    @Test func aDiffShowsAnAddedLineAsGitApplyReadsIt() {
        let diff = UnifiedDiff.lines(
            path: "content/a.yaml", original: Array("series: childcare\nday: 366\ntitle: t\n".utf8),
            fixed: Array("series: childcare\nday: 366\nanniversary: 1\ntitle: t\n".utf8))
        #expect(
            diff == """
                --- a/content/a.yaml
                +++ b/content/a.yaml
                @@ -2,0 +3 @@
                +anniversary: 1

                """)
        let removed = UnifiedDiff.lines(
            path: "content/a.yaml", original: Array("a\nb\nc\n".utf8), fixed: Array("a\nc\n".utf8))
        #expect(removed.hasSuffix("@@ -2 +1,0 @@\n-b\n"))
    }

    /// A birthday manuscript keyed by day count alone gets its `anniversary` line from `fix`, after its `day:` line;
    /// its approval stays valid (the supervised text is the same).
    @Test func fixAddsTheAnniversaryOfABirthdayMessage() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let path = "manuscripts/childcare/0366.yaml"
        let original = try #require(files.files.first { $0.path == "content/" + path }).bytes
        let without = String(decoding: original, as: UTF8.self).replacingAll("anniversary: 1\n", with: "")
        files = ContentFixtures.replacing(path, in: files, with: without)
        let warnings = Validator().validate(files).diagnostics.filter { $0.rule == .anniversaryMissing }
        #expect(warnings.map(\.location.description) == ["content/" + path + ":2:6"])
        let result = ContentFixer().fix(files)
        #expect(result.introduced.isEmpty && result.remaining.isEmpty && result.staleApprovals.isEmpty)
        #expect(result.files.map(\.fixed) == [original])
    }
}
