import Foundation
import KizunaCore

/// Hands each build's state to every open page's event stream; a page that connects first gets the current state.
final class LiveChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var current: LiveState
    private var subscribers: [UUID: AsyncStream<LiveState>.Continuation] = [:]
    private var finished = false

    init(_ state: LiveState) {
        current = state
    }

    /// The states from now on, beginning with the current one; ends when the page goes or the server stops.
    func subscribe() -> AsyncStream<LiveState> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveState.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        lock.withLock {
            if finished {
                continuation.finish()
                return
            }
            continuation.yield(current)
            subscribers[id] = continuation
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ state: LiveState) {
        lock.withLock {
            current = state
            for continuation in subscribers.values { continuation.yield(state) }
        }
    }

    /// Ends every stream, so that the server can stop.
    func finish() {
        let ending = lock.withLock {
            finished = true
            defer { subscribers = [:] }
            return Array(subscribers.values)
        }
        for continuation in ending { continuation.finish() }
    }

    var state: LiveState { lock.withLock { current } }

    var openPages: Int { lock.withLock { subscribers.count } }
}
