/// A broken invariant of a fast kernel (a hash table, the rank sort, a scratch buffer), found by its
/// `checkInvariants()`: what the tests call after building or growing one (as swift-collections' `_checkInvariants`).
/// Not called on the tool's paths: a check walks the whole table.
struct InvariantViolation: Error, CustomStringConvertible {
    var description: String
}

/// Throws `InvariantViolation(message)` unless `condition` holds.
@inline(__always)
func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw InvariantViolation(description: message()) }
}

/// Open addressing with linear probing: the probe for a key starts at `home` and walks forward (wrapping) to its
/// slot, so every slot between must be occupied (an empty one would end a lookup before it finds the key).
func checkProbe(home: Int, slot: Int, mask: Int, occupied: (Int) -> Bool, _ what: @autoclosure () -> String) throws {
    var s = home
    while s != slot {
        try expect(occupied(s), "\(what()): empty slot \(s) between its home \(home) and its slot \(slot)")
        s = (s + 1) & mask
    }
}
