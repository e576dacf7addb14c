import ArgumentParser
import Dispatch
import Foundation
import KizunaCore
import KizunaServer

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the previews, review sheets and timelines, rebuilt and reloaded as content is saved.",
        discussion: """
            Builds the chosen editions as build does, into a folder of its own (in /dev/shm where there is one, never output/), and \
            serves them at http://127.0.0.1:1313/. On each save under the content or templates folder it rebuilds \
            what the change affects, and open pages reload; a page follows the manuscript being edited to its day. \
            When the content has errors, pages show every finding above the last good page. Ctrl-C stops.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The templates folder.")
    var templates: String = "templates"

    @Option(name: .customLong("edition"), help: "Serve only this edition (repeatable).")
    var editions: [String] = []

    @Option(help: "The port to listen on.")
    var port: Int = 1313

    @Option(help: "The address to listen on; anything other than 127.0.0.1 lets other machines read the previews.")
    var host: String = "127.0.0.1"

    @Option(
        help: """
            Build into this folder and keep it (default: a new folder in /dev/shm or the temporary folder, removed \
            when serve stops).
            """)
    var output: String?

    @Flag(help: "Look for changes by polling, for file systems that send no change events (network shares).")
    var poll = false

    /// A new folder for this session: in memory where the system has a tmpfs at /dev/shm (as `hugo server` serves
    /// from memory: on ext4 each rebuild's new files cost more than the rebuild), else in the temporary folder.
    static func sessionFolder() -> String {
        let name = "kizuna-serve-\(ProcessInfo.processInfo.processIdentifier)"
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder), isFolder.boolValue,
            access("/dev/shm", W_OK) == 0
        {
            return "/dev/shm/" + name
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent(name).path
    }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let files = try options.read(readingEditionFilesWhenUsed: true)
        printSkippedRules(files, language: options.language)
        let language = options.language
        let folder = output ?? Self.sessionFolder()
        let build = LiveBuild(
            settings: LiveBuildSettings(
                content: options.content, templates: templates, output: folder, editions: editions,
                language: language, mecab: files.mecab, generator: BuildProgressDisplay.generatorStamp()))
        let server = PreviewServer(
            settings: PreviewServer.Settings(host: host, port: port, polling: poll), build: build,
            report: { ServeReport.print($0, language: language, folder: folder) })
        let finished = Finished()
        Task {
            do { try await server.run() } catch { finished.error = error }
            finished.signal()
        }
        finished.wait()
        if output == nil { try? FileManager.default.removeItem(atPath: folder) }
        guard let error = finished.error else { return }
        switch error as? PreviewServer.Failure {
        case .portInUse(let host, let port):
            printError(
                LocalizedText(
                    en: "port \(port) on \(host) is already in use (another kizuna serve?); choose another with --port",
                    ja: "\(host) のポート \(port) は使用中です（別の kizuna serve が動いていませんか）。--port で別のポートを指定してください"
                )[language])
        case .cannotListen(let host, let port, let reason):
            printError("cannot listen on \(host):\(port): \(reason)")
        case .unknownEditions(_, let problem):
            printError(problem[language])
        case nil:
            printError("\(error)")
        }
        throw ExitStatus.failure
    }
}

/// The end of the server's task, waited for on the main thread.
private final class Finished: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func signal() { semaphore.signal() }
    func wait() { semaphore.wait() }
}

/// What `serve` prints as it goes: one line per build on stderr, with every finding of a failed one.
enum ServeReport {
    static func print(_ event: PreviewServer.Event, language: Language, folder: String) {
        var stderr = StandardError()
        switch event {
        case .listening(let url, let mode):
            Swift.print(
                LocalizedText(
                    en:
                        "kizuna: serving at \(url) (built in \(folder), watching with \(mode.rawValue)); Ctrl-C to stop",
                    ja: "kizuna: \(url) で配信中です（ビルド先 \(folder)、\(mode.rawValue) で変更を監視）。"
                        + "Ctrl-C で終了します")[language],
                to: &stderr)
        case .stopping:
            Swift.print(LocalizedText(en: "kizuna: stopping", ja: "kizuna: 終了します")[language], to: &stderr)
        case .built(let state):
            let milliseconds = Int((state.elapsed / .milliseconds(1)).rounded())
            let shown = state.editionsElapsed.map { Int(($0 / .milliseconds(1)).rounded()) } ?? milliseconds
            let trigger =
                state.changedFiles.isEmpty
                ? ""
                : " (" + state.changedFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ") + ")"
            if state.succeeded {
                Swift.print(
                    LocalizedText(
                        en: "kizuna: built in \(milliseconds) ms (pages shown after \(shown) ms)\(trigger): "
                            + "\(state.rendered) of \(state.messages) "
                            + "days rendered, \(state.pages.count) pages written, \(state.warnings) "
                            + (state.warnings == 1 ? "warning" : "warnings"),
                        ja: "kizuna: \(milliseconds) ms でビルドしました（ページ表示まで \(shown) ms）\(trigger)。"
                            + "\(state.messages)日分のうち"
                            + "\(state.rendered)日分を出力、ページ\(state.pages.count)件、警告\(state.warnings)件")[language],
                    to: &stderr)
            } else {
                for problem in state.problems {
                    let place = problem.location.map { "\($0): " } ?? "kizuna: "
                    let rule = problem.rule.map { " [\($0)]" } ?? ""
                    Swift.print("\(place)\(problem.severity): \(problem.message[language])\(rule)", to: &stderr)
                    for note in problem.notes { Swift.print("    \(note[language])", to: &stderr) }
                }
                Swift.print(
                    LocalizedText(
                        en: "kizuna: \(state.problems.count) findings\(trigger); nothing rebuilt, the last good pages "
                            + "stay served",
                        ja: "kizuna: \(state.problems.count)件の指摘があります\(trigger)。再ビルドせず、最後に成功した"
                            + "ページを配信しています")[language],
                    to: &stderr)
            }
        }
    }
}
