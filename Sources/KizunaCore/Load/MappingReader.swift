import Yams

/// Reads one YAML mapping against the keys a schema allows, reporting every deviation as a diagnostic.
struct MappingReader {
    let document: YAMLDocument
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]
    /// What the mapping is, for messages: "manuscript", "section", "contact desk".
    let what: String
    /// Keys an unknown key was taken for (`titel` → `title`): their absence is not reported twice.
    let suggested: Set<String>

    /// Nil (with a diagnostic) when `node` is not a mapping. Unknown keys are reported with a did-you-mean.
    init?(_ node: Node, in document: YAMLDocument, what: String, keys: [String], into diagnostics: inout [Diagnostic]) {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(Diagnostic(.schemaType, at: document.location(of: node),
                "\(what) must be a mapping of keys to values, found \(node.kindName)"))
            return nil
        }
        self.document = document
        self.node = node
        self.what = what
        var pairs: [(String, Node, Node)] = []
        var suggested = Set<String>()
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(Diagnostic(.schemaType, at: document.location(of: key), "a key must be plain text"))
                continue
            }
            if !keys.contains(name) {
                let location = document.location(of: key)
                var fixIt: FixIt?
                var message = "unknown key '\(name)' in \(what)"
                if let suggestion = closestMatch(to: name, in: keys) {
                    suggested.insert(suggestion)
                    message += "; did you mean '\(suggestion)'?"
                    let end = SourceLocation(file: location.file, line: location.line, column: location.column + name.count)
                    fixIt = FixIt("replace with '\(suggestion)'", start: location, end: end, replacement: suggestion)
                }
                diagnostics.append(Diagnostic(.schemaUnknownKey, at: location, message,
                    notes: [DiagnosticNote("allowed keys: " + keys.joined(separator: ", "))], fixIt: fixIt))
                continue
            }
            pairs.append((name, key, value))
        }
        self.suggested = suggested
        self.pairs = pairs.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    var location: SourceLocation { document.location(of: node) }

    func value(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    /// The value of a required key, or a `schema-missing-key` diagnostic at the mapping.
    func required(_ key: String, into diagnostics: inout [Diagnostic]) -> Node? {
        if let node = value(key) { return node }
        if suggested.contains(key) { return nil }
        diagnostics.append(Diagnostic(.schemaMissingKey, at: location, "\(what) has no '\(key)'"))
        return nil
    }

    /// A text value, kept as written. `required` reports a missing key; an empty or `~` value is always reported.
    func text(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> LocatedText? {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        return Self.text(node, in: document, what: "'\(key)' in \(what)", into: &diagnostics)
    }

    static func text(_ node: Node, in document: YAMLDocument, what: String, into diagnostics: inout [Diagnostic]) -> LocatedText? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(Diagnostic(.schemaType, at: document.location(of: node),
                "\(what) must be text, found \(node.kindName)"))
            return nil
        }
        if scalar.isEmptyValue {
            diagnostics.append(Diagnostic(.schemaEmpty, at: document.location(of: node), "\(what) is empty"))
            return nil
        }
        return LocatedText(scalar: scalar, source: document.source)
    }

    /// A whole number written in digits.
    func integer(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> Located<Int>? {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        return Self.integer(node, in: document, what: "'\(key)' in \(what)", into: &diagnostics)
    }

    static func integer(_ node: Node, in document: YAMLDocument, what: String, into diagnostics: inout [Diagnostic]) -> Located<Int>? {
        let location = document.location(of: node)
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty, scalar.string.count <= 9,
              scalar.string.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(scalar.string) else {
            diagnostics.append(Diagnostic(.schemaType, at: location,
                "\(what) must be a whole number written in digits, found \(node.kindDescription)"))
            return nil
        }
        return Located(value, at: location)
    }

    /// A sequence's items; a missing key gives nil, a non-sequence a diagnostic.
    func list(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> [Node]? {
        guard let node = isRequired ? required(key, into: &diagnostics) : value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(Diagnostic(.schemaType, at: document.location(of: node),
                "'\(key)' in \(what) must be a list, found \(node.kindDescription)"))
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts (ids, names).
    func textList(_ key: String, required isRequired: Bool = true, into diagnostics: inout [Diagnostic]) -> [LocatedText]? {
        guard let items = list(key, required: isRequired, into: &diagnostics) else { return nil }
        return items.compactMap { Self.text($0, in: document, what: "an item of '\(key)'", into: &diagnostics) }
    }

    /// A value from a fixed set, with a did-you-mean when it is close to one.
    func choice<T: RawRepresentable>(_ key: String, of type: T.Type, required isRequired: Bool = true,
                                     into diagnostics: inout [Diagnostic]) -> Located<T>? where T.RawValue == String, T: CaseIterable, T: Sendable {
        guard let text = text(key, required: isRequired, into: &diagnostics) else { return nil }
        return Self.choice(text, of: type, what: "'\(key)'", into: &diagnostics)
    }

    static func choice<T: RawRepresentable>(_ text: LocatedText, of type: T.Type, what: String,
                                            into diagnostics: inout [Diagnostic]) -> Located<T>? where T.RawValue == String, T: CaseIterable, T: Sendable {
        if let value = T(rawValue: text.value) { return Located(value, at: text.location) }
        let names = T.allCases.map(\.rawValue)
        var message = "\(what) cannot be '\(text.value)'; it is one of " + names.joined(separator: ", ")
        var fixIt: FixIt?
        if let suggestion = closestMatch(to: text.value, in: names) {
            message += " (did you mean '\(suggestion)'?)"
            let end = SourceLocation(file: text.location.file, line: text.location.line, column: text.location.column + text.value.count)
            fixIt = FixIt("replace with '\(suggestion)'", start: text.location, end: end, replacement: suggestion)
        }
        diagnostics.append(Diagnostic(.schemaValue, at: text.location, message, fixIt: fixIt))
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
}

/// The candidate closest to `word` by edit distance, when close enough to be a likely typo.
func closestMatch(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) && best.1 < word.count ? best.0 : nil
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
