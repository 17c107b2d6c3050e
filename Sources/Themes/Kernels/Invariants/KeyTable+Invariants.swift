extension KeyTable {
    /// Checks: one layout in use (packed or wide), a power-of-two size matching `shift`, at most 70 % full, `count`
    /// the occupied slots; every key once, reachable from its home slot without an empty slot between; packed
    /// entries' values below the value mask (`.max` is the empty slot).
    func checkInvariants() throws {
        try expect(packed.isEmpty != wide.isEmpty, "KeyTable: packed \(packed.count) and wide \(wide.count) slots")
        let size = isPacked ? packed.count : wide.count, mask = size - 1
        try expect(size & mask == 0 && 1 << (64 - shift) == UInt64(size), "KeyTable: \(size) slots, shift \(shift)")
        try expect(count * 10 <= size * 7, "KeyTable: \(count) keys in \(size) slots (over 70 % full)")
        var keys = Set<UInt64>(), occupied = 0
        for slot in 0..<size {
            let key: UInt64
            if isPacked {
                let e = packed[slot]
                guard e != .max else { continue }
                try expect(e & Self.valueMask != Self.valueMask, "KeyTable: packed slot \(slot) holds the empty value")
                key = (e >> 44) << 32 | (e >> Self.valueBits) & ((1 << Self.termBits) - 1)
            } else {
                guard wide[slot].value >= 0 else { continue }
                key = wide[slot].key
            }
            occupied += 1
            try expect(keys.insert(key).inserted, "KeyTable: key \(key) in two slots")
            try checkProbe(home: home(key), slot: slot, mask: mask,
                           occupied: { isPacked ? packed[$0] != .max : wide[$0].value >= 0 }, "KeyTable: key \(key)")
        }
        try expect(occupied == count, "KeyTable: count \(count), \(occupied) slots occupied")
    }
}
