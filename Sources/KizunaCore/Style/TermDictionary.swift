/// The terminology dictionary (`content/terms.yaml`): for each expected term, the wrong forms to look for, and
/// self-tests that must pass for the dictionary to load. Words on the allowlist (long medical compounds) are never
/// matched inside.
///
/// ```yaml
/// terms:
///   - expected: 母子健康手帳
///     patterns: [母子手帳]
///     tests:
///       ok: [母子健康手帳を受け取りましょう。]
///       ng: [母子手帳を受け取りましょう。]
/// allow: [妊娠高血圧症候群]
/// ```
public struct TermDictionary: Sendable {
    public struct Entry: Sendable {
        public var expected: String
        public var patterns: [String]
    }

    public var entries: [Entry] = []
    public var allow: [String] = []

    public init(entries: [Entry] = [], allow: [String] = []) {
        self.entries = entries
        self.allow = allow
    }

    /// Matches in `text`: (scalar offset, scalar length, entry), allowlisted spans excepted, earliest first.
    func matches(in text: [Unicode.Scalar]) -> [(offset: Int, length: Int, entry: Entry)] {
        var allowed = Set<Int>()
        for word in allow {
            let w = Array(word.unicodeScalars)
            for start in Self.occurrences(of: w, in: text) { allowed.formUnion(start..<(start + w.count)) }
        }
        var found: [(Int, Int, Entry)] = []
        var taken = Set<Int>()
        for entry in entries {
            for pattern in entry.patterns {
                let p = Array(pattern.unicodeScalars)
                for start in Self.occurrences(of: p, in: text) {
                    let span = start..<(start + p.count)
                    if span.contains(where: { allowed.contains($0) || taken.contains($0) }) { continue }
                    taken.formUnion(span)
                    found.append((start, p.count, entry))
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map { (offset: $0.0, length: $0.1, entry: $0.2) }
    }

    static func occurrences(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, text.count >= needle.count else { return [] }
        return (0...(text.count - needle.count)).filter { text[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// Reads `terms.yaml`; a dictionary whose self-tests fail is reported and not used.
struct TermDictionaryLoader {
    func load(_ document: YAMLDocument, into diagnostics: inout [Diagnostic]) -> TermDictionary {
        guard
            let reader = MappingReader(
                document.root, in: document, what: LocalizedText(en: "terminology dictionary", ja: "用語辞書"),
                keys: ["terms", "allow"], into: &diagnostics)
        else { return TermDictionary() }
        let allow = (reader.textList("allow", required: false, into: &diagnostics) ?? []).map(\.value)
        var entries: [TermDictionary.Entry] = []
        var tests: [(entry: Int, text: LocatedText, shouldMatch: Bool)] = []
        for node in reader.list("terms", into: &diagnostics) ?? [] {
            guard
                let e = MappingReader(
                    node, in: document, what: LocalizedText(en: "term", ja: "用語"),
                    keys: ["expected", "patterns", "tests"], into: &diagnostics),
                let expected = e.text("expected", into: &diagnostics),
                let patterns = e.textList("patterns", into: &diagnostics)
            else { continue }
            if let testsNode = e.value("tests"),
                let t = MappingReader(
                    testsNode, in: document, what: LocalizedText(en: "tests", ja: "自己テスト（tests）"), keys: ["ok", "ng"],
                    into: &diagnostics)
            {
                for ok in t.textList("ok", required: false, into: &diagnostics) ?? [] {
                    tests.append((entries.count, ok, false))
                }
                for ng in t.textList("ng", required: false, into: &diagnostics) ?? [] {
                    tests.append((entries.count, ng, true))
                }
            }
            entries.append(TermDictionary.Entry(expected: expected.value, patterns: patterns.map(\.value)))
        }
        let dictionary = TermDictionary(entries: entries, allow: allow)
        var failed = false
        for test in tests {
            let matched = dictionary.matches(in: Array(test.text.value.unicodeScalars)).contains {
                $0.entry.expected == entries[test.entry].expected
            }
            if matched != test.shouldMatch {
                failed = true
                let expected = entries[test.entry].expected
                diagnostics.append(
                    Diagnostic(
                        .termsSelfTest, at: test.text.location,
                        test.shouldMatch
                            ? LocalizedText(
                                en: "self-test: this 'ng' example should be caught for 「\(expected)」 but is not",
                                ja: "自己テスト: この 'ng' の例は「\(expected)」の項目で検出されるべきですが、検出されません")
                            : LocalizedText(
                                en: "self-test: this 'ok' example is caught for 「\(expected)」 but should pass",
                                ja: "自己テスト: この 'ok' の例は通るべきですが、「\(expected)」の項目で検出されます")))
            }
        }
        return failed ? TermDictionary() : dictionary
    }
}

extension RuleID {
    public static let termsSelfTest = RuleID("terms-self-test")
}

/// Reported as terms.yaml is loaded; its wrong forms in messages are `style-terminology`.
extension TermDictionaryLoader {
    static let termsSelfTest = RuleDescription(
        .termsSelfTest, .error, en: "A failing self-test of the terminology dictionary", ja: "用語辞書の自己テストの失敗")
}
