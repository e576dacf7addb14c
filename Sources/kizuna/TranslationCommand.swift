import ArgumentParser
import Foundation
import KizunaCore

struct TranslationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translation",
        abstract: "Work with translations of the Japanese texts (translations/LANG/…).",
        subcommands: [Stamp.self])

    struct Stamp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record in each translation the Japanese text it now follows.",
            discussion: """
                Sets `source_sha256:` to the SHA-256 of the Japanese reader text as it stands, after the translation \
                was updated to it; nothing else in the file changes. Exit 0, 1 when a file is no translation or its \
                source is missing, 2 for usage or I/O problems.
                """)

        @OptionGroup var options: ContentOptions

        @Argument(help: "Translation files, e.g. content/translations/en/manuscripts/childcare/0045.yaml.")
        var paths: [String]

        func run() throws {
            let files = try options.read()
            let language = options.language
            let wanted = Set(paths.map(Self.normalized))
            let matching = files.files.map(\.path).filter { wanted.contains(Self.normalized($0)) }
            let unknown = paths.filter { path in !matching.contains { Self.normalized($0) == Self.normalized(path) } }
            guard unknown.isEmpty else {
                printError("\(unknown.joined(separator: ", ")): no content file under \(options.content)/")
                throw ExitStatus.failure
            }
            let result = TranslationStamper().stamp(files, paths: matching)
            var stderr = StandardError()
            for stamp in result.stamps {
                do {
                    try ContentDirectory.replace(stamp.path, with: stamp.stamped)
                } catch {
                    printError(error.description)
                    throw ExitStatus.failure
                }
                print(
                    language == .ja
                        ? "kizuna: \(stamp.path): 翻訳元を \(stamp.to.prefix(12))… に更新しました（以前は \(stamp.from.prefix(12))）"
                        : "kizuna: \(stamp.path): now follows the Japanese \(stamp.to.prefix(12))… "
                            + "(was \(stamp.from.prefix(12)))",
                    to: &stderr)
            }
            for (path, reason) in result.refused {
                print("kizuna: \(path): \(language == .ja ? reason.ja : reason.en)", to: &stderr)
            }
            if !result.refused.isEmpty { throw ExitStatus.contentErrors }
        }

        static func normalized(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }
}
