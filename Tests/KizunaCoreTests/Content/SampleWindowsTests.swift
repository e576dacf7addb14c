import Testing
@testable import KizunaCore

/// The sample's municipal inserts reach the days whose manuscripts speak of them (issue 26): the vaccination notice is
/// in day 60 「予防接種の準備をしましょう」, early enough to book, the weaning class in day 151 「離乳食をはじめる目安」,
/// and the 24-hour desk in the days that speak of low mood, for every reader of those days whatever the birth date.
@Suite struct SampleWindowsTests {
    /// The sample content, validated once for the suite.
    static let content: ValidatedContent? = {
        guard let files = try? ContentFixtures.read(Paths.content) else { return nil }
        return Validator().validate(files, checkingPayloads: false).content
    }()

    static let editions = ["minamikawa", "sakuragaoka"]

    /// The edition and its insert `<edition>-<name>`, which the edition must send.
    static func insert(_ name: String, of edition: String) throws -> (ValidatedContent, Edition, Insert) {
        let content = try #require(Self.content)
        let id = "\(edition)-\(name)"
        let found = try #require(content.edition(edition), "no edition \(edition)")
        #expect(found.inserts.map(\.value).contains(id), "\(edition) does not send \(id)")
        let insert = try #require(content.content.inserts.first { $0.id.value == id }, "no insert \(id)")
        return (content, found, insert)
    }

    /// The insert reaches every reader of childcare day `n`: the one message for all readers of the day, each month age
    /// a reader can have on it, and every message the edition compiles for that day.
    static func expectEveryReader(of n: Int, gets name: String, in edition: String) throws {
        let (content, found, insert) = try Self.insert(name, of: edition)
        let day = DayKey.dayCount(n)
        #expect(insert.window.value.applies(on: day, to: .anyReader), "\(insert.id.value) misses day \(n)")
        for month in MonthAge.possible(onDayCount: n) {
            #expect(
                insert.window.value.applies(on: day, to: .months(month)),
                "\(insert.id.value) misses day \(n) for a child \(month) months old")
        }
        let messages = content.compiler.messages(for: found).filter { $0.day == day }
        #expect(!messages.isEmpty, "\(edition) sends nothing on childcare day \(n)")
        for message in messages {
            #expect(
                message.inserts.map(\.insert.id.value).contains(insert.id.value),
                "\(message.fileStem) of \(edition) lacks \(insert.id.value)")
        }
    }

    @Test(arguments: editions) func vaccinationStartCoversDay60(edition: String) throws {
        try Self.expectEveryReader(of: 60, gets: "vaccination-start", in: edition)
    }

    /// Parents book the first vaccinations before the child turns 2 months, which is day 60 at the earliest: the notice
    /// is already there on day 59 and from month 1, and still there at the end of month 2.
    @Test(arguments: editions) func vaccinationStartComesInTimeToBook(edition: String) throws {
        let (_, _, insert) = try Self.insert("vaccination-start", of: edition)
        let window = insert.window.value
        #expect(window.applies(on: .dayCount(59), to: .anyReader))
        #expect(window.applies(on: .dayCount(45), to: .months(1)))
        #expect(window.applies(on: .dayCount(89), to: .months(2)))
        #expect(!window.applies(on: .dayCount(28), to: .months(0)), "not before the child is 1 month old")
    }

    @Test(arguments: editions) func weaningClassCoversDay151(edition: String) throws {
        try Self.expectEveryReader(of: 151, gets: "weaning-class", in: edition)
    }

    /// The messages about low mood carry the edition's 24-hour desk as a tel button.
    @Test(arguments: editions) func twentyFourHourDeskReachesTheLowMoodDays(edition: String) throws {
        for n in [14, 25, 50] {
            try Self.expectEveryReader(of: n, gets: "kokoro-24h", in: edition)
        }
        let (_, found, insert) = try Self.insert("kokoro-24h", of: edition)
        let desk = try #require(found.contacts.first { $0.id.value == insert.contact?.value })
        #expect(desk.hours?.value.contains("24時間") == true, "\(desk.id.value) is not a 24-hour desk")
    }

    /// Every title, heading and text a parent reads in the sample's manuscripts and inserts is written with the terms of
    /// terms.yaml, and the dictionary holds the wording choices of issue 26.
    @Test func everySampleTextPassesTheTerms() throws {
        let content = try #require(Self.content).content
        let expected = Set(content.terms.entries.map(\.expected))
        let chosen: Set = ["じょうず", "ことば", "せなか", "つきあい", "つきあう", "に1回", "ご家族へ", "パートナーや家族", "マイナ保険証"]
        #expect(chosen.isSubset(of: expected), "missing: \(chosen.subtracting(expected).sorted())")
        var texts: [LocatedText] = []
        for manuscript in content.manuscripts {
            texts.append(manuscript.title)
            for section in manuscript.sections { texts += [section.heading, section.text] }
        }
        for insert in content.inserts { texts += [insert.title, insert.text] }
        #expect(texts.count > 300)
        for text in texts {
            let found = content.terms.matches(in: Array(text.value.unicodeScalars))
            #expect(found.isEmpty, "\(text.location): \(found.map(\.entry.expected))")
        }
        #expect(!texts.contains { $0.value.contains("ママとパパへ") })
    }
}
