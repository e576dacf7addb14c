/// Everything read from a content folder, in stable order, before cross-file validation.
public struct ContentSet: Sendable {
    public var configuration: Configuration?
    public var reviewers: [Reviewer]
    public var manuscripts: [Manuscript]
    public var editions: [Edition]
    public var inserts: [Insert]
    /// What files that failed to load would have defined, so that their absence is not reported again elsewhere.
    public var unloaded = Unloaded()
    /// The style rules' settings from `style.yaml` (defaults when there is none).
    public var style = StyleConfiguration()
    /// The terminology dictionary from `terms.yaml` (empty when there is none, or when its self-tests fail).
    public var terms = TermDictionary()

    /// Ids and days of files that exist but did not load.
    public struct Unloaded: Sendable {
        public var insertIDs: Set<String> = []
        public var editionIDs: Set<String> = []
        public var days: Set<DayKey> = []
    }

    public init(configuration: Configuration?, reviewers: [Reviewer], manuscripts: [Manuscript], editions: [Edition], inserts: [Insert]) {
        self.configuration = configuration
        self.reviewers = reviewers
        self.manuscripts = manuscripts
        self.editions = editions
        self.inserts = inserts
    }
}
