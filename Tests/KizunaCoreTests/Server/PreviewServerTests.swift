import Foundation
import Testing

@testable import KizunaCore
@testable import KizunaServer

#if canImport(Glibc)
    import Glibc
#endif

/// `kizuna serve` over a real socket: what it refuses, what it adds to pages, and what it tells them after a change.
@Suite(.serialized) struct PreviewServerTests {
    @Test func pathsOutOfTheTreeAreRefused() throws {
        let root = try Workspace().output
        try FileManager.default.createDirectory(atPath: root + "/ed/preview", withIntermediateDirectories: true)
        try "<p>day</p>".write(toFile: root + "/ed/preview/0001.html", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/ed/preview/leak.html", withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/ed/inside.html", withDestinationPath: root + "/ed/preview/0001.html")
        let resolved = try #require(realpath(root, nil))
        let real = String(cString: resolved)
        free(resolved)
        #expect(ServedPath.resolve("/ed/preview/0001.html", root: root) == .file(real + "/ed/preview/0001.html"))
        #expect(ServedPath.resolve("/ed/inside.html", root: root) == .file(real + "/ed/preview/0001.html"))
        for refused in [
            "/../content/kizuna.yaml", "/%2e%2e/content/kizuna.yaml", "/%2E%2E%2Fcontent",
            "/ed/%2e%2e/%2e%2e/etc/passwd",
            "/ed/preview/..%2f..%2f..%2fetc/passwd", "/ed/./preview/0001.html", "/ed\\..\\x", "/ed/preview/leak.html",
        ] {
            #expect(ServedPath.resolve(refused, root: root) == .forbidden, "\(refused)")
        }
        // Encoded twice is decoded once: `%252e%252e` names a folder called `%2e%2e`, which does not exist.
        #expect(ServedPath.resolve("/%252e%252e/content", root: root) == .notFound)
        #expect(ServedPath.resolve("/ed/", root: root) == .notFound, "a folder without an index page is not listed")
        #expect(ServedPath.resolve("/.kizuna-cache/x", root: root) == .notFound)
        #expect(ServedPath.resolve("/x%00y", root: root) == .badRequest)
        #expect(ServedPath.resolve("/", root: root) == .landing)
    }

    @Test func servesPagesWithTheLiveScriptAndRefusesTheRest() async throws {
        let workspace = try Workspace()
        try await workspace.serving { port, _ in
            let escapes = [
                "GET /../content/kizuna.yaml", "GET /%2e%2e/content/kizuna.yaml",
                "GET /sakuragaoka/%2e%2e/%2e%2e/etc/passwd",
            ]
            for request in escapes {
                let response = try HTTP.send("\(request) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", port: port)
                #expect(response.status == 403, "\(request): \(response.head)")
            }
            let post = try HTTP.send(
                "POST /sakuragaoka/preview/index.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 0\r\n",
                port: port)
            #expect(post.status == 405)
            #expect(post.head.lowercased().contains("allow: get, head"))
            let rebinding = try HTTP.send("GET / HTTP/1.1\r\nHost: attacker.example:\(port)\r\n", port: port)
            #expect(rebinding.status == 421)

            let page = try HTTP.send(
                "GET /sakuragaoka/preview/childcare/0045.html HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", port: port)
            #expect(page.status == 200)
            let built = try String(
                contentsOfFile: workspace.output + "/sakuragaoka/preview/childcare/0045.html", encoding: .utf8)
            #expect(!built.contains("<script"), "files written by the build stay script-free")
            #expect(page.body.components(separatedBy: "<script>").count == 2, "exactly one script is added")
            let policy = LiveScript.policy(origin: "http://127.0.0.1:\(port)")
            #expect(page.head.contains("Content-Security-Policy: \(policy)"))
            #expect(page.body.contains("content=\"\(policy)\""), "the page's own policy is replaced, not added to")
            #expect(policy.contains("script-src \(LiveScript.hash);"))
            #expect(policy.hasSuffix("connect-src http://127.0.0.1:\(port)/_kizuna/events"))
            let head = try HTTP.send(
                "HEAD /sakuragaoka/preview/childcare/0045.html HTTP/1.1\r\nHost: localhost:\(port)\r\n", port: port)
            #expect(head.status == 200 && head.body.isEmpty)
            let payload = try HTTP.send(
                "GET /sakuragaoka/line/childcare/0045.json HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", port: port)
            #expect(payload.status == 200 && payload.head.contains("Content-Type: application/json"))
            #expect(!payload.body.contains("<script"))
        }
    }

    @Test func secondServerOnThePortIsRefused() async throws {
        let workspace = try Workspace()
        try await workspace.serving { port, _ in
            let second = PreviewServer(
                settings: .init(port: port),
                build: LiveBuild(settings: workspace.settings(output: workspace.output + "-2")),
                report: { _ in })
            await #expect(throws: PreviewServer.Failure.portInUse(host: "127.0.0.1", port: port)) {
                try await second.run()
            }
        }
    }

    @Test func aChangeRebuildsWhatItAffectsAndPagesFollowIt() async throws {
        let workspace = try Workspace()
        let build = LiveBuild(settings: workspace.settings())
        let first = await build.rebuild(changed: [])
        #expect(first.succeeded && first.rendered == first.messages && first.built == 1)
        let manuscript = workspace.content + "/manuscripts/childcare/0100.yaml"
        let original = try String(contentsOfFile: manuscript, encoding: .utf8)
        let sentence = try #require(
            original.split(separator: "\n").first { $0.hasSuffix("。") && $0.hasPrefix("      ") })
        let edited = original.replacingOccurrences(of: sentence, with: sentence.dropLast() + "（編集）。")
        try edited.write(toFile: manuscript, atomically: true, encoding: .utf8)

        let early = EarlyState()
        let changed = await build.rebuild(changed: [manuscript]) { early.state = $0 }
        #expect(changed.succeeded && changed.generation == 2 && changed.built == 2, "\(changed.problems)")
        #expect(changed.rendered < changed.messages / 10, "only the days the manuscript is in are rendered")
        #expect(changed.navigation["sakuragaoka"] == "/sakuragaoka/preview/childcare/0100.html")
        #expect(changed.navigation["minamikawa"] == "/minamikawa/preview/childcare/0100.html")
        #expect(changed.pages.contains("/sakuragaoka/preview/childcare/0100.html"))
        #expect(!changed.pages.contains("/sakuragaoka/preview/childcare/0045.html"))
        // The pages being edited are announced before the review sheets are made; the sheets follow.
        let shown = try #require(early.state)
        #expect(shown.pages.contains("/sakuragaoka/preview/childcare/0100.html"))
        #expect(!shown.pages.contains { $0.hasPrefix("/review/") })
        #expect(shown.navigation == changed.navigation)
        let rest = changed.remainder(after: shown)
        #expect(rest.pages.contains("/review/sheets/childcare/0100.html") && rest.navigation.isEmpty)
        #expect(!rest.pages.contains("/sakuragaoka/preview/childcare/0100.html"))
        // Built as `build` builds: the same bytes as a build from scratch of the same content.
        try expectSameTree(workspace.output, workspace.buildFromScratch())
        let page = try String(
            contentsOfFile: workspace.output + "/sakuragaoka/preview/childcare/0100.html", encoding: .utf8)
        #expect(page.contains("（編集）"))

        try edited.replacingOccurrences(of: "\ntitle:", with: "\ntitel:").write(
            toFile: manuscript, atomically: true, encoding: .utf8)
        let broken = await build.rebuild(changed: [manuscript])
        #expect(!broken.succeeded && broken.built == 2, "the pages of the last good build stay")
        let problem = try #require(broken.problems.first { $0.rule == "schema-unknown-key" })
        #expect(problem.location?.hasSuffix("manuscripts/childcare/0100.yaml:3:1") == true)
        #expect(
            try String(contentsOfFile: workspace.output + "/sakuragaoka/preview/childcare/0100.html", encoding: .utf8)
                == page)
        let japanese = String(decoding: broken.json(language: .ja, session: "s"), as: UTF8.self)
        #expect(japanese.contains("原稿にキー 'titel' は使えません") && japanese.contains("\"ok\":false"))

        try edited.write(toFile: manuscript, atomically: true, encoding: .utf8)
        let fixed = await build.rebuild(changed: [manuscript])
        #expect(fixed.succeeded && fixed.problems.isEmpty && fixed.built == 4)
        try expectSameTree(workspace.output, workspace.buildFromScratch())
    }

    @Test func aBuildWaitsForThePagesItReloadsThenGoesOn() async throws {
        let channel = LiveChannel(LiveState(generation: 1))
        let day = channel.subscribe(page: "/ed/preview/childcare/0045.html")
        let other = channel.subscribe(page: "/ed/preview/childcare/0100.html")
        var next = LiveState(generation: 2)
        next.pages = ["/ed/preview/childcare/0045.html"]
        let (reloading, mark) = channel.publish(next)
        #expect(reloading == 1, "only the page the build rewrote reloads")
        let started = ContinuousClock.now
        let reopened = Task.detached {
            try await Task.sleep(for: .milliseconds(50))
            return channel.subscribe(page: "/ed/preview/childcare/0045.html")
        }
        channel.waitForPages(reloading, after: mark, limit: .seconds(5))
        #expect(ContinuousClock.now - started < .seconds(4), "the wait ends when the page is back")
        _ = try await reopened.value
        next.navigation = ["ed": "/ed/preview/childcare/0200.html"]
        #expect(channel.publish(next).reloading == 2, "a day to go to moves every open page, counted once each")
        let waited = ContinuousClock.now
        channel.waitForPages(1, after: channel.publish(next).mark, limit: .milliseconds(100))
        #expect(ContinuousClock.now - waited >= .milliseconds(100), "a page that never comes back costs the limit")
        #expect(
            PreviewResponder.page(of: "/_kizuna/events?page=%2Fed%2Fpreview%2Findex.html") == "/ed/preview/index.html")
        withExtendedLifetime((day, other)) {}
    }

    /// The panel's colours, read from the script itself: every colour it writes (texts, and borders too, which is
    /// stricter) has 4.5:1 or more (WCAG 2.1 AA, normal text) on each background it paints.
    @Test func theErrorPanelIsReadable() throws {
        let source = LiveScript.source
        var backgrounds: [Colour] = [], others: [Colour] = []
        var rest = Substring(source)
        while let hash = rest.firstIndex(of: "#") {
            let hex = rest[rest.index(after: hash)...].prefix { $0.isHexDigit }
            let before = rest[..<hash].suffix(12)
            if hex.count == 3 || hex.count == 6, let colour = Colour(css: "#" + hex) {
                if before.hasSuffix("background:") { backgrounds.append(colour) } else { others.append(colour) }
            }
            rest = rest[rest.index(after: hash)...]
        }
        #expect(backgrounds.count == 2, "the panel's and its button's")
        #expect(others.count >= 6, "text, heading, severities, notes, the button's label and border")
        for background in backgrounds {
            for colour in others {
                let ratio = Colour.contrast(colour, on: background)
                #expect(ratio >= 4.5, "\(colour) on \(background): \(ratio)")
            }
        }
    }

    @Test(arguments: [false, true]) func watcherReportsSavesAndLeavesOutTemporaryFiles(polling: Bool) async throws {
        let workspace = try Workspace()
        let watcher = ChangeWatcher(roots: [workspace.content], polling: polling, interval: .milliseconds(50))
        let changes = watcher.changes()
        defer { watcher.stop() }
        try await Task.sleep(for: .milliseconds(200))
        let manuscript = workspace.content + "/manuscripts/childcare/0045.yaml"
        // As `sed -i` saves: a temporary file renamed over the manuscript.
        let temporary = workspace.content + "/manuscripts/childcare/sedX1Y2Z3"
        try String(contentsOfFile: manuscript, encoding: .utf8).appending("# saved\n")
            .write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, manuscript) == 0)
        var iterator = changes.makeAsyncIterator()
        let batch = try #require(await iterator.next())
        #expect(batch == [URL(fileURLWithPath: manuscript).standardizedFileURL.path])
    }
}

/// Every file under `a` is under `b` with the same bytes, and the reverse; the build's own hidden folders aside.
private func expectSameTree(
    _ a: String, _ b: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    func files(_ root: String) -> [String: Data] {
        var found: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let relative = walker?.nextObject() as? String {
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                found[relative] = FileManager.default.contents(atPath: root + "/" + relative)
            }
        }
        return found
    }
    let left = files(a)
    let right = files(b)
    #expect(left.keys.sorted() == right.keys.sorted(), sourceLocation: sourceLocation)
    let differing = left.keys.filter { right[$0] != nil && left[$0] != right[$0] }.sorted()
    #expect(differing.isEmpty, "files that differ: \(differing.prefix(5))", sourceLocation: sourceLocation)
    #expect(left.count > 100, sourceLocation: sourceLocation)
}

/// A copy of the sample content and templates, and a folder to build into.
private struct Workspace {
    let folder: String
    var content: String { folder + "/content" }
    var templates: String { folder + "/templates" }
    var output: String { folder + "/out" }

    init() throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent("kizuna-serve-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Paths.content.path, toPath: content)
        try FileManager.default.copyItem(atPath: Paths.templates.path, toPath: templates)
    }

    func settings(output: String? = nil) -> LiveBuildSettings {
        LiveBuildSettings(
            content: content, templates: templates, output: output ?? self.output, editions: [], language: .en,
            mecab: .off, generator: "test")
    }

    /// A plain build of the content as it is now, without cache, into a new folder.
    func buildFromScratch() throws -> String {
        let folder = self.folder + "/scratch-\(UUID().uuidString)"
        var files = try ContentDirectory.read(content, readingEditionFilesWhenUsed: true)
        files.mecab = .off
        let templates = try PreviewTemplates(sources: ContentDirectory.readTemplates(self.templates))
        var writer = OutputWriter(root: folder)
        let outcome = try ContentBuild(files: files, templates: templates, keys: nil).run(into: &writer)
        guard case .built(let result) = outcome, !result.diagnostics.hasErrors else {
            Issue.record("the scratch build failed: \(outcome)")
            return folder
        }
        return folder
    }

    /// Runs a server on a free port while `body` runs, then stops it.
    func serving(_ body: (Int, LiveBuild) async throws -> Void) async throws {
        let build = LiveBuild(settings: settings())
        let port = Port()
        let server = PreviewServer(
            settings: .init(port: 0), build: build,
            report: { event in
                if case .listening(let url, _) = event { port.set(Int(url.split(separator: ":").last!.dropLast())!) }
            })
        let task = Task { try await server.run() }
        defer { task.cancel() }
        let listening = try #require(await port.wait(), "the server did not start")
        try await body(listening, build)
        task.cancel()
        _ = await task.result
    }
}

private final class Port: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int?

    func set(_ port: Int) { lock.withLock { value = port } }

    func wait() async -> Int? {
        for _ in 0..<600 {
            if let port = lock.withLock({ value }) { return port }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}

/// HTTP/1.1 by hand over a socket, so that paths reach the server exactly as written (clients tidy `..` away).
private enum HTTP {
    struct Response {
        var status: Int
        var head: String
        var body: String
    }

    static func send(_ head: String, port: Int) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = Array((head + "Connection: close\r\n\r\n").utf8)
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
