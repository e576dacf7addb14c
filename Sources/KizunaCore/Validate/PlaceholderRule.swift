/// `placeholder-unknown`: the only placeholder is `{nickname}`; anything else in braces would reach parents raw.
struct PlaceholderRule: ContentRule {
    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for text in content.readerTexts where text.raw.contains("{") || text.raw.contains("}") {
            check(text, into: &diagnostics)
        }
    }

    func check(_ text: LocatedText, into diagnostics: inout [Diagnostic]) {
        let scalars = Array(text.raw.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "{" else { i += 1; continue }
            var j = i + 1
            while j < scalars.count, scalars[j] != "}", scalars[j] != "{", scalars[j] != "\n", j - i <= 40 { j += 1 }
            let closed = j < scalars.count && scalars[j] == "}"
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
            if !closed || !Placeholder.known.contains(name) {
                let location = text.location(ofScalarOffset: i)
                let written = closed ? "{\(name)}" : "{" + name
                var message = closed ? "unknown placeholder '\(written)'" : "'{' without a closing '}'"
                message += "; the only placeholder is \(Placeholder.nickname)"
                var fixIt: FixIt?
                if closed, closestMatch(to: name, in: Array(Placeholder.known)) != nil {
                    message += " (did you mean it?)"
                    let end = SourceLocation(file: location.file, line: location.line, column: location.column + written.count)
                    fixIt = FixIt("replace with \(Placeholder.nickname)", start: location, end: end, replacement: Placeholder.nickname)
                }
                diagnostics.append(Diagnostic(.placeholderUnknown, at: location, message, fixIt: fixIt))
            }
            i = closed ? j + 1 : i + 1
        }
    }
}
