import Foundation
import Testing
@testable import KizunaCore

/// The cadence of DOMAIN.md and what `kizuna coverage` reports of it and of the national schedule.
@Suite struct CoverageTests {
    @Test("the cadence is DOMAIN.md's: 266 maternity days and 268 childcare days, 534 in all")
    func cadence() {
        let maternity = Cadence.days(of: .maternity), childcare = Cadence.days(of: .childcare)
        #expect(maternity.count == 266)
        #expect(maternity.first == .gestation(weeks: 4, days: 0) && maternity.last == .gestation(weeks: 41, days: 6))
        #expect(childcare.count == 268)
        #expect(maternity.count + childcare.count == 534)
        // Daily to 100, every 3 days to 365, weekly from 372, every 2 weeks from 743, then the 3rd birthday.
        #expect(Array(childcare.prefix(101).suffix(2)) == [.dayCount(100), .dayCount(101)])
        for (day, on) in [
            (100, true), (101, true), (102, false), (104, true), (365, true), (366, false), (372, true), (379, true),
            (729, true), (736, false), (743, true), (757, true), (1093, true), (1096, true),
        ] {
            #expect(Cadence.contains(.dayCount(day)) == on, "day \(day)")
        }
        #expect(childcare == childcare.sorted())
        #expect(Set(childcare).count == childcare.count)
    }

    static let sample: ContentSet = {
        let files = try! ContentDirectory.read(Paths.content.path)
        return Validator().validate(files).content!.content
    }()

    @Test("the sample: every cadence day is written or missing, and the days off it are its other manuscripts")
    func sampleSeries() throws {
        let report = CoverageReport(content: Self.sample)
        for s in report.series {
            let written = Self.sample.manuscripts.filter { $0.series == s.series }
            #expect(s.manuscriptCount == written.count)
            #expect(s.days(.covered).count + s.days(.missing).count == Cadence.days(of: s.series).count)
            #expect(Set(s.days(.covered)) == Set(written.map(\.day.value)).filter(Cadence.contains))
            let off = written.filter { !Cadence.contains($0.day.value) }
            #expect(Set(s.days(.offCadence)) == Set(off.filter { $0.anniversary == nil }.map(\.day.value)))
            #expect(Set(s.days(.birthday)) == Set(off.filter { $0.anniversary != nil }.map(\.day.value)))
        }
        let childcare = try #require(report.series.first { $0.series == .childcare })
        // The sample's 1st and 2nd birthday messages are off the grid but on the cadence; the 3rd is on day 1096.
        #expect(childcare.days(.birthday) == [.dayCount(366), .dayCount(731)])
        #expect(childcare.days(.offCadence).contains(.dayCount(121)))
    }

    @Test("the sample's editions: what their inserts name and reach is covered, BCG is missing in both")
    func sampleEditions() throws {
        let report = CoverageReport(content: Self.sample)
        #expect(report.editions.map(\.id) == ["minamikawa", "sakuragaoka"])
        for edition in report.editions {
            let states = Dictionary(uniqueKeysWithValues: edition.entries.map { ($0.entry.id.value, $0.state) })
            #expect(states["vaccine-bcg"] == .missing)
            #expect(states["vaccine-rota"] == .covered)
            #expect(states["checkup-3year"] == .announced)
            #expect(states["vaccine-je"] == .afterSeriesEnd)
            #expect(
                edition.entries.allSatisfy {
                    $0.state == .missing || $0.state == .afterSeriesEnd || !$0.inserts.isEmpty
                })
        }
        let text = report.text(.en)
        #expect(text.contains("BCG（生後5〜7か月）: no insert"))
        #expect(report.text(.ja).contains("案内なし"))
    }

    /// One edition of the sample with one insert of `window` naming `entry`.
    func state(of entry: String, window: String) throws -> CoverageReport.EntryState {
        var files = try ContentDirectory.read(Paths.content.path)
        files.files.append(
            SourceFile(
                path: files.root + "/inserts/sakuragaoka-probe.yaml",
                bytes: Array(
                    """
                    id: sakuragaoka-probe
                    title: 予防接種のお知らせ
                    text: 予防接種のお知らせです。
                    window:
                      \(window)
                    covers: [\(entry)]

                    """.utf8)))
        let content = try #require(Validator().validate(files).content).content
        var edition = try #require(content.editions.first { $0.id.value == "sakuragaoka" })
        edition.inserts = [LocatedText("sakuragaoka-probe", at: edition.location)]
        let report = CoverageReport(content: content, edition: edition)
        return try #require(report.editions.first?.entries.first { $0.entry.id.value == entry }).state
    }

    @Test("an insert covers an entry only when it reaches a reader within the entry's period on a manuscript's day")
    func windows() throws {
        #expect(try state(of: "vaccine-5in1", window: "months: {from: 1, to: 1}") == .missing)
        #expect(try state(of: "vaccine-5in1", window: "months: {from: 2, to: 2}") == .covered)
        #expect(try state(of: "vaccine-bcg", window: "months: {from: 5, to: 6}") == .covered)
        // ロタ's first dose is due by 出生14週6日後 (day 105): the sample has day 100, not later days in month 3.
        #expect(try state(of: "vaccine-rota", window: "days: {from: 95, to: 105}") == .covered)
        #expect(try state(of: "vaccine-rota", window: "days: {from: 106, to: 130}") == .missing)
        // After the series end: announced when the insert is sent at all.
        #expect(try state(of: "vaccine-je", window: "months: {from: 35, to: 35}") == .announced)
        #expect(try state(of: "vaccine-je", window: "weeks: {from: 20, to: 20}") == .afterSeriesEnd)
    }

    @Test("the json report has sorted keys and the days as written in YAML")
    func json() throws {
        let report = CoverageReport(content: Self.sample)
        let text = String(decoding: report.json.bytes, as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["editions", "reference", "series"])
        let series = try #require(object["series"] as? [[String: Any]])
        let maternity = try #require(series.first)
        #expect(maternity["series"] as? String == "maternity")
        #expect((maternity["missing"] as? [String])?.first == "4w1d")
    }

    @Test("the coverage page marks every day and entry in words, escaped, with no script")
    func page() throws {
        let edition = try #require(Self.sample.editions.first { $0.id.value == "sakuragaoka" })
        let report = CoverageReport(content: Self.sample, edition: edition)
        let page = String(
            decoding: PreviewRenderer(templates: try .repository(), reviewers: Self.sample.reviewers)
                .coveragePageBytes(report, editionName: edition.name.value), as: UTF8.self)
        #expect(page.contains("<li class=\"missing\">101日目 なし</li>"))
        #expect(page.contains("<li class=\"off-cadence\">121日目 枠外</li>"))
        #expect(page.contains("<li class=\"birthday\">366日目 誕生日</li>"))
        #expect(page.contains("<span class=\"status missing\">案内なし</span>"))
        #expect(page.contains("Content-Security-Policy"))
        #expect(!page.contains("<script"))
        // Text colours of AA contrast on white: no light grey of the page's own.
        let template = try String(
            contentsOf: Paths.templates.appendingPathComponent("coverage.mustache"), encoding: .utf8)
        #expect(!template.contains("#888") && !template.contains("#999") && !template.contains("#aaa"))
    }
}
