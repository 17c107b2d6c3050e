/// A hash index over the keys of a `SortedTable`: a key's line in one or two memory accesses instead of a binary
/// search's seventeen.
///
/// Why: a form seen for the first time costs a prior lookup per candidate lemma; the binary search over 98k lines
/// touched a fresh cache line at nearly every step (≈ 1–2 µs a lookup cold). One slot holds the key's hash and the
/// offset of its line, so a probe reads the slot and then the line itself. Built once when the table loads
/// (a few milliseconds for the priors); read-only afterwards, so it is shared freely across threads.
struct KeyHashIndex: Sendable {
    /// `hash << 32 | (lineStart + 1)`; 0 marks an empty slot.
    private let slots: [UInt64]
    private let mask: Int
    /// Tabs a key holds (the table's key fields − 1): a query with more, or with a newline, is not a key.
    private let keyTabs: Int

    static let seed: UInt32 = 2_166_136_261

    /// FNV-1a 32 continued over `bytes` (so a key can be hashed in parts: lemma, tab, class).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, from h: UInt32 = seed) -> UInt32 {
        var h = h
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    @inline(__always)
    static func hash(byte b: UInt8, from h: UInt32) -> UInt32 { (h ^ UInt32(b)) &* 16_777_619 }

    init(_ table: SortedTable) {
        var size = 16
        while size < table.count * 2 + 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        table.bytes.withUnsafeBufferPointer { p in
            for i in 0..<table.count {
                let start = Int(table.lineStarts[i]), end = Int(table.keyEnds[i])
                let h = Self.hash(UnsafeBufferPointer(rebasing: p[start..<end]))
                var s = Int(h) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = UInt64(h) << 32 | UInt64(start + 1)
            }
        }
        self.slots = slots
        self.mask = mask
        keyTabs = table.keyFields - 1
    }

    /// The offset just after the key of the line whose key is `key` (hashed as `h`), or nil. The key's bytes are
    /// compared with the line's, and the line's key must end right there (at a tab, a newline or the end).
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32, in p: UnsafeBufferPointer<UInt8>) -> Int? {
        var s = Int(h) & mask
        return slots.withUnsafeBufferPointer { sl in
            while true {
                let e = sl[s]
                if e == 0 { return nil }
                if UInt32(truncatingIfNeeded: e >> 32) == h {
                    let start = Int(truncatingIfNeeded: e & 0xFFFF_FFFF) - 1
                    let end = start + key.count
                    if end <= p.count, end == p.count || p[end] == 0x09 || p[end] == 0x0A {
                        var k = 0, tabs = 0
                        while k < key.count && p[start + k] == key[k] {
                            if key[k] == 0x09 { tabs += 1 } else if key[k] == 0x0A { return nil }
                            k += 1
                        }
                        if k == key.count { return tabs == keyTabs ? end : nil }
                    }
                }
                s = (s + 1) & mask
            }
        }
    }

    /// The non-negative integer that starts right after the key's tab (no allocation), as `SortedTable.lookupInt`.
    @inline(__always)
    static func int(after keyEnd: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = keyEnd + 1, value = 0, digits = 0
        while i < p.count, p[i] >= 0x30, p[i] <= 0x39 {
            value = value &* 10 &+ Int(p[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits > 0 ? value : nil
    }
}
