import ArgumentParser
import Foundation
import KizunaCore

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Apply every fix-it validate prints (terminology, character width, NFC, invisible characters, a "
            + "birthday's anniversary, misspelt keys, values, placeholders and ids) to content files.",
        discussion: """
            Only the characters a fix replaces change; comments, key order and every other byte stay as they were. \
            A fix that would leave the content with a new error is not written. Fixing an approved manuscript's text \
            makes its approval stale: its supervisors approve it again with `kizuna approve`. \
            Exit 0 when nothing fixable is left, 1 when some finding could not be fixed, 2 for usage or I/O problems.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "Content files or folders to fix (default: the whole content folder).")
    var paths: [String] = []

    @Flag(help: "Show the changes as a unified diff and write nothing.")
    var dryRun = false

    func run() throws {
        let files = try options.read()
        let language = options.language
        var selected: Set<String>?
        if !paths.isEmpty {
            let wanted = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            let matching = files.files.map(\.path).filter { path in
                let full = URL(fileURLWithPath: path).standardizedFileURL.path
                return wanted.contains { full == $0 || full.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
            }
            guard !matching.isEmpty else {
                printError("\(paths.joined(separator: ", ")): no content file under \(options.content)/ matches")
                throw ExitStatus.failure
            }
            selected = Set(matching)
        }
        let result = ContentFixer().fix(files, only: selected)
        var stderr = StandardError()
        guard result.introduced.isEmpty else {
            print(DiagnosticFormatter.text(result.introduced, language: language), terminator: "", to: &stderr)
            printError(
                language == .ja
                    ? "修正すると新しいエラーが生じるため、何も書き込みませんでした" : "the fixes would introduce these errors; nothing written")
            throw ExitStatus.contentErrors
        }
        for file in result.files {
            if dryRun {
                print(UnifiedDiff.lines(path: file.path, original: file.original, fixed: file.fixed), terminator: "")
            } else {
                try replace(file.path, with: file.fixed)
            }
        }
        let count = result.files.reduce(0) { $0 + $1.applied.count }
        let verb = dryRun ? (language == .ja ? "修正できます" : "would fix") : (language == .ja ? "修正しました" : "fixed")
        print(
            language == .ja
                ? "kizuna: \(result.files.count)ファイルの\(count)件を\(verb)"
                : "kizuna: \(verb) \(count) finding\(count == 1 ? "" : "s") in \(result.files.count) file"
                    + "\(result.files.count == 1 ? "" : "s")",
            to: &stderr)
        for path in result.staleApprovals {
            print(
                language == .ja
                    ? "kizuna: \(path) の本文が変わったため承認が古くなります。監修者が kizuna approve で承認し直してください"
                    : "kizuna: \(path): its text changed, so its approval is stale; "
                        + "its supervisors approve it again with `kizuna approve`",
                to: &stderr)
        }
        if !result.remaining.isEmpty {
            print(DiagnosticFormatter.text(result.remaining, language: language), terminator: "", to: &stderr)
            printError(
                language == .ja
                    ? "\(result.remaining.count)件は自動で修正できません。手で直してください"
                    : "\(result.remaining.count) finding\(result.remaining.count == 1 ? "" : "s")"
                        + " could not be fixed automatically; edit by hand"
            )
            throw ExitStatus.contentErrors
        }
    }

    private func replace(_ path: String, with bytes: [UInt8]) throws {
        do {
            try ContentDirectory.replace(path, with: bytes)
        } catch {
            printError(error.description)
            throw ExitStatus.failure
        }
    }
}
