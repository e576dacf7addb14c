import Foundation
import Testing
@testable import KizunaCore

@Suite struct ScheduleTests {
    static let header = "id,nickname,due_date,birth_date,channel\n"

    /// The sample content, validated once for the suite.
    static let content: ValidatedContent? = {
        guard let files = try? ContentFixtures.read(Paths.content) else { return nil }
        return Validator().validate(files, checkingPayloads: false).content
    }()

    static func sakuragaoka() throws -> (ValidatedContent, Edition) {
        let content = try #require(Self.content)
        return (content, try #require(content.edition("sakuragaoka")))
    }

    static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

    struct Run {
        var deliveries: [Delivery] = []
        var errors: [ScheduleError] = []
        var summary = ScheduleSummary()

        func day(_ id: String) -> String? {
            deliveries.first { $0.row.id == id }.flatMap(\.day).map { "\($0.series.rawValue)/\($0)" }
        }
    }

    static func run(_ csv: String, on date: String, edition id: String = "sakuragaoka") throws -> Run {
        let (content, _) = try sakuragaoka()
        let schedule = Schedule(content: content, edition: try #require(content.edition(id)), date: Self.date(date))
        var run = Run()
        run.summary = try schedule.run(try SubscriberCSV(text: csv)) { (event: ScheduleEvent) in
            switch event {
            case .delivered(let d): run.deliveries.append(d)
            case .rejected(let e): run.errors.append(e)
            }
        }
        return run
    }

    static func object(_ json: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    // MARK: The day due

    /// The sample CSV of the issue, for 2029-02-28: each reader's exact day, and exactly one error.
    static let edgeCSV =
        header + """
            preterm,さくら,2029-04-04,2029-02-28,line
            late,ゆい,2029-02-05,2029-02-15,line
            leap,うるう,2028-03-10,2028-02-29,line
            pregnant,みどり,2029-07-18,,line
            broken,こわれ,2027-02-30,,line
            no-message,あおい,2029-07-17,,line
            last-day,ひかり,2026-03-05,2026-03-01,line
            past-3,そら,2026-03-05,2026-02-28,line
            not-started,はじめ,2029-11-15,,line

            """

    @Test func eachReaderGetsTheirDayAndTheBrokenRowOneError() throws {
        let run = try Self.run(Self.edgeCSV, on: "2029-02-28")
        // Born 5 weeks early, on the date itself: childcare starts (35w0d, which has a message, is not sent).
        #expect(run.day("preterm") == "childcare/1")
        // Born 10 days late on 2029-02-15: day 14, counted from the birth (from the due date it would be 24).
        #expect(run.day("late") == "childcare/14")
        // Born 29 February 2028: day 366 is 28 February 2029, the 1st birthday.
        #expect(run.day("leap") == "childcare/366")
        #expect(run.day("pregnant") == "maternity/20w0d")
        // 2026-03-01 + 1095 days (2028-02-29 in between) is 2029-02-28: day 1096, but the 3rd birthday is tomorrow,
        // and the sample's day 1096 is the birthday message (`anniversary: 3`): nothing today.
        #expect(run.day("last-day") == nil)
        // Born 2026-02-28: 2029-02-28 is day 1097, the 3rd birthday, which gets the birthday message.
        #expect(run.day("past-3") == "childcare/1096")
        #expect(run.deliveries.map(\.row.id) == ["preterm", "late", "leap", "pregnant", "past-3"])
        #expect(run.errors.count == 1)
        let error = try #require(run.errors.first)
        #expect(error.row == 6 && error.line == 6 && error.id == "broken")
        #expect(error.message.en == "row 6: due_date 2027-02-30 is not a day of the calendar")
        #expect(error.message.ja == "6 行目: due_date の 2027-02-30 は暦にない日付です")
        var expected = ScheduleSummary()
        (
            expected.rows, expected.delivered, expected.noMessage, expected.notStarted, expected.finished,
            expected.errors
        ) = (9, 5, 2, 1, 0, 1)
        #expect(run.summary == expected)
    }

    @Test func theIssuesExampleLine() throws {
        let run = try Self.run(Self.header + "s1,はな,2027-03-25,2027-03-18,line\n", on: "2027-05-01")
        let d = try #require(run.deliveries.first)
        let line = String(decoding: d.json, as: UTF8.self)
        #expect(
            line.hasPrefix(
                #"{"channel":"line","date":"2027-05-01","day":"45","id":"s1","label":"生まれて45日目","#
                    + #""payload":{"messages":["#
            ))
        #expect(line.hasSuffix(#"]},"series":"childcare"}"#))
    }

    @Test func seriesSwitchOnTheBirthDate() {
        let due = Self.date("2027-04-01")
        // Preterm, born 2027-02-25 (35w0d): the day before is maternity, the birth day is childcare day 1.
        #expect(
            ReaderDay.on(Self.date("2027-02-24"), due: due, born: Self.date("2027-02-25"))
                == .day(.gestation(weeks: 34, days: 6)))
        #expect(ReaderDay.on(Self.date("2027-02-25"), due: due, born: Self.date("2027-02-25")) == .day(.dayCount(1)))
        // Late, born 2027-04-20: maternity past the due date to 41w6d, then nothing until the birth.
        let late = Self.date("2027-04-20")
        #expect(ReaderDay.on(due, due: due, born: late) == .day(.gestation(weeks: 40, days: 0)))
        #expect(ReaderDay.on(Self.date("2027-04-14"), due: due, born: late) == .day(.gestation(weeks: 41, days: 6)))
        #expect(ReaderDay.on(Self.date("2027-04-15"), due: due, born: late) == .awaitingBirth)
        #expect(ReaderDay.on(Self.date("2027-04-19"), due: due, born: late) == .awaitingBirth)
        #expect(ReaderDay.on(late, due: due, born: late) == .day(.dayCount(1)))
        // No birth date: still pregnant, past the due date to 41w6d, then nothing until a birth date is recorded
        // (a reader must never read 「生まれて3日目」 while pregnant).
        #expect(ReaderDay.on(due, due: due, born: nil) == .day(.gestation(weeks: 40, days: 0)))
        #expect(ReaderDay.on(Self.date("2027-04-14"), due: due, born: nil) == .day(.gestation(weeks: 41, days: 6)))
        #expect(ReaderDay.on(Self.date("2027-04-15"), due: due, born: nil) == .awaitingBirth)
        #expect(ReaderDay.on(Self.date("2028-04-15"), due: due, born: nil) == .awaitingBirth)
        #expect(ReaderDay.on(Self.date("2026-07-22"), due: due, born: nil) == .notStarted)  // 3w6d
        #expect(ReaderDay.on(Self.date("2026-07-23"), due: due, born: nil) == .day(.gestation(weeks: 4, days: 0)))
        // Only a birth date: nothing before it.
        #expect(ReaderDay.on(Self.date("2027-01-01"), due: nil, born: late) == .notStarted)
        #expect(ReaderDay.on(Self.date("2027-01-01"), due: nil, born: nil) == .notStarted)
    }

    @Test func aLeapDayBirthEndsOn28February() {
        let born = Self.date("2028-02-29")
        #expect(ReaderDay.on(Self.date("2028-02-29"), due: nil, born: born) == .day(.dayCount(1)))
        #expect(ReaderDay.on(Self.date("2028-03-01"), due: nil, born: born) == .day(.dayCount(2)))
        #expect(ReaderDay.on(Self.date("2029-02-28"), due: nil, born: born) == .day(.dayCount(366)))
        #expect(ReaderDay.on(Self.date("2029-03-01"), due: nil, born: born) == .day(.dayCount(367)))
        // Day 1096, the last, is 2031-02-28; on 2031-03-01 the reader has finished.
        #expect(ReaderDay.on(Self.date("2031-02-28"), due: nil, born: born) == .day(.dayCount(1096)))
        #expect(ReaderDay.on(Self.date("2031-03-01"), due: nil, born: born) == .finished)
        // Born 2027-03-01, with 2028-02-29 in between: day 1096 is 2030-02-28, the 3rd birthday is day 1097.
        #expect(ReaderDay.on(Self.date("2030-02-28"), due: nil, born: Self.date("2027-03-01")) == .day(.dayCount(1096)))
        // The series runs to the 3rd birthday, so that its message can go out on it (`Manuscript.anniversary`).
        #expect(ReaderDay.on(Self.date("2030-03-01"), due: nil, born: Self.date("2027-03-01")) == .day(.dayCount(1097)))
        #expect(ReaderDay.on(Self.date("2030-03-02"), due: nil, born: Self.date("2027-03-01")) == .finished)
        // Born 2028-03-01, no 29 February in between: day 1096 is the 3rd birthday.
        #expect(ReaderDay.on(Self.date("2031-03-01"), due: nil, born: Self.date("2028-03-01")) == .day(.dayCount(1096)))
        #expect(ReaderDay.on(Self.date("2031-03-02"), due: nil, born: Self.date("2028-03-01")) == .finished)
    }

    /// The schedule sends the same messages on the same dates as the reader's timeline, on every date of the whole
    /// span, once the birth date is known (without one, a timeline lets the due date stand in; sending day by day does
    /// not); birthday messages included, on the calendar birthday.
    @Test(
        arguments: [
            ("2027-04-01", "2027-04-01"), ("2027-04-01", "2027-02-25"), ("2027-04-01", "2027-04-12"),
            ("2028-03-10", "2028-02-29"), ("2027-03-05", "2027-01-01"), ("2027-02-01", "2027-03-10"),
        ] as [(String, String?)])
    func agreesWithTheTimeline(due: String, born: String?) throws {
        let (content, edition) = try Self.sakuragaoka()
        let due = Self.date(due), born = born.map(Self.date)
        let timeline = content.compiler.timeline(for: edition, due: due, born: born)
        let byDate = Dictionary(timeline.entries.map { ($0.date, $0.message.day) }, uniquingKeysWith: { a, _ in a })
        let first = due.adding(days: -300), last = (born ?? due).adding(days: 1100)
        let row = SubscriberRow(row: 2, line: 2, id: "r", nickname: "はな", due: due, born: born, channel: .line)
        for n in first.dayNumber...last.dayNumber {
            let date = CalendarDate(dayNumber: n)
            let outcome = Schedule(content: content, edition: edition, date: date).outcome(for: row)
            if let expected = byDate[date] {
                guard case .delivered(let delivery) = outcome else {
                    Issue.record("\(date): the timeline dates \(expected) here, the schedule sends nothing")
                    continue
                }
                #expect(delivery.day == expected, "\(date)")
            } else if case .delivered(let delivery) = outcome {
                Issue.record(
                    "\(date): the schedule sends \(delivery.day.map { "\($0)" } ?? "loss-support"), which the timeline does not date here"
                )
            }
        }

    }

    // MARK: Malformed rows

    @Test func everyKindOfMalformedRowIsReportedAndTheOthersStillGoOut() throws {
        let csv =
            Self.header + """
                ok1,はな,2027-03-25,2027-03-18,line
                short,はな,2027-03-25,line
                bad-date,はな,2027/03/25,,line
                feb30,はな,2027-02-30,,line
                neither,はな,,,line
                fax,はな,2027-03-25,,fax
                email,はな,2027-03-25,,email
                far-early,はな,2027-03-25,2026-11-01,line
                far-late,はな,2027-03-25,2027-05-10,line
                long,あいうえおかきくけこさしすせそたちつてとな,2027-03-25,,line
                ,はな,2027-03-25,,line
                a/b,はな,2027-03-25,,line
                .hidden,はな,2027-03-25,,line
                ctrl-nick,"a\tb",2027-03-25,,line
                two,はな,2027-02-30,,mail
                ok2,はな,2027-03-25,2027-03-18,line

                """
        let run = try Self.run(csv, on: "2027-05-01")
        #expect(run.deliveries.map(\.row.id) == ["ok1", "ok2"])
        let byRow = Dictionary(run.errors.map { ($0.row, $0.message.en) }, uniquingKeysWith: { a, _ in a })
        #expect(run.errors.map(\.row) == Array(3...16))
        #expect(byRow[3] == "row 3: the row has 4 fields; expected 5 (id,nickname,due_date,birth_date,channel)")
        #expect(byRow[4] == "row 4: due_date '2027/03/25' is not a date written YYYY-MM-DD")
        #expect(byRow[5] == "row 5: due_date 2027-02-30 is not a day of the calendar")
        #expect(byRow[6] == "row 6: neither due_date nor birth_date is given")
        #expect(byRow[7] == "row 7: channel 'fax' is not line or email")
        #expect(byRow[8] == "row 8: edition 'sakuragaoka' does not send by email (it sends by line)")
        #expect(
            byRow[9]
                == "row 9: birth_date 2026-11-01 is 144 days before due_date 2027-03-25, before 22w0d; "
                + "births are accepted from 2026-11-19"
        )
        #expect(
            byRow[10]
                == "row 10: birth_date 2027-05-10 is 46 days after due_date 2027-03-25; "
                + "births are accepted up to 6 weeks after it (2027-05-06)"
        )
        #expect(byRow[11] == "row 11: the nickname has 21 characters; edition 'sakuragaoka' allows at most 20")
        #expect(byRow[12] == "row 12: id is empty")
        #expect(byRow[13]?.hasPrefix("row 13: id 'a/b' cannot name a file") == true)
        #expect(byRow[14]?.hasPrefix("row 14: id '.hidden' cannot name a file") == true)
        #expect(byRow[15] == "row 15: the nickname contains a control character (a tab or a line break?)")
        #expect(
            byRow[16] == "row 16: due_date 2027-02-30 is not a day of the calendar; channel 'mail' is not line or email"
        )
        #expect(run.errors.allSatisfy { !$0.message.ja.isEmpty && $0.message.ja != $0.message.en })
        #expect(run.summary.errors == 14 && run.summary.rows == 16)
    }

    @Test func bytesThatAreNotUTF8SpoilOnlyTheirRow() throws {
        var bytes = Array((Self.header + "ok1,はな,2027-03-25,2027-03-18,line\nsjis,").utf8)
        bytes += [0x82, 0xCD, 0x82, 0xC8]  // 「はな」 in Shift_JIS
        bytes += Array(",2027-03-25,2027-03-18,line\nok2,はな,2027-03-25,2027-03-18,line\n".utf8)
        let (content, edition) = try Self.sakuragaoka()
        let schedule = Schedule(content: content, edition: edition, date: Self.date("2027-05-01"))
        var ids: [String] = [], errors: [ScheduleError] = []
        _ = try schedule.run(try SubscriberCSV(stream: InputStream(data: Data(bytes)))) { (e: ScheduleEvent) in
            switch e {
            case .delivered(let d): ids.append(d.row.id)
            case .rejected(let error): errors.append(error)
            }
        }
        #expect(ids == ["ok1", "ok2"])
        #expect(errors.map(\.row) == [3])
        #expect(errors.first?.message.en.contains("not UTF-8") == true)
    }

    @Test func aFileThatCannotBeReadIsOneError() throws {
        #expect(throws: ScheduleFileError.self) { try SubscriberCSV(text: "") }
        #expect(throws: ScheduleFileError.self) { try SubscriberCSV(text: "id,nickname,due,birth_date,channel\n") }
        #expect(throws: ScheduleFileError.self) { try SubscriberCSV(path: "/nonexistent/subscribers.csv") }
        let utf16 = Data([0xFF, 0xFE]) + Self.header.data(using: .utf16LittleEndian)!
        do {
            _ = try SubscriberCSV(stream: InputStream(data: utf16))
            Issue.record("a UTF-16 file was read")
        } catch {
            #expect(error.message.en.contains("UTF-16"))
        }
        // Columns in another order are found by name.
        let csv = try SubscriberCSV(text: "channel,id,birth_date,due_date,nickname\nline,s1,,2027-03-25,はな\n")
        let record = try #require(try csv.next())
        let row = try SubscriberRow.parse(
            record, columns: csv.columns,
            rules: SubscriberRules(editionID: "x", channels: [.line], nicknameMaxLength: 20)
        ).get()
        #expect(row.id == "s1" && row.nickname == "はな" && row.due == Self.date("2027-03-25") && row.born == nil)
    }

    // MARK: CSV edge cases and the nickname in the payload

    @Test func byteOrderMarkCRLFAndQuotedNicknames() throws {
        let nickname = #"はな, "ママ" \ 🍎"#
        let csv =
            "\u{FEFF}id,nickname,due_date,birth_date,channel\r\n"
            + "s1,\"はな, \"\"ママ\"\" \\ 🍎\",2027-03-25,2027-03-18,line\r\n"
            + "s2,\"two\nlines\",2027-03-25,2027-03-18,line\r\n"
            + "s3,ゆい,2027-03-25,2027-03-18,line\r\n"
        let run = try Self.run(csv, on: "2027-05-01")
        #expect(run.deliveries.map(\.row.id) == ["s1", "s3"])
        #expect(run.deliveries.map(\.row.line) == [2, 5], "s2's nickname spans lines 3 and 4")
        #expect(run.deliveries.map(\.row.row) == [2, 4])
        let error = try #require(run.errors.first)
        #expect(run.errors.count == 1)
        #expect(error.row == 3 && error.line == 3)
        #expect(error.message.en.contains("control character"))

        let d = try #require(run.deliveries.first)
        #expect(d.row.nickname == nickname)
        let object = try Self.object(d.json)
        #expect(object["id"] as? String == "s1")
        #expect(object["day"] as? String == "45")
        #expect(object["series"] as? String == "childcare")
        #expect(object["label"] as? String == "生まれて45日目")
        #expect(object["date"] as? String == "2027-05-01")
        #expect(object["channel"] as? String == "line")
        let payload = try #require(object["payload"] as? [String: Any])
        let message = try #require((payload["messages"] as? [[String: Any]])?.first)
        let altText = try #require(message["altText"] as? String)
        #expect(altText.hasPrefix(nickname + "さん、赤ちゃんが生まれて45日目です。"))
        let text = String(decoding: d.json, as: UTF8.self)
        #expect(!text.contains("{nickname}"))
        #expect(text.contains(#"はな, \"ママ\" \\ 🍎さん"#), "escaped once for JSON, as PayloadFiller does")
    }

    @Test func anEmptyNicknameGetsTheFillersFallback() throws {
        let run = try Self.run(
            Self.header + "s1,,2027-03-25,2027-03-18,line\ns2,\"  　\",2027-03-25,2027-03-18,line\n", on: "2027-05-01")
        #expect(run.errors.isEmpty)
        #expect(run.deliveries.count == 2)
        for d in run.deliveries {
            #expect(d.row.nickname == "")
            let payload = try #require(try Self.object(d.json)["payload"] as? [String: Any])
            let altText = try #require((payload["messages"] as? [[String: Any]])?.first?["altText"] as? String)
            #expect(altText.hasPrefix("赤ちゃんが生まれて45日目です。"))
        }
    }

    @Test func aQuoteLeftOpenIsReportedWithItsLines() throws {
        let csv = Self.header + "s1,\"はな,2027-03-25,2027-03-18,line\ns2,ゆい,2027-03-25,2027-03-18,line\n"
        let run = try Self.run(csv, on: "2027-05-01")
        #expect(run.deliveries.isEmpty)
        #expect(run.errors.count == 1)
        #expect(run.errors.first?.message.en.contains("is a closing quote missing?") == true)
    }

    @Test func emailRowsGetTheirDayAsAnEmlMessage() throws {
        let run = try Self.run(
            Self.header + "m1,はな,2027-03-25,2027-03-18,email\nm2,ゆい,2027-03-25,2027-03-18,line\n",
            on: "2027-05-01", edition: "minamikawa")
        #expect(run.errors.isEmpty)
        let email = try Self.object(try #require(run.deliveries.first).json)
        #expect(email["channel"] as? String == "email" && email["day"] as? String == "45" && email["payload"] == nil)
        let eml = try #require(email["eml"] as? String)
        #expect(eml.hasPrefix("MIME-Version: 1.0\r\n"))
        #expect(eml.contains("X-Kizuna-Day: childcare/45\r\n"))
        #expect(!eml.contains("{nickname}"))
        let line = try Self.object(try #require(run.deliveries.last).json)
        #expect(line["channel"] as? String == "line" && line["payload"] != nil && line["eml"] == nil)
        #expect(run.summary.byEmail == 1 && run.summary.delivered == 2)
    }

    @Test func payloadsAreRenderedOncePerDayAndFilledPerReader() throws {
        let csv =
            Self.header + (1...200).map { "r\($0),名前\($0),2027-03-25,2027-03-18,line" }.joined(separator: "\n") + "\n"
        let run = try Self.run(csv, on: "2027-05-01")
        #expect(run.deliveries.count == 200)
        let (content, edition) = try Self.sakuragaoka()
        let manuscript = try #require(content.content.manuscripts.first { $0.day.value == .dayCount(45) })
        var compiled = FlexRenderer().payload(for: content.compiler.message(edition, manuscript)).bytes
        compiled.removeLast()
        for (i, d) in run.deliveries.enumerated() {
            let expected = try PayloadFiller.fill(compiled, nickname: "名前\(i + 1)", maxLength: 20)
            let object = try Self.object(d.json)
            let payload = try JSONSerialization.data(
                withJSONObject: try #require(object["payload"]), options: [.sortedKeys])
            let reference = try JSONSerialization.data(
                withJSONObject: try JSONSerialization.jsonObject(with: Data(expected)), options: [.sortedKeys])
            #expect(payload == reference)
        }
    }

    /// The cut payload fills to the very bytes `PayloadFiller.fill` makes, for every day of both sample editions.
    @Test func cutPayloadsFillAsPayloadFillerDoes() throws {
        let (content, _) = try Self.sakuragaoka()
        let nicknames = ["はな", #"は"な\"#, "🍎👶🏽", "  ゆい　", "e\u{301}", "ＡＢＣ", "{nickname}", "", "あ"]
        for edition in content.editions {
            let limit = content.compiler.nicknameMaxLength(for: edition)
            for message in content.compiler.messages(for: edition) {
                var bytes = FlexRenderer().payload(for: message).bytes
                bytes.removeLast()
                let cut = CompiledPayload(bytes)
                #expect(cut.pieces.count > 1, "\(message.day): no {nickname} in the payload")
                for name in nicknames {
                    #expect(
                        try cut.filled(nickname: name, maxLength: limit)
                            == PayloadFiller.fill(bytes, nickname: name, maxLength: limit),
                        "\(edition.id.value) \(message.day) '\(name)'")
                }
                #expect(throws: PayloadFiller.NicknameError.self) {
                    try cut.filled(nickname: String(repeating: "あ", count: limit + 1), maxLength: limit)
                }
            }
        }
    }

    @Test func utf8CheckReplacesOnlyIllFormedSequences() {
        var out: [UInt8] = [], replaced = 0
        let valid = Array("aé→🍎".utf8)
        #expect(UTF8CheckedInputStream.check(valid, final: true, into: &out, replacements: &replaced) == valid.count)
        #expect(out == valid && replaced == 0)
        out = []
        // A sequence cut by the chunk's end waits for the next chunk.
        #expect(
            UTF8CheckedInputStream.check(Array(valid.prefix(5)), final: false, into: &out, replacements: &replaced) == 3
        )
        out = []
        #expect(
            UTF8CheckedInputStream.check(
                [0x61, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0x62], final: true, into: &out, replacements: &replaced) == 7)
        // C0 and 80 are no lead bytes; ED A0 80 (a surrogate) is three maximal subparts.
        #expect(String(decoding: out, as: UTF8.self) == "a" + String(repeating: "\u{FFFD}", count: 5) + "b")
    }
}
