import Dispatch

/// Runs independent work items on all cores, keeping the input order in the results.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
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
