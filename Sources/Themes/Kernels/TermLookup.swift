import Foundation

/// A fitted vectoriser's read-only term table for transforming: term key → (term id, unigram feature), each slot
/// holding the term's first 16 bytes, its length and both values.
///
/// Why beside `TermTable`: transforming looks up every term of every document, and a `TermTable` lookup reads its
/// slot, then the term's offset, then its bytes in the arena, then (in the vectoriser) the unigram feature — four
/// dependent loads, each a cache miss once the tables outgrow the L2 cache. Here a term of up to 16 bytes (99 % of
/// the benchmark's tokens) is found, compared and mapped by one 32-byte slot; longer terms also compare the arena.
struct TermLookup: Sendable {
    struct Slot {
        var head0: UInt64  // bytes 0..<8, zero-padded
        var head1: UInt64  // bytes 8..<16, zero-padded
        var length: UInt32
        var tag: UInt32    // high bits of the hash
        var id: Int32      // −1: empty
        var unigram: Int32
    }
    let slots: [Slot]
    let mask: Int
    /// The terms' bytes, for keys longer than the slot's head.
    let terms: TermTable

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

    /// The first 16 bytes of `p`, zero-padded, as two little-endian words (no byte outside the key is read:
    /// `TermTable.word`'s overlapping loads).
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

    /// The term ids and unigram features of the `n` keys prepared in `scratch` (`setPrepared`), into its
    /// `termBuffer` and `unigramBuffer` ((`UInt32.max`, −1) for a key not in the vocabulary). The keys' home slots
    /// are loaded first, in a loop with no branches, so their cache misses overlap and the probes after it find the
    /// slots in cache.
    @inline(__always)
    func resolve(_ scratch: TfidfVectorizer.Scratch, count n: Int) {
        let prepared = scratch.prepared
        var touched: Int32 = 0
        for i in 0..<n { touched &+= touch(prepared[i]) }
        scratch.sink = touched
        for i in 0..<n {
            let k = prepared[i]
            let (id, unigram) = find(k, bytes: k.length > 16 ? scratch.longBytes + scratch.longStart[i] : nil)
            scratch.setTerm(id, unigram: unigram, at: i)
        }
    }
}
