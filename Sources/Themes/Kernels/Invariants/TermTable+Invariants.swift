extension TermTable {
    /// Checks: `starts` runs from 0 to the arena's end without going back, one entry per term; the slot count is a
    /// power of two, at most half full; every term sits in exactly one slot, with its hash's tag, reachable from its
    /// home slot without an empty slot between; equal bytes are never two terms.
    func checkInvariants() throws {
        try expect(starts.count == count + 1 && starts.first == 0 && starts.last == arena.count,
                   "TermTable: \(count) terms, \(starts.count) starts, arena \(arena.count) bytes, last start \(starts.last ?? -1)")
        for i in 0..<count { try expect(starts[i] <= starts[i + 1], "TermTable: start of term \(i + 1) before term \(i)'s") }
        try expect(slots.count == mask + 1 && slots.count & mask == 0, "TermTable: \(slots.count) slots, mask \(mask)")
        try expect(count * 2 <= slots.count, "TermTable: \(count) terms in \(slots.count) slots (over half full)")
        var seen = [Bool](repeating: false, count: count)
        for (slot, e) in slots.enumerated() where e.id >= 0 {
            let id = Int(e.id)
            try expect(id < count && !seen[id], "TermTable: slot \(slot) holds id \(id) (of \(count), or twice)")
            seen[id] = true
            let h = withBytes(id) { Self.hash($0) }
            try expect(e.tag == UInt32(truncatingIfNeeded: h >> 32), "TermTable: term \(id)'s tag is not its hash's")
            try checkProbe(home: Int(truncatingIfNeeded: h) & mask, slot: slot, mask: mask,
                           occupied: { slots[$0].id >= 0 }, "TermTable: term \(id)")
            let found = withBytes(id) { self.id(bytes: $0) }
            try expect(found == UInt32(id), "TermTable: term \(id)'s bytes find id \(found)")
        }
        try expect(!seen.contains(false), "TermTable: a term without a slot")
    }

    /// The id of the term with key bytes `p` (a lookup by bytes, for the check).
    func id(bytes p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let r = find(p, Self.hash(p))
        return r.id < 0 ? UInt32.max : UInt32(r.id)
    }
}
