import Foundation
import Testing
@testable import KizunaCore

/// `kizuna new`: what it writes validates with only its placeholders reported, and it refuses what it cannot write.
@Suite struct ScaffoldTests {
    static func sample() throws -> ContentFiles { try ContentDirectory.read(Paths.content.path) }

    static func loaded(_ files: ContentFiles) -> ContentSet {
        var ignored: [Diagnostic] = []
        return ContentLoader().load(files, into: &ignored)
    }

    /// The sample with `plans` written into it, and what validation reports.
    static func validate(adding plans: [Scaffold.Plan]) throws -> [Diagnostic] {
        var files = try sample()
        for plan in plans {
            files.files.append(SourceFile(path: files.root + "/" + plan.relativePath, bytes: Array(plan.text.utf8)))
        }
        return Validator().validate(files).diagnostics
    }

    @Test("a new manuscript, edition and insert in a copy of content/ are reported only as placeholders")
    func scaffoldsValidate() throws {
        let content = Self.loaded(try Self.sample())
        let manuscript = try Scaffold.manuscript(series: "childcare", day: "200", content: content)
        #expect(manuscript.relativePath == "manuscripts/childcare/0200.yaml")
        let maternity = try Scaffold.manuscript(series: "maternity", day: "15w0d", content: content)
        #expect(maternity.relativePath == "manuscripts/maternity/15w0d.yaml")
        let edition = try Scaffold.edition(id: "kitano", municipality: "北野町", content: content)
        #expect(edition.text.contains("name: きずなメール北野町版\n"))
        let insert = try Scaffold.insert(id: "sakuragaoka-bcg", edition: "sakuragaoka", content: content)
        let diagnostics = try Self.validate(adding: [manuscript, maternity, edition, insert])
        let others = diagnostics.filter { $0.rule != .scaffoldPlaceholder }
        #expect(others.isEmpty, "\(others.map { "\($0.location): \($0.message.en) [\($0.rule.rawValue)]" })")
        let placeholders = diagnostics.filter { $0.rule == .scaffoldPlaceholder }
        #expect(placeholders.allSatisfy { $0.severity == .error })
        let root = try Self.sample().root
        let byFile = Dictionary(grouping: placeholders) { String($0.location.file.dropFirst(root.count + 1)) }
            .mapValues { $0.map(\.location.line) }
        #expect(byFile["manuscripts/childcare/0200.yaml"] == [4, 8])  // title, body
        #expect(byFile["manuscripts/maternity/15w0d.yaml"] == [4, 8])
        #expect(byFile["inserts/sakuragaoka-bcg.yaml"]?.count == 3)  // title, text, link
        #expect(byFile["editions/kitano.yaml"]?.count == 5)  // desk name, phone, hours, link, disclaimer
    }

    @Test("a new manuscript's supervisors are those named by at least half of the ten nearest manuscripts")
    func supervisors() throws {
        let content = Self.loaded(try Self.sample())
        for (series, day) in [(Series.childcare, DayKey.dayCount(200)), (.maternity, .gestation(weeks: 15, days: 0))] {
            let chosen = Scaffold.supervisors(around: day, in: content)
            #expect(!chosen.isEmpty)
            let nearest = content.manuscripts.filter { $0.series == series }.sorted {
                let (a, b) = (abs($0.day.value.ordinal - day.ordinal), abs($1.day.value.ordinal - day.ordinal))
                return a != b ? a < b : $0.day.value < $1.day.value
            }.prefix(10)
            func count(_ id: String) -> Int { nearest.count { $0.supervisors.contains { $0.value == id } } }
            let ids = Set(nearest.flatMap { $0.supervisors.map(\.value) })
            let majority = ids.filter { 2 * count($0) >= nearest.count }
            if majority.isEmpty {
                // Nobody supervises half of them: the one who supervises most.
                #expect(chosen.count == 1 && ids.allSatisfy { count($0) <= count(chosen[0]) })
            } else {
                #expect(Set(chosen) == majority)
            }
            #expect(
                chosen
                    == chosen.sorted { a, b in
                        let ca = nearest.count { $0.supervisors.contains { $0.value == a } }
                        let cb = nearest.count { $0.supervisors.contains { $0.value == b } }
                        return ca != cb ? ca > cb : a < b
                    })
            let plan = try Scaffold.manuscript(series: series.rawValue, day: day.description, content: content)
            #expect(plan.text.contains("supervisors: [\(chosen.joined(separator: ", "))]\nreview: draft\n"))
        }
    }

    func refusal(_ make: () throws(Scaffold.Refusal) -> Scaffold.Plan) -> Scaffold.Refusal? {
        do {
            _ = try make()
            return nil
        } catch {
            return error
        }
    }

    @Test("unknown series, days out of range, bad ids and unknown editions are usage errors; existing ones refused")
    func refusals() throws {
        let content = Self.loaded(try Self.sample())
        let series = refusal { () throws(Scaffold.Refusal) in
            try Scaffold.manuscript(series: "chidcare", day: "200", content: content)
        }
        #expect(series?.kind == .usage)
        #expect(series?.message.en.contains("did you mean 'childcare'?") == true)
        for (s, day) in [("childcare", "1097"), ("childcare", "0"), ("maternity", "42w0d"), ("maternity", "16w7d")] {
            let r = refusal { () throws(Scaffold.Refusal) in
                try Scaffold.manuscript(series: s, day: day, content: content)
            }
            #expect(r?.kind == .usage, "\(s) \(day)")
        }
        let exists = refusal { () throws(Scaffold.Refusal) in
            try Scaffold.manuscript(series: "childcare", day: "45", content: content)
        }
        #expect(exists?.kind == .exists)
        #expect(exists?.message.ja.contains("すでにあります") == true)
        for id in ["Kitano", "kitano_town", "-kitano", "", "review"] {
            let r = refusal { () throws(Scaffold.Refusal) in
                try Scaffold.edition(id: id, municipality: "北野町", content: content)
            }
            #expect(r?.kind == .usage, "\(id)")
        }
        let edition = refusal { () throws(Scaffold.Refusal) in
            try Scaffold.edition(id: "sakuragaoka", municipality: "桜ヶ丘市", content: content)
        }
        #expect(edition?.kind == .exists)
        let unknown = refusal { () throws(Scaffold.Refusal) in
            try Scaffold.insert(id: "x-bcg", edition: "sakuragaoka2", content: content)
        }
        #expect(unknown?.kind == .usage)
        #expect(unknown?.message.en.contains("did you mean 'sakuragaoka'?") == true)
        let insert = refusal { () throws(Scaffold.Refusal) in
            try Scaffold.insert(id: "sakuragaoka-boshi-techo", edition: "sakuragaoka", content: content)
        }
        #expect(insert?.kind == .exists)
    }

    @Test("next steps name the file, validate and who approves, in both languages")
    func nextSteps() throws {
        let content = Self.loaded(try Self.sample())
        let plan = try Scaffold.manuscript(series: "childcare", day: "200", content: content)
        let en = plan.nextSteps.map(\.en).joined(separator: "\n"), ja = plan.nextSteps.map(\.ja).joined(separator: "\n")
        #expect(en.contains("content/manuscripts/childcare/0200.yaml"))
        #expect(en.contains("kizuna validate"))
        #expect(en.contains("kizuna approve content/manuscripts/childcare/0200.yaml --reviewer"))
        #expect(ja.contains("確かめる"))
        // 200 is on the cadence (every 3 days from 101: 200 = 101 + 33 × 3); 201 is not, and the steps say so.
        #expect(!en.contains("not a cadence day"))
        let off = try Scaffold.manuscript(series: "childcare", day: "201", content: content)
        #expect(off.nextSteps.last?.en.contains("201 is not a cadence day of the series") == true)
        #expect(off.nextSteps.last?.en.contains("the nearest is 200") == true)
    }
}
