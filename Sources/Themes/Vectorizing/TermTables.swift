import Foundation

/// String → dense id table keyed by the term's UTF-8 bytes (open addressing, linear probing).
///
/// Why: `Dictionary<String, _>` hashes every term with SipHash through the String machinery; interning and
/// looking up terms is most of TF-IDF's cost. Here a term costs one word-at-a-time hash of its bytes and one memcmp.
/// Equality stays Swift's (canonical equivalence): a term holding any scalar ≥ U+0300 (UTF-8 lead byte ≥ 0xCC,
/// where combining marks start) is keyed by its NFC form; below U+0300 every string is already NFC, so Polish and
/// ASCII terms are keyed by their own bytes.
struct TermTable: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]  // id → arena offset; starts[id + 1] − starts[id] is the length
    private var slots: [Int32]  // id, or −1 when empty
    private var tags: [UInt32]  // high bits of the hash, to skip most memcmps
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        tags = [UInt32](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = p.count
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(n)
        guard let base = p.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0, shift: UInt64 = 0
        while i < n { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    /// Calls `body` with the bytes that key `term` (its own, or its NFC form's; see the type's comment).
    @inline(__always)
    static func withKey<R>(_ term: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let fast: R?? = term.utf8.withContiguousStorageIfAvailable { buf -> R? in
            for b in buf where b >= 0xCC { return nil }
            return body(buf)
        }
        if let f = fast, let r = f { return r }
        var key = term.utf8.contains { $0 >= 0xCC } ? term.precomposedStringWithCanonicalMapping : term
        return key.withUTF8 { body($0) }
    }

    @inline(__always)
    private func find(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (slot: Int, id: Int32) {
        var slot = Int(truncatingIfNeeded: h) & mask
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        return arena.withUnsafeBufferPointer { a in
            slots.withUnsafeBufferPointer { s in
                tags.withUnsafeBufferPointer { t in
                    while true {
                        let id = s[slot]
                        if id < 0 { return (slot, -1) }
                        if t[slot] == tag {
                            let off = starts[Int(id)], len = starts[Int(id) + 1] - off
                            if len == p.count && (len == 0 || memcmp(a.baseAddress! + off, p.baseAddress!, len) == 0) {
                                return (slot, id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The id of `term`, or `UInt32.max` when it was never interned.
    func id(_ term: String) -> UInt32 {
        Self.withKey(term) { p in
            let r = find(p, Self.hash(p))
            return r.id < 0 ? UInt32.max : UInt32(r.id)
        }
    }

    /// The id of `term`, giving it the next id (`count`) when new.
    mutating func intern(_ term: String) -> (id: UInt32, isNew: Bool) {
        Self.withKey(term) { p in
            let h = Self.hash(p)
            let r = find(p, h)
            if r.id >= 0 { return (UInt32(r.id), false) }
            let id = Int32(count)
            arena.append(contentsOf: p)
            starts.append(arena.count)
            count += 1
            slots[r.slot] = id
            tags[r.slot] = UInt32(truncatingIfNeeded: h >> 32)
            if count * 2 > mask + 1 { grow() }
            return (UInt32(id), true)
        }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = [Int32](repeating: -1, count: size)
        tags = [UInt32](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let off = starts[id], len = starts[id + 1] - off
                let h = Self.hash(UnsafeBufferPointer(rebasing: a[off..<(off + len)]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(id)
                tags[slot] = UInt32(truncatingIfNeeded: h >> 32)
            }
        }
    }
}

/// UInt64 → Int32 table (open addressing, multiplicative hash). Why: feature keys (term-id pairs) are looked up once
/// per term of every document; `Dictionary<UInt64, _>` pays SipHash for each.
struct KeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]  // −1: empty slot
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Int32](repeating: -1, count: 1 << bits)
        shift = 64 - bits
    }

    @inline(__always) private func home(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value of `k`, or −1.
    @inline(__always)
    func value(_ k: UInt64) -> Int32 {
        let mask = keys.count - 1
        var slot = home(k)
        return keys.withUnsafeBufferPointer { ks in
            values.withUnsafeBufferPointer { vs in
                while true {
                    let v = vs[slot]
                    if v < 0 || ks[slot] == k { return v }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The value of `k`; when absent, stores `value` for it and returns −1.
    @inline(__always)
    mutating func valueOrInsert(_ k: UInt64, _ value: Int32) -> Int32 {
        let mask = keys.count - 1
        var slot = home(k)
        while true {
            let v = values[slot]
            if v < 0 { break }
            if keys[slot] == k { return v }
            slot = (slot + 1) & mask
        }
        keys[slot] = k
        values[slot] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return -1
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for i in oldKeys.indices where oldValues[i] >= 0 {
            var slot = home(oldKeys[i])
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            values[slot] = oldValues[i]
        }
    }
}
