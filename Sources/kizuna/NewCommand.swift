import ArgumentParser
import Foundation
import KizunaCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new manuscript, edition or insert with every required key and placeholders to fill in.",
        discussion: """
            The file gets 「（ここに…）」 placeholders (and example.invalid links) that validate reports as \
            scaffold-placeholder errors until they are written, so it is never built as is. An existing file is \
            never overwritten. Exit 0 written, 1 the file or the id already exists (nothing written), 2 usage or I/O.
            """,
        subcommands: [NewManuscript.self, NewEdition.self, NewInsert.self]
    )
}

struct NewManuscript: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manuscript",
        abstract: "A manuscript for one day, supervised as the manuscripts around it mostly are; review: draft.")

    @OptionGroup var options: ContentOptions

    @Option(help: "The series: maternity or childcare.")
    var series: String

    @Option(help: "The day: 16w0d (maternity) or a day count such as 200 (childcare).")
    var day: String

    func run() throws {
        let (content, root) = try loadForScaffold(options)
        try write(
            { () throws(Scaffold.Refusal) in
                try Scaffold.manuscript(series: series, day: day, content: content, root: root)
            }, options: options)
    }
}

struct NewEdition: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition", abstract: "An edition for a municipality: both series, LINE, one desk to fill in.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "The edition id (lowercase letters, digits, hyphens).")
    var id: String

    @Option(help: "The municipality's name, e.g. 桜ヶ丘市.")
    var name: String

    func run() throws {
        let (content, root) = try loadForScaffold(options)
        try write(
            { () throws(Scaffold.Refusal) in
                try Scaffold.edition(id: id, municipality: name, content: content, root: root)
            }, options: options)
    }
}

struct NewInsert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insert", abstract: "An insert of an edition: the municipality's information for an age or stage.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "The insert id (lowercase letters, digits, hyphens).")
    var id: String

    @Option(help: "The edition the insert is for.")
    var edition: String

    func run() throws {
        let (content, root) = try loadForScaffold(options)
        try write(
            { () throws(Scaffold.Refusal) in
                try Scaffold.insert(id: id, edition: edition, content: content, root: root)
            }, options: options)
    }
}

/// The content as loaded (problems in it do not stop a scaffold), and the folder as named.
private func loadForScaffold(_ options: ContentOptions) throws -> (ContentSet, String) {
    let files = try options.read()
    var ignored: [Diagnostic] = []
    return (ContentLoader().load(files, into: &ignored), files.root)
}

/// Writes what `make` plans, never over an existing file, and prints the next steps.
private func write(_ make: () throws(Scaffold.Refusal) -> Scaffold.Plan, options: ContentOptions) throws {
    let language = options.language
    let plan: Scaffold.Plan
    do {
        plan = try make()
    } catch {
        printError(error.message[language])
        throw error.kind == .usage ? ExitStatus.failure : ExitStatus.contentErrors
    }
    let path =
        (options.content.hasSuffix("/") ? String(options.content.dropLast()) : options.content)
        + "/" + plan.relativePath
    let folder = (path as NSString).deletingLastPathComponent
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        printError(LocalizedText(en: "cannot create '\(folder)'", ja: "'\(folder)' を作れません")[language])
        throw ExitStatus.failure
    }
    // O_EXCL: an existing file (or one made meanwhile) is never replaced.
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else {
        let exists = errno == EEXIST
        printError(
            exists
                ? LocalizedText(
                    en: "\(path) already exists; it was left as it is", ja: "\(path) はすでにあります。変更していません")[language]
                : LocalizedText(
                    en: "cannot write '\(path)': \(String(cString: strerror(errno)))",
                    ja: "'\(path)' に書き込めません: \(String(cString: strerror(errno)))")[language])
        throw exists ? ExitStatus.contentErrors : ExitStatus.failure
    }
    let bytes = Array(plan.text.utf8)
    let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    close(fd)
    guard written == bytes.count else {
        unlink(path)
        printError(LocalizedText(en: "cannot write '\(path)'", ja: "'\(path)' に書き込めません")[language])
        throw ExitStatus.failure
    }
    print(LocalizedText(en: "wrote \(path)", ja: "\(path) を書きました")[language])
    print(LocalizedText(en: "next steps:", ja: "次にすること:")[language])
    for (i, step) in plan.nextSteps.enumerated() { print("  \(i + 1). \(step[language])") }
}
