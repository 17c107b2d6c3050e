/// A fixed set of short words asked by their UTF-8 bytes: an open-addressing table of FNV-1a hashes over one
/// byte arena, built once, read-only afterwards (shared freely across threads).
///
/// Why: the analyzer asks the stop-word list and the context stage's word lists once or twice for every new form;
/// `Set<String>.contains` hashes the String with SipHash through the standard library's generic path (≈ 600
/// instructions a question). Here a question is one pass over the bytes and, on a hit, one comparison.
/// Membership is by bytes, which for Swift Strings in one normalisation form (the analyzer's are NFKC or NFC
/// lower case) is what `Set<String>` answers; the tests compare the two on every corpus word.
struct ByteWordSet: Sendable {
    /// `hash << 32 | (offset + 1)`, 0 marks an empty slot; the word's length is in `lengths` at the same slot.
    private let slots: [UInt64]
    private let lengths: [UInt8]
    private let arena: [UInt8]
    private let mask: Int
    /// The longest word in bytes: longer questions are answered without hashing.
    let longest: Int
    let count: Int

    init<S: Sequence>(_ words: S) where S.Element == String {
        let distinct = Array(Set(words)).sorted()
        var size = 16
        while size < distinct.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var lengths = [UInt8](repeating: 0, count: size)
        var arena: [UInt8] = []
        var longest = 0
        for w in distinct {
            let bytes = Array(w.utf8)
            precondition(bytes.count <= 255, "ByteWordSet: a word longer than 255 bytes")
            let h = bytes.withUnsafeBufferPointer { Self.hash($0) }
            var s = Int(h) & (size - 1)
            while slots[s] != 0 { s = (s + 1) & (size - 1) }
            slots[s] = UInt64(h) << 32 | UInt64(arena.count + 1)
            lengths[s] = UInt8(bytes.count)
            arena += bytes
            longest = max(longest, bytes.count)
        }
        self.slots = slots
        self.lengths = lengths
        self.arena = arena
        mask = size - 1
        self.longest = longest
        count = distinct.count
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    func contains(_ word: String) -> Bool {
        let u = word.utf8
        guard u.count <= longest else { return false }
        if let r = u.withContiguousStorageIfAvailable({ contains($0) }) { return r }
        return Array(u).withUnsafeBufferPointer { contains($0) }
    }

    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= longest else { return false }
        let h = Self.hash(bytes)
        var s = Int(h) & mask
        return slots.withUnsafeBufferPointer { sl in
            arena.withUnsafeBufferPointer { a in
                while true {
                    let e = sl[s]
                    if e == 0 { return false }
                    if UInt32(truncatingIfNeeded: e >> 32) == h && Int(lengths[s]) == bytes.count {
                        let start = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                        var i = 0
                        while i < bytes.count && a[start + i] == bytes[i] { i += 1 }
                        if i == bytes.count { return true }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// Every word of the set (sorted by bytes), for the invariant check.
    func words() -> [String] {
        var out: [String] = []
        for (s, e) in slots.enumerated() where e != 0 {
            let start = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
            out.append(String(decoding: arena[start..<(start + Int(lengths[s]))], as: UTF8.self))
        }
        return out.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// A broken invariant of `ByteWordSet`, found by `checkInvariants` (called by the tests).
struct ByteWordSetInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension ByteWordSet {
    /// Checks: a power-of-two table at most a quarter full holding exactly `expected` (as bytes), each word
    /// reachable from its home slot without an empty slot between and found by `contains`.
    func checkInvariants(expected: Set<String>) throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw ByteWordSetInvariantViolation(description: "ByteWordSet: " + m()) }
        }
        try expect(slots.count == mask + 1 && slots.count & mask == 0 && lengths.count == slots.count,
                   "\(slots.count) slots, \(lengths.count) lengths, mask \(mask)")
        try expect(count * 4 <= slots.count, "\(count) words in \(slots.count) slots")
        let held = words()
        try expect(held.count == count && Set(held) == expected, "holds \(held.count) words, expected \(expected.count)")
        try expect(longest == expected.map(\.utf8.count).max() ?? 0, "longest \(longest)")
        for (slot, e) in slots.enumerated() where e != 0 {
            let start = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
            let bytes = Array(arena[start..<(start + Int(lengths[slot]))])
            let h = bytes.withUnsafeBufferPointer { Self.hash($0) }
            try expect(UInt32(truncatingIfNeeded: e >> 32) == h, "slot \(slot): stored hash is not its word's")
            var s = Int(h) & mask
            while s != slot {
                try expect(slots[s] != 0, "slot \(slot): empty slot \(s) between it and its home")
                s = (s + 1) & mask
            }
            try expect(bytes.withUnsafeBufferPointer { contains($0) }, "slot \(slot): not found by contains")
        }
    }
}
