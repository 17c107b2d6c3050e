extension BigramIndex {
    /// Checks, packed: a power-of-two table matching its shift, at most 75 % full, every pair once and reachable
    /// from its home slot without an empty slot between. Rows: `start` runs from 0 to the number of entries
    /// without going back, and each row's second terms are strictly ascending (what the bisection needs).
    func checkInvariants() throws {
        if !packed.isEmpty {
            let size = packed.count, mask = size - 1
            try expect(size & mask == 0 && 1 << (64 - packedShift) == UInt64(size),
                       "BigramIndex: \(size) packed slots, shift \(packedShift)")
            try expect(start.isEmpty && entries.isEmpty, "BigramIndex: packed slots and rows both filled")
            var pairs = Set<UInt64>()
            for slot in 0..<size where packed[slot] != .max {
                let e = packed[slot]
                let a = UInt32(e >> 44), b = UInt32((e >> 24) & 0xF_FFFF)
                try expect(pairs.insert(e >> 24).inserted, "BigramIndex: pair \(a) \(b) in two slots")
                try checkProbe(home: Self.home(a, b, packedShift), slot: slot, mask: mask,
                               occupied: { packed[$0] != .max }, "BigramIndex: pair \(a) \(b)")
            }
            try expect(pairs.count * 4 <= size * 3, "BigramIndex: \(pairs.count) pairs in \(size) slots (over 75 % full)")
            return
        }
        try expect(start.first == 0 && Int(start.last ?? -1) == entries.count,
                   "BigramIndex: rows start at \(start.first ?? -1) and end at \(start.last ?? -1) of \(entries.count)")
        for a in 0..<max(0, start.count - 1) {
            try expect(start[a] <= start[a + 1], "BigramIndex: row \(a + 1) starts before row \(a)")
            for i in Int(start[a])..<Int(start[a + 1]) where i > Int(start[a]) {
                try expect(entries[i - 1] >> 32 < entries[i] >> 32, "BigramIndex: row \(a) not strictly ascending at \(i)")
            }
        }
    }
}
