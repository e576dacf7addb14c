import Yams

/// Reads one YAML mapping against the keys a schema allows, reporting every deviation as a diagnostic.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]
    /// What the mapping is, for messages: "manuscript"/「原稿」, "section"/「セクション」, "contact desk"/「窓口」.
    let what: LocalizedText
    /// Keys an unknown key was taken for (`titel` → `title`): their absence is not reported twice.
    let suggested: Set<String>

    /// Nil (with a diagnostic) when `node` is not a mapping. Unknown keys are reported with a did-you-mean.
    init?(
        _ node: Node, in document: YAMLDocument, what: LocalizedText, keys: [String],
        into diagnostics: inout [Diagnostic]
    ) {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(
                Diagnostic(
                    .schemaType, at: document.location(of: node),
                    LocalizedText(
                        en: "\(what.en) must be a mapping of keys to values, found \(node.kindName)",
                        ja: "\(what.ja) はキーと値のマッピングでなければなりません（\(node.kind.ja)になっています）"
                    ).tidied))
            return nil
        }
        self.document = document
        self.node = node
        self.what = what
        var pairs: [(String, Node, Node)] = []
        var suggested = Set<String>()
        let written = Set(mapping.keys.compactMap { $0.scalar?.string })
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(
                    Diagnostic(
                        .schemaType, at: document.location(of: key),
                        en: "a key must be plain text", ja: "キーにはテキストしか使えません"))
                continue
            }
            if !keys.contains(name) {
                let location = document.location(of: key)
                var fixIt: FixIt?
                var message = LocalizedText(
                    en: "unknown key '\(name)' in \(what.en)", ja: "\(what.ja) にキー '\(name)' は使えません")
                if let suggestion = closestMatch(to: name, in: keys) {
                    suggested.insert(suggestion)
                    message += .didYouMean(suggestion)
                    // With one likely meaning, `fix` may apply it, and the value is still read as the key meant, so
                    // that one typo hides no other finding; the unknown key stays an error, so nothing is built.
                    if unambiguousMatch(to: name, in: keys) == suggestion {
                        fixIt = Self.replacing(key, with: suggestion, in: document)
                        if !written.contains(suggestion) { pairs.append((suggestion, key, value)) }
                    }
                }
                let allowed = keys.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .schemaUnknownKey, at: location, message.tidied,
                        notes: [
                            DiagnosticNote(
                                en: "allowed keys: " + allowed,
                                ja: "使えるキー: " + keys.map { "'\($0)'" }.joined(separator: "、"))
                        ], fixIt: fixIt))
                continue
            }
            pairs.append((name, key, value))
        }
        self.suggested = suggested
        self.pairs = pairs.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    var location: SourceLocation { document.location(of: node) }

    /// A fix-it replacing a whole scalar (a misspelt key or value) as written, which `kizuna fix` applies when the
    /// scalar is written plainly on one line.
    static func replacing(_ scalar: Node, with replacement: String, in document: YAMLDocument) -> FixIt {
        guard case .scalar(let s) = scalar else {
            let at = document.location(of: scalar)
            return FixIt(.replaceWith(replacement), start: at, end: at, replacement: replacement)
        }
        return replacing(LocatedText(scalar: s, source: document.source), with: replacement)
    }

    static func replacing(_ text: LocatedText, with replacement: String) -> FixIt {
        let count = text.value.unicodeScalars.count
        if let span = text.sourceSpan(ofScalars: 0..<count) {
            return FixIt(
                .replaceWith(replacement), start: text.location, end: text.location(after: span),
                replacement: replacement, span: span)
        }
        let end = SourceLocation(
            file: text.location.file, line: text.location.line, column: text.location.column + text.value.count)
        return FixIt(.replaceWith(replacement), start: text.location, end: end, replacement: replacement)
    }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// The value of a required key, or a `schema-missing-key` diagnostic at the mapping.
    func required(_ key: String, into diagnostics: inout [Diagnostic]) -> Node? {
        if let node = value(key) { return node }
        if suggested.contains(key) { return nil }
        diagnostics.append(
            Diagnostic(
                .schemaMissingKey, at: location,
                LocalizedText(
                    en: "\(what.en) has no '\(key)'", ja: "\(what.ja) に '\(key)' がありません"
                ).tidied))
        return nil
    }

    /// What a key's value is, for messages: "'title' in manuscript"/「原稿の 'title'」.
    func what(_ key: String) -> LocalizedText {
        LocalizedText(en: "'\(key)' in \(what.en)", ja: "\(what.ja) の '\(key)' ")
    }

    /// A text value, kept as written. `required` reports a missing key; an empty or `~` value is always reported.
    func text(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> LocatedText? {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        return Self.text(node, in: document, what: what(key), into: &diagnostics)
    }

    static func text(_ node: Node, in document: YAMLDocument, what: LocalizedText, into diagnostics: inout [Diagnostic])
        -> LocatedText?
    {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(
                Diagnostic(
                    .schemaType, at: document.location(of: node),
                    LocalizedText(
                        en: "\(what.en) must be text, found \(node.kindName)",
                        ja: "\(what.ja) はテキストでなければなりません（\(node.kind.ja)になっています）"
                    ).tidied))
            return nil
        }
        if scalar.isEmptyValue {
            diagnostics.append(
                Diagnostic(
                    .schemaEmpty, at: document.location(of: node),
                    LocalizedText(
                        en: "\(what.en) is empty", ja: "\(what.ja) に値がありません"
                    ).tidied))
            return nil
        }
        return LocatedText(scalar: scalar, source: document.source)
    }

    /// A whole number written in digits.
    func integer(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> Located<Int>?
    {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        return Self.integer(node, in: document, what: what(key), into: &diagnostics)
    }

    static func integer(
        _ node: Node, in document: YAMLDocument, what: LocalizedText, into diagnostics: inout [Diagnostic]
    ) -> Located<Int>? {
        let location = document.location(of: node)
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, scalar.string.count <= 9,
            scalar.string.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(scalar.string)
        else {
            diagnostics.append(
                Diagnostic(
                    .schemaType, at: location,
                    LocalizedText(
                        en: "\(what.en) must be a whole number written in digits, found \(node.kindDescription)",
                        ja: "\(what.ja) は半角数字で書いた整数でなければなりません（ \(node.kindValue.ja) になっています）"
                    ).tidied))
            return nil
        }
        return Located(value, at: location)
    }

    /// `true` or `false`; an absent key gives nil.
    func boolean(_ key: String, into diagnostics: inout [Diagnostic]) -> Located<Bool>? {
        guard let text = text(key, required: false, into: &diagnostics) else { return nil }
        switch text.value {
        case "true": return Located(true, at: text.location)
        case "false": return Located(false, at: text.location)
        default:
            diagnostics.append(
                Diagnostic(
                    .schemaValue, at: text.location,
                    en: "'\(key)' in \(what.en) must be true or false, not '\(text.value)'",
                    ja: "\(what.ja) の '\(key)' は true か false でなければなりません（\(Japanese.quote(text.value)) になっています）"))
            return nil
        }
    }

    /// A sequence's items; a missing key gives nil, a non-sequence a diagnostic.
    func list(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> [Node]? {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                Diagnostic(
                    .schemaType, at: document.location(of: node),
                    LocalizedText(
                        en: "'\(key)' in \(what.en) must be a list, found \(node.kindDescription)",
                        ja: "\(what.ja) の '\(key)' はリストでなければなりません（ \(node.kindValue.ja) になっています）"
                    ).tidied))
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts (ids, names).
    func textList(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic])
        -> [LocatedText]?
    {
        guard let items = list(key, required: isRequired, into: &diagnostics) else { return nil }
        let item = LocalizedText(en: "an item of '\(key)'", ja: " '\(key)' の項目")
        return items.compactMap { Self.text($0, in: document, what: item, into: &diagnostics) }
    }

    /// A value from a fixed set, with a did-you-mean when it is close to one.
    func choice<T: RawRepresentable>(
        _ key: String, of type: T.Type, required isRequired: Bool = true,
        into diagnostics: inout [Diagnostic]
    ) -> Located<T>? where T.RawValue == String, T: CaseIterable, T: Sendable {
        guard let text = text(key, required: isRequired, into: &diagnostics) else { return nil }
        return Self.choice(text, of: type, what: LocalizedText(en: "'\(key)'", ja: " '\(key)' "), into: &diagnostics)
    }

    static func choice<T: RawRepresentable>(
        _ text: LocatedText, of type: T.Type, what: LocalizedText,
        into diagnostics: inout [Diagnostic]
    ) -> Located<T>? where T.RawValue == String, T: CaseIterable, T: Sendable {
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        var en = "\(what.en) cannot be '\(text.value)'; it is one of " + names
        var ja = "\(what.ja) に \(Japanese.quote(text.value)) は使えません"
        var fixIt: FixIt?
        if let suggestion = closestMatch(to: text.value, in: T.allCases.map(\.rawValue)) {
            en += " (did you mean '\(suggestion)'?)"
            ja += "。'\(suggestion)' の誤りではありませんか"
            fixIt = replacing(text, with: suggestion)
        }
        ja += "（使える値: \(T.allCases.map { "'\($0.rawValue)'" }.joined(separator: "、"))）"
        diagnostics.append(
            Diagnostic(.schemaValue, at: text.location, LocalizedText(en: en, ja: ja).tidied, fixIt: fixIt))
        return nil
    }
}

extension Node.Scalar {
    /// `key:`, `key: ~` and `key: null` hold no text.
    var isEmptyValue: Bool {
        if string.isEmpty { return true }
        return style == .plain && ["~", "null", "Null", "NULL"].contains(string)
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var kindDescription: String {
        if case .scalar(let scalar) = self { return "'\(scalar.string)'" }
        return kindName
    }

    /// `kindName` in both languages.
    var kind: LocalizedText {
        switch self {
        case .scalar: LocalizedText(en: kindName, ja: "テキスト")
        case .mapping: LocalizedText(en: kindName, ja: "マッピング")
        case .sequence: LocalizedText(en: kindName, ja: "リスト")
        case .alias: LocalizedText(en: kindName, ja: "エイリアス")
        }
    }

    /// `kindDescription` in both languages: a scalar's value quoted, else what the node is.
    var kindValue: LocalizedText {
        if case .scalar(let scalar) = self {
            return LocalizedText(en: kindDescription, ja: Japanese.quote(scalar.string))
        }
        return kind
    }
}

/// The candidate closest to `word` by edit distance, when close enough to be a likely typo.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) && best.1 < word.count ? best.0 : nil
}

/// `closestMatch`, when no other candidate is as close: a typo whose meaning is certain.
func unambiguousMatch(to word: String, in candidates: [String]) -> String? {
    guard let best = closestMatch(to: word, in: candidates) else { return nil }
    let distance = editDistance(word.lowercased(), best.lowercased())
    let ties = candidates.filter { editDistance(word.lowercased(), $0.lowercased()) == distance }
    return ties.count == 1 ? best : nil
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension RuleID {
    public static let schemaUnknownKey = RuleID("schema-unknown-key")
    public static let schemaMissingKey = RuleID("schema-missing-key")
    public static let schemaType = RuleID("schema-type")
    public static let schemaValue = RuleID("schema-value")
    public static let schemaEmpty = RuleID("schema-empty")
}

/// The schema rules, reported as a mapping is read (the loaders report a few more of them).
extension MappingReader {
    static let schemaUnknownKey = RuleDescription(
        .schemaUnknownKey, .error, en: "A key the format does not define", ja: "定義されていないキー")
    static let schemaMissingKey = RuleDescription(
        .schemaMissingKey, .error, en: "A required key that is absent", ja: "必須キーの不足")
    static let schemaType = RuleDescription(
        .schemaType, .error,
        en: "A value of the wrong kind (a list where text belongs, text where a number belongs, …)",
        ja: "種類の合わない値（テキストの位置にリスト、数値の位置にテキストなど）")
    static let schemaValue = RuleDescription(
        .schemaValue, .error, en: "A value outside its allowed set or form", ja: "使える値・形式に合わない値")
    static let schemaEmpty = RuleDescription(
        .schemaEmpty, .error, en: "An empty value, list or file where content is required", ja: "中身が必要な値・リスト・ファイルが空")
}
