import Foundation
import Testing
@testable import KizunaCore

/// `kizuna build` and the おめでとうカード's PDF: printed by headless Chromium where it is found, byte-identical from
/// one build to the next; without Chromium the build still succeeds, writes the card's page and says so once.
@Suite struct CardCommandLineTests {
    /// Chromium as `build` finds it; `.ci/run` installs it and sets KIZUNA_EXPECT_CHROMIUM=1, so that there the PDF
    /// test is never skipped.
    static let chromium: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    @Test func chromiumIsThereWhereCIExpectsIt() {
        guard ProcessInfo.processInfo.environment["KIZUNA_EXPECT_CHROMIUM"] == "1" else { return }
        #expect(Self.chromium != nil, "KIZUNA_EXPECT_CHROMIUM=1 but no chromium on the PATH")
    }

    static func notes(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("kizuna: note: ") && $0.contains("おめでとうカード") }
    }

    @Test func withoutChromiumTheCardIsItsPageAndTheBuildSaysSoOnce() throws {
        let output = EndToEndTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try KizunaCommand.run(
            ["build", "--output", output], environment: ["KIZUNA_CHROMIUM": "/nonexistent/chromium"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            Self.notes(run.stderr) == [
                "kizuna: note: no Chromium found (KIZUNA_CHROMIUM, or chromium on PATH): the おめでとうカード of "
                    + "minamikawa, sakuragaoka written as HTML only, without card.pdf"
            ], "\(run.stderr)")
        for edition in ["sakuragaoka", "minamikawa"] {
            #expect(FileManager.default.fileExists(atPath: "\(output)/\(edition)/card/index.html"))
            #expect(!FileManager.default.fileExists(atPath: "\(output)/\(edition)/card/card.pdf"))
        }
        // --no-card-pdf: no PDF on purpose, and no note.
        let skipped = try KizunaCommand.run(["build", "--output", output, "--no-card-pdf"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(Self.notes(skipped.stderr).isEmpty, "\(skipped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(output)/sakuragaoka/card/card.pdf"))
    }

    @Test(.enabled(if: chromium != nil, "no Chromium on this machine: the PDF is not printed"))
    func chromiumPrintsTwoA6PagesAndTheSameBytesTwice() throws {
        let first = EndToEndTests.temporaryFolder(), second = EndToEndTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        for output in [first, second] {
            let run = try KizunaCommand.run(["build", "--output", output, "--quiet"])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        }
        for edition in ["sakuragaoka", "minamikawa"] {
            let path = "\(edition)/card/card.pdf"
            let pdf = try #require(FileManager.default.contents(atPath: "\(first)/\(path)"), "no \(path)")
            #expect(pdf.starts(with: Array("%PDF-".utf8)))
            let text = String(decoding: pdf, as: UTF8.self)
            // Two pages, each A6: 105 × 148 mm is 297.64 × 419.53 pt.
            let pages = text.matches(of: /\/Type \/Page(?![s])/).count
            #expect(pages == 2, "\(edition): \(pages) pages")
            // Chromium sizes pages in whole CSS pixels: within 1 pt (0.35 mm) of A6.
            let boxes = text.matches(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/).map {
                (Double($0.1) ?? 0, Double($0.2) ?? 0)
            }
            #expect(boxes.count == 2, "\(edition): \(boxes)")
            for (width, height) in boxes {
                #expect(abs(width - 105 / 25.4 * 72) < 1 && abs(height - 148 / 25.4 * 72) < 1, "\(edition): not A6")
            }
            #expect(text.contains("/CreationDate (D:20000101000000+00'00')"))
            #expect(FileManager.default.contents(atPath: "\(second)/\(path)") == pdf, "\(edition): two builds differ")
            let manifest = try #require(FileManager.default.contents(atPath: "\(first)/\(edition)/manifest.json"))
            #expect(String(decoding: manifest, as: UTF8.self).contains(#""pdf":{"path":"card/card.pdf"}"#))
        }
    }
}
