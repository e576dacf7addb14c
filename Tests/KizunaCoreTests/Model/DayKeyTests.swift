import Testing
@testable import KizunaCore

@Suite struct DayKeyTests {
    @Test func parsesBothSeries() {
        #expect(DayKey.parse("16w0d", series: .maternity) == .gestation(weeks: 16, days: 0))
        #expect(DayKey.parse("45", series: .childcare) == .dayCount(45))
        #expect(DayKey.parse("16w", series: .maternity) == nil)
        #expect(DayKey.parse("１６w0d", series: .maternity) == nil)
        #expect(DayKey.parse("45", series: .maternity) == nil)
        #expect(DayKey.parse("4.5", series: .childcare) == nil)
        #expect(DayKey.parse("-1", series: .childcare) == nil)
    }

    @Test func rangesOfTheSeries() {
        #expect(DayKey.gestation(weeks: 4, days: 0).isInRange)
        #expect(DayKey.gestation(weeks: 41, days: 6).isInRange)
        #expect(!DayKey.gestation(weeks: 3, days: 6).isInRange)
        #expect(!DayKey.gestation(weeks: 42, days: 0).isInRange)
        #expect(!DayKey.gestation(weeks: 20, days: 7).isInRange)
        #expect(DayKey.dayCount(1).isInRange)
        #expect(DayKey.dayCount(1096).isInRange)
        #expect(!DayKey.dayCount(0).isInRange)
        #expect(!DayKey.dayCount(1097).isInRange)
    }

    @Test func labelsAndGreetings() {
        #expect(DayKey.gestation(weeks: 16, days: 0).label == "妊娠16週0日")
        #expect(DayKey.dayCount(45).label == "生まれて45日目")
        #expect(DayKey.gestation(weeks: 16, days: 0).greeting == "{nickname}さん、今日で妊娠16週0日です。出産予定日まであと168日です。")
        #expect(DayKey.gestation(weeks: 40, days: 0).greeting.hasSuffix("今日が出産予定日です。"))
        #expect(DayKey.gestation(weeks: 41, days: 6).greeting.hasSuffix("出産予定日から13日が過ぎました。"))
        #expect(DayKey.dayCount(45).greeting == "{nickname}さん、赤ちゃんが生まれて45日目です。")
    }

    @Test func fileStemsSortInReadingOrder() {
        let keys: [DayKey] = [
            .gestation(weeks: 4, days: 0), .gestation(weeks: 10, days: 3), .dayCount(7), .dayCount(45), .dayCount(1096),
        ]
        #expect(keys.map(\.fileStem) == ["04w0d", "10w3d", "0007", "0045", "1096"])
        for series in Series.allCases {
            let stems = keys.filter { $0.series == series }.map(\.fileStem)
            #expect(stems.sorted() == stems, "file names of \(series) sort as the days do")
        }
        #expect(keys == keys.sorted())
    }

    @Test func dayReferences() {
        #expect(DayRef.parse("maternity/20w0d")?.day == .gestation(weeks: 20, days: 0))
        #expect(DayRef.parse("childcare/100")?.day == .dayCount(100))
        #expect(DayRef.parse("childcare/20w0d") == nil)
        #expect(DayRef.parse("parenting/100") == nil)
    }
}

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
