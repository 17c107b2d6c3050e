/// A map from a term's UTF-8 bytes to a worker's local feature id: open addressing, linear probing, the bytes kept
/// in one arena, FNV-1a with a Fibonacci spread (the slot is the top bits).
///
/// Why: an index build asks the worker's numbering once for every term of every postulate; a `[String: UInt32]`
/// hashes each question with SipHash (≈ 1k instructions a term on the 22k titles, a quarter of `dedupe`'s
/// non-analysis time). Keys are compared by bytes: two canonically equivalent spellings in different bytes would
/// get two entries, but both map through the feature string (`SimilarityIndex.WorkerFeatures`) to the same id, so
/// ids never differ from the `Dictionary`'s; the analyzer's terms are NFC anyway.
struct TermIDTable {
    struct Slot {
        var offset: Int32
        var length: Int32
        var hash: UInt32
        /// The id, or `UInt32.max` for an empty slot.
        var id: UInt32
    }
    private(set) var slots: [Slot]
    private(set) var arena: [UInt8] = []
    private(set) var count = 0
    private var shift: UInt64

    static let empty = UInt32.max

    init(capacity: Int = 1 << 12) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [Slot](repeating: Slot(offset: 0, length: 0, hash: 0, id: Self.empty), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h &* 0x9E37_79B9_7F4A_7C15
    }

    /// The id stored for `bytes` (whose `hash` is given), or nil.
    @inline(__always)
    func id(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> UInt32? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h >> shift)
        let tag = UInt32(truncatingIfNeeded: h)
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { a in
                while true {
                    let e = slots[s]
                    if e.id == Self.empty { return nil }
                    if e.hash == tag && Int(e.length) == bytes.count
                        && Self.same(a, Int(e.offset), bytes) {
                        return e.id
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    @inline(__always)
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ offset: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            if a[offset + i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// Stores `id` for `bytes`, which must not be in the table.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64, id: UInt32) {
        precondition(id != Self.empty, "TermIDTable: the empty marker is not an id")
        if (count + 1) * 2 > slots.count { grow() }
        let offset = arena.count
        arena.append(contentsOf: bytes)
        place(Slot(offset: Int32(offset), length: Int32(bytes.count), hash: UInt32(truncatingIfNeeded: h), id: id), fullHash: h)
        count += 1
    }

    mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i].id = Self.empty }
        count = 0
    }

    private mutating func place(_ e: Slot, fullHash h: UInt64) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h >> shift)
        while slots[s].id != Self.empty { s = (s + 1) & mask }
        slots[s] = e
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(offset: 0, length: 0, hash: 0, id: Self.empty), count: old.count * 2)
        shift -= 1
        arena.withUnsafeBufferPointer { a in
            for e in old where e.id != Self.empty {
                let h = Self.hash(UnsafeBufferPointer(rebasing: a[Int(e.offset)..<Int(e.offset + e.length)]))
                place(e, fullHash: h)
            }
        }
    }
}

/// A broken invariant of `TermIDTable`, found by `checkInvariants()` (the tests).
struct TermIDTableInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension TermIDTable {
    /// Checks: a power-of-two table at most half full, `count` its occupied slots; every entry's bytes inside the
    /// arena with their hash, reachable from its home slot without an empty slot between, found by `id`, and no
    /// two entries with the same bytes.
    func checkInvariants() throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw TermIDTableInvariantViolation(description: "TermIDTable: " + m()) }
        }
        try expect(slots.count & (slots.count - 1) == 0 && Int(64 - shift) == slots.count.trailingZeroBitCount,
                   "\(slots.count) slots, shift \(shift)")
        try expect(count * 2 <= slots.count, "\(count) entries in \(slots.count) slots (over half full)")
        var occupied = 0
        var seen = Set<[UInt8]>()
        try arena.withUnsafeBufferPointer { a in
            for (slot, e) in slots.enumerated() where e.id != Self.empty {
                occupied += 1
                let lo = Int(e.offset), n = Int(e.length)
                try expect(lo >= 0 && n >= 0 && lo + n <= a.count, "slot \(slot): bytes outside the arena")
                let bytes = UnsafeBufferPointer(rebasing: a[lo..<(lo + n)])
                try expect(seen.insert(Array(bytes)).inserted, "slot \(slot): the same bytes twice")
                let h = Self.hash(bytes)
                try expect(UInt32(truncatingIfNeeded: h) == e.hash, "slot \(slot): stored hash is not its bytes'")
                var s = Int(truncatingIfNeeded: h >> shift)
                while s != slot {
                    try expect(slots[s].id != Self.empty, "slot \(slot): empty slot \(s) between it and its home")
                    s = (s + 1) & (slots.count - 1)
                }
                try expect(id(bytes, hash: h) == e.id, "slot \(slot): not found by lookup")
            }
        }
        try expect(occupied == count, "count \(count), \(occupied) slots occupied")
    }
}
