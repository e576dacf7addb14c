import Foundation
import Hummingbird
import KizunaCore
import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kizuna serve`: builds the chosen editions into a folder of its own, serves their previews, review sheets and
/// timelines over HTTP, and rebuilds and reloads the open pages when a content or template file changes.
public struct PreviewServer: Sendable {
    public struct Settings: Sendable {
        public var host: String
        public var port: Int
        /// Poll for changes even where inotify exists.
        public var polling: Bool

        public init(host: String = "127.0.0.1", port: Int = 1313, polling: Bool = false) {
            self.host = host
            self.port = port
            self.polling = polling
        }
    }

    /// What the server tells its user as it goes.
    public enum Event: Sendable {
        case built(LiveState)
        case listening(url: String, watching: ChangeWatcher.Mode)
        case stopping
    }

    public enum Failure: Error, Sendable, Equatable {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)
        case unknownEditions([String], problem: LocalizedText)
    }

    public let settings: Settings
    public let build: LiveBuild
    private let report: @Sendable (Event) -> Void

    public init(settings: Settings, build: LiveBuild, report: @escaping @Sendable (Event) -> Void) {
        self.settings = settings
        self.build = build
        self.report = report
    }

    /// Runs until SIGINT or SIGTERM; then stops cleanly, ending every open page's event stream.
    public func run() async throws {
        let first = await build.rebuild(changed: [])
        report(.built(first))
        if !first.unknownEditions.isEmpty {
            throw Failure.unknownEditions(
                first.unknownEditions, problem: first.problems.first?.message ?? LocalizedText(en: "", ja: ""))
        }
        let channel = LiveChannel(first)
        let session = UUID().uuidString.lowercased().prefix(8)
        let watcher = ChangeWatcher(
            roots: [build.settings.content, build.settings.templates], polling: settings.polling)
        let responder = PreviewResponder(
            root: build.settings.output, channel: channel, session: String(session), language: build.settings.language,
            hosts: Self.hosts(settings.host))
        let rebuilds = Rebuilds(build: build, watcher: watcher, channel: channel, report: report)
        let settings = settings
        let report = report
        var logger = Logger(label: "kizuna-serve")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                report(.listening(url: "http://\(host):\(port)/", watching: watcher.mode))
            },
            logger: logger)
        // Stopped in reverse order: the rebuilds first, which ends every page's event stream, so that the server,
        // which waits for its open responses, can stop.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [app, rebuilds], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host: settings.host, port: settings.port)
        } catch let error as IOError {
            throw Failure.cannotListen(host: settings.host, port: settings.port, reason: error.description)
        }
        watcher.stop()
        channel.finish()
    }

    /// The host names (of the Host header, without the port) a server bound to `host` answers: its own names on
    /// loopback, any when bound to every address.
    static func hosts(_ host: String) -> Set<String> {
        switch host {
        case "0.0.0.0", "::", "":
            return []
        case "127.0.0.1", "localhost", "::1":
            return ["127.0.0.1", "localhost", "[::1]"]
        default:
            return [(host.contains(":") ? "[\(host)]" : host).lowercased()]
        }
    }
}

/// Rebuilds after each batch of changes and tells the open pages; a service, so that it stops with the server.
struct Rebuilds: Service {
    let build: LiveBuild
    let watcher: ChangeWatcher
    let channel: LiveChannel
    let report: @Sendable (PreviewServer.Event) -> Void

    func run() async throws {
        let changes = watcher.changes()
        await withGracefulShutdownHandler {
            for await batch in changes.cancelOnGracefulShutdown() {
                // The pages being edited are told as soon as their edition is in place; the review sheets follow.
                let early = EarlyState()
                let state = await build.rebuild(changed: batch) { shown in
                    early.state = shown
                    let (reloading, mark) = channel.publish(shown)
                    // The pages being edited reload before the review sheets take the cores.
                    channel.waitForPages(reloading, after: mark, limit: .milliseconds(300))
                }
                channel.publish(early.state.map { state.remainder(after: $0) } ?? state)
                report(.built(state))
            }
        } onGracefulShutdown: {
            report(.stopping)
            watcher.stop()
            channel.finish()
        }
    }
}
