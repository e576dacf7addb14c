import Foundation
import Testing
@testable import KizunaCore

/// Month-age windows follow the calendar, and `schedule`, `timeline` and the calendar rule agree on every reader's
/// inserts on every date.
@Suite struct MonthAgeTests {
    static let gregorian: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The calendar rule, from Foundation's calendar rather than from `MonthAge`: the day m months after the birth,
    /// clamped to the month's last day, starts month m.
    static func anniversaries(of born: CalendarDate, upTo months: Int) -> [Int] {
        let start = gregorian.date(from: DateComponents(year: born.year, month: born.month, day: born.day))!
        return (0...months).map { m in
            let d = gregorian.dateComponents(
                [.year, .month, .day], from: gregorian.date(byAdding: .month, value: m, to: start)!)
            return CalendarDate(year: d.year!, month: d.month!, day: d.day!)!.dayNumber
        }
    }

    static let births = (CalendarDate("2027-01-01")!.dayNumber...CalendarDate("2030-12-31")!.dayNumber).map {
        CalendarDate(dayNumber: $0)
    }

    @Test func theEdgesOfTheCalendar() {
        func age(_ born: String, _ date: String) -> Int? {
            MonthAge.completed(born: CalendarDate(born)!, on: CalendarDate(date)!)
        }
        #expect(age("2027-07-01", "2027-08-31") == 1)
        #expect(age("2027-07-01", "2027-09-01") == 2)
        // 31 January: 1 month on the last day of February.
        #expect(age("2027-01-31", "2027-02-27") == 0)
        #expect(age("2027-01-31", "2027-02-28") == 1)
        #expect(age("2028-01-31", "2028-02-28") == 0)
        #expect(age("2028-01-31", "2028-02-29") == 1)
        #expect(age("2027-01-31", "2027-03-30") == 1)
        #expect(age("2027-01-31", "2027-03-31") == 2)
        // 29 February: 12 months on 28 February of a common year.
        #expect(age("2028-02-29", "2029-02-27") == 11)
        #expect(age("2028-02-29", "2029-02-28") == 12)
        #expect(age("2027-04-01", "2028-03-31") == 11)
        #expect(age("2027-04-01", "2028-04-01") == 12)
        #expect(age("2027-04-01", "2027-03-31") == nil)
    }

    /// Every birth date from 2027 to 2030 and every childcare day 1–1096: `MonthAge` is Foundation's calendar, and
    /// the day's possible month ages hold the reader's. So a window of any month 0–36 (`months: {from: m, to: m}`)
    /// applies exactly on the days the calendar gives.
    @Test func everyReaderOfEveryDayIsTheCalendarsMonthAge() {
        var checked = 0
        for born in Self.births {
            let starts = Self.anniversaries(of: born, upTo: InsertWindow.lastMonth + 1)
            var months = 0
            for n in 1...DayKey.lastDayCount {
                let date = born.dayNumber + n - 1
                while months + 1 < starts.count, starts[months + 1] <= date { months += 1 }
                let age = MonthAge.completed(born: born, on: CalendarDate(dayNumber: date))
                if age != months {
                    Issue.record("born \(born), day \(n): \(String(describing: age)), calendar \(months)")
                    return
                }
                if !MonthAge.possible(onDayCount: n).contains(months) {
                    Issue.record("day \(n): \(months) months is not among \(MonthAge.possible(onDayCount: n))")
                    return
                }
                for m in max(0, months - 1)...min(InsertWindow.lastMonth, months + 1) {
                    let window = InsertWindow.months(from: m, to: m)
                    #expect(window.applies(on: .dayCount(n), to: .months(months)) == (m == months))
                    // What every reader of the day gets is never early nor late for this one.
                    if window.applies(on: .dayCount(n), to: .anyReader) { #expect(m == months) }
                }
                checked += 1
            }
        }
        #expect(checked == Self.births.count * DayKey.lastDayCount)
    }

    /// For every reader of the sample's editions born from 2027 to 2030, on every childcare day with a message: the
    /// inserts in the payload `schedule` sends, the inserts `timeline` shows, the payload file a build writes for the
    /// reader's month age and the calendar rule are one set.
    @Test func scheduleTimelineAndTheRuleAgreeForEveryReaderOfTheSample() throws {
        let content = try #require(ScheduleTests.content)
        for edition in content.editions {
            let compiler = content.compiler
            let inserts = compiler.resolvedInserts(of: edition).map(\.insert)
            let days = compiler.manuscripts(of: edition).filter { $0.series == .childcare }
            // What `schedule` sends, per day and month age: the payload it writes for a reader of that age.
            var scheduled: [String: Set<String>] = [:]
            func sent(_ manuscript: Manuscript, born: CalendarDate, age: Int) throws -> Set<String> {
                let key = "\(manuscript.day.value)/\(age)"
                if let known = scheduled[key] { return known }
                guard case .dayCount(let n) = manuscript.day.value else { return [] }
                let date = born.adding(days: n - 1)
                let schedule = Schedule(content: content, edition: edition, date: date)
                let row = SubscriberRow(
                    row: 1, line: 2, id: "r", nickname: "ゆい", due: nil, born: born, channel: .line)
                guard case .delivered(let delivery) = schedule.outcome(for: row) else {
                    Issue.record("no delivery for \(key)")
                    return []
                }
                let json = String(decoding: delivery.json, as: UTF8.self)
                let carried = Set(
                    inserts.filter { json.contains("\"text\":\"\($0.title.value)\"") }.map(\.id.value))
                scheduled[key] = carried
                return carried
            }
            // What a build writes: a day's one message, or its variant for the reader's month age.
            let built = compiler.messages(for: edition)
            func file(_ n: Int, age: Int) -> Set<String>? {
                built.first { $0.day == .dayCount(n) && ($0.readerMonths == nil || $0.readerMonths == age) }
                    .map { Set($0.inserts.map(\.insert.id.value)) }
            }
            for born in Self.births {
                let starts = Self.anniversaries(of: born, upTo: InsertWindow.lastMonth + 1)
                let timeline = compiler.timeline(for: edition, due: born, born: born)
                let shown = Dictionary(
                    timeline.entries.map { ($0.message.day, Set($0.inserts.map(\.id.value))) },
                    uniquingKeysWith: { a, _ in a })
                for manuscript in days {
                    guard case .dayCount(let n) = manuscript.day.value else { continue }
                    let date = born.dayNumber + n - 1
                    let age = starts.lastIndex { $0 <= date }!
                    let rule = Set(
                        inserts.filter { insert in
                            switch insert.window.value {
                            case let .months(from, to): (from...to).contains(age)
                            default: insert.window.value.contains(.dayCount(n))
                            }
                        }.map(\.id.value))
                    let timelineSet = shown[.dayCount(n)] ?? []
                    let scheduleSet = try sent(manuscript, born: born, age: age)
                    if rule != timelineSet || rule != scheduleSet || file(n, age: age) != rule {
                        let sets =
                            "rule \(rule.sorted()), timeline \(timelineSet.sorted()), schedule \(scheduleSet.sorted())"
                        Issue.record("\(edition.id.value) born \(born) day \(n): \(sets)")
                        return
                    }
                }
            }
        }
    }

    /// The issue's first case: born 2027-04-01, 桜ヶ丘市's 1-year vaccination (`months: {from: 12, to: 13}`). Day 366
    /// falls on 2028-03-31, when the child is 11 months old: no output carries the insert; the first message that
    /// does is day 380 (2028-04-14), on or after the 1st birthday in every output.
    @Test func bornOnFirstAprilHearsOfTheFirstYearVaccinationAfterTheBirthday() throws {
        let content = try #require(ScheduleTests.content)
        let edition = try #require(content.edition("sakuragaoka"))
        let born = CalendarDate("2027-04-01")!
        let timeline = content.compiler.timeline(for: edition, due: born, born: born)
        let first = try #require(
            timeline.entries.first { $0.inserts.contains { $0.id.value == "sakuragaoka-1year-vaccination" } })
        #expect(first.message.day == .dayCount(380))
        #expect(first.date == CalendarDate("2028-04-14")!)
        #expect(first.date >= CalendarDate("2028-04-01")!, "on or after the 1st birthday")
        #expect(timeline.entries.first { $0.message.day == .dayCount(366) }?.date == CalendarDate("2028-03-31"))

        func scheduled(on date: String) throws -> String {
            let schedule = Schedule(content: content, edition: edition, date: CalendarDate(date)!)
            let row = SubscriberRow(row: 1, line: 2, id: "r", nickname: "ゆい", due: nil, born: born, channel: .line)
            guard case .delivered(let d) = schedule.outcome(for: row) else { return "" }
            return String(decoding: d.json, as: UTF8.self)
        }
        #expect(!(try scheduled(on: "2028-03-31")).contains("1歳になったら受ける予防接種"))
        #expect(try scheduled(on: "2028-04-14").contains("1歳になったら受ける予防接種"))
        // The day-366 payload a build writes serves every reader of day 366: it does not carry the insert, which
        // some of them (born before a 29 February) are still too young for.
        let manuscript = try #require(content.content.manuscripts.first { $0.day.value == .dayCount(366) })
        let built = content.compiler.message(edition, manuscript)
        #expect(!built.inserts.contains { $0.insert.id.value == "sakuragaoka-1year-vaccination" })
        #expect(MonthAge.possible(onDayCount: 366) == 11...12)
    }

    /// The issue's second case: born 2027-07-01, a 2-month window. The mean month (day 61, 30 August) ran ahead of the
    /// calendar (1 September): days 61 to 63 now carry the insert only for readers who have turned 2 months.
    @Test func bornOnFirstJulyHearsOfTwoMonthsOnFirstSeptember() throws {
        let born = CalendarDate("2027-07-01")!
        let window = InsertWindow.months(from: 2, to: 2)
        var first: CalendarDate?
        for n in 55...70 {
            let date = born.adding(days: n - 1)
            let age = try #require(MonthAge.completed(born: born, on: date))
            if window.applies(on: .dayCount(n), to: .months(age)) {
                first = first ?? date
            }
            // The payload for any reader of the day never carries it for someone under 2 months.
            if window.applies(on: .dayCount(n), to: .anyReader) {
                #expect(MonthAge.possible(onDayCount: n).lowerBound >= 2)
            }
        }
        #expect(first == CalendarDate("2027-09-01"))
        #expect(born.adding(days: 60) == CalendarDate("2027-08-30"), "day 61, where the mean month put 2 months")
        #expect(MonthAge.completed(born: born, on: CalendarDate("2027-08-31")!) == 1)
    }

    /// A day with variants by month age: a payload, a preview and a manifest entry per month age; each preview lists
    /// the variants side by side with the inserts each carries, and the message itself still says 「生まれて366日目」.
    @Test func aDaysVariantsAreWrittenAndShownSideBySide() throws {
        let content = try #require(ScheduleTests.content)
        let output = EditionBuilder(content: content, templates: try .repository()).build(
            try #require(content.edition("sakuragaoka")))
        func file(_ path: String) throws -> String {
            String(
                decoding: try #require(output.files.first { $0.path == "sakuragaoka/" + path }, "\(path)").bytes,
                as: UTF8.self)
        }
        #expect(!output.files.contains { $0.path == "sakuragaoka/line/childcare/0366.json" })
        #expect(!(try file("line/childcare/0366-m11.json")).contains("1歳になったら受ける予防接種"))
        #expect(try file("line/childcare/0366-m12.json").contains("1歳になったら受ける予防接種"))
        let page = try file("preview/childcare/0366-m11.html")
        #expect(page.contains("<strong>生後11か月の読者</strong>（このページ）：差し込み情報なし"))
        #expect(page.contains("<a href=\"0366-m12.html\">生後12か月の読者</a>：1歳になったら受ける予防接種"))
        #expect(page.contains("<div class=\"label\">生まれて366日目</div>"))
        let manifest = try file("manifest.json")
        #expect(manifest.contains(#""day":"366","files":{"line":{"path":"line/childcare/0366-m11.json""#))
        #expect(manifest.contains(#""lineMessages":1,"monthAge":12,"review":"approved""#))
        let index = try file("preview/index.html")
        #expect(index.contains("生まれて366日目（生後11か月の読者）") && index.contains("childcare/0366-m12.html"))
    }

    /// A generated edition with a window at every month 0–36 (`months: {from: m, to: m}`) and a message on every day
    /// within two days of any month's first days: for every reader born from 2027 to 2030, `schedule`, `timeline`, the
    /// file a build writes for the reader's month age and the calendar rule give one set.
    @Test func aWindowAtEveryMonthAgreesEverywhereForEveryReader() throws {
        var files = try ContentFixtures.read(Paths.fixtures.appendingPathComponent("golden"))
        let template = ContentFixtures.text("manuscripts/childcare/0045.yaml", in: files)
        let body = String(template[..<template.range(of: "approval:")!.lowerBound])
        let table = MonthAge.FirstDayTable.shared
        var days: Set<Int> = []
        for m in 0...InsertWindow.lastMonth {
            for n in (table.earliest[m] - 2)...(table.latest[m] + 2) where (1...DayKey.lastDayCount).contains(n) {
                days.insert(n)
            }
        }
        for n in days.sorted() {
            files = ContentFixtures.replacing(
                "manuscripts/childcare/\(DayKey.dayCount(n).fileStem).yaml", in: files,
                with: body.replacingOccurrences(of: "day: 45", with: "day: \(n)"))
        }
        var edition = """
            id: tsuki
            name: きずなメール月齢町版
            municipality: 月齢町
            series: [childcare]
            channels: [line]
            contacts:
              - id: hoken
                name: 月齢町 保健センター
                phone: 000-123-0000
            unsubscribe_url: https://example.jp/tsuki/settings
            inserts:

            """
        for m in 0...InsertWindow.lastMonth {
            let id = "tsuki-m\(m)"
            edition += "  - \(id)\n"
            files = ContentFixtures.replacing(
                "inserts/\(id).yaml", in: files,
                with: "id: \(id)\ntitle: 生後\(m)か月のお知らせ\ntext: 生後\(m)か月のお知らせです。\n"
                    + "window:\n  months: {from: \(m), to: \(m)}\n")
        }
        files = ContentFixtures.replacing("editions/tsuki.yaml", in: files, with: edition)
        // The style rules that read words have nothing to find in these generated copies.
        files.mecab = .off
        let report = Validator().validate(files, checkingPayloads: false)
        let content = try #require(
            report.content, "\(DiagnosticFormatter.text(report.diagnostics.filter { $0.severity == .error }))")
        let target = try #require(content.edition("tsuki"))
        let built = content.compiler.messages(for: target)
        var variants: [String: Set<String>] = [:]
        for message in built {
            variants["\(message.day)/\(message.readerMonths.map(String.init) ?? "*")"] = Set(
                message.inserts.map(\.insert.id.value))
        }
        let inserts = content.compiler.resolvedInserts(of: target).map(\.insert)
        let base = content.compiler.manuscripts(of: target).map { content.compiler.message(target, $0) }
        #expect(
            content.compiler.timeline(for: target, due: Self.births[0], born: Self.births[0]).entries.map(\.date)
                == ReaderTimeline(messages: base, inserts: inserts, due: Self.births[0], born: Self.births[0]).entries
                .map(\.date))
        var scheduled: [String: Set<String>] = [:]
        var checked = 0
        for born in Self.births {
            let starts = Self.anniversaries(of: born, upTo: InsertWindow.lastMonth + 1)
            // `timeline`'s own calendar, with the day messages made once rather than for every reader.
            let timeline = ReaderTimeline(messages: base, inserts: inserts, due: born, born: born)
            let shown = Dictionary(
                timeline.entries.map { ($0.message.day, Set($0.inserts.map(\.id.value))) },
                uniquingKeysWith: { a, _ in a })
            for n in days {
                let date = born.dayNumber + n - 1
                let age = starts.lastIndex { $0 <= date }!
                let rule: Set<String> = age <= InsertWindow.lastMonth ? ["tsuki-m\(age)"] : []
                let file = variants["\(n)/\(age)"] ?? variants["\(n)/*"]
                let key = "\(n)/\(age)"
                if scheduled[key] == nil {
                    let schedule = Schedule(content: content, edition: target, date: CalendarDate(dayNumber: date))
                    let row = SubscriberRow(
                        row: 1, line: 2, id: "r", nickname: "ゆい", due: nil, born: born, channel: .line)
                    guard case .delivered(let d) = schedule.outcome(for: row) else {
                        Issue.record("no delivery on day \(n)")
                        return
                    }
                    let json = String(decoding: d.json, as: UTF8.self)
                    scheduled[key] = Set(
                        (0...InsertWindow.lastMonth).filter { json.contains("\"text\":\"生後\($0)か月のお知らせ\"") }
                            .map { "tsuki-m\($0)" })
                }
                let inTimeline: Set<String> = shown[DayKey.dayCount(n)] ?? []
                if inTimeline != rule || scheduled[key] != rule || file != rule {
                    let found = "timeline \(inTimeline), schedule \(scheduled[key] ?? []), file \(file ?? [])"
                    Issue.record("born \(born) day \(n) (\(age) months): rule \(rule), \(found)")
                    return
                }
                checked += 1
            }
        }
        #expect(checked == Self.births.count * days.count)
    }
}
