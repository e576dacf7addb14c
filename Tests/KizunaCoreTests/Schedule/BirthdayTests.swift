import Foundation
import Testing
@testable import KizunaCore

/// Birthday messages (`anniversary: N`) go out on the calendar birthday, by the one calendar rule (`MonthAge`), in the
/// schedule, the timeline, the previews and the payloads alike.
@Suite struct BirthdayTests {
    static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

    /// The sample content, validated once for the suite.
    static let content: ValidatedContent? = {
        guard let files = try? ContentFixtures.read(Paths.content) else { return nil }
        return Validator().validate(files, checkingPayloads: false).content
    }()

    /// The messages `schedule` sends one reader on each date of `dates`, as "date day label".
    static func sent(born: String, on dates: [String], edition id: String = "minamikawa") throws -> [String] {
        let content = try #require(Self.content)
        let edition = try #require(content.edition(id))
        let born = Self.date(born)
        let row = SubscriberRow(row: 2, line: 2, id: "r", nickname: "はな", due: born, born: born, channel: .line)
        return dates.compactMap { date in
            guard
                case .delivered(let d) = Schedule(content: content, edition: edition, date: Self.date(date))
                    .outcome(for: row)
            else { return nil }
            let object = try? JSONSerialization.jsonObject(with: Data(d.json)) as? [String: Any]
            return "\(date) \(d.day.map { "\($0)" } ?? "loss-support") \(object?["label"] as? String ?? "?")"
        }
    }

    @Test("A birthday across 29 February goes out on the calendar birthday")
    func aBirthdayAcross29FebruaryGoesOutOnTheCalendarBirthday() throws {
        // Born 2027-06-01: 2028-02-29 falls in the first year, so day 366 is 2028-05-31 and the birthday is day 367.
        #expect(
            try Self.sent(born: "2027-06-01", on: ["2028-05-30", "2028-05-31", "2028-06-01", "2028-06-02"])
                == ["2028-06-01 366 1歳の誕生日"])
        #expect(ReaderDay.on(Self.date("2028-06-01"), due: nil, born: Self.date("2027-06-01")) == .day(.dayCount(367)))
        // Born 2028-06-01: no 29 February in the first year, the birthday is day 366; the 2nd birthday (2030-06-01)
        // is day 731, as no 29 February falls in the second year either.
        #expect(try Self.sent(born: "2028-06-01", on: ["2029-05-31", "2029-06-01"]) == ["2029-06-01 366 1歳の誕生日"])
        #expect(try Self.sent(born: "2028-06-01", on: ["2030-06-01"]) == ["2030-06-01 731 2歳の誕生日"])
        // Born 29 February 2028: the first birthday is 28 February 2029, as `MonthAge` counts 12 months.
        #expect(try Self.sent(born: "2028-02-29", on: ["2029-02-28", "2029-03-01"]) == ["2029-02-28 366 1歳の誕生日"])
        // Born 2025-03-01: the 3rd birthday, 2028-03-01, is day 1097; the series runs to it.
        #expect(
            try Self.sent(born: "2025-03-01", on: ["2028-02-29", "2028-03-01", "2028-03-02"])
                == ["2028-03-01 1096 3歳の誕生日"])
        #expect(ReaderDay.on(Self.date("2028-03-02"), due: nil, born: Self.date("2025-03-01")) == .finished)
    }

    @Test func theTimelineAndThePreviewIndexDateTheBirthdayAsTheScheduleDoes() throws {
        let content = try #require(Self.content)
        let edition = try #require(content.edition("minamikawa"))
        let born = Self.date("2027-06-01")
        let timeline = content.compiler.timeline(for: edition, due: born, born: born)
        let birthdays = timeline.entries.filter { $0.message.manuscript.anniversary != nil }
        #expect(
            birthdays.map { "\($0.date) \($0.message.label)" } == [
                "2028-06-01 1歳の誕生日", "2029-06-01 2歳の誕生日", "2030-06-01 3歳の誕生日",
            ])
        // The 1st-birthday inserts are chosen for a child of exactly 12 months.
        let first = try #require(birthdays.first)
        #expect(first.inserts.map(\.id.value) == ["minamikawa-1year-vaccination"])
        // The preview index dates each day for a sample reader born on its due date.
        let messages = content.compiler.messages(for: edition)
        let index = IndexPage(
            editionName: edition.name.value, editionID: edition.id.value, messages: messages, due: born,
            reviewers: [:])
        let rows = index.series.flatMap(\.days).filter { $0.href.hasSuffix("childcare/0366.html") }
        #expect(rows.map(\.sampleDate) == ["2028-06-01"])
        #expect(rows.map(\.label) == ["1歳の誕生日（生まれて366日目または367日目）"])
    }

    @Test func aBirthdayMessageIsOneMessageForReadersOfItsMonthAge() throws {
        let content = try #require(Self.content)
        let edition = try #require(content.edition("minamikawa"))
        let birthdays = content.compiler.messages(for: edition).filter { $0.manuscript.anniversary != nil }
        // One file each, not one per month age: every reader of a birthday message is 12, 24 or 36 months old.
        #expect(birthdays.map(\.fileStem) == ["0366", "0731", "1096"])
        let payload = FlexRenderer().payload(for: try #require(birthdays.first))
        let text = String(decoding: payload.bytes, as: UTF8.self)
        #expect(text.contains("{nickname}さん、お子さんが1歳の誕生日を迎えました。"))
        #expect(!text.contains("生まれて366日目"))
    }

    /// `MonthAge.birthday` is the day the child turns 12 × N months by `MonthAge.completed`, and Foundation's calendar
    /// agrees, for every birth date of four years.
    @Test func theBirthdayIsTheDayTheMonthAgeTurns() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var dayCounts: [Int: Set<Int>] = [:]
        for n in Self.date("2027-01-01").dayNumber...Self.date("2030-12-31").dayNumber {
            let born = CalendarDate(dayNumber: n)
            let start = calendar.date(from: DateComponents(year: born.year, month: born.month, day: born.day))!
            for years in 1...3 {
                let birthday = MonthAge.birthday(years, born: born)
                let expected = calendar.dateComponents(
                    [.year, .month, .day], from: calendar.date(byAdding: .year, value: years, to: start)!)
                #expect(birthday == CalendarDate(year: expected.year!, month: expected.month!, day: expected.day!))
                #expect(MonthAge.completed(born: born, on: birthday) == 12 * years)
                #expect(MonthAge.completed(born: born, on: birthday.adding(days: -1)) == 12 * years - 1)
                #expect(MonthAge.birthdayYears(born: born, on: birthday) == years)
                #expect(MonthAge.birthdayYears(born: born, on: birthday.adding(days: -1)) == nil)
                dayCounts[years, default: []].insert(birthday.dayNumber - born.dayNumber + 1)
            }
        }
        #expect(dayCounts == [1: [366, 367], 2: [731, 732], 3: [1096, 1097]])
        let ranges: [ClosedRange<Int>] = (1...3).map { MonthAge.birthdayDayCounts($0) }
        #expect(ranges == [366...367, 731...732, 1096...1097])
    }
}
