/// Turns one edition of validated content into its files: payloads, previews and manifest, checking LINE's
/// limits on the payloads it writes. Output with an error diagnostic must not be committed.
/// Editions are independent, so they can be built in parallel.
public struct EditionBuilder: Sendable {
    public let content: ValidatedContent
    public let previews: PreviewRenderer
    let flex = FlexRenderer()

    public init(content: ValidatedContent, templates: PreviewTemplates) {
        self.content = content
        self.previews = PreviewRenderer(templates: templates, reviewers: content.content.reviewers)
    }

    public func build(_ edition: Edition) -> EditionOutput {
        let id = edition.id.value
        let messages = content.compiler.messages(for: edition)
        var files: [OutputFile] = []
        files.reserveCapacity(messages.count * 2 + 2)
        var entries: [Manifest.Entry] = []
        var diagnostics: [Diagnostic] = []
        let limits = LineLimitsRule(edition: edition, nicknameMaxLength: content.compiler.nicknameMaxLength(for: edition))
        let email = edition.channels.contains { $0.value == .email } ? EmailRenderer() : nil
        for (i, message) in messages.enumerated() {
            let rendered = flex.payload(for: message)
            limits.check(message, rendered, into: &diagnostics)
            var day: [String: Manifest.File] = [:]
            func add(_ channel: String, _ path: String, _ bytes: [UInt8]) {
                files.append(OutputFile(path: "\(id)/\(path)", bytes: bytes))
                day[channel] = Manifest.File(path: path, sha256: Manifest.sha256Hex(bytes))
            }
            add("line", message.linePath, rendered.bytes)
            if let email { add("email", message.emailPath, email.message(for: message)) }
            let page = previews.dayPage(message, previous: i > 0 ? messages[i - 1] : nil,
                                        next: i + 1 < messages.count ? messages[i + 1] : nil, payload: rendered)
            add("preview", message.previewPath, Array(page.utf8))
            entries.append(Manifest.Entry(message: message, files: day, lineMessages: rendered.messageCount))
        }
        let timeline = content.compiler.timeline(for: edition, due: PreviewRenderer.sampleDueDate, born: nil)
        let index = previews.indexPage(editionName: edition.name.value, editionID: id, messages: messages, timeline: timeline)
        files.append(OutputFile(path: "\(id)/preview/index.html", bytes: Array(index.utf8)))
        let manifest = Manifest(edition: edition, nicknameMaxLength: content.compiler.nicknameMaxLength(for: edition), entries: entries)
        files.append(OutputFile(path: "\(id)/manifest.json", bytes: manifest.json.bytes + [0x0A]))
        return EditionOutput(editionID: id, files: files, diagnostics: diagnostics)
    }
}
