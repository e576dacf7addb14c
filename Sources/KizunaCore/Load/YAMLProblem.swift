import Yams

/// The YAML reader's (libyaml's) problems in plain words, English and Japanese, at the character that caused each:
/// its own English never reaches the Japanese message. A problem not known here gets a general message, with the
/// reader's English quoted in the English message only.
enum YAMLProblem {
    /// What to say for a problem of the scanner or parser, and where: at the problem's mark, or at its context's
    /// (where a quote or key began).
    /// `line` and `column` are the problem's mark (column in Unicode scalars, both 1-based).
    static func describe(problem: String, context: YamlError.Context?, line: Int, column: Int, source: SourceText)
        -> (location: SourceLocation, message: LocalizedText)
    {
        let problemLocation = source.location(line: line, scalarColumn: column)
        let contextLocation = context.map { source.location(line: $0.mark.line, scalarColumn: $0.mark.column) }
        let found = Array(source.line(line).unicodeScalars).dropFirst(max(0, column - 1)).first
        func text(_ en: String, _ ja: String) -> LocalizedText { LocalizedText(en: en, ja: ja) }
        switch problem {
        case _ where problem.contains("tab character") || (problem.contains("cannot start any token") && found == "\t"):
            return (
                problemLocation,
                text(
                    "a tab here: YAML indents and separates with half-width spaces only, never tabs",
                    "ここにタブがあります。YAMLの字下げや区切りは半角スペースだけで書き、タブは使えません")
            )
        case _ where problem.contains("cannot start any token"):
            let shown = found.map { String($0) } ?? ""
            return (
                problemLocation,
                text(
                    "'\(shown)' cannot start a value here: put the whole value in quotes ('…')",
                    "「\(shown)」で値を始めることはできません。値全体を '…' で囲んでください")
            )
        case _ where problem.contains("mapping values are not allowed"):
            return (
                problemLocation,
                text(
                    "this ':' is read as the end of a key, but the line already has a value: if the ':' is part of "
                        + "the text, put the whole value in quotes ('…'); if a new key starts here, check the indentation",
                    "この「:」がキーの区切りと読まれましたが、この行にはすでに値があります。"
                        + "「:」が本文の一部なら値全体を '…' で囲み、新しいキーならこの行の字下げを確かめてください")
            )
        case _ where problem.contains("could not find expected ':'"):
            return (
                contextLocation ?? problemLocation,
                text(
                    "no ':' after this key, or its value goes on to the next line at the wrong indentation",
                    "このキーの後ろに「:」がないか、値が字下げの合わないまま次の行に続いています")
            )
        case _ where problem.contains("did not find expected key"):
            return (
                problemLocation,
                text(
                    "this line's indentation does not fit the lines above: the keys of one mapping line up",
                    "この行の字下げが上の行と合っていません。同じまとまりのキーは字下げをそろえます")
            )
        case _ where problem.contains("did not find expected '-' indicator"):
            return (
                problemLocation,
                text(
                    "this line's indentation does not fit the list above: its items line up, each starting with '- '",
                    "この行の字下げが上のリストと合っていません。リストの項目は字下げをそろえて「- 」で始めます")
            )
        case _ where problem.contains("block sequence entries are not allowed"):
            return (
                problemLocation,
                text(
                    "a list item '- ' cannot stand here: a list starts on the line after its key, with the key and "
                        + "':' alone on their line",
                    "ここにリストの項目「- 」は書けません。リストは「キー:」だけの行の次の行から書きます")
            )
        case _ where problem.contains("end of stream") && context?.text.contains("quoted") == true:
            return (
                contextLocation ?? problemLocation,
                text(
                    "this quote is never closed: the file ends before its closing quote",
                    "この引用符が閉じられていません。閉じる引用符がないままファイルが終わっています")
            )
        case _
        where problem.contains("unknown escape") || problem.contains("hexdecimal")
            || problem.contains("Unicode character escape"):
            return (
                problemLocation,
                text(
                    "an escape after '\\' that YAML does not know, inside double quotes: write '\\\\' for a "
                        + "backslash, or quote the value with '…' instead",
                    "二重引用符の中で「\\」の後ろに使えない文字があります。「\\」そのものは「\\\\」と書くか、値を '…' で囲んでください")
            )
        case _ where problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'"):
            return (
                contextLocation ?? problemLocation,
                text(
                    "a list in brackets is not closed, or its items are not separated by ','",
                    "かっこで囲んだリストが閉じていないか、項目が「,」で区切られていません")
            )
        case _ where problem.contains("undefined tag handle"):
            return (
                problemLocation,
                text(
                    "'!' starts a YAML tag here: if the '!' is part of the text, put the whole value in quotes ('…')",
                    "ここでは「!」がYAMLのタグの始まりと読まれます。「!」が本文の一部なら値全体を '…' で囲んでください")
            )
        case _ where problem.contains("expected node content"):
            return (
                problemLocation,
                text(
                    "a value is missing here, or starts with a character YAML cannot read here",
                    "ここに値がないか、ここでは値を始められない文字があります")
            )
        case _ where problem.contains("expected <document start>") || problem.contains("expected <block end>"):
            return (
                problemLocation,
                text(
                    "this line's indentation does not fit the lines above it",
                    "この行の字下げが上の行と合っていません")
            )
        case _ where problem.contains("expected comment or line break"):
            return (
                problemLocation,
                text(
                    "after '|' or '>' only '-', '+' or a digit may follow on the line; the text starts on the next line",
                    "「|」「>」の後ろには「-」「+」か数字しか書けません。本文は次の行から書きます")
            )
        case _ where problem.contains("document indicator"):
            return (
                problemLocation,
                text(
                    "'---' or '...' at the start of a line ends the document: indent the line, or quote the value",
                    "行頭の「---」「...」は文書の区切りと読まれます。行を字下げするか、値を引用符で囲んでください")
            )
        default:
            return (
                problemLocation,
                text(
                    "cannot read this as YAML; check the indentation, the ':' after keys and the quotes "
                        + "(the YAML reader says: \"\(problem)\")",
                    "ここをYAMLとして読み取れません。字下げ、キーの後ろの「:」、引用符を確かめてください")
            )
        }
    }

    /// The reader's problems with the characters of the text itself.
    static func describeReader(problem: String) -> LocalizedText {
        if problem.contains("control characters") {
            return LocalizedText(
                en:
                    "a control character (an invisible character such as U+0007) cannot be in a content file; delete it",
                ja: "制御文字（目に見えない文字）はコンテンツファイルに書けません。削除してください")
        }
        return LocalizedText(
            en: "cannot read the file's characters here (the YAML reader says: \"\(problem)\")",
            ja: "ここでファイルの文字を読み取れません。ファイルをUTF-8で保存し直してください")
    }
}
