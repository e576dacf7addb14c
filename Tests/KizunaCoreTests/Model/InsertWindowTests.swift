import Testing
@testable import KizunaCore

@Suite struct InsertWindowTests {
    /// The earliest and latest day count on which a child turns m months (`MonthAge`), over every birth date: a month
    /// is 28 to 31 days, and a 29 February may fall in between.
    @Test(arguments: [
        (0, 1, 1), (1, 29, 32), (2, 60, 63), (3, 90, 93), (4, 121, 124), (5, 151, 154), (12, 366, 367),
        (36, 1096, 1097),
    ])
    func firstDaysOfAMonthAge(month: Int, earliest: Int, latest: Int) {
        let table = MonthAge.FirstDayTable.shared
        #expect(table.earliest[month] == earliest)
        #expect(table.latest[month] == latest)
        #expect(MonthAge.possible(onDayCount: earliest).upperBound == month)
        #expect(MonthAge.possible(onDayCount: latest).lowerBound == month)
    }

    /// A month window's days are those on which some reader is in it; which readers is `applies(on:to:)`.
    @Test func monthWindowSpansTheDaysSomeReaderIsInIt() {
        let window = InsertWindow.months(from: 3, to: 4)
        #expect(window.range == DayKey.dayCount(90)...DayKey.dayCount(153))
        #expect(window.contains(.dayCount(90)))
        #expect(!window.applies(on: .dayCount(90), to: .anyReader), "day 90 is 2 months old for most readers")
        #expect(window.applies(on: .dayCount(93), to: .anyReader))
        #expect(window.applies(on: .dayCount(150), to: .anyReader))
        #expect(!window.applies(on: .dayCount(151), to: .anyReader), "day 151 is 5 months old for some readers")
        #expect(window.contains(.dayCount(153)))
        #expect(!window.contains(.dayCount(89)))
        #expect(!window.contains(.dayCount(154)))
        #expect(!window.contains(.gestation(weeks: 20, days: 0)))
        #expect(InsertWindow.months(from: 36, to: 36).range == DayKey.dayCount(1096)...DayKey.dayCount(1096))
    }

    @Test func weekAndDayWindows() {
        #expect(
            InsertWindow.weeks(from: 20, to: 23).range == DayKey.gestation(
                weeks: 20, days: 0)...DayKey.gestation(weeks: 23, days: 6))
        #expect(InsertWindow.days(from: 3, to: 21).contains(.dayCount(21)))
        #expect(!InsertWindow.days(from: 3, to: 21).contains(.dayCount(22)))
    }
}
