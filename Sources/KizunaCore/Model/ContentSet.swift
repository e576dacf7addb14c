/// Everything read from a content folder, in stable order, before cross-file validation.
public struct ContentSet: Sendable {
    public var configuration: Configuration?
    public var reviewers: [Reviewer]
    public var manuscripts: [Manuscript]
    public var editions: [Edition]
    public var inserts: [Insert]

    public init(configuration: Configuration?, reviewers: [Reviewer], manuscripts: [Manuscript], editions: [Edition], inserts: [Insert]) {
        self.configuration = configuration
        self.reviewers = reviewers
        self.manuscripts = manuscripts
        self.editions = editions
        self.inserts = inserts
    }
}
