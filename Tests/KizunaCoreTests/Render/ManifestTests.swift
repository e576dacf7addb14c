import Crypto
import Testing
@testable import KizunaCore

/// `manifest.json`'s days are written straight into bytes; the dictionary form is the reference.
@Suite struct ManifestTests {
    @Test func everyDayIsWrittenAsItsJSONValue() throws {
        let report = Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false)
        let content = try #require(report.content)
        // The channels the reference wrote, and how many days had an e-mail and how many had none.
        var channels = Set<String>()
        var mailed = 0, unmailed = 0
        for edition in content.editions {
            let messages = content.compiler.messages(for: edition)
            // Distinct hashes for every file; an e-mail on every other day; 1 to 5 LINE messages.
            let days = messages.indices.map { i in
                Manifest.DayFiles(
                    lineMessages: 1 + i % 5, line: FileHash(of: [UInt8(i % 256), 1]),
                    preview: FileHash(of: [UInt8(i % 256), 2]),
                    email: i % 2 == 0 ? FileHash(of: [UInt8(i % 256), 3]) : nil)
            }
            func manifest(_ manuscripts: [Manuscript]) -> Manifest {
                Manifest(
                    edition: edition, nicknameMaxLength: 20, messages: messages, days: days, parts: .init(manuscripts))
            }
            let reference = JSONValue.array(
                zip(messages, days).map { message, day in
                    var files: [String: JSONValue] = [
                        "line": .object(["path": .string(message.linePath), "sha256": .string(day.line.hex)]),
                        "preview": .object(["path": .string(message.previewPath), "sha256": .string(day.preview.hex)]),
                    ]
                    if let email = day.email {
                        files["email"] = .object(["path": .string(message.emailPath), "sha256": .string(email.hex)])
                        mailed += 1
                    } else {
                        unmailed += 1
                    }
                    channels.formUnion(files.keys)
                    var entry: [String: JSONValue] = [
                        "series": .string(message.day.series.rawValue),
                        "day": .string(message.day.description),
                        "label": .string(message.label),
                        "files": .object(files),
                        "lineMessages": .int(day.lineMessages),
                        "review": .string(message.manuscript.state.rawValue),
                        "approved": .bool(message.manuscript.state == .approved),
                        "inserts": .array(message.inserts.map { .string($0.insert.id.value) }),
                    ]
                    // A day's variant for readers of one month age says which.
                    if let months = message.readerMonths { entry["monthAge"] = .int(months) }
                    // A birthday message says which birthday it is sent on.
                    if let years = message.manuscript.anniversary?.value { entry["anniversary"] = .int(years) }
                    return .object(entry)
                })
            // The parts made once for every edition give the reference's bytes; a table that lacks a manuscript, or
            // holds it in another review state, is bypassed for that day.
            #expect(manifest(content.content.manuscripts).daysJSON == reference.bytes, "\(edition.id.value)")
            #expect(manifest([]).daysJSON == reference.bytes, "\(edition.id.value)")
            let otherStates = content.content.manuscripts.map { manuscript in
                var signOff = manuscript.signOff
                signOff.state = manuscript.state == .approved ? .unreviewed : .approved
                return manuscript.with(signOff: signOff)
            }
            #expect(manifest(otherStates).daysJSON == reference.bytes, "\(edition.id.value)")
        }
        #expect(channels == ["line", "preview", "email"])
        #expect(mailed > 0 && unmailed > 0)
    }
}
