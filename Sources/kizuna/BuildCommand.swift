import ArgumentParser
import Dispatch
import KizunaCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then write each edition's payloads, previews and manifest.",
        discussion: "On any error nothing is written and the previous output stays as it was.")

    @OptionGroup var options: ContentOptions

    @Option(help: "The output folder.")
    var output: String = "output"

    @Option(help: "The templates folder.")
    var templates: String = "templates"

    @Option(name: .customLong("edition"), help: "Build only this edition (repeatable).")
    var editions: [String] = []

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Refuse to build (exit 1, nothing written) if any manuscript the editions use is draft, stale or not approved by a registered supervisor.")
    var release = false

    func run() throws {
        let files = try options.read()
        let templateSet: PreviewTemplates
        do {
            templateSet = try PreviewTemplates(sources: ContentDirectory.readTemplates(templates))
        } catch let error as IOFailure {
            printError(error.description)
            throw ExitStatus.failure
        } catch {
            printError("\(error)")
            throw ExitStatus.failure
        }
        // LINE's limits are checked by the builder on the payloads it writes, not rendered twice.
        let report = Validator().validate(files, checkingPayloads: false)
        var stderr = StandardError()
        if !report.diagnostics.isEmpty {
            print(DiagnosticFormatter.text(report.diagnostics, language: options.language), terminator: "", to: &stderr)
        }
        guard let content = report.content else {
            print("kizuna: \(DiagnosticFormatter.summary(report.diagnostics, files: files.contentFileCount, language: options.language)); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        }
        var selected = content.editions
        if !editions.isEmpty {
            let unknown = editions.filter { id in content.edition(id) == nil }
            guard unknown.isEmpty else {
                printError("no edition '\(unknown.joined(separator: "', '"))'; editions: \(content.editions.map(\.id.value).joined(separator: ", "))")
                throw ExitStatus.failure
            }
            selected = selected.filter { editions.contains($0.id.value) }
        }
        if release {
            let gate = ReleaseGate.check(content, editions: selected)
            if !gate.isEmpty {
                print(DiagnosticFormatter.text(gate, language: options.language), terminator: "", to: &stderr)
                print("kizuna: release refused: \(gate.count) manuscript\(gate.count == 1 ? "" : "s") not approved as written; nothing written", to: &stderr)
                throw ExitStatus.contentErrors
            }
        }
        let builder = EditionBuilder(content: content, templates: templateSet)
        var writer = OutputWriter(root: output)
        let clock = ContinuousClock()
        let start = clock.now
        var fileCount = 0
        var limitDiagnostics: [Diagnostic] = []
        do {
            try writer.prepare()
            let staging = writer
            // Editions are independent: build and stage them on every core, then swap them in together.
            let results = ParallelMap.map(selected) { edition -> Result<(files: Int, diagnostics: [Diagnostic]), IOFailure> in
                let out = builder.build(edition)
                guard !out.diagnostics.hasErrors else { return .success((0, out.diagnostics)) }
                do throws(IOFailure) {
                    try staging.stage(out)
                    return .success((out.files.count, out.diagnostics))
                } catch {
                    return .failure(error)
                }
            }
            // The doctors' review sheets, beside the editions and swapped in the same way.
            let sheets = ReviewSheetBuilder(templates: templateSet).build(content.content, snapshots: files.snapshot(of:))
            try staging.stage(sheets)
            fileCount += sheets.files.count
            for result in results {
                let built = try result.get()
                fileCount += built.files
                limitDiagnostics += built.diagnostics
            }
            limitDiagnostics = limitDiagnostics.deduplicated().sortedForOutput()
            if limitDiagnostics.hasErrors {
                writer.abandon()
            } else {
                try writer.commit(editionIDs: selected.map(\.id.value) + [ReviewSheetBuilder.folder])
            }
        } catch {
            writer.abandon()
            printError(error.description)
            throw ExitStatus.failure
        }
        if !limitDiagnostics.isEmpty {
            print(DiagnosticFormatter.text(limitDiagnostics, language: options.language), terminator: "", to: &stderr)
        }
        if limitDiagnostics.hasErrors {
            print("kizuna: \(DiagnosticFormatter.summary(report.diagnostics + limitDiagnostics, files: files.contentFileCount, language: options.language)); nothing written", to: &stderr)
            throw ExitStatus.contentErrors
        }
        if !quiet {
            let elapsed = clock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            print("kizuna: built \(selected.count) edition\(selected.count == 1 ? "" : "s"), \(fileCount) files into \(output)/ in \(Int(ms)) ms")
        }
    }
}

/// Runs independent work items on all cores, keeping the input order in the results.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        let results = UnsafeResults<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            results.set(i, body(items[i]))
        }
        return results.values
    }
}

/// Each index is written by exactly one iteration into its own slot of a buffer allocated up front, so no two
/// threads touch the same memory and no array is mutated concurrently.
final class UnsafeResults<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
    func set(_ i: Int, _ value: R) { slots[i] = value }
    var values: [R] { slots.map { $0! } }
}
