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
    /// Slot: id (−1 when empty) and the high bits of the hash (to skip most memcmps), side by side so a probe
    /// touches one cache line.
    private struct Slot {
        var id: Int32
        var tag: UInt32
    }
    private var slots: [Slot]
    private var mask: Int
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
        let fast: R?? = term.utf8.withContiguousStorageIfAvailable { buf -> R? in
            for b in buf where b >= 0xCC { return nil }
            return body(buf)
        }
        if let f = fast, let r = f { return r }
        var key = term.utf8.contains { $0 >= 0xCC } ? term.precomposedStringWithCanonicalMapping : term
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
    private func find(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> (slot: Int, id: Int32) {
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

/// Bigram key (first term id << 32 | second term id) → Int32 table (open addressing, multiplicative hash). Why:
/// feature keys are looked up once per bigram of every document; `Dictionary<UInt64, _>` pays SipHash for each.
///
/// While the ids fit (term ids below 2²⁰, values below 2²⁴ − 1), a key and its value share one packed 8-byte slot,
/// a << 44 | b << 24 | value (`UInt64.max`: empty); beyond, 16-byte slots (key, value). Why packed: on 100k
/// documents the table of bigram keys outgrows the L2 cache with 16-byte slots, and every probe missed it; half
/// the bytes is half the table. Either way a probe touches one cache line.
struct KeyTable: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32  // −1: empty
    }
    private static let valueBits: UInt64 = 24, termBits: UInt64 = 20
    private static let valueMask: UInt64 = (1 << valueBits) - 1
    private var packed: [UInt64]
    /// The 16-byte slots, once a key or value did not fit the packed ones (then `packed` is empty).
    private var wide: [Slot] = []
    private var shift: UInt64
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

    @inline(__always) private func home(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The packed key bits of `k` (a << 44 | b << 24), or nil when a term id does not fit.
    @inline(__always) private static func packedKey(_ k: UInt64) -> UInt64? {
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

/// (first term id, second term id) → bigram feature id of a fitted vocabulary: a table of 8-byte packed slots when
/// the ids fit (see `packed`), else compressed rows: for each first term, its second terms in ascending order, each
/// packed with its feature (second << 32 | feature).
///
/// Why not a table of 16-byte slots: tagging probes one bigram per term of every document, and such a table of all
/// bigram features is several times the L2 cache. Packed slots halve it; rows are smaller still, but the bisection
/// of a frequent first term's long row loads several cache lines one after the other.
struct BigramIndex: Sendable {
    private var start: [Int32]  // first term id → row start; start[id + 1] is its end
    private var entries: [UInt64]
    /// When the ids fit (terms below 2²⁰, features below 2²⁴ − 1): every bigram packed in one 8-byte slot,
    /// a << 44 | b << 24 | feature, open addressing at most 75 % full (`UInt64.max`: empty). One probe, usually
    /// one cache line, where the bisection of a long row loads several lines one after the other. Why that full:
    /// eight slots share a cache line, so a longer probe seldom loads another line, while a table half full was
    /// twice the L2 cache on the benchmark's vocabulary and most probes missed it. Empty when the rows are used
    /// instead.
    private var packed: [UInt64] = []
    private var packedShift: UInt64 = 0

    /// `pairs`: (first term, second term, feature) of every bigram feature; `termCount`: ids are below it.
    /// `packing: false` keeps the rows even when the ids fit (for tests of the rows).
    init(termCount: Int, pairs: [(UInt32, UInt32, Int32)], packing: Bool = true) {
        if packing && termCount <= 1 << 20 && pairs.allSatisfy({ $0.2 >= 0 && $0.2 < (1 << 24) - 1 }) && !pairs.isEmpty {
            var bits: UInt64 = 4
            while (1 << bits) * 3 < 4 * pairs.count { bits += 1 }
            var table = [UInt64](repeating: .max, count: 1 << bits)
            let shift = 64 - bits, mask = table.count - 1
            for p in pairs {
                var slot = Self.home(p.0, p.1, shift)
                while table[slot] != .max { slot = (slot + 1) & mask }
                table[slot] = UInt64(p.0) << 44 | UInt64(p.1) << 24 | UInt64(p.2)
            }
            packed = table
            packedShift = shift
            start = []
            entries = []
            return
        }
        var start = [Int32](repeating: 0, count: termCount + 1)
        for p in pairs { start[Int(p.0) + 1] += 1 }
        for i in 0..<termCount { start[i + 1] += start[i] }
        var next = start
        var entries = [UInt64](repeating: 0, count: pairs.count)
        for p in pairs {
            entries[Int(next[Int(p.0)])] = UInt64(p.1) << 32 | UInt64(UInt32(bitPattern: p.2))
            next[Int(p.0)] += 1
        }
        for i in 0..<termCount where start[i + 1] - start[i] > 1 {
            entries[Int(start[i])..<Int(start[i + 1])].sort()
        }
        self.start = start
        self.entries = entries
    }

    /// The feature of bigram (`a`, `b`), or −1: a bisection of `a`'s row whose steps depend only on the row's
    /// length (the comparison picks the half arithmetically, not by a branch the processor would mispredict).
    @inline(__always)
    private static func home(_ a: UInt32, _ b: UInt32, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Loads the packed home slot of (`a`, `b`) and returns a value derived from it, for a caller to fold into a
    /// sum (see `KeyTable.touch`): a document's probes are then independent loads whose cache misses overlap,
    /// instead of misses one after another behind mispredicted branches of found or not. 0 with rows.
    @inline(__always)
    func touch(_ a: UInt32, _ b: UInt32) -> Int32 {
        guard !packed.isEmpty else { return 0 }
        // An unknown term (UInt32.max) is never probed: slot 0 then, which stays in cache, chosen without a branch.
        let known = a != UInt32.max && b != UInt32.max
        let slot = known ? Self.home(a, b, packedShift) : 0
        return packed.withUnsafeBufferPointer { Int32(truncatingIfNeeded: $0[slot]) }
    }

    @inline(__always)
    func value(_ a: UInt32, _ b: UInt32) -> Int32 {
        if !packed.isEmpty {
            guard a < 1 << 20 && b < 1 << 20 else { return -1 }
            let key = UInt64(a) << 44 | UInt64(b) << 24
            var slot = Self.home(a, b, packedShift)
            return packed.withUnsafeBufferPointer { t in
                let mask = t.count - 1
                while true {
                    let e = t[slot]
                    if e == .max { return -1 }
                    if e & ~0xFF_FFFF == key { return Int32(truncatingIfNeeded: e & 0xFF_FFFF) }
                    slot = (slot + 1) & mask
                }
            }
        }
        guard Int(a) + 1 < start.count else { return -1 }
        return start.withUnsafeBufferPointer { st in
            entries.withUnsafeBufferPointer { e in
                var base = Int(st[Int(a)])
                let end = Int(st[Int(a) + 1])
                var len = end - base
                guard len > 0 else { return -1 }
                // Compared halved (below 2⁶³, so the sign of the difference is exact; an entry is below the key
                // exactly when its second term is below b, which halving keeps): "entry < key" is then the sign bit,
                // 1 or 0, and picking the half is arithmetic the compiler cannot turn into a branch (a ternary
                // here became one, mispredicted half the time).
                let key = UInt64(b) << 31
                @inline(__always) func below(_ x: UInt64) -> Int { Int(truncatingIfNeeded: ((x &>> 1) &- key) &>> 63) }
                while len > 1 {
                    let half = len &>> 1
                    base &+= half & (0 &- below(e[base &+ half &- 1]))
                    len &-= half
                }
                // The first entry ≥ key is e[base] or, when that is smaller, the next one (if the row has it).
                base &+= below(e[base])
                guard base < end else { return -1 }
                let x = e[base]
                return x >> 32 == UInt64(b) ? Int32(bitPattern: UInt32(truncatingIfNeeded: x)) : -1
            }
        }
    }
}

/// A fitted vectoriser's read-only term table for transforming: term key → (term id, unigram feature), each slot
/// holding the term's first 16 bytes, its length and both values.
///
/// Why beside `TermTable`: transforming looks up every term of every document, and a `TermTable` lookup reads its
/// slot, then the term's offset, then its bytes in the arena, then (in the vectoriser) the unigram feature — four
/// dependent loads, each a cache miss once the tables outgrow the L2 cache. Here a term of up to 16 bytes (99 % of
/// the benchmark's tokens) is found, compared and mapped by one 32-byte slot; longer terms also compare the arena.
struct TermLookup: Sendable {
    private struct Slot {
        var head0: UInt64  // bytes 0..<8, zero-padded
        var head1: UInt64  // bytes 8..<16, zero-padded
        var length: UInt32
        var tag: UInt32    // high bits of the hash
        var id: Int32      // −1: empty
        var unigram: Int32
    }
    private let slots: [Slot]
    private let mask: Int
    /// The terms' bytes, for keys longer than the slot's head.
    private let terms: TermTable

    /// Every term of `terms` (by id) with its unigram feature (`unigram[id]`, −1 for none). Filled to at most 60 %.
    init(terms: TermTable, unigram: [Int32]) {
        var size = 16
        while size * 6 < terms.count * 10 { size <<= 1 }
        var slots = [Slot](repeating: Slot(head0: 0, head1: 0, length: 0, tag: 0, id: -1, unigram: -1), count: size)
        let mask = size - 1
        for id in 0..<terms.count {
            terms.withBytes(id) { p in
                let (h0, h1) = Self.heads(p)
                let h = Self.hash(p, heads: (h0, h1))
                var slot = Int(truncatingIfNeeded: h) & mask
                while slots[slot].id >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Slot(head0: h0, head1: h1, length: UInt32(truncatingIfNeeded: p.count),
                                   tag: UInt32(truncatingIfNeeded: h >> 32), id: Int32(id),
                                   unigram: id < unigram.count ? unigram[id] : -1)
            }
        }
        self.slots = slots
        self.mask = mask
        self.terms = terms
    }

    /// The first 16 bytes of `p`, zero-padded, as two little-endian words (no byte past the end is read: a short
    /// word is put together from 4-, 2- and 1-byte loads).
    @inline(__always)
    static func heads(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = p.count
        guard let base = p.baseAddress, n > 0 else { return (0, 0) }
        return (TermTable.word(base, n, from: 0), n > 8 ? TermTable.word(base, n, from: 8) : 0)
    }

    /// Hash of a key: from its two head words and length when it fits them (no second pass over the bytes), else
    /// `TermTable.hash`.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>, heads: (UInt64, UInt64)) -> UInt64 {
        guard p.count <= 16 else { return TermTable.hash(p) }
        var h = (0x243F_6A88_85A3_08D3 ^ UInt64(p.count) ^ heads.0) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        h = (h ^ heads.1) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    /// A key's heads, length and hash, taken while its bytes are at hand: a document's keys can then be probed
    /// after all of them are known, their slots loaded first in a loop whose cache misses overlap (`touch`),
    /// where one probe per key as it streams in waited for each miss in turn.
    struct PreparedKey {
        var head0: UInt64
        var head1: UInt64
        var hash: UInt64
        var length: Int
    }

    @inline(__always)
    static func prepare(_ p: UnsafeBufferPointer<UInt8>) -> PreparedKey {
        let (h0, h1) = heads(p)
        return PreparedKey(head0: h0, head1: h1, hash: hash(p, heads: (h0, h1)), length: p.count)
    }

    /// Loads the home slot of `k`, returning a value for a caller to fold into a sum (see `KeyTable.touch`).
    @inline(__always)
    func touch(_ k: PreparedKey) -> Int32 {
        slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: k.hash) & mask].id }
    }

    /// The term id and unigram feature of the prepared key `k`, or (`UInt32.max`, −1) when it is not a term of the
    /// vocabulary; `bytes` (the key's bytes) is read only when the key is longer than 16 bytes.
    @inline(__always)
    func find(_ k: PreparedKey, bytes: UnsafePointer<UInt8>?) -> (id: UInt32, unigram: Int32) {
        let tag = UInt32(truncatingIfNeeded: k.hash >> 32), length = UInt32(truncatingIfNeeded: k.length)
        var slot = Int(truncatingIfNeeded: k.hash) & mask
        return slots.withUnsafeBufferPointer { s in
            while true {
                let e = s[slot]
                if e.id < 0 { return (UInt32.max, -1) }
                if e.tag == tag && e.length == length && e.head0 == k.head0 && e.head1 == k.head1
                    && (k.length <= 16 || terms.withBytes(Int(e.id)) { TermTable.equal($0.baseAddress!, bytes, k.length) }) {
                    return (UInt32(e.id), e.unigram)
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
