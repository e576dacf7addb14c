/// A value kept in one heap box that its copies share, copied only when a shared copy is changed. For types passed
/// around far more often than changed (a manuscript goes into every day message of every edition, a day message
/// through the payload, the page and the index), so that a copy retains one reference instead of each of its fields'.
struct CopyOnWrite<Value: Sendable>: Sendable {
    /// Changed only while uniquely referenced (see `value`'s `_modify`), so sharing it across threads is safe.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    /// Read in place, without copying the whole value; changed in place when this copy alone holds the box.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
