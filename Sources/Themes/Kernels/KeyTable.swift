import Foundation

/// Bigram key (first term id << 32 | second term id) → Int32 table (open addressing, multiplicative hash). Why:
/// feature keys are looked up once per bigram of every document; `Dictionary<UInt64, _>` pays SipHash for each.
///
/// While the ids fit (term ids below 2²⁰, values below 2²⁴ − 1), a key and its value share one packed 8-byte slot,
/// a << 44 | b << 24 | value (`UInt64.max`: empty); beyond, 16-byte slots (key, value). Why packed: on 100k
/// documents the table of bigram keys outgrows the L2 cache with 16-byte slots, and every probe missed it; half
/// the bytes is half the table. Either way a probe touches one cache line.
struct KeyTable: Sendable {
    struct Slot {
        var key: UInt64
        var value: Int32  // −1: empty
    }
    static let valueBits: UInt64 = 24, termBits: UInt64 = 20
    static let valueMask: UInt64 = (1 << valueBits) - 1
    var packed: [UInt64]
    /// The 16-byte slots, once a key or value did not fit the packed ones (then `packed` is empty).
    var wide: [Slot] = []
    var shift: UInt64
    private(set) var count = 0

    /// `capacity`: the number of keys expected (the table grows past it). Filled to at most 70 %: eight packed
    /// slots share a cache line, so a longer probe costs little, and a smaller table stays in cache.
    /// `packing: false` starts with the 16-byte slots (for tests of both).
    init(capacity: Int = 1024, packing: Bool = true) {
        var bits: UInt64 = 4
        while (1 << bits) * 7 < capacity * 10 { bits += 1 }
        shift = 64 - bits
        if packing {
            packed = [UInt64](repeating: .max, count: 1 << bits)
        } else {
            packed = []
            wide = [Slot](repeating: Slot(key: 0, value: -1), count: 1 << bits)
        }
    }

    /// Whether the table uses the packed slots.
    var isPacked: Bool { !packed.isEmpty }

    @inline(__always) func home(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The packed key bits of `k` (a << 44 | b << 24), or nil when a term id does not fit.
    @inline(__always) static func packedKey(_ k: UInt64) -> UInt64? {
        let a = k >> 32, b = k & 0xFFFF_FFFF
        guard a < 1 << termBits && b < 1 << termBits else { return nil }
        return a << 44 | b << valueBits
    }

    /// The value of `k`, or −1.
    @inline(__always)
    func value(_ k: UInt64) -> Int32 {
        var slot = home(k)
        if !packed.isEmpty {
            guard let key = Self.packedKey(k) else { return -1 }
            return packed.withUnsafeBufferPointer { s in
                let mask = s.count - 1
                while true {
                    let e = s[slot]
                    if e == .max { return -1 }
                    if e & ~Self.valueMask == key { return Int32(truncatingIfNeeded: e & Self.valueMask) }
                    slot = (slot + 1) & mask
                }
            }
        }
        return wide.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            while true {
                let e = s[slot]
                if e.value < 0 || e.key == k { return e.value }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Loads the home slot of `k` and returns a value derived from it, for a caller to fold into a sum: probing a
    /// field's keys like this first, in a loop with no branches, lets the processor overlap their cache misses,
    /// so the real probes after it find the slots in cache.
    @inline(__always)
    func touch(_ k: UInt64) -> Int32 {
        let slot = home(k)
        if !packed.isEmpty { return packed.withUnsafeBufferPointer { Int32(truncatingIfNeeded: $0[slot]) } }
        return wide.withUnsafeBufferPointer { $0[slot].value }
    }

    /// `touch` of the bigram keys of `terms[0..<n]` (pairs i − 1, i; n > 1), summed: what the fit calls before
    /// probing a field's bigrams, so their cache misses overlap.
    @inline(__always)
    func touchBigrams(_ terms: UnsafePointer<UInt32>, count n: Int) -> Int32 {
        var touched: Int32 = 0
        for i in 1..<n { touched &+= touch(TfidfVectorizer.bigramKey(terms[i - 1], terms[i])) }
        return touched
    }

    /// The value of `k`; when absent, stores `value` (≥ 0) for it and returns −1.
    @inline(__always)
    mutating func valueOrInsert(_ k: UInt64, _ value: Int32) -> Int32 {
        guard !packed.isEmpty, let key = Self.packedKey(k), UInt64(value) < Self.valueMask else {
            return valueOrInsertWide(k, value)
        }
        var slot = home(k)
        let found: Int32 = packed.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            while true {
                let e = s[slot]
                if e == .max { s[slot] = key | UInt64(value); return -1 }
                if e & ~Self.valueMask == key { return Int32(truncatingIfNeeded: e & Self.valueMask) }
                slot = (slot + 1) & mask
            }
        }
        return inserted(found)
    }

    /// `valueOrInsert` in the 16-byte slots, moving the table to them first when it was packed (a key or value
    /// the packed slots cannot hold; the key may still be present with a packed value). Out of line: rare.
    @inline(never)
    private mutating func valueOrInsertWide(_ k: UInt64, _ value: Int32) -> Int32 {
        if !packed.isEmpty {
            let present = self.value(k)
            if present >= 0 { return present }
            widen()
        }
        var slot = home(k)
        let found: Int32 = wide.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            while true {
                let e = s[slot]
                if e.value < 0 { s[slot] = Slot(key: k, value: value); return -1 }
                if e.key == k { return e.value }
                slot = (slot + 1) & mask
            }
        }
        return inserted(found)
    }

    /// After a probe: `found` when the key was present, else counts the new key (growing the table) and gives −1.
    @inline(__always)
    private mutating func inserted(_ found: Int32) -> Int32 {
        if found >= 0 { return found }
        count += 1
        if count * 10 > (packed.isEmpty ? wide.count : packed.count) * 7 { grow() }
        return -1
    }

    /// Every packed entry as a wide slot, in a table of the same size.
    private mutating func widen() {
        let old = packed
        packed = []
        wide = [Slot](repeating: Slot(key: 0, value: -1), count: old.count)
        let mask = wide.count - 1
        for e in old where e != .max {
            let k = (e >> 44) << 32 | (e >> Self.valueBits) & ((1 << Self.termBits) - 1)
            var slot = home(k)
            while wide[slot].value >= 0 { slot = (slot + 1) & mask }
            wide[slot] = Slot(key: k, value: Int32(truncatingIfNeeded: e & Self.valueMask))
        }
    }

    private mutating func grow() {
        shift -= 1
        if !packed.isEmpty {
            let old = packed
            packed = [UInt64](repeating: .max, count: old.count * 2)
            let mask = packed.count - 1
            for e in old where e != .max {
                var slot = home((e >> 44) << 32 | (e >> Self.valueBits) & ((1 << Self.termBits) - 1))
                while packed[slot] != .max { slot = (slot + 1) & mask }
                packed[slot] = e
            }
            return
        }
        let old = wide
        wide = [Slot](repeating: Slot(key: 0, value: -1), count: old.count * 2)
        let mask = wide.count - 1
        for e in old where e.value >= 0 {
            var slot = home(e.key)
            while wide[slot].value >= 0 { slot = (slot + 1) & mask }
            wide[slot] = e
        }
    }
}

/// A feature key's document frequency and the last document that counted it, side by side in one 8-byte slot: a
/// key met again in the same document is not counted twice, and checking that touches no other cache line.
struct KeyCount {
    private(set) var documents: Int32 = 0
    private(set) var last: Int32 = -1

    @inline(__always) mutating func count(in document: Int32) {
        documents &+= last == document ? 0 : 1
        last = document
    }
}
