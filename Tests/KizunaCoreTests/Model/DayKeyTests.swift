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
