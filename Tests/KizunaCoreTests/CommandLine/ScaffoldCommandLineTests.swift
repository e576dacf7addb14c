import Foundation
import Testing
@testable import KizunaCore

/// `kizuna new` and `kizuna coverage` through the real command: what they write and print, and their exit codes.
@Suite struct ScaffoldCommandLineTests {
    func run(_ arguments: [String], in folder: URL, lang: String = "en") throws -> KizunaCommand.Result {
        try KizunaCommand.run(arguments + ["--lang", lang], in: folder)
    }

    @Test("new: writes the file and the next steps; never overwrites (1, file untouched); bad arguments exit 2")
    func new() throws {
        let folder = try ExitCodeTests.content()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("content/manuscripts/childcare/0200.yaml").path
        let written = try run(["new", "manuscript", "--series", "childcare", "--day", "200"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("wrote content/manuscripts/childcare/0200.yaml"))
        #expect(written.stdout.contains("kizuna validate"))
        #expect(
            written.stdout.contains("kizuna approve content/manuscripts/childcare/0200.yaml --reviewer pediatrician-a"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: before, as: UTF8.self).contains("（ここに本文）"))

        // A file already there (here one that does not load, so only the file system knows) is left as it is.
        try Data("edited by hand\n".utf8).write(to: URL(fileURLWithPath: path))
        let again = try run(["new", "manuscript", "--series", "childcare", "--day", "200"], in: folder, lang: "ja")
        #expect(again.status == 1)
        #expect(again.stderr.contains("はすでにあります。変更していません"), "\(again.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited by hand\n")
        try FileManager.default.removeItem(atPath: path)

        let unknown = try run(["new", "manuscript", "--series", "childcar", "--day", "200"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'childcare'?"), "\(unknown.stderr)")
        #expect(try run(["new", "manuscript", "--series", "childcare", "--day", "1097"], in: folder).status == 2)
        #expect(try run(["new", "edition", "Kitano", "--name", "北野町"], in: folder).status == 2)
        let edition = try run(["new", "insert", "hinata-bcg", "--edition", "hinta"], in: folder)
        #expect(edition.status == 2)
        #expect(edition.stderr.contains("did you mean 'hinata'?"), "\(edition.stderr)")
        #expect(try run(["new", "edition", "hinata", "--name", "ひなた町"], in: folder).status == 1)

        // Written files are reported only as placeholders: validate exits 1 naming scaffold-placeholder alone.
        #expect(try run(["new", "manuscript", "--series", "childcare", "--day", "200"], in: folder).status == 0)
        #expect(try run(["new", "edition", "kitano", "--name", "北野町"], in: folder).status == 0)
        #expect(try run(["new", "insert", "kitano-bcg", "--edition", "kitano"], in: folder).status == 0)
        let report = try run(["validate"], in: folder)
        #expect(report.status == 1)
        let findings = report.stdout.split(separator: "\n").filter { $0.hasPrefix("content/") }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.hasSuffix("[scaffold-placeholder]") }, "\(report.stdout)")
    }

    @Test("coverage: 0 with a report in text, json and html; 2 for an unknown edition or html of several")
    func coverage() throws {
        let folder = try ExitCodeTests.content()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try run(["coverage"], in: folder)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("childcare (子育て): 1 manuscripts; 1 of 268 cadence days written"), "\(text.stdout)")
        #expect(text.stdout.contains("missing (267): 1–44, 46–1096"), "\(text.stdout)")
        let json = try run(["coverage", "--format", "json"], in: folder)
        #expect(json.status == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) is [String: Any])
        let html = try run(["coverage", "--format", "html", "--templates", Paths.templates.path], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(html.stdout.hasPrefix("<!doctype html>"))
        let unknown = try run(["coverage", "--edition", "hinta"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'hinata'?"), "\(unknown.stderr)")
        let broken = try ExitCodeTests.content(ExitCodeTests.broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try run(["coverage"], in: broken).status == 1)
    }
}
