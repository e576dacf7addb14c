import Foundation
import Testing
@testable import KizunaCore

/// The exit codes scripts depend on, through the real command: 0 success, 1 the content has errors (or a
/// refusal that is about the content), 2 usage or I/O problems.
@Suite struct ExitCodeTests {
    /// The minimal content set, with `overlay` files replacing or adding some, in a new folder's `content/`.
    static func content(_ overlay: [String: String] = [:]) throws -> URL {
        var files = try DiagnosticFixtures.minimal()
        for (path, text) in overlay { files[path] = Array(text.utf8) }
        return try KizunaCommand.write(files)
    }

    /// A manuscript of the minimal set with a misspelt key, so that validation finds an error.
    static let broken = [
        "manuscripts/childcare/0045.yaml": """
        series: childcare
        day: 45
        titel: 目と目が合うよろこび
        sections:
          - heading: 赤ちゃんのようす
            text: じっと見つめる時間が増えてきます。
        supervisors: [pediatrician-a]
        review: in-review

        """
    ]

    func run(_ arguments: [String], in folder: URL) throws -> KizunaCommand.Result {
        try KizunaCommand.run(arguments + ["--lang", "en"], in: folder)
    }

    @Test("validate: 0 for valid content, 1 for content with errors, 2 for a missing folder or an unknown option")
    func validate() throws {
        let valid = try Self.content(), broken = try Self.content(Self.broken)
        defer { for folder in [valid, broken] { try? FileManager.default.removeItem(at: folder) } }
        #expect(try run(["validate"], in: valid).status == 0)
        let errors = try run(["validate"], in: broken)
        #expect(errors.status == 1)
        #expect(errors.stdout.contains("content/manuscripts/childcare/0045.yaml:3:1: error: "), "\(errors.stdout)")
        let missing = try run(["validate", "--content", "nowhere"], in: valid)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("kizuna: error: content folder 'nowhere' does not exist"), "\(missing.stderr)")
        #expect(try run(["validate", "--no-such-option"], in: valid).status == 2)
        #expect(try run(["validate", "--format", "yaml"], in: valid).status == 2)
    }

    @Test(
        "build: 0 and output; 1 with nothing written for content errors or a refused release; 2 for an unknown edition")
    func build() throws {
        let valid = try Self.content(), broken = try Self.content(Self.broken)
        defer { for folder in [valid, broken] { try? FileManager.default.removeItem(at: folder) } }
        let templates = ["--templates", Paths.templates.path]
        let built = try run(["build", "--quiet"] + templates, in: valid)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: valid.appendingPathComponent("output/hinata/manifest.json").path))

        let refused = try run(["build"] + templates, in: broken)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nothing written"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: broken.appendingPathComponent("output").path))

        // The minimal set's shared disclaimer and footer were never approved, and every message carries them.
        let release = try run(["build", "--release", "--output", "release"] + templates, in: valid)
        #expect(release.status == 1)
        #expect(release.stderr.contains("[release-unapproved]"), "\(release.stderr)")
        #expect(!FileManager.default.fileExists(atPath: valid.appendingPathComponent("release").path))

        let unknown = try run(["build", "--edition", "nowhere"] + templates, in: valid)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no edition 'nowhere'; editions: hinata"), "\(unknown.stderr)")
        #expect(try run(["build", "--templates", "no-templates"], in: valid).status == 2)
    }

    @Test("approve: 1 for a reviewer not in the registry, and the manuscript unchanged")
    func approve() throws {
        let valid = try Self.content()
        defer { try? FileManager.default.removeItem(at: valid) }
        let path = valid.appendingPathComponent("content/manuscripts/childcare/0045.yaml")
        let before = try Data(contentsOf: path)
        let refused = try run(
            ["approve", "content/manuscripts/childcare/0045.yaml", "--reviewer", "nobody"], in: valid)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("'nobody' is not in the reviewers' registry"), "\(refused.stderr)")
        #expect(try Data(contentsOf: path) == before)
        #expect(
            try run(["approve", "content/manuscripts/childcare/0045.yaml", "--reviewer", "pediatrician-a"], in: valid)
                .status == 0)
        #expect(try Data(contentsOf: path) != before)
    }

    @Test("review --statement: the statement for one entitled to sign it; 1, naming who may, for anyone else")
    func statement() throws {
        let valid = try Self.content()
        defer { try? FileManager.default.removeItem(at: valid) }
        let file = "content/manuscripts/childcare/0045.yaml"
        let good = try run(
            ["review", "--statement", file, "--reviewer", "pediatrician-a", "--date", "2026-12-07"], in: valid)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasPrefix("kizuna-approval-v1\ntext: manuscript childcare/0045\nsha256: "))
        #expect(good.stdout.hasSuffix("\nreviewer: pediatrician-a\ndate: 2026-12-07\n"))
        let wrong = try run(["review", "--statement", file, "--reviewer", "obstetrician-a"], in: valid)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("'obstetrician-a' is not entitled"), "\(wrong.stderr)")
        #expect(wrong.stdout.isEmpty)
    }

    @Test("rules, review and timeline: 0; a malformed date or an unknown edition: 2")
    func listings() throws {
        let valid = try Self.content()
        defer { try? FileManager.default.removeItem(at: valid) }
        #expect(try run(["rules"], in: valid).status == 0)
        #expect(try run(["review"], in: valid).status == 0)
        #expect(try run(["timeline", "--edition", "hinata", "--due", "2027-04-01"], in: valid).status == 0)
        #expect(try run(["timeline", "--edition", "hinata", "--due", "2027-02-30"], in: valid).status == 2)
        #expect(
            try run(
                ["render", "--edition", "nowhere", "--series", "childcare", "--day", "45", "--nickname", "はな"],
                in: valid
            ).status == 2)
    }

    @Test("schedule: 1 when a row is malformed, and the other rows still go out")
    func schedule() throws {
        let valid = try Self.content()
        defer { try? FileManager.default.removeItem(at: valid) }
        let csv = valid.appendingPathComponent("subscribers.csv")
        try Data(
            "id,nickname,due_date,birth_date,channel\nok,はな,2027-04-01,2027-03-20,line\nbad,こわれ,2027-02-30,,line\n".utf8
        ).write(to: csv)
        let result = try run(
            ["schedule", "--edition", "hinata", "--subscribers", "subscribers.csv", "--date", "2027-05-03"], in: valid)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("subscribers.csv:3: error: row 3: due_date 2027-02-30 is not a day of the calendar"),
            "\(result.stderr)")
        #expect(result.stdout.contains(#""id":"ok""#), "\(result.stdout)")
    }
}
