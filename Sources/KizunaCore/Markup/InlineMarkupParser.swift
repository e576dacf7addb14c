import CLibXML2
import Foundation

/// Parses the small inline markup of manuscript text (`<em>`, `<a href>`) strictly, as XML, with libxml2.
/// Every error points at its character in the YAML file.
public enum InlineMarkupParser {
    /// The elements a text may contain, and the attributes each takes.
    static let elements: [String: Set<String>] = ["em": [], "a": ["href"]]

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    public static func parse(_ text: LocatedText, into diagnostics: inout [Diagnostic]) -> RichText? {
        _ = initialized
        let raw = text.raw
        // Fast path: no markup and no entity, nothing to parse.
        if !raw.utf8.contains(UInt8(ascii: "<")) && !raw.utf8.contains(UInt8(ascii: "&")) {
            if raw.utf8.contains(UInt8(ascii: ">")) {
                diagnostics.append(
                    Diagnostic(
                        .markupSyntax, at: text.location(of: ">"),
                        en: "write '>' as '&gt;' in text (markup is parsed as XML)",
                        ja: "本文の '>' は '&gt;' と書いてください（マークアップはXMLとして解析されます）"))
                return nil
            }
            return RichText(paragraphs: paragraphs(from: [.text(text.value)]))
        }
        let wrapped = Array(("<t>" + raw + "</t>").utf8)
        guard let context = xmlNewParserCtxt() else { return nil }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
        // The first error says what went wrong; libxml2 keeps only the last, so collect them (per thread, per parse).
        let errors = ErrorCollector()
        let document = withExtendedLifetime(errors) { () -> xmlDocPtr? in
            xmlSetStructuredErrorFunc(
                Unmanaged.passUnretained(errors).toOpaque(),
                { context, error in
                    guard let context, let error else { return }
                    let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
                    if collector.first == nil {
                        collector.first = (
                            error.pointee.message.map { String(cString: $0).trimmingTrailingWhitespace }
                                ?? "not well-formed",
                            Int(error.pointee.line), Int(error.pointee.int2)
                        )
                    }
                })
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return wrapped.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        defer { if let document { xmlFreeDoc(document) } }
        guard let document, context.pointee.wellFormed != 0, let root = xmlDocGetRootElement(document) else {
            let message = errors.first?.message ?? "not well-formed"
            let line = errors.first?.line ?? 1
            let column = errors.first?.column ?? 1
            let offset = errorOffset(message: message, raw: raw, xmlLine: line, xmlColumn: column)
            let problem = readable(message)
            diagnostics.append(
                Diagnostic(
                    .markupSyntax, at: text.location(ofScalarOffset: offset),
                    en: "markup is not well-formed: \(problem.en)",
                    ja: "マークアップの誤り: \(problem.ja)",
                    notes: [
                        DiagnosticNote(
                            en:
                                "text is parsed as XML: write '&' as '&amp;', '<' as '&lt;', "
                                + "and close every <em> and <a>",
                            ja: "本文はXMLとして解析されます。'&' は '&amp;'、'<' は '&lt;' と書き、<em> と <a> は必ず閉じてください")
                    ]))
            return nil
        }
        var walker = Walker(text: text, raw: raw)
        var child = root.pointee.children
        while let node = child {
            walker.visit(node, into: &diagnostics)
            child = node.pointee.next
        }
        if walker.failed { return nil }
        return RichText(paragraphs: paragraphs(from: walker.runs))
    }

    /// libxml2's message in an editor's terms; the text's wrapper element `t` never shows. A message with no
    /// rephrasing keeps libxml2's English, quoted, in the English message only.
    static func readable(_ message: String) -> LocalizedText {
        // "Opening and ending tag mismatch: em line 3 and t"
        if let range = message.range(
            of: #"tag mismatch: [A-Za-z]+ line [0-9]+ and [A-Za-z]+"#, options: .regularExpression)
        {
            let words = message[range].split(separator: " ")
            let open = words[2], close = words[words.count - 1]
            if close == "t" { return LocalizedText(en: "<\(open)> is not closed", ja: "<\(open)> が閉じられていません") }
            // An end tag with no start tag: libxml2 sees it closing the wrapper.
            if open == "t" {
                return LocalizedText(
                    en: "</\(close)> has no <\(close)> to close", ja: "</\(close)> に対応する開始タグ <\(close)> がありません")
            }
            return LocalizedText(en: "</\(close)> does not close <\(open)>", ja: "</\(close)> では <\(open)> を閉じられません")
        }
        if message.hasPrefix("Premature end of data in tag t") {
            return LocalizedText(en: "the text ends inside a tag", ja: "タグの途中で本文が終わっています")
        }
        if message.hasPrefix("EntityRef") || message.contains("xmlParseEntityRef") {
            return LocalizedText(
                en: "'&' starts no character reference here (\(message))",
                ja: "「&」の後ろが文字参照になっていません。「&」そのものは '&amp;' と書いてください")
        }
        if message.hasPrefix("StartTag") {
            return LocalizedText(
                en: "'<' starts no tag here (\(message))",
                ja: "「<」の後ろがタグになっていません。「<」そのものは '&lt;' と書いてください")
        }
        return LocalizedText(
            en: "\"\(message)\"",
            ja: "ここで本文をマークアップとして読み取れません。'&' と '<' の書き方、<em> と <a> の閉じ方を確かめてください")
    }

    /// The first error libxml2 reports while parsing one text.
    private final class ErrorCollector {
        var first: (message: String, line: Int, column: Int)?
    }

    /// Where an error is best shown: libxml2 reports an unclosed tag at the end of the text and a bad entity
    /// after its name, so point at the opening tag or at the '&' instead.
    static func errorOffset(message: String, raw: String, xmlLine: Int, xmlColumn: Int) -> Int {
        let scalars = Array(raw.unicodeScalars)
        // "Opening and ending tag mismatch: em line 2 and t", "Premature end of data in tag em line 1"
        if let range = message.range(of: #"(tag mismatch: |in tag )[A-Za-z]+ line [0-9]+"#, options: .regularExpression)
        {
            let words = message[range].split(separator: " ")
            if words.count >= 3, let tagLine = Int(words[words.count - 1]) {
                let name = Array(("<" + words[words.count - 3]).unicodeScalars)
                let lineStart = scalarOffset(inRaw: raw, xmlLine: tagLine, xmlColumn: tagLine == 1 ? 4 : 1)
                var i = lineStart
                while i + name.count <= scalars.count, scalars[i] != "\n" || i == lineStart {
                    if Array(scalars[i..<(i + name.count)]) == name { return i }
                    i += 1
                }
            }
        }
        let offset = scalarOffset(inRaw: raw, xmlLine: xmlLine, xmlColumn: xmlColumn)
        if message.contains("Entity") || message.contains("entity") {
            var i = min(offset, scalars.count) - 1
            while i >= 0, scalars[i] != "\n" {
                if scalars[i] == "&" { return i }
                i -= 1
            }
        }
        // A '<' that starts no tag (「3か月<4か月」) is reported just after it, an end tag that closes nothing just
        // after its '>': point at that '<'.
        if offset > 0, offset <= scalars.count {
            if scalars[offset - 1] == "<" { return offset - 1 }
            if scalars[offset - 1] == ">", let open = scalars[..<(offset - 1)].lastIndex(of: "<"),
                open + 1 < offset - 1, scalars[open + 1] == "/"
            {
                return open
            }
        }
        return offset
    }

    /// Converts libxml2's 1-based line and column in the wrapped document into a scalar offset in the raw text.
    static func scalarOffset(inRaw raw: String, xmlLine: Int, xmlColumn: Int) -> Int {
        let scalars = Array(raw.unicodeScalars)
        var line = 1
        var offset = 0
        while line < xmlLine, offset < scalars.count {
            if scalars[offset] == "\n" { line += 1 }
            offset += 1
        }
        let column = max(0, xmlColumn - 1 - (xmlLine == 1 ? 3 : 0))
        // An error at the wrapper's `</t>` (the text ends inside a tag) is at the end of the text: before its
        // final line breaks, which would put it on the line after a block scalar, outside the text.
        var end = scalars.count
        while end > 0, scalars[end - 1] == "\n" { end -= 1 }
        return min(end, offset + column)
    }

    private struct Walker {
        let text: LocatedText
        let raw: String
        var runs: [Inline] = []
        var failed = false
        /// Start-tag offsets in the raw text, in document order: in well-formed XML every '<' not followed by '/', '!'
        /// or '?' opens an element.
        lazy var startTags: [Int] = {
            var result: [Int] = []
            let scalars = Array(raw.unicodeScalars)
            for i in scalars.indices where scalars[i] == "<" {
                if i + 1 < scalars.count, !["/", "!", "?"].contains(scalars[i + 1]) { result.append(i) }
            }
            return result
        }()
        var elementIndex = 0

        init(text: LocatedText, raw: String) {
            self.text = text
            self.raw = raw
        }

        mutating func nextElementLocation() -> SourceLocation {
            let offset = elementIndex < startTags.count ? startTags[elementIndex] : 0
            elementIndex += 1
            return text.location(ofScalarOffset: offset)
        }

        mutating func visit(_ node: xmlNodePtr, into diagnostics: inout [Diagnostic]) {
            switch node.pointee.type {
            case XML_TEXT_NODE:
                runs.append(.text(content(node)))
            case XML_ELEMENT_NODE:
                let location = nextElementLocation()
                let name = String(cString: node.pointee.name)
                guard let allowed = InlineMarkupParser.elements[name] else {
                    fail(
                        .markupElement, at: location,
                        en: "<\(name)> is not allowed in text; use <em>…</em> or <a href=\"https://…\">…</a>",
                        ja: "本文に <\(name)> は使えません。<em>…</em> か <a href=\"https://…\">…</a> を使ってください", &diagnostics)
                    skipDescendants(node)
                    return
                }
                var attributes: [String: String] = [:]
                var attribute = node.pointee.properties
                while let a = attribute {
                    let key = String(cString: a.pointee.name)
                    let value = a.pointee.children.map { content($0) } ?? ""
                    if !allowed.contains(key) {
                        fail(
                            .markupElement, at: location,
                            en: "<\(name)> takes no attribute '\(key)'", ja: "<\(name)> に属性 '\(key)' は付けられません",
                            &diagnostics)
                    }
                    attributes[key] = value
                    attribute = a.pointee.next
                }
                // Only text inside <em> and <a>: nesting would not survive the mapping to LINE spans.
                var inner = ""
                var child = node.pointee.children
                while let c = child {
                    if c.pointee.type == XML_TEXT_NODE {
                        inner += content(c)
                    } else {
                        let nested =
                            c.pointee.type == XML_ELEMENT_NODE
                            ? LocalizedText(
                                en: "<\(String(cString: c.pointee.name))>", ja: " <\(String(cString: c.pointee.name))> "
                            )
                            : LocalizedText(en: "markup", ja: "マークアップ")
                        fail(
                            .markupElement, at: location, en: "\(nested.en) cannot be nested inside <\(name)>",
                            ja: Japanese.tidy("<\(name)> の中に\(nested.ja)は入れられません"), &diagnostics)
                        if c.pointee.type == XML_ELEMENT_NODE { _ = nextElementLocation(); skipDescendants(c) }
                    }
                    child = c.pointee.next
                }
                if inner.isEmpty {
                    fail(
                        .markupElement, at: location, en: "<\(name)> is empty", ja: "<\(name)> の中に文字がありません",
                        &diagnostics)
                }
                if name == "a" {
                    guard let href = attributes["href"], !href.isEmpty else {
                        fail(
                            .markupElement, at: location,
                            en: "<a> needs an href=\"https://…\"", ja: "<a> に href=\"https://…\" がありません", &diagnostics)
                        return
                    }
                    runs.append(.link(Link(text: inner, url: href, location: location)))
                } else {
                    runs.append(.emphasis(inner))
                }
            case XML_COMMENT_NODE:
                fail(
                    .markupElement, at: text.location(of: "<!--"),
                    en: "comments are not allowed in text; use a YAML comment (#) instead",
                    ja: "本文にコメントは使えません。代わりにYAMLのコメント（#）を使ってください", &diagnostics)
            case XML_CDATA_SECTION_NODE:
                fail(
                    .markupElement, at: text.location(of: "<![CDATA["),
                    en: "CDATA sections are not allowed in text", ja: "本文にCDATAセクションは使えません", &diagnostics)
            case XML_PI_NODE:
                fail(
                    .markupElement, at: text.location(of: "<?"),
                    en: "processing instructions are not allowed in text", ja: "本文に処理命令（<?…?>）は使えません", &diagnostics)
            default:
                fail(
                    .markupElement, at: text.location, en: "unsupported markup in text", ja: "本文に扱えないマークアップがあります",
                    &diagnostics)
            }
        }

        mutating func skipDescendants(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    _ = nextElementLocation()
                    skipDescendants(c)
                }
                child = c.pointee.next
            }
        }

        mutating func fail(
            _ rule: RuleID, at location: SourceLocation, en: String, ja: String, _ diagnostics: inout [Diagnostic]
        ) {
            failed = true
            diagnostics.append(Diagnostic(rule, at: location, en: en, ja: ja))
        }

        func content(_ node: xmlNodePtr) -> String {
            guard let c = node.pointee.content else { return "" }
            return String(cString: c).nfc
        }
    }

    /// Splits runs into paragraphs at blank lines and trims each paragraph's outer whitespace.
    static func paragraphs(from runs: [Inline]) -> [[Inline]] {
        var paragraphs: [[Inline]] = [[]]
        for run in runs {
            guard case .text(let s) = run else {
                paragraphs[paragraphs.count - 1].append(run)
                continue
            }
            let pieces = s.splitOnBlankLines()
            for (i, piece) in pieces.enumerated() {
                if i > 0 { paragraphs.append([]) }
                if !piece.isEmpty { paragraphs[paragraphs.count - 1].append(.text(piece)) }
            }
        }
        return paragraphs.compactMap { trim($0) }
    }

    private static func trim(_ runs: [Inline]) -> [Inline]? {
        var runs = runs
        if case .text(let s)? = runs.first {
            let t = String(s.drop(while: { $0.isWhitespace }))
            if t.isEmpty { runs.removeFirst() } else { runs[0] = .text(t) }
        }
        if case .text(let s)? = runs.last {
            let t = s.trimmingTrailingWhitespace
            if t.isEmpty { runs.removeLast() } else { runs[runs.count - 1] = .text(t) }
        }
        return runs.isEmpty ? nil : runs
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }

    /// Splits at runs of two or more line breaks (blank lines, possibly holding spaces).
    func splitOnBlankLines() -> [String] {
        var pieces: [String] = []
        var current = ""
        let lines = self.split(separator: "\n", omittingEmptySubsequences: false)
        var blank = false
        for (i, line) in lines.enumerated() {
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if isBlank && i > 0 && i < lines.count - 1 {
                blank = true
                continue
            }
            if blank {
                pieces.append(current)
                current = ""
                blank = false
            } else if i > 0 {
                current += "\n"
            }
            current += line
        }
        pieces.append(current)
        return pieces
    }
}

extension RuleID {
    public static let markupSyntax = RuleID("markup-syntax")
    public static let markupElement = RuleID("markup-element")
}

/// The markup rules, reported as a text's markup is parsed.
extension InlineMarkupParser {
    static let markupSyntax = RuleDescription(
        .markupSyntax, .error, en: "Text that is not well-formed markup", ja: "整形式になっていないマークアップ")
    static let markupElement = RuleDescription(
        .markupElement, .error, en: "Markup other than <em> and <a href>, nesting, or comments",
        ja: "<em> と <a href> 以外のマークアップ、入れ子、コメント")
}
