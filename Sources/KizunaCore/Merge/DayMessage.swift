/// One day's message of one edition: the manuscript with the edition's inserts, disclaimer and footer merged in.
/// Everything a payload or a preview needs, and nothing else.
/// Its fields live in one shared storage, copied only when a copy is changed: a build passes each day's message, and
/// its neighbours', through the payload, the page and the index, and each copy retained a dozen references.
public struct DayMessage: Sendable {
    /// Changed only while uniquely referenced (see `unique`), so sharing it across threads is safe.
    private final class Storage: @unchecked Sendable {
        var editionID: String
        var editionName: String
        var manuscript: Manuscript
        var inserts: [ResolvedInsert]
        var surveyURL: String?
        var disclaimer: String
        var footer: ResolvedFooter
        var nicknameMaxLength: Int

        init(editionID: String, editionName: String, manuscript: Manuscript, inserts: [ResolvedInsert], surveyURL: String?, disclaimer: String, footer: ResolvedFooter, nicknameMaxLength: Int) {
            self.editionID = editionID
            self.editionName = editionName
            self.manuscript = manuscript
            self.inserts = inserts
            self.surveyURL = surveyURL
            self.disclaimer = disclaimer
            self.footer = footer
            self.nicknameMaxLength = nicknameMaxLength
        }

        func copy() -> Storage {
            Storage(editionID: editionID, editionName: editionName, manuscript: manuscript, inserts: inserts, surveyURL: surveyURL, disclaimer: disclaimer, footer: footer, nicknameMaxLength: nicknameMaxLength)
        }
    }

    private var storage: Storage

    public init(editionID: String, editionName: String, manuscript: Manuscript, inserts: [ResolvedInsert], surveyURL: String?, disclaimer: String, footer: ResolvedFooter, nicknameMaxLength: Int) {
        storage = Storage(editionID: editionID, editionName: editionName, manuscript: manuscript, inserts: inserts, surveyURL: surveyURL, disclaimer: disclaimer, footer: footer, nicknameMaxLength: nicknameMaxLength)
    }

    /// The storage, made unique before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var editionID: String {
        get { storage.editionID }
        set { unique.editionID = newValue }
    }
    public var editionName: String {
        get { storage.editionName }
        set { unique.editionName = newValue }
    }
    public var manuscript: Manuscript {
        get { storage.manuscript }
        set { unique.manuscript = newValue }
    }
    public var inserts: [ResolvedInsert] {
        get { storage.inserts }
        set { unique.inserts = newValue }
    }
    public var surveyURL: String? {
        get { storage.surveyURL }
        set { unique.surveyURL = newValue }
    }
    public var disclaimer: String {
        get { storage.disclaimer }
        set { unique.disclaimer = newValue }
    }
    public var footer: ResolvedFooter {
        get { storage.footer }
        set { unique.footer = newValue }
    }
    /// The longest nickname the edition allows: LINE's limits must hold with it in place of `{nickname}`.
    public var nicknameMaxLength: Int {
        get { storage.nicknameMaxLength }
        set { unique.nicknameMaxLength = newValue }
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
/// A class: every day message of the insert's window shares it, and copying the insert's fields for each was a
/// tenth of `validate`'s time.
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
