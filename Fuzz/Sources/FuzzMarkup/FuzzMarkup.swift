// libFuzzer target: the input, decoded as UTF-8, is the text of a manuscript section. It goes to the inline
// markup parser twice: directly (`InlineMarkupParser.parse`), and written into a manuscript that is validated
// with the minimal fixture content, so errors are mapped back to their line and column in the YAML file.
// Run with `scripts/fuzz.sh markup SECONDS`.
import Foundation
import KizunaCore

enum Fixture {
    static let fuzzedPath = "content/manuscripts/childcare/0045.yaml"

    /// Tests/KizunaCoreTests/Fixtures/minimal, with paths as `content/…`, read once, without the fuzzed manuscript.
    static let minimal: [SourceFile] = {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = repository.appendingPathComponent("Tests/KizunaCoreTests/Fixtures/minimal").path
        guard let files = try? ContentDirectory.read(folder) else { fatalError("cannot read the fixture \(folder)") }
        return files.files.map { SourceFile(path: "content" + $0.path.dropFirst(files.root.count), bytes: $0.bytes) }
            .filter { $0.path != fuzzedPath }
    }()
}

/// A manuscript whose second section's text is `text`: a literal block (`|`) when YAML can hold the text so,
/// else a double-quoted scalar with escapes. Returns the YAML and the 1-based lines the text occupies.
func manuscript(withText text: String) -> (yaml: String, lines: ClosedRange<Int>) {
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
                quoted += "\\x" + String(s.value, radix: 16).leftPadded(2)
            } else if s.value <= 0xFFFF {
                quoted += "\\u" + String(s.value, radix: 16).leftPadded(4)
            } else {
                quoted += "\\U" + String(s.value, radix: 16).leftPadded(8)
            }
        }
    }
    return (head + " " + quoted + "\"" + tail, textLine...textLine)
}

extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)

    // 1. The parser alone: it returns rich text exactly when it reports nothing, and reports at the text.
    let origin = SourceLocation(file: "text", line: 3, column: 5)
    var direct: [Diagnostic] = []
    let rich = InlineMarkupParser.parse(LocatedText(text, at: origin), into: &direct)
    if (rich == nil) == direct.isEmpty {
        fatalError("parse returned \(rich == nil ? "nil" : "text") with \(direct.count) diagnostics")
    }
    for d in direct where d.location != origin {
        fatalError("diagnostic at \(d.location), not at the text's \(origin)")
    }

    // 2. The text in a manuscript: markup errors point into the text's lines of the file.
    let (yaml, lines) = manuscript(withText: text)
    let files = ContentFiles(
        root: "content", files: Fixture.minimal + [SourceFile(path: Fixture.fuzzedPath, text: yaml)])
    let report = Validator().validate(files, checkingPayloads: true)
    let fileLines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    for d in report.diagnostics {
        let l = d.location
        if l.line < 1 || l.column < 1 { fatalError("diagnostic at \(l): \(d.rule.rawValue) \(d.message.en)") }
        guard l.file == Fixture.fuzzedPath, d.rule == .markupSyntax || d.rule == .markupElement else { continue }
        if !lines.contains(l.line) || l.column > fileLines[l.line - 1].count + 1 {
            fatalError("\(d.rule.rawValue) at \(l), outside the text (lines \(lines)): \(d.message.en)")
        }
    }
    if report.content != nil, report.diagnostics.hasErrors {
        fatalError("validation returned content together with an error")
    }
    return 0
}
