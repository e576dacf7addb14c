import Foundation
import KizunaCore

/// Hands each build's state to every open page's event stream; a page that connects first gets the current state.
/// It knows which page each stream belongs to, so that a build can wait for the pages it reloads.
final class LiveChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var current: LiveState
    private var subscribers: [UUID: (page: String, continuation: AsyncStream<LiveState>.Continuation)] = [:]
    /// Streams opened so far: a page that reloads opens a new one once its document has loaded.
    private var opened = 0
    private var finished = false

    init(_ state: LiveState) {
        current = state
    }

    /// The states from now on for the page at `page`, beginning with the current one; ends when the page goes or the
    /// server stops.
    func subscribe(page: String) -> AsyncStream<LiveState> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveState.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        condition.withLock {
            guard !finished else {
                continuation.finish()
                return
            }
            continuation.yield(current)
            subscribers[id] = (page, continuation)
            opened += 1
            condition.broadcast()
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.condition.withLock { self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Sends `state` to every open page. Returns how many pages it makes reload (each page it rewrote; every page when
    /// it names a day to go to) and a mark for `waitForPages`.
    @discardableResult
    func publish(_ state: LiveState) -> (reloading: Int, mark: Int) {
        condition.withLock {
            current = state
            let rewritten = Set(state.pages)
            var reloading: Set<String> = []
            for (page, continuation) in subscribers.values {
                continuation.yield(state)
                if !state.navigation.isEmpty || rewritten.contains(page) { reloading.insert(page) }
            }
            // Counted by page: the stream of a page that has already gone lingers until a write to it fails.
            return (reloading.count, opened)
        }
    }

    /// Waits until `count` pages have opened their stream again since `mark` (their new documents have loaded), or
    /// until `limit` has passed.
    func waitForPages(_ count: Int, after mark: Int, limit: Duration) {
        guard count > 0 else { return }
        // The limit is kept on the monotonic clock: a wait until a wall-clock date can end a little early.
        let deadline = ContinuousClock.now + limit
        condition.withLock {
            while opened - mark < count, !finished {
                let left = deadline - ContinuousClock.now
                guard left > .zero else { return }
                _ = condition.wait(
                    until: Date().addingTimeInterval(
                        Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18))
            }
        }
    }

    /// Ends every stream, so that the server can stop.
    func finish() {
        let ending = condition.withLock {
            finished = true
            condition.broadcast()
            defer { subscribers = [:] }
            return subscribers.values.map(\.continuation)
        }
        for continuation in ending { continuation.finish() }
    }

    var state: LiveState { condition.withLock { current } }
}
