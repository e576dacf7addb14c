import Foundation
import Testing
@testable import KizunaCore

/// Issue 27, item 4: the rows of its table about consistency, each through the real command with its new output.
@Suite struct ConsistencyCommandLineTests {
    static let manuscript = "manuscripts/childcare/0045.yaml"

    /// The minimal set's day-45 manuscript with its `supervisors:` line replaced (nil: removed).
    static func manuscript(supervisors line: String?) throws -> String {
        let files = try DiagnosticFixtures.minimal()
        let text = String(decoding: try #require(files[manuscript]), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { row in
            row.hasPrefix("supervisors:") ? line : String(row)
        }.joined(separator: "\n")
    }

    func run(_ arguments: [String], in folder: URL, lang: String = "en") throws -> KizunaCommand.Result {
        try KizunaCommand.run(arguments + ["--lang", lang], in: folder)
    }

    @Test("Left out the supervisors: one error at the manuscript, not a second finding at the review: value")
    func supervisorsAbsent() throws {
        let folder = try ExitCodeTests.content([Self.manuscript: try Self.manuscript(supervisors: nil)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let en = try run(["validate"], in: folder)
        #expect(en.status == 1)
        #expect(
            en.stdout
                == "content/manuscripts/childcare/0045.yaml:1:1: error: manuscript has no 'supervisors' "
                + "[schema-missing-key]\n")
        #expect(en.stderr == "1 error, 0 warnings in 8 files\n")
        let ja = try run(["validate"], in: folder, lang: "ja")
        #expect(
            ja.stdout
                == "content/manuscripts/childcare/0045.yaml:1:1: error: 原稿に 'supervisors' がありません [schema-missing-key]\n"
        )
    }

    @Test("An empty supervisors value: one warning at that value", arguments: ["supervisors: []", "supervisors:"])
    func supervisorsEmpty(_ line: String) throws {
        let folder = try ExitCodeTests.content([Self.manuscript: try Self.manuscript(supervisors: line)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let en = try run(["validate"], in: folder)
        #expect(en.status == 0)
        #expect(
            en.stdout
                == "content/manuscripts/childcare/0045.yaml:14:\(line.count + (line.hasSuffix("]") ? -1 : 1)): "
                + "warning: no supervisor vouches for this manuscript; name them by their ids in reviewers.yaml, "
                + "e.g. `supervisors: [pediatrician-a]` [supervisor-missing]\n")
        #expect(en.stderr == "0 errors, 1 warning in 8 files\n")
        let ja = try run(["validate"], in: folder, lang: "ja")
        #expect(
            ja.stdout.contains(
                "warning: この原稿には監修者がいません。reviewers.yaml に登録した監修者を `supervisors: [pediatrician-a]` のように書いてください"))
    }

    @Test("review: in-review is listed as in-review (監修中), and awaits review")
    func inReview() throws {
        let folder = try ExitCodeTests.content()
        defer { try? FileManager.default.removeItem(at: folder) }
        let review = try run(["review", "--today", "2026-06-01"], in: folder)
        #expect(review.status == 0)
        #expect(
            review.stdout.contains(
                "content/manuscripts/childcare/0045.yaml\t生まれて45日目\tin-review\t-\t-\tmissing: pediatrician-a\n"),
            "\(review.stdout)")
        #expect(
            review.stdout.hasSuffix(
                "0 approved, 0 partially-approved, 0 stale, 0 not-entitled, 0 unverified, 0 draft, 3 in-review, "
                    + "4 never-reviewed; 0 due for re-review\n"))
        let json = try run(["review", "--format", "json"], in: folder)
        #expect(json.stdout.contains(#""state":"in-review","subject":"manuscript childcare/0045""#), "\(json.stdout)")
        #expect(ReviewState.inReview.displayName == "監修中")
        #expect(ReviewState.inReview.awaitsReview)
    }

    @Test("review --awaiting keeps only the texts not approved as written")
    func awaiting() throws {
        let all = try KizunaCommand.run(["review", "--today", "2026-06-01"])
        let awaiting = try KizunaCommand.run(["review", "--awaiting", "--today", "2026-06-01"])
        #expect(awaiting.status == 0)
        let rows = awaiting.stdout.split(separator: "\n").dropLast().map(String.init)
        #expect(
            rows.map { $0.split(separator: "\t")[2] } == ["draft", "in-review", "draft", "in-review", "draft"],
            "\(awaiting.stdout)")
        #expect(rows.allSatisfy { all.stdout.contains($0 + "\n") })
        #expect(awaiting.stdout.hasSuffix("3 draft, 2 in-review, 0 never-reviewed; 0 due for re-review\n"))
    }

    @Test("A misspelt reviewer or insert id gets a did-you-mean and a fix-it")
    func reviewerDidYouMean() throws {
        let editions = try DiagnosticFixtures.minimal()
        let edition = String(decoding: try #require(editions["editions/hinata.yaml"]), as: UTF8.self)
            .replacingOccurrences(of: "  - hinata-parents-class", with: "  - hinata-parent-class")
        let folder = try ExitCodeTests.content([
            Self.manuscript: try Self.manuscript(supervisors: "supervisors: [pediatrican-a, 小児科医A]"),
            "editions/hinata.yaml": edition,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let en = try run(["validate"], in: folder)
        #expect(en.status == 1)
        #expect(
            en.stdout == """
                content/editions/hinata.yaml:20:5: error: there is no insert 'hinata-parent-class' in inserts/; \
                did you mean 'hinata-parents-class'? [edition-insert-unknown]
                    fix-it: replace with 'hinata-parents-class'
                content/manuscripts/childcare/0045.yaml:14:15: error: 'pediatrican-a' is not in the reviewers' \
                registry (reviewers.yaml); did you mean 'pediatrician-a'? [reviewer-unknown]
                    fix-it: replace with 'pediatrician-a'
                content/manuscripts/childcare/0045.yaml:14:30: error: '小児科医A' is not in the reviewers' registry \
                (reviewers.yaml); did you mean 'pediatrician-a'? [reviewer-unknown]
                    fix-it: replace with 'pediatrician-a'

                """, "\(en.stdout)")
        let ja = try run(["validate"], in: folder, lang: "ja")
        #expect(
            ja.stdout.contains(
                "error: 監修者 'pediatrican-a' は監修者名簿（reviewers.yaml）に登録されていません。'pediatrician-a' の誤りではありませんか"))
    }

    @Test("A misspelt approver in approvals by: a did-you-mean with a fix-it that can be spliced")
    func approverDidYouMean() throws {
        var files = try DiagnosticFixtures.minimal()
        let text = String(decoding: try #require(files[Self.manuscript]), as: UTF8.self)
        files[Self.manuscript] = Array(
            (text + """
                approvals:
                  - by: pediatrician-b
                    date: 2026-04-01
                    sha256: 0000000000000000000000000000000000000000000000000000000000000000

                """).utf8)
        let report = Validator().validate(DiagnosticFixtures.contentFiles(files), checkingPayloads: false)
        let found = report.diagnostics.filter { $0.rule == .reviewerUnknown }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.message.en.hasSuffix("did you mean 'pediatrician-a'?"), "\(d.message.en)")
        let fixIt = try #require(d.fixIt)
        #expect(fixIt.replacement == "pediatrician-a")
        #expect(fixIt.span?.original == "pediatrician-b")
        #expect(fixIt.start.column == 9 && fixIt.end.column == 23)
    }

    @Test("validate FILE reports only that file's findings, checked with the whole content")
    func validateFiles() throws {
        let broken = try ExitCodeTests.content(ExitCodeTests.broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        // The misspelt key is in childcare/0045.yaml; another file reports nothing and exits 0.
        let other = try run(["validate", "content/manuscripts/maternity/16w0d.yaml"], in: broken)
        #expect(other.status == 0, "\(other.stdout)\(other.stderr)")
        #expect(other.stdout.isEmpty)
        #expect(other.stderr == "0 errors, 0 warnings in 1 file\n")
        for path in ["content/manuscripts/childcare/0045.yaml", "manuscripts/childcare/0045.yaml", "manuscripts"] {
            let named = try run(["validate", path], in: broken)
            #expect(named.status == 1, "\(path)")
            #expect(named.stdout.hasPrefix("content/manuscripts/childcare/0045.yaml:3:1: error: "), "\(named.stdout)")
        }
        #expect(try run(["validate", "manuscripts"], in: broken).stderr == "1 error, 0 warnings in 3 files\n")
        // A reference is checked against the whole content: the edition names inserts of other files.
        let edition = try run(["validate", "editions/hinata.yaml", "--format", "json"], in: broken)
        #expect(edition.status == 0 && edition.stdout == "[]\n", "\(edition.stdout)")
        let nowhere = try run(["validate", "nowhere.yaml"], in: broken)
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr == "kizuna: error: nowhere.yaml: no content file under content/ matches\n")
    }

    @Test("render --channel email prints the .eml; --pretty indents the LINE JSON to the same value")
    func render() throws {
        let day = ["render", "--edition", "minamikawa", "--series", "childcare", "--day", "45", "--nickname", "はな"]
        let compact = try KizunaCommand.run(day)
        let pretty = try KizunaCommand.run(day + ["--pretty"])
        #expect(compact.status == 0 && pretty.status == 0)
        #expect(pretty.stdout.hasPrefix("{\n  \"messages\": [\n    {\n"))
        let a = try JSONSerialization.jsonObject(with: Data(compact.stdout.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty.stdout.utf8)) as? NSDictionary
        #expect(a != nil && a == b)
        let email = try KizunaCommand.run(day + ["--channel", "email"])
        #expect(email.status == 0)
        #expect(email.stdout.hasPrefix("MIME-Version: 1.0\r\n"))
        #expect(email.stdout.contains("X-Kizuna-Day: childcare/45\r\n"))
        #expect(!email.stdout.contains("{nickname}"))
        let lineOnly = try KizunaCommand.run(
            [
                "render", "--edition", "sakuragaoka", "--series", "childcare", "--day", "45", "--nickname", "はな",
                "--channel", "email",
            ])
        #expect(lineOnly.status == 1)
        #expect(lineOnly.stderr == "kizuna: error: edition 'sakuragaoka' does not send by email; its channels: line\n")
        #expect(try KizunaCommand.run(day + ["--channel", "email", "--pretty"]).status == 2)
    }

    @Test("schedule --help says a missing birth date means still pregnant, and names status and ended_on")
    func scheduleHelp() throws {
        let help = try KizunaCommand.run(["schedule", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(help.contains("birth_date may be empty (the reader is then still pregnant"))
        #expect(help.contains("the due date never stands in for it"))
        #expect(help.contains("status (active or ended"))
        #expect(help.contains("ended_on"))
        let timeline = try KizunaCommand.run(["timeline", "--help"]).stdout
        #expect(timeline.replacingOccurrences(of: "\n", with: " ").contains("default the due date"))
    }

    @Test("One error is '1 error', in every summary")
    func plurals() throws {
        let broken = try ExitCodeTests.content(ExitCodeTests.broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try run(["validate"], in: broken).stderr == "1 error, 0 warnings in 8 files\n")
        #expect(try run(["validate"], in: broken, lang: "ja").stderr == "8ファイル中 エラー1件、警告0件\n")
        #expect(English.count(1, "error") == "1 error")
        #expect(English.count(0, "error") == "0 errors")
        #expect(English.count(2, "entry", plural: "entries") == "2 entries")
        let valid = try ExitCodeTests.content()
        defer { try? FileManager.default.removeItem(at: valid) }
        try Data("id,nickname,due_date,birth_date,channel\nr1,はな,2026-13-01,,line\n".utf8).write(
            to: valid.appendingPathComponent("readers.csv"))
        let schedule = try run(
            ["schedule", "--edition", "hinata", "--subscribers", "readers.csv", "--date", "2026-06-01"], in: valid)
        #expect(schedule.status == 1)
        #expect(schedule.stderr.contains(", 0 ended, 1 error in 1 row ("), "\(schedule.stderr)")
    }
}
