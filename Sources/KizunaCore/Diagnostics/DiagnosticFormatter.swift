/// Output formats for diagnostics. The engine collects; these only format.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
}

public enum DiagnosticFormatter {
    public static func format(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        switch format {
        case .text: text(diagnostics)
        case .json: String(decoding: json(diagnostics).bytes, as: UTF8.self) + "\n"
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

    /// One line for the end of a run: "2 errors, 1 warning in 74 files".
    public static func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
    }
}
