import Testing
@testable import KizunaCore

@Suite struct InsertWindowTests {
    /// The stated conversion: a child turns m months on day count floor(m × 30.4375) + 1.
    @Test(arguments: [
        (0, 1), (1, 31), (2, 61), (3, 92), (4, 122), (5, 153), (6, 183), (12, 366), (18, 548), (24, 731), (36, 1096),
    ])
    func monthToDayConversion(month: Int, day: Int) {
        #expect(InsertWindow.firstDayCount(ofMonth: month) == day)
    }

    @Test func monthWindowRunsToTheDayBeforeTheNextMonth() {
        let window = InsertWindow.months(from: 3, to: 4)
        #expect(window.range == DayKey.dayCount(92)...DayKey.dayCount(152))
        #expect(window.contains(.dayCount(92)))
        #expect(window.contains(.dayCount(152)))
        #expect(!window.contains(.dayCount(91)))
        #expect(!window.contains(.dayCount(153)))
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
