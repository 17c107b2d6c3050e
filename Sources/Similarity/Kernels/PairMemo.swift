/// Yes/no answers already computed for pairs of term ids (`OtherObject`'s word associations): open addressing,
/// linear probing, a Fibonacci spread of the key (the slot is the top bits), key and answer in one 8-byte slot.
///
/// Why: the association of two words is asked for tens of millions of times on a 100k report (every lowered pair's
/// own words, each with each); a `[UInt64: Bool]` hashes each question with SipHash (≈ 0.46 s of the report's CPU
/// in the sixth round's profile). Keys must be below 2⁶³ − 1 (two 31-bit term ids): the largest key with the
/// answer yes would be the empty marker.
struct PairMemo {
    /// `key << 1 | answer`, or `empty`.
    private(set) var slots: [UInt64]
    private(set) var count = 0
    private var shift: UInt64

    static let empty = UInt64.max

    init(capacity: Int = 1 << 10) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [UInt64](repeating: Self.empty, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The answer stored for `key`, or nil.
    @inline(__always)
    func answer(_ key: UInt64) -> Bool? {
        let mask = slots.count - 1
        var s = home(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let e = slots[s]
                if e == Self.empty { return nil }
                if e >> 1 == key { return e & 1 == 1 }
                s = (s + 1) & mask
            }
        }
    }

    /// Stores the answer for `key` (below 2⁶³ − 1), which must not be in the memo.
    mutating func set(_ key: UInt64, _ answer: Bool) {
        precondition(key < (1 << 63) - 1, "PairMemo: key \(key) too large")
        if (count + 1) * 2 > slots.count { grow() }
        place(key << 1 | (answer ? 1 : 0))
        count += 1
    }

    private mutating func place(_ e: UInt64) {
        let mask = slots.count - 1
        var s = home(e >> 1)
        while slots[s] != Self.empty { s = (s + 1) & mask }
        slots[s] = e
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: Self.empty, count: old.count * 2)
        shift -= 1
        for e in old where e != Self.empty { place(e) }
    }
}

/// A broken invariant of `PairMemo`, found by `checkInvariants()` (the tests).
struct PairMemoInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension PairMemo {
    /// Checks: a power-of-two table at most half full, `count` its occupied slots; every key reachable from its home
    /// slot without an empty slot between, found by `answer` with its own answer, and no key twice.
    func checkInvariants() throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw PairMemoInvariantViolation(description: "PairMemo: " + m()) }
        }
        try expect(slots.count & (slots.count - 1) == 0 && Int(64 - shift) == slots.count.trailingZeroBitCount,
                   "\(slots.count) slots, shift \(shift)")
        try expect(count * 2 <= slots.count, "\(count) entries in \(slots.count) slots (over half full)")
        var occupied = 0
        var seen = Set<UInt64>()
        for (slot, e) in slots.enumerated() where e != Self.empty {
            occupied += 1
            let key = e >> 1
            try expect(seen.insert(key).inserted, "slot \(slot): key \(key) twice")
            var s = home(key)
            while s != slot {
                try expect(slots[s] != Self.empty, "slot \(slot): empty slot \(s) between it and its home")
                s = (s + 1) & (slots.count - 1)
            }
            try expect(answer(key) == (e & 1 == 1), "slot \(slot): key \(key) not found with its answer")
        }
        try expect(occupied == count, "count \(count), \(occupied) slots occupied")
    }
}
