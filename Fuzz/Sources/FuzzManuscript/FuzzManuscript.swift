// libFuzzer target: the input is the bytes of one manuscript file, validated with the minimal fixture content
// through the whole pipeline (size cap, encoding and BOM checks, YAML event scanner, schema, markup, style rules
// with MeCab, payload rendering for LINE's limits). Run with `scripts/fuzz.sh manuscript SECONDS`.
import Foundation
import KizunaCore

enum Fixture {
    /// Where the fuzz input goes: the minimal set's own manuscript for this day is left out.
    static let fuzzedPath = "content/manuscripts/childcare/0045.yaml"

    /// Tests/KizunaCoreTests/Fixtures/minimal, with paths as `content/…`, read once.
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let files = ContentFiles(
        root: "content", files: Fixture.minimal + [SourceFile(path: Fixture.fuzzedPath, bytes: bytes)])
    let report = Validator().validate(files, checkingPayloads: true)
    for d in report.diagnostics {
        if d.location.line < 1 || d.location.column < 1 {
            fatalError("diagnostic at \(d.location) (line and column are 1-based): \(d.rule.rawValue) \(d.message.en)")
        }
        for note in d.notes {
            if let l = note.location, l.line < 1 || l.column < 1 { fatalError("note at \(l): \(note.message.en)") }
        }
    }
    if report.content != nil, report.diagnostics.hasErrors {
        fatalError("validation returned content together with an error")
    }
    // The formatters see every message and location.
    _ = DiagnosticFormatter.format(report.diagnostics, as: .text)
    _ = DiagnosticFormatter.format(report.diagnostics, as: .sarif, language: .ja)
    return 0
}
