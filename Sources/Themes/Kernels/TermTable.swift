import Foundation

/// String → dense id table keyed by the term's UTF-8 bytes (open addressing, linear probing).
///
/// Why: `Dictionary<String, _>` hashes every term with SipHash through the String machinery; interning and
/// looking up terms is most of TF-IDF's cost. Here a term costs one word-at-a-time hash of its bytes and one memcmp.
/// Equality stays Swift's (canonical equivalence): a term holding any scalar ≥ U+0300 (UTF-8 lead byte ≥ 0xCC,
/// where combining marks start) is keyed by its NFC form; below U+0300 every string is already NFC, so Polish and
/// ASCII terms are keyed by their own bytes.
struct TermTable: Sendable {
    var arena: [UInt8] = []
    var starts: [Int] = [0]  // id → arena offset; starts[id + 1] − starts[id] is the length
    /// Slot: id (−1 when empty) and the high bits of the hash (to skip most memcmps), side by side so a probe
    /// touches one cache line.
    struct Slot {
        var id: Int32
        var tag: UInt32
    }
    var slots: [Slot]
    var mask: Int
    private(set) var count = 0

    /// `capacity`: the number of terms expected (the table grows past it; a good guess saves rehashing, too large
    /// a guess spreads probes over memory the caches cannot hold).
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(id: -1, tag: 0), count: size)
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
        // The last n − i < 8 bytes as one little-endian word.
        let tail = i < n ? word(base, n, from: i) : 0
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    /// Bytes `from..<min(n, from + 8)` of the n bytes at `base` (from < n) as a little-endian word, zero-padded,
    /// reading no byte outside them. Why not 4-, 2- and 1-byte loads by the bits of the count: those three
    /// branches follow the word lengths, which vary from term to term, and were mispredicted on most terms. Here a
    /// key of 8 bytes or more takes one load that ends at its last byte (overlapping bytes before `from`, shifted
    /// out), and a shorter key two loads whose overlap holds the same bytes.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ n: Int, from: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        let k = n - from
        if k >= 8 { return raw.loadUnaligned(fromByteOffset: from, as: UInt64.self) }
        if n >= 8 { return raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) &>> UInt64(8 * (8 - k)) }
        // n < 8, so from = 0 and k = n.
        if k >= 4 {
            let lo = UInt64(raw.loadUnaligned(as: UInt32.self))
            let hi = UInt64(raw.loadUnaligned(fromByteOffset: k - 4, as: UInt32.self))
            return lo | hi &<< UInt64(8 * (k - 4))
        }
        let mid = k >> 1
        return UInt64(base[0]) | UInt64(base[mid]) &<< UInt64(8 * mid) | UInt64(base[k - 1]) &<< UInt64(8 * (k - 1))
    }

    /// Calls `body` with the bytes that key `term` (its own, or its NFC form's; see the type's comment).
    @inline(__always)
    static func withKey<R>(_ term: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // `withUTF8` gives small strings (most terms) a buffer too, where `withContiguousStorageIfAvailable` gave
        // none and the bytes were stepped through the UTF8View, then copied.
        var own = term
        let fast: R? = own.withUTF8 { buf -> R? in
            for b in buf where b >= 0xCC { return nil }
            return body(buf)
        }
        if let fast { return fast }
        var key = term.precomposedStringWithCanonicalMapping
        return key.withUTF8 { body($0) }
    }

    /// `len` bytes at `x` and `y` are equal (8 at a time, then byte by byte: terms are short, a call to memcmp
    /// costs more than the comparison).
    @inline(__always)
    static func equal(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>?, _ len: Int) -> Bool {
        guard len > 0, let y else { return len == 0 }
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var i = 0
        while i + 8 <= len {
            if rx.loadUnaligned(fromByteOffset: i, as: UInt64.self) != ry.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < len {
            if x[i] != y[i] { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    func find(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (slot: Int, id: Int32) {
        var slot = Int(truncatingIfNeeded: h) & mask
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        return arena.withUnsafeBufferPointer { a in
            starts.withUnsafeBufferPointer { st in
                slots.withUnsafeBufferPointer { s in
                    while true {
                        let e = s[slot]
                        if e.id < 0 { return (slot, -1) }
                        if e.tag == tag {
                            let off = st[Int(e.id)], len = st[Int(e.id) + 1] - off
                            if len == p.count && Self.equal(a.baseAddress! + off, p.baseAddress, len) {
                                return (slot, e.id)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// The id of `term`, or `UInt32.max` when it was never interned. (Transforming looks terms up in a
    /// `TermLookup` instead.)
    func id(_ term: String) -> UInt32 {
        Self.withKey(term) { p in
            let r = find(p, Self.hash(p))
            return r.id < 0 ? UInt32.max : UInt32(r.id)
        }
    }

    /// The id of `term`, giving it the next id (`count`) when new.
    mutating func intern(_ term: String) -> (id: UInt32, isNew: Bool) {
        Self.withKey(term) { p in intern(key: p) }
    }

    /// `intern` of a term given by its key bytes (as `withKey` gives them, e.g. another table's `bytes`).
    mutating func intern(key p: UnsafeBufferPointer<UInt8>) -> (id: UInt32, isNew: Bool) {
        intern(key: p, hash: Self.hash(p))
    }

    @inline(__always)
    private mutating func intern(key p: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> (id: UInt32, isNew: Bool) {
        let r = find(p, h)
        if r.id >= 0 { return (UInt32(r.id), false) }
        let id = Int32(count)
        arena.append(contentsOf: p)
        starts.append(arena.count)
        count += 1
        slots[r.slot] = Slot(id: id, tag: UInt32(truncatingIfNeeded: h >> 32))
        if count * 2 > mask + 1 { grow() }
        return (UInt32(id), true)
    }

    /// Calls `body` with the key bytes of term `id` (valid during the call only).
    @inline(__always)
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { a in
            let off = starts[id], len = starts[id + 1] - off
            return body(UnsafeBufferPointer(rebasing: a[off..<(off + len)]))
        }
    }

    /// The whole arena and the id → offset table, for loops over many terms (see `withBytes`).
    @inline(__always)
    func withStorage<R>(_ body: (_ arena: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>) -> R) -> R {
        arena.withUnsafeBufferPointer { a in starts.withUnsafeBufferPointer { s in body(a, s) } }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots = [Slot](repeating: Slot(id: -1, tag: 0), count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            for id in 0..<count {
                let off = starts[id], len = starts[id + 1] - off
                let h = Self.hash(UnsafeBufferPointer(rebasing: a[off..<(off + len)]))
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot].id >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Slot(id: Int32(id), tag: UInt32(truncatingIfNeeded: h >> 32))
            }
        }
    }
}
