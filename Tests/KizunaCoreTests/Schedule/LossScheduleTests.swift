import Foundation
import Testing
@testable import KizunaCore

/// Issue 26, item 4: no congratulations after a loss. A reader whose `status` is `ended` gets nothing from `ended_on`
/// on, of either series; on `ended_on` itself the edition's loss support message once; and a `status` that cannot be
/// read for sure is a row error like the others.
@Suite struct LossScheduleTests {
    static let header = "id,nickname,due_date,birth_date,channel,status,ended_on\n"

    static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

    static func edition(_ id: String = "sakuragaoka") throws -> (ValidatedContent, Edition) {
        let content = try #require(ScheduleTests.content)
        return (content, try #require(content.edition(id)))
    }

    /// One row of `header`'s columns, parsed for `edition`.
    static func row(_ line: String, edition: Edition, content: ValidatedContent) throws -> SubscriberRow {
        let csv = try SubscriberCSV(text: Self.header + line + "\n")
        let record = try #require(try csv.next())
        let rules = SubscriberRules(
            edition: edition, nicknameMaxLength: content.compiler.nicknameMaxLength(for: edition))
        return try SubscriberRow.parse(record, columns: csv.columns, rules: rules).get()
    }

    /// Every date from `first` to `last`, each with what the reader gets on it.
    static func outcomes(
        of row: SubscriberRow, from first: CalendarDate, to last: CalendarDate, content: ValidatedContent,
        edition: Edition
    ) -> [(CalendarDate, ScheduleOutcome)] {
        (first.dayNumber...last.dayNumber).map { n in
            let date = CalendarDate(dayNumber: n)
            return (date, Schedule(content: content, edition: edition, date: date).outcome(for: row))
        }
    }

    /// What goes out: the delivery's JSON, or the kind of outcome.
    static func sent(_ outcome: ScheduleOutcome) -> String {
        switch outcome {
        case .delivered(let d): String(decoding: d.json, as: UTF8.self)
        case .noMessage(let key): "no message \(key.map(\.description) ?? "-")"
        case .notStarted: "not started"
        case .finished: "finished"
        case .ended: "ended"
        case .rejected(let e): e.description
        }
    }

    /// What the issue asks of each case, checked on every date from `ended_on` to a year past the end of the series
    /// a reader with the same dates could still be reading: nothing but the support message, sent once, on
    /// `ended_on`; and the same reader, active, would have had messages from `ended_on` on (the dates are ones that
    /// matter).
    static func checkEnded(
        due: String, born: String?, endedOn: String, dayBefore: ReaderDay, onTheDay: ReaderDay
    ) throws {
        let (content, edition) = try Self.edition()
        let ended = Self.date(endedOn)
        let line = "r1,はな,\(due),\(born ?? ""),line,ended,\(endedOn)"
        let row = try Self.row(line, edition: edition, content: content)
        #expect(row.endedOn == ended)
        // The reader's day around the end, as the active reader has it.
        let active = try Self.row("r1,はな,\(due),\(born ?? ""),line,active,", edition: edition, content: content)
        #expect(active.day(on: ended.adding(days: -1)) == dayBefore)
        #expect(active.day(on: ended) == onTheDay)

        // The day before: the reader is still active, and gets what an active reader gets.
        let before = Schedule(content: content, edition: edition, date: ended.adding(days: -1))
        #expect(Self.sent(before.outcome(for: row)) == Self.sent(before.outcome(for: active)))

        // On ended_on and every date after it, to a year past the end of childcare.
        let last = Self.date(born ?? due).adding(days: DayKey.lastDayCount + 365)
        let all = Self.outcomes(of: row, from: ended, to: last, content: content, edition: edition)
        var supportDates: [CalendarDate] = []
        for (date, outcome) in all {
            switch outcome {
            case .delivered(let delivery):
                #expect(delivery.message == .lossSupport, "\(date): a day's message went out after the end")
                supportDates.append(date)
                let object = try ScheduleTests.object(delivery.json)
                #expect(object["message"] as? String == "loss-support")
                #expect(object["day"] == nil && object["label"] == nil && object["series"] == nil)
                #expect(Set(object.keys) == ["channel", "date", "id", "message", "payload"])
                let json = String(decoding: delivery.json, as: UTF8.self)
                for word in ["生まれて", "妊娠", "出産予定日", "おめでとう", "{nickname}", "はな"] {
                    #expect(!json.contains(word), "\(date): the support message holds '\(word)'")
                }
                #expect(json.hasPrefix(#"{"channel":"line","date":"\#(endedOn)","id":"r1","message":"loss-support","#))
            case .ended: continue
            default: Issue.record("\(date): \(outcome), expected nothing (ended)")
            }
        }
        #expect(supportDates == [ended], "the support message goes out once, on ended_on")
        // Had the reader stayed active, messages would have gone on after ended_on.
        let activeDeliveries = Self.outcomes(
            of: active, from: ended.adding(days: 1), to: last, content: content, edition: edition
        ).filter { if case .delivered = $0.1 { true } else { false } }
        #expect(activeDeliveries.count >= 5)

        // Counted as ended, on the day (with the support message among the deliveries) and after.
        for (date, delivered, support) in [(ended, 1, 1), (ended.adding(days: 1), 0, 0), (last, 0, 0)] {
            let run = try ScheduleTests.run(Self.header + line + "\n", on: date.description)
            #expect(run.errors.isEmpty)
            #expect(run.summary.rows == 1 && run.summary.ended == 1, "\(date)")
            #expect(run.summary.delivered == delivered && run.summary.lossSupport == support, "\(date)")
            #expect(run.summary.noMessage + run.summary.notStarted + run.summary.finished == 0, "\(date)")
        }
    }

    @Test func aLossAt20w0dStopsEverythingAndSendsTheSupportMessageOnce() throws {
        // Due 2027-09-01, no birth date: 20w0d is 2027-04-14 (140 days before the due date).
        try Self.checkEnded(
            due: "2027-09-01", born: nil, endedOn: "2027-04-14",
            dayBefore: .day(.gestation(weeks: 19, days: 6)), onTheDay: .day(.gestation(weeks: 20, days: 0)))
    }

    @Test func aStillbirthAtTheDueDateStopsEverythingAndSendsTheSupportMessageOnce() throws {
        // The birth date recorded as the due date: an active reader would read 「生まれて1日目」 that very day.
        try Self.checkEnded(
            due: "2027-09-01", born: "2027-09-01", endedOn: "2027-09-01",
            dayBefore: .day(.gestation(weeks: 39, days: 6)), onTheDay: .day(.dayCount(1)))
    }

    @Test func aChildsDeathAtDay200StopsEverythingAndSendsTheSupportMessageOnce() throws {
        // Born 2027-03-18: day 200 is 2027-10-03 (born + 199).
        try Self.checkEnded(
            due: "2027-03-25", born: "2027-03-18", endedOn: "2027-10-03",
            dayBefore: .day(.dayCount(199)), onTheDay: .day(.dayCount(200)))
    }

    @Test func theSupportMessageIsTheEditionsOwnByEmailToo() throws {
        let csv = Self.header + "m1,はな,2027-03-25,2027-03-18,email,ended,2027-05-01\n"
        let run = try ScheduleTests.run(csv, on: "2027-05-01", edition: "minamikawa")
        let delivery = try #require(run.deliveries.first)
        #expect(delivery.message == .lossSupport && delivery.day == nil)
        let object = try ScheduleTests.object(delivery.json)
        #expect(Set(object.keys) == ["channel", "date", "eml", "id", "message"])
        let eml = try #require(object["eml"] as? String)
        #expect(eml.contains("X-Kizuna-Message: loss-support\r\n") && !eml.contains("X-Kizuna-Day"))
        #expect(eml.contains("X-Kizuna-Edition: minamikawa\r\n"))
        #expect(!eml.contains("{nickname}"))
        #expect(run.summary.byEmail == 1 && run.summary.lossSupport == 1 && run.summary.ended == 1)
    }

    @Test func anEditionWithoutASupportMessageSendsNothingFromTheEndOn() throws {
        var files = try ContentFixtures.read(Paths.content)
        let path = "editions/sakuragaoka.yaml"
        let edition = ContentFixtures.text(path, in: files)
        #expect(edition.contains("loss_support: sakuragaoka-loss-support\n"))
        files = ContentFixtures.replacing(
            path, in: files,
            with: edition.replacingOccurrences(of: "loss_support: sakuragaoka-loss-support\n", with: ""))
        let content = try #require(Validator().validate(files, checkingPayloads: false).content)
        let target = try #require(content.edition("sakuragaoka"))
        let schedule = Schedule(content: content, edition: target, date: Self.date("2027-05-01"))
        var deliveries: [Delivery] = []
        let summary = try schedule.run(
            try SubscriberCSV(text: Self.header + "r1,はな,2027-03-25,2027-03-18,line,ended,2027-05-01\n")
        ) { (event: ScheduleEvent) in
            if case .delivered(let d) = event { deliveries.append(d) }
        }
        #expect(deliveries.isEmpty)
        #expect(summary.ended == 1 && summary.delivered == 0 && summary.lossSupport == 0)
    }

    @Test func aReaderWhoHadFinishedTheSeriesGetsNoSupportMessage() throws {
        // Born 2027-03-18: day 1096 is 2030-03-17; an end recorded after it sends nothing.
        let run = try ScheduleTests.run(
            Self.header + "r1,はな,2027-03-25,2027-03-18,line,ended,2030-04-01\n", on: "2030-04-01")
        #expect(run.deliveries.isEmpty)
        #expect(run.summary.ended == 1 && run.summary.finished == 0)
    }

    @Test func anEndRecordedLaterLeavesTheEarlierDaysAsTheyWere() throws {
        // The schedule of a date before ended_on is what was sent then: the reader was active.
        let run = try ScheduleTests.run(
            Self.header + "r1,はな,2027-03-25,2027-03-18,line,ended,2027-10-03\n", on: "2027-05-01")
        #expect(run.deliveries.map(\.day) == [.dayCount(45)])
        #expect(run.summary.ended == 0)
    }

    /// `kizuna schedule` on the sample content, as a sender runs it: the three cases on their `ended_on` (the support
    /// message, and the summary counts them as ended) and on the day after (nothing).
    @Test func theCommandSendsTheSupportMessageOnTheDayAndNothingAfter() throws {
        let folder = URL(fileURLWithPath: EndToEndTests.temporaryFolder())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = [
            ("loss-20w0d", "2027-09-01", "", "2027-04-14"), ("stillbirth", "2027-04-14", "2027-04-14", "2027-04-14"),
            ("death-day-200", "2026-10-01", "2026-09-27", "2027-04-14"),
        ]
        var csv = Self.header
        for (id, due, born, ended) in cases { csv += "\(id),はな,\(due),\(born),line,ended,\(ended)\n" }
        csv += "active,ゆい,2027-03-25,2027-03-18,line,,\n"
        try Data(csv.utf8).write(to: folder.appendingPathComponent("subs.csv"))
        func schedule(_ date: String, language: String = "en_US.UTF-8") throws -> KizunaCommand.Result {
            try KizunaCommand.run(
                [
                    "schedule", "--content", Paths.content.path, "--edition", "sakuragaoka", "--subscribers",
                    "subs.csv", "--date", date,
                ], in: folder, environment: ["LANG": language])
        }
        let onTheDay = try schedule("2027-04-14")
        #expect(onTheDay.status == 0, "\(onTheDay.stderr)")
        let lines = onTheDay.stdout.split(separator: "\n").map { try? ScheduleTests.object(Array($0.utf8)) }
        #expect(lines.map { $0?["id"] as? String } == ["loss-20w0d", "stillbirth", "death-day-200", "active"])
        #expect(lines.prefix(3).allSatisfy { $0?["message"] as? String == "loss-support" && $0?["day"] == nil })
        #expect(lines.last??["day"] as? String == "28")
        #expect(onTheDay.stderr.contains("4 delivered (3 loss support), 0 with no message today"), "\(onTheDay.stderr)")
        #expect(onTheDay.stderr.contains(", 3 ended, 0 errors in 4 rows"), "\(onTheDay.stderr)")

        let after = try schedule("2027-04-15", language: "ja_JP.UTF-8")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(!after.stdout.contains("loss-20w0d") && !after.stdout.contains("stillbirth"))
        #expect(!after.stdout.contains("death-day-200") && !after.stdout.contains("loss-support"))
        #expect(after.stderr.contains("配信停止（ended）3 件"), "\(after.stderr)")
    }

    // MARK: The columns

    @Test func aMalformedStatusIsARowErrorLikeTheOthers() throws {
        let csv =
            Self.header + """
                ok,はな,2027-03-25,2027-03-18,line,,
                ok-active,はな,2027-03-25,2027-03-18,line,active,
                trailing-space,はな,2027-03-25,2027-03-18,line,Ended ,2027-05-01
                japanese,はな,2027-03-25,2027-03-18,line,終了,2027-05-01
                lost,はな,2027-03-25,2027-03-18,line,lost,2027-05-01
                no-date,はな,2027-03-25,2027-03-18,line,ended,
                active-with-date,はな,2027-03-25,2027-03-18,line,active,2027-05-01
                empty-with-date,はな,2027-03-25,2027-03-18,line,,2027-05-01
                bad-date,はな,2027-03-25,2027-03-18,line,ended,2027/05/01
                feb30,はな,2027-03-25,2027-03-18,line,ended,2027-02-30
                two,はな,2027-02-30,,fax,Ended,2027-05-01
                short,はな,2027-03-25,2027-03-18,line,ended

                """
        let run = try ScheduleTests.run(csv, on: "2027-05-01")
        #expect(run.deliveries.map(\.row.id) == ["ok", "ok-active"])
        let byRow = Dictionary(run.errors.map { ($0.row, $0.message.en) }, uniquingKeysWith: { a, _ in a })
        #expect(run.errors.map(\.row) == Array(4...13))
        #expect(byRow[4] == "row 4: status 'Ended' is not active or ended (empty means active)")
        #expect(byRow[5] == "row 5: status '終了' is not active or ended (empty means active)")
        #expect(byRow[6] == "row 6: status 'lost' is not active or ended (empty means active)")
        #expect(
            byRow[7]
                == "row 7: status is ended, but ended_on is empty; write the date the end was recorded (YYYY-MM-DD)")
        #expect(
            byRow[8]
                == "row 8: ended_on 2027-05-01 is given, but status is active; write status ended, or leave ended_on empty"
        )
        #expect(
            byRow[9]
                == "row 9: ended_on 2027-05-01 is given, but status is empty (active); "
                + "write status ended, or leave ended_on empty")
        #expect(byRow[10] == "row 10: ended_on '2027/05/01' is not a date written YYYY-MM-DD")
        #expect(byRow[11] == "row 11: ended_on 2027-02-30 is not a day of the calendar")
        // Listed with the row's other problems, in column order.
        #expect(
            byRow[12]
                == "row 12: due_date 2027-02-30 is not a day of the calendar; channel 'fax' is not line or email; "
                + "status 'Ended' is not active or ended (empty means active)")
        #expect(
            byRow[13]
                == "row 13: the row has 6 fields; expected 7 (id,nickname,due_date,birth_date,channel,status,ended_on)")
        #expect(run.errors.allSatisfy { !$0.message.ja.isEmpty && $0.message.ja != $0.message.en })
        #expect(
            run.errors.first?.message.ja == "4 行目: status 'Ended' は使えません。active か ended にしてください（空は active）")
        #expect(run.summary.errors == 10 && run.summary.rows == 12 && run.summary.ended == 0)
    }

    @Test func aFileWithoutTheNewColumnsSchedulesAsBefore() throws {
        // The sample CSV of the issue of sending day by day, without the columns and with them left empty: the same
        // deliveries, byte for byte, the same errors and counts, and nobody ended.
        let without = try ScheduleTests.run(ScheduleTests.edgeCSV, on: "2029-02-28")
        let lines = ScheduleTests.edgeCSV.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            i, line in i == 0 ? line + ",status,ended_on" : line.isEmpty ? "" : line + ",,"
        }
        let with = try ScheduleTests.run(lines.joined(separator: "\n"), on: "2029-02-28")
        #expect(without.deliveries.map(\.json) == with.deliveries.map(\.json))
        #expect(without.errors.map(\.message) == with.errors.map(\.message))
        #expect(without.summary == with.summary)
        #expect(without.summary.ended == 0 && without.summary.lossSupport == 0)
        #expect(without.deliveries.allSatisfy { $0.row.endedOn == nil })
        // Columns in any order, found by name.
        let csv = try SubscriberCSV(text: "ended_on,channel,status,id,birth_date,due_date,nickname\n")
        #expect(csv.columns.status == 2 && csv.columns.endedOn == 0 && csv.columns.count == 7)
        #expect(
            try SubscriberCSV(text: Self.header).columns.present == SubscriberColumns.names + ["status", "ended_on"])
        // Named twice, or an unknown column: the header is refused as before.
        #expect(throws: ScheduleFileError.self) {
            try SubscriberCSV(text: String(Self.header.dropLast()) + ",status\n")
        }
        #expect(throws: ScheduleFileError.self) {
            try SubscriberCSV(text: String(Self.header.dropLast()) + ",reason\n")
        }
    }
}
