import Yams

/// A keyboard slip on one line of a file: the characters typed, what YAML needed there, and what to say.
struct KeyboardSlip {
    var rule: RuleID
    /// 1-based line.
    var line: Int
    /// The characters replaced, in Unicode scalars of the file's line.
    var scalars: Range<Int>
    /// The scalar the diagnostic points at.
    var at: Int
    var replacement: String
    var message: LocalizedText
    var fix: LocalizedText
}

/// The pre-parse pass: finds the slips of a Japanese keyboard in a file's raw text (`IndentationSlip`,
/// `FullwidthMarkSlip`, `ByteOrderMarkSlip`) and mends them in the text YAML then reads, so that the YAML reader's
/// confusing message for the slip is never shown and the rest of the file is still checked.
///
/// Only lines outside text blocks (`|`, `>`) are read as YAML structure: inside a block a full-width space, `・` or
/// `＃` is Japanese text. So is anything that continues a value on the next line.
struct KeyboardSlipScanner {
    let source: SourceText

    /// What the pass found: the diagnostics (with fix-its on the file's text), and the text to parse (`source` when
    /// there was no slip).
    struct Result {
        var diagnostics: [Diagnostic]
        var mended: SourceText
        /// The lines with a slip, 1-based.
        var lines: Set<Int>
    }

    static let space: Unicode.Scalar = " "
    static let fullwidthSpace: Unicode.Scalar = "\u{3000}"
    static let tab: Unicode.Scalar = "\t"
    static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"
    static let listMarks: Set<Unicode.Scalar> = ["ー", "－", "・"]
    static let openingQuotes: Set<Unicode.Scalar> = ["“", "”", "＂"]

    /// The shape of the last line read as YAML structure, which decides what the next line may be.
    private struct Shape {
        /// Where the line's first character is, in the mended line.
        var indent: Int
        var isListItem: Bool
        /// It ends with a key and no value, or a lone `-`: the next lines may be its children (or list items).
        var opensChild: Bool
        /// It has a value that may continue on more-indented lines: the indent they must pass.
        var continuesPast: Int?
    }

    /// An indentation mended to a width the pass chose among a few readings of its tabs and full-width spaces.
    private struct IndentChoice {
        var line: Int
        /// The indentation in the file's line, and where its first tab and full-width space are.
        var scalars: Range<Int>
        var firstTab: Int?
        var firstFullwidthSpace: Int?
        var candidates: [Int]
        var chosen: Int
    }

    func scan() -> Result {
        // Fast path: every slip character is outside ASCII but the tab.
        if source.text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x09 }) {
            return Result(diagnostics: [], mended: source, lines: [])
        }
        var slips: [KeyboardSlip] = []
        var choices: [IndentChoice] = []
        var block: Int?  // the parent indent of the text block being read
        var previous: Shape?
        var columns: Set<Int> = [0]
        var lists: [Int] = []  // the columns of the lists still open, innermost last
        for (index, text) in source.lines.enumerated() {
            let lineNumber = index + 1
            let original = Array(text.unicodeScalars)
            // Byte order marks are reported wherever they are, then read past.
            var line: [Unicode.Scalar] = []
            var originalIndex: [Int] = []
            for (i, scalar) in original.enumerated() {
                if scalar == Self.byteOrderMark {
                    slips.append(ByteOrderMarkSlip.slip(line: lineNumber, at: i))
                } else {
                    line.append(scalar)
                    originalIndex.append(i)
                }
            }
            // A slip found on `line`, moved onto the file's own line.
            func add(_ slip: KeyboardSlip) {
                var slip = slip
                let lower = slip.scalars.lowerBound < originalIndex.count ? originalIndex[slip.scalars.lowerBound] : 0
                let upper = slip.scalars.isEmpty ? lower : originalIndex[slip.scalars.upperBound - 1] + 1
                slip.scalars = lower..<upper
                slip.at = slip.at < originalIndex.count ? originalIndex[slip.at] : lower
                slips.append(slip)
            }
            let isWhitespace = { (s: Unicode.Scalar) in s == Self.space || s == Self.tab || s == Self.fullwidthSpace }
            let spaces = line.prefix { $0 == Self.space }.count
            let isBlank = line.allSatisfy(isWhitespace)
            if let parent = block {
                if isBlank && spaces <= parent, let first = line.firstIndex(of: Self.fullwidthSpace) {
                    add(IndentationSlip.blankLine(line: lineNumber, length: line.count, at: first))
                    continue
                }
                if isBlank || spaces > parent { continue }
                let rest = line.drop { isWhitespace($0) }
                if spaces < line.count, line[spaces] == Self.fullwidthSpace || line[spaces] == Self.tab,
                    !Self.looksLikeStructure(Array(rest))
                {
                    continue
                }
                block = nil
            }
            if isBlank {
                if let first = line.firstIndex(of: Self.fullwidthSpace) {
                    add(IndentationSlip.blankLine(line: lineNumber, length: line.count, at: first))
                }
                continue
            }
            let run = Array(line.prefix(while: isWhitespace))
            var p = run.count
            var width = run.count
            if run.contains(Self.tab) || run.contains(Self.fullwidthSpace) {
                let candidates = Self.widths(of: run, columns: columns, after: previous)
                width = candidates[0]
                choices.append(
                    IndentChoice(
                        line: lineNumber, scalars: originalIndex[0]..<(originalIndex[run.count - 1] + 1),
                        firstTab: run.firstIndex(of: Self.tab).map { originalIndex[$0] },
                        firstFullwidthSpace: run.firstIndex(of: Self.fullwidthSpace).map { originalIndex[$0] },
                        candidates: candidates, chosen: width))
            }
            // Comments.
            if line[p] == "#" { continue }
            if line[p] == "＃" {
                add(FullwidthMarkSlip.comment(line: lineNumber, at: p))
                continue
            }
            if let past = previous?.continuesPast, width > past { continue }
            while let last = lists.last, last > width { lists.removeLast() }
            // Where the mended line's column stands ahead of the file's, as slips before `p` change lengths.
            var shift = width - run.count
            var isListItem = false
            var opensChild = false
            while p < line.count {
                let next: Unicode.Scalar? = p + 1 < line.count ? line[p + 1] : nil
                if line[p] == "-" && (next == nil || next == Self.space || next == Self.fullwidthSpace) {
                    isListItem = true
                    if next == Self.fullwidthSpace {
                        add(IndentationSlip.separator(after: "-", line: lineNumber, at: p + 1))
                    }
                    p += next == nil ? 1 : 2
                    while p < line.count && line[p] == Self.space { p += 1 }
                    continue
                }
                // Only where a list item may stand, and only when what follows reads as an item.
                if Self.listMarks.contains(line[p]), let previous,
                    (previous.opensChild && width >= previous.indent) || lists.last == width,
                    next == Self.space || next == Self.fullwidthSpace
                        || Self.looksLikeStructure(Array(line[(p + 1)...])) || lists.last == width
                {
                    isListItem = true
                    let (length, replacement) =
                        next == Self.space ? (1, "-") : next == Self.fullwidthSpace ? (2, "- ") : (1, "- ")
                    add(
                        FullwidthMarkSlip.listMarker(
                            line[p], line: lineNumber, at: p, length: length, replacement: replacement))
                    shift += replacement.unicodeScalars.count - length
                    p += length
                    while p < line.count && line[p] == Self.space { p += 1 }
                    continue
                }
                break
            }
            if isListItem && p >= line.count { opensChild = true }
            // A key, and the value after it.
            var q = p
            while q < line.count, Self.isKeyScalar(line[q]) { q += 1 }
            var valueStart = p
            var parentIndent = isListItem ? width : p + shift
            if q > p, q < line.count {
                let after: Unicode.Scalar? = q + 1 < line.count ? line[q + 1] : nil
                let key = String(String.UnicodeScalarView(line[p..<q]))
                if line[q] == "：" {
                    let (length, replacement) =
                        after == nil || after == Self.space
                        ? (1, ":") : after == Self.fullwidthSpace ? (2, ": ") : (1, ": ")
                    add(
                        FullwidthMarkSlip.colon(
                            key: key, line: lineNumber, at: q, length: length, replacement: replacement))
                    valueStart = q + length
                    parentIndent = p + shift
                } else if line[q] == ":" && (after == nil || after == Self.space || after == Self.fullwidthSpace) {
                    if after == Self.fullwidthSpace {
                        add(IndentationSlip.separator(after: ":", line: lineNumber, at: q + 1))
                    }
                    valueStart = q + 1
                    parentIndent = p + shift
                }
                if valueStart > p { columns.insert(p + shift) }
            }
            while valueStart < line.count && isWhitespace(line[valueStart]) { valueStart += 1 }
            let value = Array(line[valueStart...])
            var continuesPast: Int? = nil
            if value.isEmpty || value.first == "#" {
                opensChild = true
            } else if value.first == "|" || value.first == ">" {
                let header = value.dropFirst().prefix { $0 != " " && $0 != "#" }
                if header.allSatisfy({ "+-123456789".unicodeScalars.contains($0) }) { block = parentIndent }
            } else if let open = value.first, Self.openingQuotes.contains(open),
                let last = value.lastIndex(where: { !isWhitespace($0) }), last > 0,
                Self.openingQuotes.contains(value[last])
            {
                add(
                    FullwidthMarkSlip.quote(
                        line: lineNumber, scalars: valueStart..<(valueStart + last + 1),
                        inner: String(String.UnicodeScalarView(value[1..<last])), open: open, close: value[last]))
            } else {
                continuesPast = parentIndent
            }
            if isListItem && lists.last != width { lists.append(width) }
            columns.insert(width)
            previous = Shape(
                indent: width, isListItem: isListItem, opensChild: opensChild, continuesPast: continuesPast)
        }
        if slips.isEmpty && choices.isEmpty { return Result(diagnostics: [], mended: source, lines: []) }

        // Each indentation's width is the reading that lets YAML read furthest, the likeliest first on a tie.
        for i in choices.indices where choices[i].candidates.count > 1 {
            var best = (reach: -1, width: choices[i].chosen)
            for width in choices[i].candidates {
                choices[i].chosen = width
                let reach = Self.reach(of: mend(slips, choices).text)
                if reach > best.reach { best = (reach, width) }
            }
            choices[i].chosen = best.width
        }
        for choice in choices {
            for (rule, first) in [
                (RuleID.yamlFullwidthIndent, choice.firstFullwidthSpace), (.yamlTabIndent, choice.firstTab),
            ] {
                guard let first else { continue }
                slips.append(
                    IndentationSlip.slip(
                        rule, line: choice.line, scalars: choice.scalars, at: first, width: choice.chosen))
            }
        }
        slips.sort { ($0.line, $0.at) < ($1.line, $1.at) }
        return Result(
            diagnostics: slips.map(diagnostic), mended: mend(slips, choices), lines: Set(slips.map(\.line)))
    }

    /// How far YAML reads a text: the line of its first syntax error, or `Int.max`.
    static func reach(of text: String) -> Int {
        do {
            _ = try Yams.compose(yaml: text, .basic, .default, .utf8)
            return Int.max
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
                return mark.line
            default:
                return Int.max
            }
        } catch {
            return 0
        }
    }

    /// The source with every slip mended; indentation takes its chosen width.
    private func mend(_ slips: [KeyboardSlip], _ choices: [IndentChoice]) -> SourceText {
        var edits: [Int: [(range: Range<Int>, replacement: String)]] = [:]
        for slip in slips { edits[slip.line, default: []].append((slip.scalars, slip.replacement)) }
        for choice in choices {
            edits[choice.line, default: []].append((choice.scalars, String(repeating: " ", count: choice.chosen)))
        }
        var mended: [Int: SourceText.MendedLine] = [:]
        var lines: [String] = []
        let pieces = source.text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            let lineNumber = index + 1
            var text = String(decoding: piece, as: UTF8.self)
            if let found = edits[lineNumber], lineNumber <= source.lines.count {
                let original = Array(source.lines[index].unicodeScalars)
                let ending = text.unicodeScalars.count > original.count ? "\r" : ""
                var result: [Unicode.Scalar] = []
                var line = SourceText.MendedLine(original: source.lines[index], edits: [])
                var cursor = 0
                // Left to right; an edit overlapping an earlier one waits for `kizuna fix`'s next pass.
                for edit in found.sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
                where edit.range.lowerBound >= cursor {
                    result += original[cursor..<edit.range.lowerBound]
                    let start = result.count
                    result += Array(edit.replacement.unicodeScalars)
                    line.edits.append((edit.range, start..<result.count))
                    cursor = edit.range.upperBound
                }
                result += original[cursor...]
                text = String(String.UnicodeScalarView(result)) + ending
                mended[lineNumber] = line
            }
            lines.append(text)
        }
        return SourceText(path: source.path, text: lines.joined(separator: "\n"), mended: mended)
    }

    private func diagnostic(_ slip: KeyboardSlip) -> Diagnostic {
        let original = Array(source.line(slip.line).unicodeScalars)
        let span = SourceSpan(
            line: slip.line, scalars: slip.scalars,
            original: String(String.UnicodeScalarView(original[slip.scalars])))
        return Diagnostic(
            slip.rule, at: source.location(line: slip.line, scalarColumn: slip.at + 1), slip.message,
            fixIt: FixIt(
                slip.fix, start: source.location(line: slip.line, scalarColumn: slip.scalars.lowerBound + 1),
                end: source.location(line: slip.line, scalarColumn: slip.scalars.upperBound + 1),
                replacement: slip.replacement, span: span))
    }

    /// The characters of a key as content files write them.
    static func isKeyScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")
    }

    /// Whether the text after a line's indentation reads as YAML structure (a key, a list item, a comment) rather
    /// than as Japanese text.
    static func looksLikeStructure(_ rest: [Unicode.Scalar]) -> Bool {
        guard let first = rest.first else { return false }
        if first == "#" || first == "＃" { return true }
        if first == "-", rest.count == 1 || rest[1] == space || rest[1] == fullwidthSpace { return true }
        let key = rest.prefix(while: isKeyScalar)
        guard !key.isEmpty, key.count < rest.count else { return false }
        return rest[key.count] == ":" || rest[key.count] == "："
    }

    /// The widths an indentation of spaces, tabs and full-width spaces may have meant, likeliest first: the columns
    /// other lines use come before the others (a child's deeper than its parent's), a full-width space typed for
    /// one space before its look of two, and a tab of 4 before 2 and 8.
    private static func widths(of run: [Unicode.Scalar], columns: Set<Int>, after previous: Shape?) -> [Int] {
        var widths: [Int] = []
        for tabWidth in [4, 2, 8] {
            for fullwidth in [1, 2] {
                var width = 0
                for s in run {
                    if s == tab {
                        width = (width / tabWidth + 1) * tabWidth
                    } else {
                        width += s == space ? 1 : fullwidth
                    }
                }
                if !widths.contains(width) { widths.append(width) }
            }
        }
        // A tab or full-width space may also have been typed by mistake on top of the right indentation.
        let least = run.filter { $0 == space }.count
        widths += columns.filter { $0 >= least && $0 <= (widths.max() ?? 0) && !widths.contains($0) }.sorted()
        let fits = { (w: Int) in
            columns.contains(w) || (previous?.opensChild == true && w > (previous?.indent ?? -1))
        }
        return widths.filter(fits) + widths.filter { !fits($0) }
    }
}
