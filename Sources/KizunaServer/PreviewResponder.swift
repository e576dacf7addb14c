import Foundation
import Hummingbird
import KizunaCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers `serve`'s requests: the built pages with the live script added, the other built files as they are, and
/// the event stream. GET and HEAD only; nothing outside the output folder, no hidden file, no folder listing.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let root: String
    let channel: LiveChannel
    let session: String
    let language: Language
    /// Host names the server answers to, without the port; empty: any (bound to every address).
    let hosts: Set<String>

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(
                .methodNotAllowed, "405 Method Not Allowed: only GET and HEAD\n", extra: [.allow: "GET, HEAD"])
        }
        // A page of another site cannot reach this one through a name it controls (DNS rebinding).
        let authority = request.head.authority ?? ""
        guard hosts.isEmpty || hosts.contains(Self.hostName(authority)) else {
            return Self.plain(.misdirectedRequest, "421 Misdirected Request: unknown host '\(authority)'\n")
        }
        let head = request.method == .head
        let target = request.head.path ?? "/"
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        if path == LiveScript.eventsPath { return events(for: Self.page(of: target), head: head) }
        switch ServedPath.resolve(path, root: root) {
        case .forbidden:
            return Self.plain(.forbidden, "403 Forbidden: \(path)\n", head: head)
        case .notFound:
            return Self.plain(.notFound, "404 Not Found: \(path)\n", head: head)
        case .badRequest:
            return Self.plain(.badRequest, "400 Bad Request\n", head: head)
        case .landing:
            return page(landingPage(), origin: "http://\(authority)", head: head)
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else {
                return Self.plain(.notFound, "404 Not Found: \(path)\n", head: head)
            }
            if file.hasSuffix(".html") {
                return page(String(decoding: data, as: UTF8.self), origin: "http://\(authority)", head: head)
            }
            var headers = Self.common
            headers[.contentType] = Self.mediaType(of: file)
            headers[.contentSecurityPolicy] = "default-src 'none'; sandbox"
            headers[.contentLength] = String(data.count)
            return Response(
                status: .ok, headers: headers,
                body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// A built page with the live script.
    private func page(_ html: String, origin: String, head: Bool) -> Response {
        let served = LiveScript.inject(into: html, origin: origin, session: session, built: channel.state.built)
        var headers = Self.common
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = LiveScript.policy(origin: origin)
        let bytes = Array(served.utf8)
        headers[.contentLength] = String(bytes.count)
        return Response(
            status: .ok, headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page an event stream is for: its `page` query parameter (`/_kizuna/events?page=%2Fa%2Fb.html`).
    static func page(of target: String) -> String {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return "" }
        for pair in query.split(separator: "&") where pair.hasPrefix("page=") {
            return String(pair.dropFirst(5)).removingPercentEncoding ?? ""
        }
        return ""
    }

    /// Server-sent events: one `state` event per build, the current one first.
    private func events(for page: String, head: Bool) -> Response {
        var headers = Self.common
        headers[.contentType] = "text/event-stream; charset=utf-8"
        guard !head else { return Response(status: .ok, headers: headers) }
        let states = channel.subscribe(page: page)
        let session = session
        let language = language
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                for await state in states {
                    var event = Array("event: state\ndata: ".utf8)
                    event += state.json(language: language, session: session)
                    event += Array("\n\n".utf8)
                    try await writer.write(ByteBuffer(bytes: event))
                }
                try await writer.finish(nil)
            })
    }

    /// The server's front page: each edition's preview index and the review sheets.
    private func landingPage() -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
        let editions = names.filter { FileManager.default.fileExists(atPath: "\(root)/\($0)/preview/index.html") }
        let review = names.contains(ReviewSheetBuilder.folder)
        let text = LocalizedText(en: "Previews being served", ja: "プレビュー")[language]
        let reviewText = LocalizedText(en: "Review sheets", ja: "レビューシート")[language]
        var items = editions.map {
            "<li><a href=\"/\(HTMLText.escape($0))/preview/index.html\">\(HTMLText.escape($0))</a></li>"
        }
        if review { items.append("<li><a href=\"/review/index.html\">\(reviewText)</a></li>") }
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>kizuna serve</title>
            </head>
            <body>
            <main>
            <h1>\(text)</h1>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </main>
            </body>
            </html>

            """
    }

    /// `localhost` of `localhost:1313`, `[::1]` of `[::1]:1313`.
    static func hostName(_ authority: String) -> String {
        let name =
            authority.hasPrefix("[")
            ? String(authority.prefix { $0 != "]" }) + "]" : String(authority.prefix { $0 != ":" })
        return name.lowercased()
    }

    private static var common: HTTPFields {
        [.cacheControl: "no-store", .xContentTypeOptions: "nosniff"]
    }

    private static func plain(
        _ status: HTTPResponse.Status, _ text: String, head: Bool = false, extra: HTTPFields = [:]
    ) -> Response {
        var headers = common
        headers.append(contentsOf: extra)
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'none'"
        headers[.contentLength] = String(text.utf8.count)
        return Response(
            status: status, headers: headers,
            body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func mediaType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        // Shown as text: a browser would otherwise offer to save a message.
        case "eml", "txt", "md": "text/plain; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "pdf": "application/pdf"
        case "sqlite": "application/vnd.sqlite3"
        default: "application/octet-stream"
        }
    }
}

/// Where a request's path leads inside the output folder.
enum ServedPath: Equatable {
    case file(String)
    case landing
    case notFound
    /// Outside the tree: `..`, encoded or not, or a link that leads out.
    case forbidden
    case badRequest

    static func resolve(_ path: String, root: String) -> ServedPath {
        guard path.hasPrefix("/") else { return .badRequest }
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0") else { return .badRequest }
        // Checked before and after decoding: `%2e%2e` is `..` once decoded, and `%252e` is not decoded twice.
        for candidate in [path, decoded] {
            let segments = candidate.split(separator: "/", omittingEmptySubsequences: false)
            if candidate.contains("\\") || segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        }
        if decoded == "/" { return .landing }
        let segments = decoded.split(separator: "/")
        // The build's own folders (.kizuna-cache, staging) are not pages.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        var target = root + decoded
        if decoded.hasSuffix("/") { target += "index.html" }
        guard let real = realPath(target), let realRoot = realPath(root) else { return .notFound }
        guard real.hasPrefix(realRoot + "/") else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            // A folder is never listed; its index page is served if it has one.
            let index = real + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(index) : .notFound
        }
        return (info.st_mode & S_IFMT) == S_IFREG ? .file(real) : .notFound
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
