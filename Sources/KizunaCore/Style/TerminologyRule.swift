/// `style-terminology`: the dictionary's wrong forms are reported with a fix-it to the expected term.
struct TerminologyRule: StyleRule {
    let id = RuleID.styleTerminology
    let proseOnly = false
    let dictionary: TermDictionary

    func check(_ texts: [ProseText], configuration: StyleConfiguration, severity: Severity, into diagnostics: inout [Diagnostic]) {
        for text in texts {
            for match in dictionary.matches(in: text.characters) {
                let start = text.location(at: match.offset)
                let found = text.string(match.offset..<(match.offset + match.length))
                let end = KizunaCore.SourceLocation(file: start.file, line: start.line, column: start.column + found.count)
                diagnostics.append(Diagnostic(id, severity, at: start, "write 「\(match.entry.expected)」, not 「\(found)」",
                    fixIt: FixIt("replace with 「\(match.entry.expected)」", start: start, end: end, replacement: match.entry.expected)))
            }
        }
    }
}
