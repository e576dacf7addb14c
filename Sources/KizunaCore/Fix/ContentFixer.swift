/// `kizuna fix`: applies the fix-its of the rules that change how text is written, never what it says, and
/// splices only the characters they replace, so comments, key order and every other byte stay as they were.
public struct ContentFixer: Sendable {
    /// Every rule whose findings carry a fix-it, so that `fix` applies what `validate` prints: terminology, width and
    /// normalisation, radicals for kanji and spacing; a birthday message's `anniversary` (it moves the message onto the birthday without touching the
    /// approved text); a misspelt key, value, placeholder, reviewer id or insert id with one likely meaning; the
    /// keyboard slips YAML cannot read (`KeyboardSlipScanner`). A person need not judge these edits.
    /// (`OneMistakeTests` checks that no other rule offers a fix-it.)
    public static let fixableRules: Set<RuleID> = [
        .styleTerminology, .styleHalfwidthKana, .styleFullwidthAlphanumeric, .styleInvisibleCharacter,
        .anniversaryMissing, .schemaUnknownKey, .schemaValue, .placeholderUnknown, .reviewerUnknown,
        .editionInsertUnknown, .insertCoversUnknown, .yamlFullwidthIndent, .yamlTabIndent, .yamlFullwidthColon,
        .yamlFullwidthListMarker,
        .yamlFullwidthComment, .yamlFullwidthQuote, .fileBOMInside, .styleKangxiRadical, .styleJaSpacing,
    ]

    /// Fixing can make a fix possible that was not (a term inside half-width kana); a few passes settle it.
    static let maximumPasses = 4

    public var validator: Validator

    public init(validator: Validator = Validator()) {
        self.validator = validator
    }

    /// One file's edit.
    public struct FileFix: Sendable {
        public var path: String
        public var original: [UInt8]
        public var fixed: [UInt8]
        /// The diagnostics whose fix-its were applied, as first reported.
        public var applied: [Diagnostic]
    }

    public struct Result: Sendable {
        /// Changed files only, by path.
        public var files: [FileFix]
        /// Fixable findings left in the files asked for: a fix-it that could not be traced to the file's text
        /// (escapes, folding), or that overlapped another one.
        public var remaining: [Diagnostic]
        /// Errors the fixed content would have that the original did not: when not empty, nothing may be written.
        public var introduced: [Diagnostic]
        /// Manuscripts whose approval the fixes make stale (their text changed): a supervisor must approve again.
        public var staleApprovals: [String]
    }

    /// Fixes the files whose path is in `paths` (all when nil). Nothing is written: the caller writes `files`.
    public func fix(_ content: ContentFiles, only paths: Set<String>? = nil) -> Result {
        let before = validator.validate(content, checkingPayloads: false)
        var current = content
        var report = before
        var applied: [String: [Diagnostic]] = [:]
        for _ in 0..<Self.maximumPasses {
            let fixable = Self.fixable(report.diagnostics, in: paths)
            var changed = false
            for (path, diagnostics) in Dictionary(grouping: fixable, by: \.location.file) {
                guard let index = current.files.firstIndex(where: { $0.path == path }) else { continue }
                let (bytes, used) = Self.apply(diagnostics, to: current.files[index].bytes)
                guard !used.isEmpty, bytes != current.files[index].bytes else { continue }
                current.files[index].bytes = bytes
                applied[path, default: []] += used
                changed = true
            }
            guard changed else { break }
            report = validator.validate(current, checkingPayloads: false)
        }
        let originals = Dictionary(uniqueKeysWithValues: content.files.map { ($0.path, $0.bytes) })
        let files = current.files.compactMap { file -> FileFix? in
            guard let original = originals[file.path], original != file.bytes else { return nil }
            return FileFix(path: file.path, original: original, fixed: file.bytes, applied: applied[file.path] ?? [])
        }
        let known = Set(before.diagnostics.map { Key($0) })
        let introduced = report.diagnostics.filter { $0.severity == .error && !known.contains(Key($0)) }
        let wasApproved = Set(before.loadedContent.manuscripts.filter { $0.state == .approved }.map(\.path))
        let stale = report.loadedContent.manuscripts.filter { $0.state == .stale && wasApproved.contains($0.path) }.map(
            \.path)
        return Result(
            files: files, remaining: Self.fixable(report.diagnostics, in: paths),
            introduced: introduced, staleApprovals: stale.sorted())
    }

    /// A diagnostic without its position, which fixes on the same line shift.
    private struct Key: Hashable {
        let rule: RuleID, file: String, message: String
        init(_ d: Diagnostic) { rule = d.rule; file = d.location.file; message = d.message.en }
    }

    static func fixable(_ diagnostics: [Diagnostic], in paths: Set<String>?) -> [Diagnostic] {
        diagnostics.filter { d in
            fixableRules.contains(d.rule) && d.fixIt != nil && (paths?.contains(d.location.file) ?? true)
        }
    }

    /// Splices the fix-its that can be traced to the file into its bytes, right to left on each line so that
    /// earlier columns stay valid; overlapping ones wait for the next pass.
    static func apply(_ diagnostics: [Diagnostic], to bytes: [UInt8]) -> ([UInt8], [Diagnostic]) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = bytes.starts(with: bom)
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        // Lines split on LF only, as SourceText counts them; a CR stays at its line's end, after any span.
        var lines = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let edits = diagnostics.compactMap { d in d.fixIt?.span.map { (d, $0, d.fixIt!.replacement) } }
            .sorted { ($0.1.line, $0.1.scalars.lowerBound) > ($1.1.line, $1.1.scalars.lowerBound) }
        var used: [Diagnostic] = []
        var taken: [Int: Int] = [:]  // line → lowest scalar column already edited
        for (diagnostic, span, replacement) in edits {
            guard span.line >= 1, span.line <= lines.count,
                span.scalars.upperBound <= (taken[span.line] ?? Int.max)
            else { continue }
            guard let text = String(validating: lines[span.line - 1], as: UTF8.self) else { continue }
            var scalars = Array(text.unicodeScalars)
            guard span.scalars.upperBound <= scalars.count,
                scalars[span.scalars].elementsEqual(span.original.unicodeScalars)
            else { continue }
            scalars.replaceSubrange(span.scalars, with: Array(replacement.unicodeScalars))
            lines[span.line - 1] = Array(String(String.UnicodeScalarView(scalars)).utf8)
            taken[span.line] = span.scalars.lowerBound
            used.append(diagnostic)
        }
        var result = hasBOM ? bom : []
        for (i, line) in lines.enumerated() {
            if i > 0 { result.append(0x0A) }
            result += line
        }
        return (result, used.reversed())
    }
}
