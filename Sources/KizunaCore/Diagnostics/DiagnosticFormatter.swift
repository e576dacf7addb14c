/// Output formats for diagnostics. The engine collects; these only format.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), which annotate the changed files.
    case github
}

public enum DiagnosticFormatter {
    /// Messages, notes and fix-its in `language`; rule ids, severities and keys stay the same in every language.
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat, language: Language = .en)
        -> String
    {
        switch format {
        case .text: text(diagnostics, language: language)
        case .json: String(decoding: json(diagnostics, language: language).bytes, as: UTF8.self) + "\n"
        case .sarif: String(decoding: sarif(diagnostics, language: language).bytes, as: UTF8.self) + "\n"
        case .github: github(diagnostics, language: language)
        }
    }

    /// `PATH:LINE:COLUMN: error|warning: MESSAGE [RULE-ID]`, notes indented below.
    public static func text(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.location): \(d.severity.rawValue): \(d.message[language]) [\(d.rule.rawValue)]\n"
            for note in d.notes {
                out +=
                    note.location.map { "\($0): note: \(note.message[language])\n" }
                    ?? "    note: \(note.message[language])\n"
            }
            if let fix = d.fixIt {
                out += "    fix-it: \(fix.message[language])\n"
            }
        }
        return out
    }

    /// An array of objects with `file`, `line`, `column`, `severity`, `rule`, `message`, and `notes`/`fixIt` when
    /// present.
    public static func json(_ diagnostics: [Diagnostic], language: Language = .en) -> JSONValue {
        .array(
            diagnostics.map { d in
                var o: [String: JSONValue] = [
                    "file": .string(d.location.file), "line": .int(d.location.line), "column": .int(d.location.column),
                    "severity": .string(d.severity.rawValue), "rule": .string(d.rule.rawValue),
                    "message": .string(d.message[language]),
                ]
                if !d.notes.isEmpty {
                    o["notes"] = .array(
                        d.notes.map { n in
                            var note: [String: JSONValue] = ["message": .string(n.message[language])]
                            if let l = n.location {
                                note["file"] = .string(l.file)
                                note["line"] = .int(l.line)
                                note["column"] = .int(l.column)
                            }
                            return .object(note)
                        })
                }
                if let f = d.fixIt {
                    o["fixIt"] = .object([
                        "message": .string(f.message[language]), "replacement": .string(f.replacement),
                        "start": .object(["line": .int(f.start.line), "column": .int(f.start.column)]),
                        "end": .object(["line": .int(f.end.line), "column": .int(f.end.column)]),
                    ])
                }
                return .object(o)
            })
    }

    /// The tool's version, as SARIF reports it.
    public static let toolVersion = "0.1.0"

    /// A SARIF 2.1.0 log with one run. Columns are counted in characters, reported as `unicodeCodePoints`
    /// (the same for everything but combining sequences).
    public static func sarif(_ diagnostics: [Diagnostic], language: Language = .en) -> JSONValue {
        let rules = Array(Set(diagnostics.map(\.rule))).sorted { $0.rawValue < $1.rawValue }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        func location(_ l: SourceLocation, message: String? = nil) -> JSONValue {
            var o: [String: JSONValue] = [
                "physicalLocation": .object([
                    "artifactLocation": .object(["uri": .string(l.file)]),
                    "region": .object(["startLine": .int(l.line), "startColumn": .int(l.column)]),
                ])
            ]
            if let message { o["message"] = .object(["text": .string(message)]) }
            return .object(o)
        }
        let results: [JSONValue] = diagnostics.map { d in
            var o: [String: JSONValue] = [
                "ruleId": .string(d.rule.rawValue), "ruleIndex": .int(index[d.rule]!),
                "level": .string(d.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(d.message[language])]),
                "locations": .array([location(d.location)]),
            ]
            let related = d.notes.compactMap { n in n.location.map { location($0, message: n.message[language]) } }
            if !related.isEmpty { o["relatedLocations"] = .array(related) }
            if let f = d.fixIt {
                o["fixes"] = .array([
                    .object([
                        "description": .object(["text": .string(f.message[language])]),
                        "artifactChanges": .array([
                            .object([
                                "artifactLocation": .object(["uri": .string(f.start.file)]),
                                "replacements": .array([
                                    .object([
                                        "deletedRegion": .object([
                                            "startLine": .int(f.start.line), "startColumn": .int(f.start.column),
                                            "endLine": .int(f.end.line), "endColumn": .int(f.end.column),
                                        ]),
                                        "insertedContent": .object(["text": .string(f.replacement)]),
                                    ])
                                ]),
                            ])
                        ]),
                    ])
                ])
            }
            return .object(o)
        }
        return .object([
            "$schema": .string(
                "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([
                .object([
                    "tool": .object([
                        "driver": .object([
                            "name": .string("kizuna"), "version": .string(toolVersion),
                            "rules": .array(
                                rules.map { r in
                                    .object([
                                        "id": .string(r.rawValue),
                                        "shortDescription": .object(["text": .string(r.summary[language])]),
                                        "defaultConfiguration": .object([
                                            "level": .string(r.defaultSeverity == .error ? "error" : "warning")
                                        ]),
                                    ])
                                }),
                        ])
                    ]),
                    "columnKind": .string("unicodeCodePoints"),
                    "language": .string(language.rawValue),
                    "results": .array(results),
                ])
            ]),
        ])
    }

    /// One workflow command per diagnostic; GitHub shows each on its file and line.
    public static func github(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        func data(_ s: String) -> String {
            s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
        }
        func property(_ s: String) -> String { data(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C") }
        return diagnostics.map { d in
            "::\(d.severity == .error ? "error" : "warning") file=\(property(d.location.file)),line=\(d.location.line),"
                + "col=\(d.location.column),title=\(property(d.rule.rawValue))::\(data(d.message[language]))\n"
        }.joined()
    }

    /// One line for the end of a run: "2 errors, 1 warning in 74 files".
    public static func summary(_ diagnostics: [Diagnostic], files: Int, language: Language = .en) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if language == .ja { return "\(files)ファイル中 エラー\(errors)件、警告\(warnings)件" }
        return "\(English.count(errors, "error")), \(English.count(warnings, "warning"))"
            + " in \(English.count(files, "file"))"
    }
}
