/// One day's message of one edition: the manuscript with the edition's inserts, disclaimer and footer merged in.
/// Everything a payload or a preview needs, and nothing else.
/// A class, immutable once made: a build passes each day's message, and its neighbours', through the payload, the
/// page and the index, which all share it.
public final class DayMessage: Sendable {
    public let editionID: String
    public let editionName: String
    public let manuscript: Manuscript
    public let inserts: [ResolvedInsert]
    public let surveyURL: String?
    public let disclaimer: String
    public let footer: ResolvedFooter
    /// The longest nickname the edition allows: LINE's limits must hold with it in place of `{nickname}`.
    public let nicknameMaxLength: Int
    /// On a childcare day whose readers get different month-age inserts, the completed calendar months of the readers
    /// this variant of the day is for (`MonthAge`); nil when the message serves every reader of its day.
    public let readerMonths: Int?

    public init(
        editionID: String, editionName: String, manuscript: Manuscript, inserts: [ResolvedInsert], surveyURL: String?,
        disclaimer: String, footer: ResolvedFooter, nicknameMaxLength: Int, readerMonths: Int? = nil
    ) {
        self.editionID = editionID
        self.editionName = editionName
        self.manuscript = manuscript
        self.inserts = inserts
        self.surveyURL = surveyURL
        self.disclaimer = disclaimer
        self.footer = footer
        self.nicknameMaxLength = nicknameMaxLength
        self.readerMonths = readerMonths
    }

    public var day: DayKey { manuscript.day.value }
    /// The header label: 「生まれて45日目」, or 「1歳の誕生日」 for a birthday message (`Manuscript.label`).
    public var label: String { manuscript.label }
    public var greeting: String { manuscript.greeting }

    /// The file name stem of the day's files: `0045`, or `0366-m11` for the variant of readers 11 months old.
    public var fileStem: String { Self.fileStem(day, readerMonths: readerMonths) }

    static func fileStem(_ day: DayKey, readerMonths: Int?) -> String {
        day.fileStem + (readerMonths.map { "-m\($0)" } ?? "")
    }

    /// Whom a day's variant is for, as previews name it: 「生後11か月の読者」; nil for a message to every reader.
    var readersName: String? { readerMonths.map { "生後\($0)か月の読者" } }

    /// The day as previews name the page: 「生まれて366日目（生後11か月の読者）」 for a variant by month age.
    /// A birthday message names the day counts it can fall on: 「1歳の誕生日（生まれて366日目または367日目）」.
    var pageLabel: String {
        if let years = manuscript.anniversary?.value {
            let days = MonthAge.birthdayDayCounts(years)
            return label + "（生まれて\(days.lowerBound)日目または\(days.upperBound)日目）"
        }
        return readersName.map { label + "（\($0)）" } ?? label
    }

    /// The payload's path inside the edition folder: `line/childcare/0045.json`.
    public var linePath: String { "line/\(day.series.rawValue)/\(fileStem).json" }
    /// The preview's path inside the edition folder: `preview/childcare/0045.html`.
    public var previewPath: String { "preview/\(day.series.rawValue)/\(fileStem).html" }
    /// The e-mail's path inside the edition folder: `email/childcare/0045.eml`.
    public var emailPath: String { "email/\(day.series.rawValue)/\(fileStem).eml" }
}

/// An insert as it appears in one edition: its desk resolved to a name and number.
/// A class: every day message of the insert's window shares it, so a copy retains one reference, not each field's.
public final class ResolvedInsert: Sendable {
    public let insert: Insert
    public let contact: ContactDesk?

    init(insert: Insert, contact: ContactDesk?) {
        self.insert = insert
        self.contact = contact
    }
}

/// The footer with the edition's overrides applied.
public struct ResolvedFooter: Sendable {
    public var unsubscribeLabel: String
    public var unsubscribeURL: String
    public var publisher: String
    public var publisherURL: String?
    /// The edition's first desk: the footer's contact.
    public var contact: ContactDesk?
}
