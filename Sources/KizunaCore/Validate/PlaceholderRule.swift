extension RuleID {
    public static let placeholderUnknown = RuleID("placeholder-unknown")
}

/// `placeholder-unknown`: the only placeholder is `{nickname}`; anything else in braces would reach parents raw.
struct PlaceholderRule: ContentRule {
    var readsEachManuscriptAlone: Bool { true }

    static let description = RuleDescription(
        .placeholderUnknown, .error, en: "A placeholder other than {nickname}, or any on the printed おめでとうカード",
        ja: "{nickname} 以外のプレースホルダー、または印刷するおめでとうカードのプレースホルダー")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for text in content.readerTexts
        where text.raw.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
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
                var message =
                    closed
                    ? LocalizedText(
                        en: "unknown placeholder '\(written)'", ja: "プレースホルダー \(Japanese.quote(written)) は使えません")
                    : LocalizedText(en: "'{' without a closing '}'", ja: "'{' に対応する '}' がありません")
                message += LocalizedText(
                    en: "; the only placeholder is \(Placeholder.nickname)",
                    ja: "。使えるプレースホルダーは \(Placeholder.nickname) だけ")
                var fixIt: FixIt?
                if closed, closestMatch(to: name, in: Array(Placeholder.known)) != nil {
                    message += LocalizedText(en: " (did you mean it?)", ja: "（\(Placeholder.nickname) の誤りではありませんか）")
                    let replace = LocalizedText(
                        en: "replace with \(Placeholder.nickname)", ja: "\(Placeholder.nickname) に置き換える")
                    if let span = text.sourceSpan(ofScalars: i..<(j + 1)) {
                        fixIt = FixIt(
                            replace, start: location, end: text.location(after: span),
                            replacement: Placeholder.nickname, span: span)
                    } else {
                        let end = SourceLocation(
                            file: location.file, line: location.line, column: location.column + written.count)
                        fixIt = FixIt(replace, start: location, end: end, replacement: Placeholder.nickname)
                    }
                }
                diagnostics.append(Diagnostic(.placeholderUnknown, at: location, message.tidied, fixIt: fixIt))
            }
            i = closed ? j + 1 : i + 1
        }
    }
}
