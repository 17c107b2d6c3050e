extension TermLookup {
    /// Checks: a power-of-two table at most 60 % full; every term of `terms` in exactly one slot, whose heads,
    /// length and tag are those of its bytes, reachable from its home slot without an empty slot between, and
    /// found by `find`.
    func checkInvariants() throws {
        try terms.checkInvariants()
        try expect(slots.count == mask + 1 && slots.count & mask == 0, "TermLookup: \(slots.count) slots, mask \(mask)")
        try expect(terms.count * 10 <= slots.count * 6, "TermLookup: \(terms.count) terms in \(slots.count) slots (over 60 % full)")
        var seen = [Bool](repeating: false, count: terms.count)
        for (slot, e) in slots.enumerated() where e.id >= 0 {
            let id = Int(e.id)
            try expect(id < terms.count && !seen[id], "TermLookup: slot \(slot) holds id \(id) (of \(terms.count), or twice)")
            seen[id] = true
            try terms.withBytes(id) { Array($0) }.withUnsafeBufferPointer { p in
                let k = Self.prepare(p)
                try expect(e.head0 == k.head0 && e.head1 == k.head1 && Int(e.length) == p.count
                           && e.tag == UInt32(truncatingIfNeeded: k.hash >> 32), "TermLookup: term \(id)'s slot is not its bytes'")
                try checkProbe(home: Int(truncatingIfNeeded: k.hash) & mask, slot: slot, mask: mask,
                               occupied: { slots[$0].id >= 0 }, "TermLookup: term \(id)")
                try expect(find(k, bytes: p.baseAddress).id == UInt32(id), "TermLookup: term \(id) not found")
            }
        }
        try expect(!seen.contains(false), "TermLookup: a term without a slot")
    }
}
