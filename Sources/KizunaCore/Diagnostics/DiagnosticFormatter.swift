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
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text: text(diagnostics)
        case .json: String(decoding: json(diagnostics).bytes, as: UTF8.self) + "\n"
        case .sarif: String(decoding: sarif(diagnostics).bytes, as: UTF8.self) + "\n"
        case .github: github(diagnostics)
        }
    }

    /// `PATH:LINE:COLUMN: error|warning: MESSAGE [RULE-ID]`, notes indented below.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out += "\(d.location): \(d.severity.rawValue): \(d.message) [\(d.rule.rawValue)]\n"
            for note in d.notes {
                out += note.location.map { "\($0): note: \(note.message)\n" } ?? "    note: \(note.message)\n"
            }
            if let fix = d.fixIt {
                out += "    fix-it: \(fix.message)\n"
            }
        }
        return out
    }

    /// An array of objects with `file`, `line`, `column`, `severity`, `rule`, `message`, and `notes`/`fixIt` when present.
    public static func json(_ diagnostics: [Diagnostic]) -> JSONValue {
        .array(diagnostics.map { d in
            var o: [String: JSONValue] = [
                "file": .string(d.location.file), "line": .int(d.location.line), "column": .int(d.location.column),
                "severity": .string(d.severity.rawValue), "rule": .string(d.rule.rawValue), "message": .string(d.message),
            ]
            if !d.notes.isEmpty {
                o["notes"] = .array(d.notes.map { n in
                    var note: [String: JSONValue] = ["message": .string(n.message)]
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
                    "message": .string(f.message), "replacement": .string(f.replacement),
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
    public static func sarif(_ diagnostics: [Diagnostic]) -> JSONValue {
        let rules = Array(Set(diagnostics.map(\.rule))).sorted { $0.rawValue < $1.rawValue }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1, $0) })
        func location(_ l: SourceLocation, message: String? = nil) -> JSONValue {
            var o: [String: JSONValue] = ["physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(l.file)]),
                "region": .object(["startLine": .int(l.line), "startColumn": .int(l.column)]),
            ])]
            if let message { o["message"] = .object(["text": .string(message)]) }
            return .object(o)
        }
        let results: [JSONValue] = diagnostics.map { d in
            var o: [String: JSONValue] = [
                "ruleId": .string(d.rule.rawValue), "ruleIndex": .int(index[d.rule]!),
                "level": .string(d.severity == .error ? "error" : "warning"),
                "message": .object(["text": .string(d.message)]),
                "locations": .array([location(d.location)]),
            ]
            let related = d.notes.compactMap { n in n.location.map { location($0, message: n.message) } }
            if !related.isEmpty { o["relatedLocations"] = .array(related) }
            if let f = d.fixIt {
                o["fixes"] = .array([.object([
                    "description": .object(["text": .string(f.message)]),
                    "artifactChanges": .array([.object([
                        "artifactLocation": .object(["uri": .string(f.start.file)]),
                        "replacements": .array([.object([
                            "deletedRegion": .object(["startLine": .int(f.start.line), "startColumn": .int(f.start.column),
                                                      "endLine": .int(f.end.line), "endColumn": .int(f.end.column)]),
                            "insertedContent": .object(["text": .string(f.replacement)]),
                        ])]),
                    ])]),
                ])])
            }
            return .object(o)
        }
        return .object([
            "$schema": .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("kizuna"), "version": .string(toolVersion),
                    "rules": .array(rules.map { r in
                        .object(["id": .string(r.rawValue),
                                 "defaultConfiguration": .object(["level": .string(r.defaultSeverity == .error ? "error" : "warning")])])
                    }),
                ])]),
                "columnKind": .string("unicodeCodePoints"),
                "results": .array(results),
            ])]),
        ])
    }

    /// One workflow command per diagnostic; GitHub shows each on its file and line.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        func data(_ s: String) -> String {
            s.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
        }
        func property(_ s: String) -> String { data(s).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C") }
        return diagnostics.map { d in
            "::\(d.severity == .error ? "error" : "warning") file=\(property(d.location.file)),line=\(d.location.line),"
                + "col=\(d.location.column),title=\(property(d.rule.rawValue))::\(data(d.message))\n"
        }.joined()
    }

    /// One line for the end of a run: "2 errors, 1 warning in 74 files".
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
    }
}
