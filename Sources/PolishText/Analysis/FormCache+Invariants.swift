/// A broken invariant of `FormCache`, found by `checkInvariants()` (called by the tests, as the byte-keyed tables of
/// Themes' `Kernels/` are).
struct FormCacheInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension FormCache {
    /// Checks: a power-of-two table at most half full, `count` its occupied slots; every entry's bytes inside the
    /// arena with their FNV-1a hash (of bytes and kind), reachable from its home slot without an empty slot between
    /// (linear probing), and found by `lookup`.
    func checkInvariants() throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw FormCacheInvariantViolation(description: "FormCache: " + m()) }
        }
        try expect(slots.count == mask + 1 && slots.count & mask == 0 && kinds.count == slots.count,
                   "\(slots.count) slots, \(kinds.count) kinds, mask \(mask)")
        try expect(count * 2 <= slots.count, "\(count) entries in \(slots.count) slots (over half full)")
        var occupied = 0
        try arena.withUnsafeBufferPointer { a in
            for (slot, e) in slots.enumerated() where e.value >= 0 {
                occupied += 1
                let lo = Int(e.offset), n = Int(e.length)
                try expect(lo >= 0 && n >= 0 && lo + n <= a.count, "slot \(slot): bytes \(lo)..<\(lo + n) outside the arena (\(a.count))")
                let bytes = UnsafeBufferPointer(rebasing: a[lo..<(lo + n)])
                let h = FormCache.hash(bytes, kinds[slot])
                try expect(h == e.hash, "slot \(slot): stored hash is not its bytes'")
                var s = Int(h) & mask
                while s != slot {
                    try expect(slots[s].value >= 0, "slot \(slot): empty slot \(s) between it and its home")
                    s = (s + 1) & mask
                }
                try expect(lookup(bytes, kind: kinds[slot], hash: h) == Int(e.value), "slot \(slot): not found by lookup")
            }
        }
        try expect(occupied == count, "count \(count), \(occupied) slots occupied")
    }
}
