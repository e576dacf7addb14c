extension FixIt {
    /// "replace with 'x'" over the whole of `text` (a misspelt id); `kizuna fix` can splice it where the value is
    /// written as it is on one line, else it is only shown.
    static func replacing(_ text: LocatedText, with replacement: String) -> FixIt {
        let span = text.sourceSpan(ofScalars: 0..<text.raw.unicodeScalars.count)
        let end =
            span.map(text.location(after:))
            ?? SourceLocation(
                file: text.location.file, line: text.location.line, column: text.location.column + text.value.count)
        return FixIt(.replaceWith(replacement), start: text.location, end: end, replacement: replacement, span: span)
    }
}
