import Testing
@testable import KizunaCore

/// `manifest.json`'s days are written straight into bytes; the dictionary form is the reference.
@Suite struct ManifestTests {
    @Test func everyDayIsWrittenAsItsJSONValue() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false)
        let content = try #require(report.content)
        var channels = Set<String>()
        for edition in content.editions {
            let entries = content.compiler.messages(for: edition).enumerated().map { i, message in
                // Paths and hashes with characters JSON escapes; three channels on some days, one on others.
                var files: [String: Manifest.File] = ["line": .init(path: message.linePath, sha256: "\"\\\(i)")]
                if i % 2 == 0 {
                    files["preview"] = .init(path: message.previewPath, sha256: "p\(i)")
                    files["email"] = .init(path: message.emailPath + "\n", sha256: "e\(i)")
                }
                return Manifest.Entry(message: message, files: files, lineMessages: 1 + i % 5)
            }
            channels.formUnion(entries.flatMap(\.files.keys))
            let manifest = Manifest(edition: edition, nicknameMaxLength: 20, entries: entries)
            let reference = JSONValue.array(entries.map { e in
                .object([
                    "series": .string(e.message.day.series.rawValue),
                    "day": .string(e.message.day.description),
                    "label": .string(e.message.day.label),
                    "files": .object(e.files.mapValues { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
                    "lineMessages": .int(e.lineMessages),
                    "review": .string(e.message.manuscript.state.rawValue),
                    "approved": .bool(e.message.manuscript.state == .approved),
                    "inserts": .array(e.message.inserts.map { .string($0.insert.id.value) }),
                ])
            })
            #expect(manifest.daysJSON == reference.bytes, "\(edition.id.value)")
        }
        #expect(channels == ["line", "preview", "email"])
    }
}
