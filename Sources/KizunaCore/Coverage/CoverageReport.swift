/// What `kizuna coverage` reports: per series, the cadence days (`Cadence`) with no manuscript and the manuscripts off
/// the cadence; per edition, which checkups and vaccinations of the national schedule no insert announces.
public struct CoverageReport: Sendable {
    /// Where a build writes an edition's coverage page, inside the edition's folder.
    public static let previewPath = "preview/coverage.html"

    /// Where one day of a series stands.
    public enum DayState: String, Sendable {
        /// A cadence day with a manuscript.
        case covered
        /// A cadence day with none.
        case missing
        /// A manuscript on a day the cadence does not send on.
        case offCadence = "off-cadence"
        /// A birthday message (`anniversary:`) off the grid: on the cadence by definition.
        case birthday
    }

    public struct Day: Sendable {
        public let day: DayKey
        public let state: DayState
    }

    public struct SeriesCoverage: Sendable {
        public let series: Series
        /// Every cadence day and every manuscript's day, in reading order.
        public let days: [Day]
        public let manuscriptCount: Int

        public var cadenceCount: Int { days.count { $0.state == .covered || $0.state == .missing } }
        public func days(_ state: DayState) -> [DayKey] { days.filter { $0.state == state }.map(\.day) }
    }

    /// Where a checkup or vaccination stands in one edition.
    public enum EntryState: String, Sendable {
        /// An insert that names it reaches a reader within its period.
        case covered
        /// No insert does.
        case missing
        /// After the series end, and an insert that names it is sent: announced ahead.
        case announced
        /// After the series end, and no insert announces it.
        case afterSeriesEnd = "after-series-end"
    }

    public struct EntryCoverage: Sendable {
        public let entry: NationalSchedule.Entry
        public let state: EntryState
        /// The inserts that cover or announce it.
        public let inserts: [String]
    }

    public struct EditionCoverage: Sendable {
        public let id: String
        public let name: String
        public let series: [Series]
        /// Empty when the edition does not send the childcare series.
        public let entries: [EntryCoverage]
    }

    public let series: [SeriesCoverage]
    public let editions: [EditionCoverage]
    public let reference: NationalSchedule?

    /// The coverage of `series` by `manuscripts`, and of the reference by each edition's inserts (the inserts it
    /// names, as resolved), over the days of its series that have a manuscript.
    public init(
        manuscripts: [Manuscript], series: [Series], editions: [(edition: Edition, inserts: [Insert])],
        reference: NationalSchedule?
    ) {
        self.reference = reference
        self.series = series.sorted().map { s in
            let written = manuscripts.filter { $0.series == s }
            let birthdays = Set(written.filter { $0.anniversary != nil }.map(\.day.value))
            let have = Set(written.map(\.day.value))
            var days = Cadence.days(of: s).map { Day(day: $0, state: have.contains($0) ? .covered : .missing) }
            for day in have.sorted() where !Cadence.contains(day) {
                days.append(Day(day: day, state: birthdays.contains(day) ? .birthday : .offCadence))
            }
            days.sort { $0.day < $1.day }
            return SeriesCoverage(series: s, days: days, manuscriptCount: written.count)
        }
        let childcareDays = Set(
            manuscripts.compactMap { m -> Int? in
                if case .dayCount(let n) = m.day.value { n } else { nil }
            }
        ).sorted()
        self.editions = editions.map { edition, inserts in
            let sends = edition.series.map(\.value)
            let entries =
                sends.contains(.childcare)
                ? (reference?.entries ?? []).map { Self.coverage(of: $0, by: inserts, days: childcareDays) } : []
            return EditionCoverage(
                id: edition.id.value, name: edition.name.value, series: Series.allCases.filter(sends.contains),
                entries: entries)
        }
    }

    private static func coverage(of entry: NationalSchedule.Entry, by inserts: [Insert], days: [Int]) -> EntryCoverage {
        let naming = inserts.filter { $0.covers.contains { $0.value == entry.id.value } }
        if entry.isAfterSeriesEnd {
            // Announced ahead: sent to somebody at all.
            let sent = naming.filter { insert in days.contains { insert.window.value.readerAges(onDayCount: $0) != nil }
            }
            return EntryCoverage(
                entry: entry, state: sent.isEmpty ? .afterSeriesEnd : .announced, inserts: sent.map(\.id.value))
        }
        let reaching = naming.filter { !InsertCoversRule.reachingDays($0.window.value, entry, days: days).isEmpty }
        return EntryCoverage(
            entry: entry, state: reaching.isEmpty ? .missing : .covered, inserts: reaching.map(\.id.value))
    }
}

extension CoverageReport {
    /// The report of a whole content (`kizuna coverage`), or of one edition: its series and its inserts.
    public init(content: ContentSet, edition: Edition? = nil) {
        let editions = edition.map { [$0] } ?? content.editions
        let byID = Dictionary(content.inserts.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let series =
            edition.map { Series.allCases.filter(Set($0.series.map(\.value)).contains) } ?? Series.allCases
        self.init(
            manuscripts: content.manuscripts, series: series,
            editions: editions.map { e in (e, e.inserts.compactMap { byID[$0.value] }) },
            reference: content.reference)
    }
}
