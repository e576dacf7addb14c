/// Everything read from a content folder, in stable order, before cross-file validation.
public struct ContentSet: Sendable {
    public var configuration: Configuration?
    public var reviewers: [Reviewer]
    public var manuscripts: [Manuscript]
    public var editions: [Edition]
    public var inserts: [Insert]
    /// The editions' messages for a loss (`support/`), in path order.
    public var lossSupports: [LossSupport] = []
    /// Translations of manuscripts (shared) and of this share's inserts, in path order (`translations/`).
    public var translations: [Translation] = []
    /// What files that failed to load would have defined, so that their absence is not reported again elsewhere.
    public var unloaded = Unloaded()
    /// The style rules' settings from `style.yaml` (defaults when there is none).
    public var style = StyleConfiguration()
    /// The terminology dictionary from `terms.yaml` (empty when there is none, or when its self-tests fail).
    public var terms = TermDictionary()
    /// The national checkups and vaccinations (`reference/national-schedule.yaml`), when the folder has the table.
    public var reference: NationalSchedule?

    /// In a release build, what ships of each text (this content is then the content as released).
    public var released: ReleasePlan?

    /// Ids and days of files that exist but did not load.
    public struct Unloaded: Sendable {
        public var insertIDs: Set<String> = []
        public var lossSupportIDs: Set<String> = []
        public var editionIDs: Set<String> = []
        public var days: Set<DayKey> = []
        /// Paths of the manuscript files that did not load.
        public var manuscriptPaths: Set<String> = []
        /// The national schedule's file is there but did not load: inserts' `covers:` are not checked against it.
        public var reference = false
    }

    /// Set when this set is one edition's share of a larger content (see `EditionStream`): it then holds the
    /// edition and its inserts but not the manuscripts, and insert references are checked over the whole content.
    public var slice: Slice?

    /// What the rules of an edition's share need to know about the whole content.
    public struct Slice: Sendable {
        /// The days of every manuscript, loaded or not.
        public var days: Set<DayKey>
        /// The おめでとうカード's shared texts (kizuna.yaml), which an edition's own replace.
        public var sharedCard: CardText?
    }

    /// The card texts every edition takes unless it writes its own: kizuna.yaml's, also in a part of the content.
    var sharedCard: CardText? {
        slice.map(\.sharedCard) ?? configuration?.card
    }

    /// Every day a manuscript is written for, including those whose file did not load.
    var manuscriptDays: Set<DayKey> {
        slice?.days ?? Set(manuscripts.map(\.day.value)).union(unloaded.days)
    }

    public init(
        configuration: Configuration?, reviewers: [Reviewer], manuscripts: [Manuscript], editions: [Edition],
        inserts: [Insert]
    ) {
        self.configuration = configuration
        self.reviewers = reviewers
        self.manuscripts = manuscripts
        self.editions = editions
        self.inserts = inserts
    }
}
