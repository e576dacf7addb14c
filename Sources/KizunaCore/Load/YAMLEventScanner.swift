import CYaml

/// Walks libyaml's event stream (no tree) to find what the composed tree cannot show:
/// anchors and aliases where they are written, and every duplicate key with its first definition.
/// Runs before composing when a file could hold anchors, so an alias bomb is never expanded.
struct YAMLEventScanner {
    let source: SourceText

    /// The most findings of one kind reported for a file; an alias bomb has thousands.
    static let findingCap = 10
    /// Deeper nesting is reported where it starts; content files need a few levels. (libyaml's own limit, about
    /// 1,000, is reported where its read-ahead happens to be, not where the nesting crossed it.)
    static let maxNesting = 100

    private final class Frame {
        let isMapping: Bool
        var expectingKey = true
        var keys: [String: SourceLocation] = [:]
        /// Where a duplicate key starts whose value is the next node of this mapping.
        var duplicateFrom: Mark?
        /// For a collection that is a duplicate key's value: where that key starts.
        var duplicateOf: Mark?
        init(isMapping: Bool) { self.isMapping = isMapping }
    }

    /// A position as libyaml gives it: 0-based line and column in Unicode scalars.
    struct Mark: Sendable, Hashable {
        var line: Int, column: Int
    }

    /// The text of every duplicate key and its value, from the key's first character to the value's last, in file
    /// order: blanking them leaves the first definitions, which `YAMLDocumentLoader` reads on.
    private(set) var duplicateSpans: [(from: Mark, to: Mark)] = []

    func scan() -> [Diagnostic] {
        var copy = self
        return copy.scanning()
    }

    /// `scan`, keeping `duplicateSpans`.
    mutating func scanning() -> [Diagnostic] {
        var spans: [(from: Mark, to: Mark)] = []
        defer { duplicateSpans = spans }
        var diagnostics: [Diagnostic] = []
        var anchorCount = 0
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(source.text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { break }
                let location = source.location(
                    zeroBasedLine: Int(event.start_mark.line), scalarColumn: Int(event.start_mark.column))
                let start = Mark(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
                let end = Mark(line: Int(event.end_mark.line), column: Int(event.end_mark.column))

                func anchor(_ name: UnsafeMutablePointer<yaml_char_t>?) {
                    guard let name, anchorCount < Self.findingCap else { return }
                    anchorCount += 1
                    let anchorName = String(cString: name)
                    diagnostics.append(
                        Diagnostic(
                            .yamlAnchor, at: location,
                            en: "anchor '&\(anchorName)' is not allowed: write the value out in full",
                            ja: "アンカー '&\(anchorName)' は使えません。値を省略せずに書いてください"))
                }

                // The node this event starts is a key when the innermost mapping expects one.
                let parent = stack.last
                let isKey = parent?.isMapping == true && parent?.expectingKey == true
                let startsNode =
                    type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT
                    || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT
                if startsNode, let parent, parent.isMapping { parent.expectingKey.toggle() }
                // The value of a duplicate key: a scalar ends here, a collection at its end event.
                var valueOf: Mark?
                if startsNode, !isKey, let parent, let from = parent.duplicateFrom {
                    parent.duplicateFrom = nil
                    if type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT {
                        spans.append((from, end))
                    } else {
                        valueOf = from
                    }
                }

                switch type {
                case YAML_ALIAS_EVENT:
                    if anchorCount < Self.findingCap {
                        anchorCount += 1
                        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                        diagnostics.append(
                            Diagnostic(
                                .yamlAnchor, at: location,
                                en: "alias '*\(name)' is not allowed: write the value out in full",
                                ja: "エイリアス '*\(name)' は使えません。値を省略せずに書いてください"))
                    }
                case YAML_SCALAR_EVENT:
                    anchor(event.data.scalar.anchor)
                    if isKey, let parent, let value = event.data.scalar.value {
                        let key = String(
                            decoding: UnsafeBufferPointer(start: value, count: event.data.scalar.length), as: UTF8.self)
                        if let first = parent.keys[key] {
                            parent.duplicateFrom = start
                            diagnostics.append(
                                Diagnostic(
                                    .yamlDuplicateKey, at: location,
                                    en: "key '\(key)' appears twice in the same mapping",
                                    ja: "同じマッピングにキー '\(key)' が2回書かれています",
                                    notes: [DiagnosticNote(en: "first defined here", ja: "最初の定義はここ", at: first)]))
                        } else {
                            parent.keys[key] = location
                        }
                    }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = type == YAML_MAPPING_START_EVENT
                    anchor(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                    let frame = Frame(isMapping: isMapping)
                    frame.duplicateOf = valueOf
                    stack.append(frame)
                    // Counted inside the document's root collection, as the text scan after a refused file counts.
                    if stack.count - 1 > Self.maxNesting {
                        diagnostics.append(
                            Diagnostic(
                                .yamlSyntax, at: location,
                                en:
                                    "nesting deeper than \(Self.maxNesting) levels starts here; "
                                    + "a content file needs a few",
                                ja: "ここで入れ子が\(Self.maxNesting)段を超えています。コンテンツファイルに必要なのは数段です"))
                        return
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let from = stack.popLast()?.duplicateOf { spans.append((from, end)) }
                default:
                    break
                }
            }
        }
        return diagnostics
    }
}
