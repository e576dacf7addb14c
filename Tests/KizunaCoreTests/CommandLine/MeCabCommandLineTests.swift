import Foundation
import Testing
@testable import KizunaCore

/// The `kizuna` binary built beside this test bundle, run as a user runs it.
enum KizunaCommand {
    /// The folder `swift build` puts products in: the test bundle's folder (Linux), or the one above the bundle
    /// (macOS, where the test binary sits in `KizunaPackageTests.xctest/Contents/MacOS`).
    static let binary: URL? = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kizuna")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `kizuna arguments` in `folder` with `environment` over this process's environment (locale and
    /// KIZUNA_MECAB cleared first, so that the test decides them).
    static func run(_ arguments: [String], in folder: URL = Paths.repository, environment: [String: String] = [:])
        throws -> Result
    {
        let binary = try #require(
            binary, "no kizuna binary beside \(Bundle.main.bundleURL.path): build the package first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var merged = ProcessInfo.processInfo.environment
        for key in ["KIZUNA_MECAB", "LANG", "LC_ALL", "LC_MESSAGES", "CI"] { merged[key] = nil }
        process.environment = merged.merging(environment) { $1 }
        // Output goes to files, not pipes, so that a long report never blocks the command.
        let folder = URL(fileURLWithPath: EndToEndTests.temporaryFolder())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Writes content files (as `DiagnosticFixtures` gives them) into a new folder's `content/`.
    static func write(_ files: [String: [UInt8]]) throws -> URL {
        let folder = URL(fileURLWithPath: EndToEndTests.temporaryFolder())
        for (relative, bytes) in files {
            let url = folder.appendingPathComponent("content").appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }
}

/// `KIZUNA_MECAB=off` through the real command: the path a machine without MeCab takes, tried on every machine.
@Suite struct MeCabCommandLineTests {
    /// The diagnostics of `validate --format json`, each as its JSON object.
    func diagnostics(_ json: String) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    /// Lines of stderr that are the MeCab note.
    func notes(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("kizuna: note: ") && $0.contains("MeCab") }
    }

    @Test("validate without MeCab: exit 0, one note, and the JSON of a run with MeCab minus the skipped rules")
    func validateSampleContent() throws {
        let off = try KizunaCommand.run(["validate", "--format", "json"], environment: ["KIZUNA_MECAB": "off"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(
            notes(off.stderr) == [
                """
                kizuna: note: MeCab is turned off (KIZUNA_MECAB=off), so style-doubled-particle, style-ra-nuki, \
                style-ga-twice were not checked; to check them, unset KIZUNA_MECAB
                """
            ])
        let with = try KizunaCommand.run(["validate", "--format", "json"])
        #expect(with.status == 0)
        #expect(notes(with.stderr).isEmpty == MeCabPresence.installed)
        let kept = try diagnostics(with.stdout).filter {
            ($0["rule"] as? String) != RuleID.styleDoubledParticle.rawValue
        }
        #expect(
            try JSONSerialization.data(withJSONObject: kept, options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: try diagnostics(off.stdout), options: .sortedKeys))
    }

    @Test("a doubled particle: reported with MeCab, and only it is missing without; the exit code is the same")
    func doubledParticleFixture() throws {
        let fixture = try DiagnosticFixtures.load("style-doubled-particle")
        let folder = try KizunaCommand.write(fixture.files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let off = try KizunaCommand.run(
            ["validate", "--format", "json"], in: folder, environment: ["KIZUNA_MECAB": "off"])
        let with = try KizunaCommand.run(["validate", "--format", "json"], in: folder)
        #expect(off.status == with.status)
        #expect(notes(off.stderr).count == 1)
        let found = try diagnostics(with.stdout)
        if MeCabPresence.installed {
            #expect(found.contains { ($0["rule"] as? String) == "style-doubled-particle" })
        }
        let kept = found.filter { ($0["rule"] as? String) != "style-doubled-particle" }
        #expect(
            try JSONSerialization.data(withJSONObject: kept, options: .sortedKeys)
                == JSONSerialization.data(withJSONObject: try diagnostics(off.stdout), options: .sortedKeys))
        // SARIF carries no trace of the note either: the same results as with MeCab, less the skipped rule's.
        let sarifOff = try KizunaCommand.run(
            ["validate", "--format", "sarif"], in: folder, environment: ["KIZUNA_MECAB": "off"])
        #expect(!sarifOff.stdout.contains("MeCab"))
    }

    @Test("build without MeCab writes the sample content, prints the note once, and exits 0")
    func buildSampleContent() throws {
        let output = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let off = try KizunaCommand.run(["build", "--output", output], environment: ["KIZUNA_MECAB": "off"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(notes(off.stderr).count == 1)
        #expect(FileManager.default.fileExists(atPath: output + "/sakuragaoka/preview/index.html"))
        #expect(off.stdout.contains("built"), "\(off.stdout)")
        // --quiet prints nothing but errors: not the note either.
        let quiet = try KizunaCommand.run(
            ["build", "--output", output, "--quiet"], environment: ["KIZUNA_MECAB": "off"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
    }

    @Test("the note is in Japanese under a Japanese locale")
    func japaneseNote() throws {
        let off = try KizunaCommand.run(["validate"], environment: ["KIZUNA_MECAB": "off", "LANG": "ja_JP.UTF-8"])
        #expect(off.status == 0)
        #expect(
            notes(off.stderr) == [
                """
                kizuna: note: MeCab を使わない設定（KIZUNA_MECAB=off）のため、style-doubled-particle, style-ra-nuki, \
                style-ga-twice は検査していません。\
                検査するには、KIZUNA_MECAB を外してください。
                """
            ])
    }

    @Test("no note where style.yaml turns the rules that read words off")
    func noNoteWhenTheRuleIsOff() throws {
        var files = try DiagnosticFixtures.minimal()
        files["style.yaml"] = Array(
            "rules:\n  style-doubled-particle: {severity: off}\n  style-ra-nuki: {severity: off}\n"
                .appending("  style-ga-twice: {severity: off}\n").utf8)
        let folder = try KizunaCommand.write(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let off = try KizunaCommand.run(["validate"], in: folder, environment: ["KIZUNA_MECAB": "off"])
        #expect(off.status == 0)
        #expect(notes(off.stderr).isEmpty, "\(off.stderr)")
    }

    @Test("kizuna rules says, per rule, whether it runs on this machine")
    func rules() throws {
        let off = try KizunaCommand.run(["rules"], environment: ["KIZUNA_MECAB": "off"])
        #expect(off.status == 0)
        let lines = off.stdout.split(separator: "\n")
        for rule in RuleID.allCases {
            let line = try #require(lines.first { $0.hasPrefix(rule.rawValue + " ") })
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns[2] == (rule.needsMeCab ? "no" : "yes"), "\(line)")
        }
        #expect(
            off.stdout.contains(
                "MeCab is turned off (KIZUNA_MECAB=off): style-doubled-particle, style-ra-nuki, style-ga-twice cannot run "
                    + "on this machine"))
        let with = try KizunaCommand.run(["rules"])
        let line = try #require(with.stdout.split(separator: "\n").first { $0.hasPrefix("style-doubled-particle ") })
        #expect(
            line.split(separator: " ", omittingEmptySubsequences: true)[2] == (MeCabPresence.installed ? "yes" : "no"))
    }
}
