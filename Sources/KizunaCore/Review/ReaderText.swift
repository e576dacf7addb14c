import Crypto

/// Everything a parent reads of a manuscript, in one canonical NFC text: what an approval is bound to and what
/// a review sheet compares. Comments, sources, supervisors and review fields are not part of it.
public struct ReaderText: Sendable, Hashable {
    public var text: String

    public init(_ manuscript: Manuscript) {
        var lines = ["\(manuscript.day.value.label)", "# \(manuscript.title.value)"]
        for section in manuscript.sections {
            lines.append("")
            lines.append("## \(section.heading.value)")
            lines.append(section.text.value.trimmingTrailingWhitespace)
        }
        text = lines.joined(separator: "\n").nfc + "\n"
    }

    public init(text: String) {
        self.text = text.nfc
    }

    /// SHA-256 of the text's UTF-8, lowercase hex.
    public var sha256: String {
        SHA256.hash(data: Array(text.utf8)).hexString
    }
}

extension SHA256.Digest {
    /// Lowercase hex, as written in approvals and manifests.
    var hexString: String { withUnsafeBytes { lowercaseHex($0) } }
}

extension ReaderText {
    /// Everything a parent reads of an insert, and when they read it.
    public init(_ insert: Insert) {
        var lines = ["insert \(insert.id.value)", "window: \(insert.window.value)", "# \(insert.title.value)"]
        lines.append(insert.text.value.trimmingTrailingWhitespace)
        if let link = insert.link { lines.append("link: \(link.value)") }
        if let contact = insert.contact { lines.append("contact: \(contact.value)") }
        self.init(text: lines.joined(separator: "\n") + "\n")
    }

    /// Everything a parent reads of a loss support message: its title, its text and the desks it lists (their names,
    /// numbers and hours are the edition's texts).
    public init(_ support: LossSupport) {
        var lines = ["loss-support \(support.id.value)", "# \(support.title.value)"]
        lines.append(support.text.value.trimmingTrailingWhitespace)
        lines.append("contacts: \(support.contacts.map(\.value).joined(separator: ", "))")
        self.init(text: lines.joined(separator: "\n") + "\n")
    }

    /// An edition's own texts: its name, its desks, its disclaimer and footer overrides, its unsubscribe link and
    /// its survey.
    public init(_ edition: Edition) {
        var lines = [
            "edition \(edition.id.value)", "name: \(edition.name.value)", "municipality: \(edition.municipality.value)",
        ]
        for desk in edition.contacts {
            lines.append(
                "contact \(desk.id.value): \(desk.name.value) / \(desk.phone.value)"
                    + (desk.hours.map { " / \($0.value)" } ?? ""))
        }
        if let disclaimer = edition.disclaimer { lines.append("disclaimer: \(disclaimer.value)") }
        if let label = edition.footer.unsubscribeLabel { lines.append("unsubscribe_label: \(label.value)") }
        if let publisher = edition.footer.publisher { lines.append("publisher: \(publisher.value)") }
        if let url = edition.footer.publisherURL { lines.append("publisher_url: \(url.value)") }
        lines.append("unsubscribe_url: \(edition.unsubscribeURL.value)")
        if let survey = edition.survey {
            lines.append("survey: \(survey.url.value) on \(survey.days.map { "\($0.value)" }.joined(separator: ", "))")
        }
        if let registration = edition.registration {
            if let url = registration.lineURL { lines.append("registration line_url: \(url.value)") }
            if let account = registration.lineAccount { lines.append("registration line_account: \(account.value)") }
            if let url = registration.emailURL { lines.append("registration email_url: \(url.value)") }
        }
        if let card = edition.card { lines += card.readerLines }
        self.init(text: lines.joined(separator: "\n") + "\n")
    }

    /// The disclaimer and footer every edition shares.
    public init(_ configuration: Configuration) {
        var lines = [
            "shared", "disclaimer: \(configuration.disclaimer.value)",
            "unsubscribe_label: \(configuration.footer.unsubscribeLabel.value)",
            "publisher: \(configuration.footer.publisher.value)",
        ]
        if let url = configuration.footer.publisherURL { lines.append("publisher_url: \(url.value)") }
        if let card = configuration.card { lines += card.readerLines }
        self.init(text: lines.joined(separator: "\n") + "\n")
    }
}

extension CardText {
    /// The card's texts as `card KEY: TEXT` lines of a reader text (a text of several lines keeps them).
    fileprivate var readerLines: [String] {
        texts.map { "card \($0.key): \($0.text.value.trimmingTrailingWhitespace)" }
            + (contact.map { ["card contact: \($0.value)"] } ?? [])
    }
}
