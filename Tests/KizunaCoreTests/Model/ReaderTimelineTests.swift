import Testing
@testable import KizunaCore

@Suite struct ReaderTimelineTests {
    static func sakuragaoka() throws -> (ValidatedContent, Edition) {
        let report = Validator().validate(try ContentFixtures.read(Paths.content), checkingPayloads: false)
        let content = try #require(report.content)
        return (content, try #require(content.edition("sakuragaoka")))
    }

    static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

    @Test func calendarDayNumbersRoundTripAcrossLeapYears() {
        #expect(Self.date("1970-01-01").dayNumber == 0)
        #expect(Self.date("2028-02-29").adding(days: 1) == Self.date("2028-03-01"))
        #expect(Self.date("2027-02-28").adding(days: 1) == Self.date("2027-03-01"))
        #expect(Self.date("2028-02-29").adding(days: 365) == Self.date("2029-02-28"))
        for n in stride(from: -1000, through: 40000, by: 37) { #expect(CalendarDate(dayNumber: n).dayNumber == n) }
    }

    @Test func bornOnTheDueDate() throws {
        let (content, edition) = try Self.sakuragaoka()
        let t = content.compiler.timeline(for: edition, due: Self.date("2027-04-01"), born: nil)
        let byDay = Dictionary(t.entries.map { ($0.message.day, $0.date) }, uniquingKeysWith: { a, _ in a })
        #expect(byDay[.gestation(weeks: 4, days: 0)] == Self.date("2027-04-01").adding(days: -252))
        #expect(byDay[.gestation(weeks: 39, days: 0)] == Self.date("2027-03-25"))
        #expect(byDay[.gestation(weeks: 40, days: 0)] == nil, "on the birth date the childcare series starts")
        #expect(byDay[.dayCount(1)] == Self.date("2027-04-01"))
        #expect(byDay[.dayCount(100)] == Self.date("2027-07-09"))
        #expect(t.entries.map(\.date) == t.entries.map(\.date).sorted())
    }

    /// The index page dates each day with `date(of:due:birth:)` alone; it must give the timeline's dates, and nil
    /// exactly for the days the timeline leaves out.
    @Test(arguments: [nil, "2027-02-10", "2027-04-15"])
    func oneDaysDateIsTheTimelines(born: String?) throws {
        let (content, edition) = try Self.sakuragaoka()
        let due = Self.date("2027-04-01")
        let t = content.compiler.timeline(for: edition, due: due, born: born.map(Self.date))
        let byDay = Dictionary(t.entries.map { ($0.message.day, $0.date) }, uniquingKeysWith: { a, _ in a })
        let messages = content.compiler.messages(for: edition)
        for message in messages {
            #expect(
                ReaderTimeline.date(
                    of: message.day, anniversary: message.manuscript.anniversary?.value, due: due,
                    birth: born.map(Self.date) ?? due) == byDay[message.day])
        }
    }

    @Test func pretermBirthDropsTheRestOfTheMaternitySeries() throws {
        let (content, edition) = try Self.sakuragaoka()
        let t = content.compiler.timeline(for: edition, due: Self.date("2027-04-01"), born: Self.date("2027-02-10"))
        let maternity = t.entries.filter { $0.message.day.series == .maternity }
        #expect(maternity.allSatisfy { $0.date < Self.date("2027-02-10") })
        #expect(maternity.last.map { $0.message.day < .gestation(weeks: 34, days: 0) } == true)
        #expect(t.entries.first { $0.message.day == .dayCount(1) }?.date == Self.date("2027-02-10"))
    }

    @Test func lateBirthKeepsTheMaternitySeriesToItsEnd() throws {
        let (content, edition) = try Self.sakuragaoka()
        let t = content.compiler.timeline(for: edition, due: Self.date("2027-04-01"), born: Self.date("2027-04-12"))
        let days = t.entries.map(\.message.day)
        #expect(days.contains(.gestation(weeks: 41, days: 0)))
        #expect(!days.contains(.gestation(weeks: 41, days: 6)), "41w6d falls on 2027-04-14, after the birth")
        #expect(t.entries.first { $0.message.day == .dayCount(1) }?.date == Self.date("2027-04-12"))
    }

    @Test func monthAgeInsertsUseTheRealCalendarAndLeapDays() throws {
        let (content, edition) = try Self.sakuragaoka()
        // Born 29 Feb 2028: 3 months old on 29 May, 5 months on 29 July.
        let t = content.compiler.timeline(for: edition, due: Self.date("2028-03-01"), born: Self.date("2028-02-29"))
        let withCheckup = t.entries.filter { $0.inserts.contains { $0.id.value == "sakuragaoka-4month-checkup" } }
        #expect(!withCheckup.isEmpty)
        #expect(withCheckup.allSatisfy { $0.date >= Self.date("2028-05-29") && $0.date < Self.date("2028-07-29") })
        #expect(t.entries.first { $0.message.day == .dayCount(366) }?.date == Self.date("2029-02-28"))
        // The 12-month insert starts on 28 Feb 2029, the last day of the month with no 29th.
        #expect(Self.date("2028-02-29").adding(months: 12) == Self.date("2029-02-28"))
    }
}
