import Yams

/// A content file composed to a YAML node tree; every node keeps its mark.
public struct YAMLDocument {
    public let source: SourceText
    public let root: Node

    /// A top-level text value, read without checks: to name what a file that failed to load meant to define.
    func topLevelText(_ key: String) -> String? {
        guard case .mapping(let mapping) = root else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.value.scalar?.string
    }

    /// The location of a node's first character.
    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return source.start }
        return source.location(line: mark.line, scalarColumn: mark.column)
    }
}

/// Turns file bytes into a `YAMLDocument`, or into diagnostics that say why not.
public struct YAMLDocumentLoader: Sendable {
    /// Files above this size are refused before parsing.
    public static let defaultSizeCap = 256 * 1024
    public var sizeCap: Int

    public init(sizeCap: Int = YAMLDocumentLoader.defaultSizeCap) {
        self.sizeCap = sizeCap
    }

    /// The tags a content file may carry (explicitly or by resolution); anything else is refused.
    static let allowedTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
    ]

    public func load(_ listed: SourceFile, into diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        let origin = SourceLocation(file: listed.path, line: 1, column: 1)
        let file: SourceFile
        do throws(IOFailure) {
            file = SourceFile(path: listed.path, bytes: try listed.contents())
        } catch {
            diagnostics.append(
                Diagnostic(
                    .fileUnreadable, at: origin,
                    en:
                        "the file was there when the build started, but Kizuna cannot read it now (\(error.message)); "
                        + "was it moved or deleted during the build?",
                    ja: "ビルド開始時にあったファイルが読み取れません（\(error.message)）。ビルド中に移動・削除されていませんか"))
            return nil
        }
        if file.bytes.count > sizeCap {
            diagnostics.append(
                Diagnostic(
                    .fileTooLarge, at: origin,
                    en: "file is \(file.bytes.count) bytes, more than the \(sizeCap)-byte limit for a content file",
                    ja: "ファイルが\(file.bytes.count)バイトあり、コンテンツファイルの上限\(sizeCap)バイトを超えています"))
            return nil
        }
        guard var text = Self.decodeUTF8(file, into: &diagnostics) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Keyboard slips are reported and mended before YAML reads the text, so the rest of the file is still read.
        let slips = KeyboardSlipScanner(source: SourceText(path: file.path, text: text)).scan()
        diagnostics += slips.diagnostics
        let source = slips.mended
        text = source.text

        // Anchors and aliases are found on the event stream, before a tree could be expanded.
        if text.utf8.contains(UInt8(ascii: "&")) || text.utf8.contains(UInt8(ascii: "*")) {
            let found = YAMLEventScanner(source: source).scan().filter { $0.rule == .yamlAnchor }
            if !found.isEmpty {
                diagnostics += found
                return nil
            }
        }

        var node: Node?
        do {
            node = try Yams.compose(
                yaml: text, Self.mayHoldMergeOrValue(text) ? Self.resolver : .basic, .default, .utf8)
        } catch YamlError.duplicatedKeysInMapping {
            // Reported, and read on with each key's first value, so that the rest of the file is still checked.
            var scanner = YAMLEventScanner(source: source)
            diagnostics += scanner.scanning().filter { $0.rule == .yamlDuplicateKey }
            let firsts = Self.blanking(scanner.duplicateSpans, in: text)
            guard
                let composed = try? Yams.compose(
                    yaml: firsts, Self.mayHoldMergeOrValue(firsts) ? Self.resolver : .basic, .default, .utf8)
            else { return nil }
            node = composed
        } catch let error as YamlError {
            // A slip the mending could not make good: the reader's message on its line or the next would only
            // repeat it.
            diagnostics += Self.diagnostics(for: error, source: source).filter { d in
                d.rule != .yamlSyntax
                    || !(slips.lines.contains(d.location.line) || slips.lines.contains(d.location.line - 1))
            }
            return nil
        } catch {
            diagnostics.append(
                Diagnostic(
                    .yamlSyntax, at: origin, en: "cannot read YAML: \(error)",
                    ja: "YAMLとして読み取れません。字下げ、キーの後ろの「:」、引用符を確かめてください"))
            return nil
        }
        guard let node else {
            diagnostics.append(Diagnostic(.schemaEmpty, at: origin, en: "file is empty", ja: "ファイルに中身がありません"))
            return nil
        }
        let document = YAMLDocument(source: source, root: node)
        var tagProblems: [Diagnostic] = []
        Self.checkTags(node, in: document, into: &tagProblems)
        if !tagProblems.isEmpty {
            diagnostics += tagProblems
            return nil
        }
        return document
    }

    /// `text` with each span's characters (line ends kept) replaced by spaces: the same lines and columns, so every
    /// node read from it is located in the original text.
    static func blanking(_ spans: [(from: YAMLEventScanner.Mark, to: YAMLEventScanner.Mark)], in text: String) -> String
    {
        // Split on scalars: a CRLF is one Character, which a split on "\n" would not cut.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        for span in spans where span.from.line <= span.to.line && span.from.line < lines.count {
            for line in span.from.line...min(span.to.line, lines.count - 1) {
                let from = min(line == span.from.line ? span.from.column : 0, lines[line].count)
                let to = line == span.to.line ? min(span.to.column, lines[line].count) : lines[line].count
                for column in from..<max(from, to) where lines[line][column] != "\r" { lines[line][column] = " " }
            }
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    /// Resolves only what `checkTags` refuses (merge `<<` and value `=`); every other implicit scalar is a string.
    /// The default resolver would run seven regular expressions on every mapping key, when Yams hashes the keys to
    /// find duplicates; even these two run on every key, so files that cannot hold either use `.basic`. The
    /// encoding is given so that Yams does not read the environment for every file.
    private static let resolver = Resolver.basic.appending(.merge).appending(.value)

    /// Whether `text` holds `<<` or `=`: a plain merge or value scalar can only be there if its characters are.
    private static func mayHoldMergeOrValue(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") || (byte == UInt8(ascii: "<") && previous == byte) { return true }
            previous = byte
        }
        return false
    }

    private static func checkTags(_ node: Node, in document: YAMLDocument, into diagnostics: inout [Diagnostic]) {
        if needsResolving(node), case let tag = node.tag.description, !allowedTags.contains(tag) {
            let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
            diagnostics.append(
                Diagnostic(
                    .yamlTag, at: document.location(of: node),
                    en: "tag '\(shown)' is not allowed in content files", ja: "コンテンツファイルにタグ '\(shown)' は使えません"))
            return
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                checkTags(key, in: document, into: &diagnostics)
                checkTags(value, in: document, into: &diagnostics)
            }
        case .sequence(let sequence):
            for item in sequence { checkTags(item, in: document, into: &diagnostics) }
        default:
            break
        }
    }

    /// Whether a node's tag must be resolved to be checked. Resolving an implicit tag runs the resolver's regular
    /// expressions on the scalar; every tag it can give is allowed except merge (`<<`) and value (`=`), so only those
    /// scalars and explicit tags are resolved.
    private static func needsResolving(_ node: Node) -> Bool {
        let raw: Tag
        switch node {
        case .scalar(let scalar):
            if scalar.string == "<<" || scalar.string == "=" { return true }
            raw = scalar.tag
        case .mapping(let mapping): raw = mapping.tag
        case .sequence(let sequence): raw = sequence.tag
        case .alias: return true
        }
        return raw.description != Tag.Name.implicit.rawValue && raw.description != Tag.Name.nonSpecific.rawValue
    }

    /// Decodes strict UTF-8, reporting the first invalid byte at its line and column.
    static func decodeUTF8(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> String? {
        var offset = 0
        var iterator = file.bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return String(decoding: file.bytes, as: UTF8.self)
            case .error(let length):
                let location = SourceLocation(file: file.path, bytes: file.bytes, byteOffset: offset)
                let hex = file.bytes[offset..<min(offset + max(length, 1), file.bytes.count)]
                    .map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                diagnostics.append(
                    Diagnostic(
                        .fileEncoding, at: location,
                        en:
                            "byte 0x\(hex) at offset \(offset) is not UTF-8; "
                            + "save the file as UTF-8 (Shift_JIS is not accepted)",
                        ja: "オフセット\(offset)のバイト 0x\(hex) はUTF-8ではありません。ファイルをUTF-8で保存してください（Shift_JISは使えません）"))
                return nil
            }
        }
    }

    /// Where flow brackets (`[`, `{`) first nest deeper than the scanner's limit, outside quotes and comments: libyaml
    /// refuses such a file while reading ahead, before any event says where, so its own mark is not the place.
    /// Only called once libyaml has refused the file.
    static func deepFlowNesting(in source: SourceText) -> Diagnostic? {
        for (i, line) in source.lines.enumerated() {
            var depth = 0, quote: Character? = nil, column = 0, previous: Character = " "
            for c in line {
                column += 1
                defer { previous = c }
                if let q = quote {
                    if c == q { quote = nil }
                    continue
                }
                switch c {
                case "\"", "'": quote = c
                case "#" where previous == " ": break
                case "[", "{":
                    depth += 1
                    if depth > YAMLEventScanner.maxNesting {
                        return Diagnostic(
                            .yamlSyntax, at: SourceLocation(file: source.path, line: i + 1, column: column),
                            en:
                                "nesting deeper than \(YAMLEventScanner.maxNesting) levels starts here; "
                                + "a content file needs a few",
                            ja: "ここで入れ子が\(YAMLEventScanner.maxNesting)段を超えています。コンテンツファイルに必要なのは数段です")
                    }
                case "]", "}": depth -= 1
                default: break
                }
                if c == "#" && previous == " " { break }
            }
        }
        return nil
    }

    /// The location of the character at `offset` (in characters) of the source's text.
    static func location(ofCharacterOffset offset: Int, in source: SourceText) -> SourceLocation {
        let text = source.text
        let index = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        let isBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r\n" }
        let before = text[..<index]
        let line = before.reduce(1) { isBreak($1) ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(where: isBreak).map(text.index(after:)) ?? text.startIndex
        return SourceLocation(file: source.path, line: line, column: text.distance(from: lineStart, to: index) + 1)
    }

    static func diagnostics(for error: YamlError, source: SourceText) -> [Diagnostic] {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            if problem.contains("nesting level") {
                let found = YAMLEventScanner(source: source).scan().filter { $0.rule == .yamlSyntax }
                if !found.isEmpty { return found }
                if let deep = deepFlowNesting(in: source) { return [deep] }
            }
            let (location, message) = YAMLProblem.describe(
                problem: problem, context: context, line: mark.line, column: mark.column, source: source)
            return [Diagnostic(.yamlSyntax, at: location, message)]
        case let .composer(context, problem, mark, _):
            let location = source.location(line: mark.line, scalarColumn: mark.column)
            if context?.text.contains("single document") == true {
                return [
                    Diagnostic(
                        .yamlMultipleDocuments, at: location,
                        en: "a content file holds one YAML document; this is a second one",
                        ja: "コンテンツファイルに書けるYAMLドキュメントは1つだけ。ここから2つ目が始まっています")
                ]
            }
            return [
                Diagnostic(
                    .yamlSyntax, at: location, en: "cannot read this as YAML (the YAML reader says: \"\(problem)\")",
                    ja: "ここをYAMLとして読み取れません。字下げ、キーの後ろの「:」、引用符を確かめてください")
            ]
        case let .reader(problem, offset, _, _):
            // Yams gives the offset in characters of the text it parsed (the file's text without a BOM), not in bytes.
            let location = offset.map { Self.location(ofCharacterOffset: $0, in: source) } ?? source.start
            return [
                Diagnostic(.fileEncoding, at: location, YAMLProblem.describeReader(problem: problem))
            ]
        case .duplicatedKeysInMapping:
            let found = YAMLEventScanner(source: source).scan().filter { $0.rule == .yamlDuplicateKey }
            if !found.isEmpty { return found }
            return [
                Diagnostic(
                    .yamlDuplicateKey, at: source.start, en: "a mapping has duplicate keys", ja: "マッピングに重複したキーがあります")
            ]
        default:
            return [
                Diagnostic(
                    .yamlSyntax, at: source.start, en: "cannot read YAML: \(error)",
                    ja: "YAMLとして読み取れません。字下げ、キーの後ろの「:」、引用符を確かめてください")
            ]
        }
    }
}

extension RuleID {
    public static let fileEncoding = RuleID("file-encoding")
    public static let fileTooLarge = RuleID("file-too-large")
    public static let fileUnreadable = RuleID("file-unreadable")
    public static let yamlSyntax = RuleID("yaml-syntax")
    public static let yamlMultipleDocuments = RuleID("yaml-multiple-documents")
    public static let yamlDuplicateKey = RuleID("yaml-duplicate-key")
    public static let yamlAnchor = RuleID("yaml-anchor")
    public static let yamlTag = RuleID("yaml-tag")
}

/// The rules of bytes and YAML, reported as a file is read (`YAMLEventScanner` finds anchors, duplicate keys
/// and syntax errors for it).
extension YAMLDocumentLoader {
    static let fileEncoding = RuleDescription(
        .fileEncoding, .error, en: "Bytes that are not UTF-8 (Shift_JIS included)", ja: "UTF-8ではないバイト（Shift_JISを含む）")
    static let fileTooLarge = RuleDescription(
        .fileTooLarge, .error, en: "A content file over 256 KiB", ja: "256 KiBを超えるコンテンツファイル")
    static let fileUnreadable = RuleDescription(
        .fileUnreadable, .error, en: "A content file that was listed but could not be read when it was used",
        ja: "一覧にあるのに、使うときに読み取れなかったコンテンツファイル")
    static let yamlSyntax = RuleDescription(
        .yamlSyntax, .error, en: "YAML that does not parse (tab indentation included)",
        ja: "YAMLとして読めない記述（タブによるインデントを含む）")
    static let yamlMultipleDocuments = RuleDescription(
        .yamlMultipleDocuments, .error, en: "A second YAML document in one file", ja: "1つのファイルに書かれた2つ目のYAMLドキュメント")
    static let yamlDuplicateKey = RuleDescription(
        .yamlDuplicateKey, .error, en: "A key written twice in one mapping", ja: "同じマッピングに2回書かれたキー")
    static let yamlAnchor = RuleDescription(
        .yamlAnchor, .error, en: "A YAML anchor (&a) or alias (*a)", ja: "YAMLのアンカー（&a）やエイリアス（*a）")
    static let yamlTag = RuleDescription(
        .yamlTag, .error, en: "A YAML tag other than the standard ones", ja: "標準以外のYAMLタグ")
}
