import Foundation
import KizunaCore
import Testing

/// Inputs the libFuzzer targets in Fuzz/ found (or the nastiest seeds), kept in Fixtures/fuzz. Every file goes
/// through both targets' paths, public API only, with the same invariants: Fuzz/Sources/FuzzManuscript (the bytes
/// as one manuscript file, validated with the minimal content) and Fuzz/Sources/FuzzMarkup (the bytes as a
/// section's text, parsed alone and inside a validated manuscript). See scripts/fuzz.sh.
@Suite struct FuzzRegressionTests {
    static let folder = Paths.fixtures.appendingPathComponent("fuzz")
    static let fuzzedPath = "content/manuscripts/childcare/0045.yaml"

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// The minimal content, paths as `content/…`, without the manuscript the input replaces.
    static func minimal() throws -> [SourceFile] {
        try ContentFixtures.read(Paths.fixtures.appendingPathComponent("minimal")).files.filter {
            $0.path != fuzzedPath
        }
    }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    }

    @Test func theFolderHoldsInputs() {
        #expect(Self.inputs.count >= 3)
    }

    @Test(arguments: inputs) func asManuscript(_ name: String) throws {
        let files = ContentFiles(
            root: "content", files: try Self.minimal() + [SourceFile(path: Self.fuzzedPath, bytes: try bytes(name))])
        let report = Validator().validate(files, checkingPayloads: true)
        for d in report.diagnostics {
            #expect(d.location.line >= 1 && d.location.column >= 1, "\(d.location) \(d.rule.rawValue)")
            for note in d.notes {
                if let l = note.location { #expect(l.line >= 1 && l.column >= 1, "note at \(l)") }
            }
        }
        #expect(!(report.content != nil && report.diagnostics.hasErrors))
        _ = DiagnosticFormatter.format(report.diagnostics, as: .text)
        _ = DiagnosticFormatter.format(report.diagnostics, as: .sarif, language: .ja)
    }

    @Test(arguments: inputs) func asSectionText(_ name: String) throws {
        let text = String(decoding: try bytes(name), as: UTF8.self)

        let origin = SourceLocation(file: "text", line: 3, column: 5)
        var direct: [Diagnostic] = []
        let rich = InlineMarkupParser.parse(LocatedText(text, at: origin), into: &direct)
        #expect((rich == nil) == !direct.isEmpty, "\(rich == nil ? "nil" : "text") with \(direct.count) diagnostics")
        #expect(direct.allSatisfy { $0.location == origin })

        let (yaml, lines) = Self.manuscript(withText: text)
        let files = ContentFiles(
            root: "content", files: try Self.minimal() + [SourceFile(path: Self.fuzzedPath, text: yaml)])
        let report = Validator().validate(files, checkingPayloads: true)
        let fileLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for d in report.diagnostics {
            let l = d.location
            #expect(l.line >= 1 && l.column >= 1, "\(l) \(d.rule.rawValue)")
            guard l.file == Self.fuzzedPath, d.rule == .markupSyntax || d.rule == .markupElement else { continue }
            #expect(
                lines.contains(l.line) && l.column <= fileLines[l.line - 1].count + 1,
                "\(d.rule.rawValue) at \(l), outside the text (lines \(lines)): \(d.message.en)")
        }
        #expect(!(report.content != nil && report.diagnostics.hasErrors))
    }

    /// As FuzzMarkup writes it: the text of the second section, a literal block when YAML can hold it so,
    /// else a double-quoted scalar with escapes; with the 1-based lines the text occupies.
    static func manuscript(withText text: String) -> (yaml: String, lines: ClosedRange<Int>) {
        let head = """
            series: childcare
            day: 45
            title: じっと見つめる目
            sections:
              - heading: 赤ちゃんのようす
                text: 生まれて1か月半がたちました。
              - heading: ママとパパへ
                text:
            """
        let tail = "\nsupervisors: [pediatrician-a]\nreview: in-review\n"
        let textLine = 8
        func printable(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x09, 0x0A, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                return s.value != 0x2028 && s.value != 0x2029
            default: return false
            }
        }
        func padded(_ value: UInt32, _ n: Int) -> String {
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: max(0, n - hex.count)) + hex
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let literal =
            !text.isEmpty && text.unicodeScalars.allSatisfy(printable)
            && lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
        if literal {
            let body = lines.map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
            return (head + " |\n" + body + tail, (textLine + 1)...(textLine + lines.count))
        }
        var quoted = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if printable(s) {
                    quoted.unicodeScalars.append(s)
                } else if s.value <= 0xFF {
                    quoted += "\\x" + padded(s.value, 2)
                } else if s.value <= 0xFFFF {
                    quoted += "\\u" + padded(s.value, 4)
                } else {
                    quoted += "\\U" + padded(s.value, 8)
                }
            }
        }
        return (head + " " + quoted + "\"" + tail, textLine...textLine)
    }
}
