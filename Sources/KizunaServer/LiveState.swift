import KizunaCore

/// The outcome of one `serve` build, as the open pages are told it (`json`) and the console reports it.
public struct LiveState: Sendable, Equatable {
    /// Counts builds: a page that saw generation N reloads only for a later one.
    public var generation: Int
    /// The generation of the pages served: this one's if it succeeded, else the last that did.
    public var built = 0
    /// Why the build wrote nothing: every diagnostic, or one problem without a place (a missing folder). Empty: built.
    public var problems: [Problem] = []
    /// Edition ids the user asked for that do not exist.
    public var unknownEditions: [String] = []
    /// Paths on the server of the HTML pages the build wrote (`/sakuragaoka/preview/childcare/0045.html`).
    public var pages: [String] = []
    /// Per edition id, the page its open pages go to: the changed manuscript's day.
    public var navigation: [String: String] = [:]
    /// The content and template files whose change started the build.
    public var changedFiles: [String] = []
    public var warnings = 0
    public var rendered = 0
    public var messages = 0
    public var elapsed: Duration = .zero
    /// From the change to the editions' pages in place (before the review sheets); nil for a failed build.
    public var editionsElapsed: Duration?

    public init(generation: Int) {
        self.generation = generation
    }

    public var succeeded: Bool { problems.isEmpty }

    /// What this state adds to `early`, the same build's state once its editions were in place: the pages written
    /// after (the review sheets), and no page to go to (the pages have gone there).
    public func remainder(after early: LiveState) -> LiveState {
        var rest = self
        let shown = Set(early.pages)
        rest.pages = pages.filter { !shown.contains($0) }
        rest.navigation = [:]
        return rest
    }

    /// One finding shown in the browser's overlay and on the console, in either language.
    public struct Problem: Sendable, Equatable, Error {
        /// `content/manuscripts/childcare/0200.yaml:5:12`; nil for a problem with no place.
        public var location: String?
        public var severity: String
        public var rule: String?
        public var message: LocalizedText
        public var notes: [LocalizedText] = []

        public init(message: LocalizedText) {
            location = nil
            severity = Severity.error.rawValue
            rule = nil
            self.message = message
        }

        public init(message: String) {
            self.init(message: LocalizedText(en: message, ja: message))
        }

        public init(_ diagnostic: Diagnostic) {
            location = diagnostic.location.description
            severity = diagnostic.severity.rawValue
            rule = diagnostic.rule.rawValue
            message = diagnostic.message
            notes =
                diagnostic.notes.map { note in
                    guard let place = note.location else { return note.message }
                    return LocalizedText(en: "\(place): \(note.message.en)", ja: "\(place): \(note.message.ja)")
                }
                + (diagnostic.fixIt.map {
                    [LocalizedText(en: "fix-it: \($0.message.en)", ja: "fix-it: \($0.message.ja)")]
                } ?? [])
        }

        func json(_ language: Language) -> JSONValue {
            var object: [String: JSONValue] = [
                "severity": .string(severity), "message": .string(message[language]),
                "notes": .array(notes.map { .string($0[language]) }),
            ]
            if let location { object["location"] = .string(location) }
            if let rule { object["rule"] = .string(rule) }
            return .object(object)
        }
    }

    /// `session`: the server run's id, so that pages served by an earlier run reload.
    public func json(language: Language, session: String) -> [UInt8] {
        let errors = problems.filter { $0.severity == Severity.error.rawValue }.count
        let heading = LocalizedText(
            en:
                "\(errors) error\(errors == 1 ? "" : "s") in the content: nothing was rebuilt, these are the last good pages",
            ja: "原稿に\(errors)件のエラーがあります。再ビルドしていません。表示しているのは最後に成功したビルドのページです")
        return JSONValue.object([
            "generation": .int(generation),
            "built": .int(built),
            "session": .string(session),
            "ok": .bool(succeeded),
            "pages": .array(pages.map { .string($0) }),
            "navigate": .object(navigation.mapValues { .string($0) }),
            "problems": .array(problems.map { $0.json(language) }),
            "heading": .string(succeeded ? "" : heading[language]),
            "close": .string(LocalizedText(en: "Hide", ja: "閉じる")[language]),
            "lang": .string(language.rawValue),
        ]).bytes
    }
}
