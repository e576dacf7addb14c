/// The sign-off record of one text (`approvals:`): one entry per person, each bound to the exact reader-visible text
/// by its SHA-256 and, where signed, by an SSH signature over an `ApprovalStatement`.
public struct Approval: Sendable {
    public var entries: [ApprovalEntry]
    /// Where the `approvals:` (or legacy `approval:`) key is written.
    public var location: SourceLocation

    public init(entries: [ApprovalEntry], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    /// The day of the oldest entry for the text whose reader text has `sha256`, else of the newest entry: what a
    /// re-review is due from.
    public func date(approving sha256: String) -> CalendarDate? {
        entries.filter { $0.sha256.value == sha256 }.map(\.date.value).min() ?? entries.map(\.date.value).max()
    }

    /// Reviewer ids in the order they signed, each once.
    public var reviewerIDs: [String] {
        var seen: Set<String> = []
        return entries.map(\.by.value).filter { seen.insert($0).inserted }
    }
}

/// One person's approval of one text.
public struct ApprovalEntry: Sendable {
    /// The reviewer's id in reviewers.yaml.
    public var by: LocatedText
    /// The day of approval, `YYYY-MM-DD`.
    public var date: Located<CalendarDate>
    /// SHA-256 (hex) of the text's reader text when it was approved.
    public var sha256: LocatedText
    /// The armored SSHSIG over the entry's statement, if signed.
    public var signature: LocatedText?
    /// Where the entry starts.
    public var location: SourceLocation

    public init(
        by: LocatedText, date: Located<CalendarDate>, sha256: LocatedText, signature: LocatedText? = nil,
        location: SourceLocation
    ) {
        self.by = by
        self.date = date
        self.sha256 = sha256
        self.signature = signature
        self.location = location
    }
}

/// Which text an approval is for: what a signature names, so that it cannot be moved to another text.
public enum ApprovalSubject: Sendable, Hashable, CustomStringConvertible {
    /// A supervised manuscript, shared by every edition.
    case manuscript(DayKey)
    /// A municipality's insert, by id.
    case insert(String)
    /// An edition's message for a reader whose pregnancy ended or whose child died (`support/ID.yaml`), by id.
    case lossSupport(String)
    /// An edition's own texts (name, contacts, disclaimer and footer overrides, survey), by edition id.
    case edition(String)
    /// The disclaimer and footer every edition shares (kizuna.yaml).
    case shared

    /// `manuscript childcare/0045`, `insert sakuragaoka-boshi-techo`, `loss-support sakuragaoka-loss-support`,
    /// `edition sakuragaoka`, `shared`.
    public var description: String {
        switch self {
        case .manuscript(let day): "manuscript \(day.series.rawValue)/\(day.fileStem)"
        case .insert(let id): "insert \(id)"
        case .lossSupport(let id): "loss-support \(id)"
        case .edition(let id): "edition \(id)"
        case .shared: "shared"
        }
    }

    /// Whether the text's file names who may approve it (`approvers:` of an edition or kizuna.yaml), rather than
    /// a manuscript's supervisors or an insert's editions.
    var namesItsOwnApprovers: Bool {
        switch self {
        case .edition, .shared: true
        case .manuscript, .insert, .lossSupport: false
        }
    }

    /// Where `kizuna approve` keeps the approved version of the text, relative to the content folder.
    public var approvedCopyPath: String {
        switch self {
        case .manuscript(let day): "approved/\(day.series.rawValue)/\(day.fileStem).yaml"
        case .insert(let id): "approved/inserts/\(id).yaml"
        case .lossSupport(let id): "approved/\(LossSupport.folder)/\(id).yaml"
        case .edition(let id): "approved/editions/\(id).yaml"
        case .shared: "approved/kizuna.yaml"
        }
    }

    /// How an editor names the text: 「生まれて45日目の原稿」, 「差し込み情報 x」.
    public var label: LocalizedText {
        switch self {
        case .manuscript(let day):
            LocalizedText(en: "manuscript \(day.series.rawValue)/\(day.fileStem)", ja: "\(day.label)の原稿")
        case .insert(let id): LocalizedText(en: "insert '\(id)'", ja: "差し込み情報 \(id)")
        case .lossSupport(let id):
            LocalizedText(en: "loss support message '\(id)'", ja: "喪失時のサポートメッセージ \(id)")
        case .edition(let id): LocalizedText(en: "the texts of edition '\(id)'", ja: "版 '\(id)' の文面")
        case .shared: LocalizedText(en: "the shared disclaimer and footer", ja: "共通の免責事項とフッター")
        }
    }
}

/// A calendar day without time or zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The same day `months` later, clamped to the month's last day (31 March + 1 month = 30 April).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.days(inMonth: m, year: y)))!
    }

    /// Days since 1970-01-01 (proleptic Gregorian), so that days can be counted across months and leap years.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z: Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
