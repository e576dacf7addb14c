/// How bad a finding is: an error stops a build, a warning does not.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A place in a content file: 1-based line, 1-based column counted in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A secondary message, optionally at a second place ("first defined here").
public struct DiagnosticNote: Sendable, Hashable {
    public var message: LocalizedText
    public var location: SourceLocation?

    public init(_ message: LocalizedText, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public init(en: String, ja: String, at location: SourceLocation? = nil) {
        self.init(LocalizedText(en: en, ja: ja), at: location)
    }

}

/// A suggested edit: replace the text in `[start, end)` on one line with `replacement`.
public struct FixIt: Sendable, Hashable {
    public var message: LocalizedText
    public var start: SourceLocation
    public var end: SourceLocation
    public var replacement: String
    /// The exact source text replaced, which `kizuna fix` splices; nil when the fix can only be shown
    /// (the text could not be traced back to one line of the file, e.g. through escapes or folding).
    public var span: SourceSpan?

    public init(
        _ message: LocalizedText, start: SourceLocation, end: SourceLocation, replacement: String,
        span: SourceSpan? = nil
    ) {
        self.message = message
        self.start = start
        self.end = end
        self.replacement = replacement
        self.span = span
    }

}

/// Text on one line of a file, in Unicode scalars (exact even for decomposed text, where character columns are not).
public struct SourceSpan: Sendable, Hashable {
    /// 1-based line.
    public var line: Int
    /// 0-based Unicode scalar offsets within the line.
    public var scalars: Range<Int>
    /// The text the span holds when the diagnostic was made; a fix applies only if the file still holds it.
    public var original: String

    public init(line: Int, scalars: Range<Int>, original: String) {
        self.line = line
        self.scalars = scalars
        self.original = original
    }
}

/// One finding about the content, as a value: the engine collects, formatters print.
public struct Diagnostic: Sendable, Hashable {
    public var rule: RuleID
    public var severity: Severity
    public var location: SourceLocation
    public var message: LocalizedText
    public var notes: [DiagnosticNote]
    public var fixIt: FixIt?

    public init(
        _ rule: RuleID,
        _ severity: Severity? = nil,
        at location: SourceLocation,
        _ message: LocalizedText,
        notes: [DiagnosticNote] = [],
        fixIt: FixIt? = nil
    ) {
        self.rule = rule
        self.severity = severity ?? rule.defaultSeverity
        self.location = location
        self.message = message
        self.notes = notes
        self.fixIt = fixIt
    }

    public init(
        _ rule: RuleID,
        _ severity: Severity? = nil,
        at location: SourceLocation,
        en: String,
        ja: String,
        notes: [DiagnosticNote] = [],
        fixIt: FixIt? = nil
    ) {
        self.init(rule, severity, at: location, LocalizedText(en: en, ja: ja), notes: notes, fixIt: fixIt)
    }

}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics without repeats, first occurrence kept.
    public func deduplicated() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }
    }

    /// Stable order for output: by file, line, column, then rule id.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
            return a.message.en < b.message.en
        }
    }
}
