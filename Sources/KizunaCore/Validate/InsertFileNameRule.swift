extension RuleID {
    public static let insertFileName = RuleID("insert-file-name")
}

/// `insert-file-name`: each insert is in its own file, named after its id (`inserts/ID.yaml`), so that an edition's
/// inserts are found by their ids without reading the others (`EditionStream`).
struct InsertFileNameRule: ContentRule {
    static let description = RuleDescription(
        .insertFileName, .error, en: "An insert in a file not named after its id, or two insert files of one name",
        ja: "IDと違う名前のファイルに書かれた差し込み情報、または同じ名前の2つの差し込み情報ファイル")

    func check(_ content: ContentSet, into diagnostics: inout [Diagnostic]) {
        for insert in content.inserts {
            let stem = EditionStream.stem(of: insert.path)
            guard insert.id.value != stem else { continue }
            let name = insert.path.split(separator: "/").last.map(String.init) ?? insert.path
            let id = insert.id.value
            diagnostics.append(
                Diagnostic(
                    .insertFileName, at: insert.id.location,
                    en: "insert '\(id)' is in the file '\(name)'; name the file after its id: inserts/\(id).yaml",
                    ja: "差し込み情報 '\(id)' がファイル '\(name)' に書かれています。ファイル名をIDに合わせて "
                        + "inserts/\(id).yaml にしてください"))
        }
    }

    /// Insert files that share a name but for its extension (`a.yaml` and `a.yml`), each reported after the first
    /// in path order: an insert id names one file. `insertFiles`: the content's insert files.
    static func clashes(_ insertFiles: [SourceFile]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for file in insertFiles.sorted(by: { $0.path < $1.path }) {
            let stem = EditionStream.stem(of: file.path)
            guard let earlier = first[stem] else {
                first[stem] = file.path
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .insertFileName, at: SourceLocation(file: file.path, line: 1, column: 1),
                    en: "this file and \(earlier) are both named '\(stem)'; "
                        + "keep one file per insert, named after its id",
                    ja: "このファイルと \(earlier) は同じ名前 '\(stem)' です。"
                        + "差し込み情報1つにつきファイルを1つ、IDと同じ名前にしてください"))
        }
        return diagnostics
    }
}
