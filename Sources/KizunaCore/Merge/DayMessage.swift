/// One day's message of one edition: the manuscript with the edition's inserts, disclaimer and footer merged in.
/// Everything a payload or a preview needs, and nothing else.
/// Its fields live in one shared storage (`CopyOnWrite`), copied only when a copy is changed: a build passes each day's
/// message, and its neighbours', through the payload, the page and the index, and each copy retained a dozen
/// references.
public struct DayMessage: Sendable {
    private struct Fields: Sendable {
        var editionID: String
        var editionName: String
        var manuscript: Manuscript
        var inserts: [ResolvedInsert]
        var surveyURL: String?
        var disclaimer: String
        var footer: ResolvedFooter
        var nicknameMaxLength: Int
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        editionID: String, editionName: String, manuscript: Manuscript, inserts: [ResolvedInsert], surveyURL: String?,
        disclaimer: String, footer: ResolvedFooter, nicknameMaxLength: Int
    ) {
        fields = CopyOnWrite(
            Fields(
                editionID: editionID, editionName: editionName, manuscript: manuscript, inserts: inserts,
                surveyURL: surveyURL, disclaimer: disclaimer, footer: footer,
                nicknameMaxLength: nicknameMaxLength))
    }

    public var editionID: String {
        get { fields.value.editionID }
        set { fields.value.editionID = newValue }
    }
    public var editionName: String {
        get { fields.value.editionName }
        set { fields.value.editionName = newValue }
    }
    public var manuscript: Manuscript {
        get { fields.value.manuscript }
        set { fields.value.manuscript = newValue }
    }
    public var inserts: [ResolvedInsert] {
        get { fields.value.inserts }
        set { fields.value.inserts = newValue }
    }
    public var surveyURL: String? {
        get { fields.value.surveyURL }
        set { fields.value.surveyURL = newValue }
    }
    public var disclaimer: String {
        get { fields.value.disclaimer }
        set { fields.value.disclaimer = newValue }
    }
    public var footer: ResolvedFooter {
        get { fields.value.footer }
        set { fields.value.footer = newValue }
    }
    /// The longest nickname the edition allows: LINE's limits must hold with it in place of `{nickname}`.
    public var nicknameMaxLength: Int {
        get { fields.value.nicknameMaxLength }
        set { fields.value.nicknameMaxLength = newValue }
    }

    public var day: DayKey { manuscript.day.value }
    public var greeting: String { day.greeting }

    /// The payload's path inside the edition folder: `line/childcare/0045.json`.
    public var linePath: String { "line/\(day.series.rawValue)/\(day.fileStem).json" }
    /// The preview's path inside the edition folder: `preview/childcare/0045.html`.
    public var previewPath: String { "preview/\(day.series.rawValue)/\(day.fileStem).html" }
    /// The e-mail's path inside the edition folder: `email/childcare/0045.eml`.
    public var emailPath: String { "email/\(day.series.rawValue)/\(day.fileStem).eml" }
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
