import Foundation
import Testing

/// Compares bytes with a golden file under `Snapshots/`. With `KIZUNA_RECORD=1` the golden file is rewritten
/// and the test fails, so that a recording run never passes by accident.
func assertSnapshot(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Paths.snapshots.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["KIZUNA_RECORD"] == "1"
    let existing = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
    if recording || existing == nil {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) {
            Issue.record("cannot write the golden file \(url.path)", sourceLocation: sourceLocation)
        }
        Issue.record(
            "recorded snapshot \(name); run again without KIZUNA_RECORD to compare", sourceLocation: sourceLocation)
        return
    }
    if existing != bytes {
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kizuna-actual-" + name.replacingOccurrences(of: "/", with: "_"))
        let written = FileManager.default.createFile(atPath: actual.path, contents: Data(bytes))
        let see: String = written ? "; see: git diff --no-index \(url.path) \(actual.path)" : ""
        Issue.record("\(name) differs from its golden file\(see)", sourceLocation: sourceLocation)
    }
}
