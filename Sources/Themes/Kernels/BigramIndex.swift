import Foundation

/// (first term id, second term id) → bigram feature id of a fitted vocabulary: a table of 8-byte packed slots when
/// the ids fit (see `packed`), else compressed rows: for each first term, its second terms in ascending order, each
/// packed with its feature (second << 32 | feature).
///
/// Why not a table of 16-byte slots: tagging probes one bigram per term of every document, and such a table of all
/// bigram features is several times the L2 cache. Packed slots halve it; rows are smaller still, but the bisection
/// of a frequent first term's long row loads several cache lines one after the other.
struct BigramIndex: Sendable {
    var start: [Int32]  // first term id → row start; start[id + 1] is its end
    var entries: [UInt64]
    /// When the ids fit (terms below 2²⁰, features below 2²⁴ − 1): every bigram packed in one 8-byte slot,
    /// a << 44 | b << 24 | feature, open addressing at most 75 % full (`UInt64.max`: empty). One probe, usually
    /// one cache line, where the bisection of a long row loads several lines one after the other. Why that full:
    /// eight slots share a cache line, so a longer probe seldom loads another line, while a table half full was
    /// twice the L2 cache on the benchmark's vocabulary and most probes missed it. Empty when the rows are used
    /// instead.
    var packed: [UInt64] = []
    var packedShift: UInt64 = 0

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

    /// The packed slot where (`a`, `b`) starts its probe: the pair's 64-bit key times the golden-ratio constant,
    /// its top bits (`shift` = 64 − log₂ of the table size).
    @inline(__always)
    static func home(_ a: UInt32, _ b: UInt32, _ shift: UInt64) -> Int {
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

    /// The feature of bigram (`a`, `b`), or −1: one probe of the packed slots, or a bisection of `a`'s row whose
    /// steps depend only on the row's length (the comparison picks the half arithmetically, not by a branch the
    /// processor would mispredict).
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

    /// Calls `body` with the feature of each bigram (`terms[i − 1]`, `terms[i]`), i in 1..<n, in order, skipping
    /// a pair with an unknown term (`UInt32.max`) or without a feature. The pairs' packed slots are loaded first, in
    /// a loop with no branches (`touch`), so their cache misses overlap.
    @inline(__always)
    func forEachFeature(_ terms: UnsafePointer<UInt32>, count n: Int, sink: TfidfVectorizer.Scratch,
                        _ body: (Int32) -> Void) {
        var touched: Int32 = 0
        for i in 1..<n { touched &+= touch(terms[i - 1], terms[i]) }
        sink.sink = touched
        for i in 1..<n where terms[i - 1] != UInt32.max && terms[i] != UInt32.max {
            let b = value(terms[i - 1], terms[i])
            if b >= 0 { body(b) }
        }
    }
}
