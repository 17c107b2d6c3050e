import Foundation

/// One pair of rows whose cosine reaches the threshold; `a < b` (row order).
public struct DuplicatePair: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var score: Double
    public init(a: Int, b: Int, score: Double) { self.a = a; self.b = b; self.score = score }
}

/// All pairs of unit vectors with cosine ≥ T, exactly (AllPairs / L2AP-style prefix filtering with l2 bounds).
///
/// Terms are ranked from most to least frequent; "x_{<t}" below is the part of x on terms more frequent than t.
/// * **Index**: each row y is split, in rank order, into a prefix and the rest; only the rest is indexed. The prefix
///   is the longest one whose bound on any dot product, min(‖y_prefix‖, Σ y_i·maxweight_i), stays below T, so a
///   qualifying pair shares at least one indexed term of y.
/// * **Candidates**: x's terms are read rarest first. A row y first met at x's term t shares nothing rarer with x
///   (a rarer shared term would be indexed in y and would have met it first), so dot(x, y) ≤ x_t·y_t +
///   ‖x_{<t}‖·‖y_{<t}‖ (the posting stores ‖y_{<t}‖); y becomes a candidate only if that reaches T. New candidates
///   stop once min(‖x_{≤t}‖, Σ x_s·maxweight_s) is below T; x's remaining terms then only complete the partial
///   scores of the candidates, so each partial score holds every shared term of y's indexed part.
/// * **Filter**: what is left of dot(x, y) is on y's prefix: at most ‖x_{<split(y)}‖·‖y_prefix‖. Survivors get that
///   part exactly (x's weights scattered into a dense array, y's few prefix terms read), and those still reaching
///   T are verified with the brute-force sum itself (`SparseVectors.dot`'s order and arithmetic), so scores are
///   bit-identical to the brute force.
/// * **Split bound**: what a row y met at x's term t can still gain lies on terms more frequent than t, in y's
///   indexed part or in its prefix; bounded apart, ‖x_{[split(y),t)}‖·‖y_{[split(y),t)}‖ + ‖x_{<split(y)}‖·‖y_prefix‖
///   (tighter than ‖x_{<t}‖·‖y_{<t}‖). It refuses candidates at admission, drops live ones at each later meeting
///   (on the synthetic 100k corpus a fifth of the candidates die before the filter), and the filter reads
///   ‖x_{<split(y)}‖ kept from admission instead of searching x's row for it.
/// Bounds are computed in Float where cheap; a margin (`slack`) far above Float rounding keeps them safe (it only
/// lets a few more rows through to the exact check). Rows are probed in parallel chunks, each against the rows
/// before it; the pairs are sorted at the end, so the output does not depend on the number of threads.
public enum NearDuplicateJoin {
    static let slack = 1e-4
    /// Rows per unit of work: small enough to balance (later rows meet more postings), large enough to be cheap.
    static let chunk = 64

    /// The number of threads `pairs` uses by default: the machine's active cores.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Pairs with cosine ≥ `threshold` for which `accept(a, b)` holds (e.g. different years), sorted by (a, b).
    /// `accept` is asked before any score is computed.
    public static func pairs(_ v: SparseVectors, threshold t: Double,
                             accept: (@Sendable (Int, Int) -> Bool)? = nil,
                             threads: Int = defaultThreads) -> [DuplicatePair] {
        pairs(v, threshold: t, accept: accept, threads: threads, tableLimit: Probe.tableLimit)
    }

    /// `tableLimit`: the largest vocabulary for which x's norms below each rank are tabulated (tests set 0 to take
    /// the other path, a binary search in x's row; the pairs are the same).
    static func pairs(_ v: SparseVectors, threshold t: Double, accept: (@Sendable (Int, Int) -> Bool)?,
                      threads: Int, tableLimit: Int) -> [DuplicatePair] {
        let n = v.count
        guard n > 1 else { return [] }
        let index = JoinIndex(v, threshold: t)
        let chunks = (n + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        if workers == 1 {
            var probe = Probe(index, vectors: v, threshold: t, accept: accept, tableLimit: tableLimit)
            for x in 0..<n { probe.run(x) }
            return sorted(probe.out)
        }
        let results = ResultSlots(count: workers)
        let next = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var probe = Probe(index, vectors: v, threshold: t, accept: accept, tableLimit: tableLimit)
            // Chunks taken in turn as workers come free: in the report the join shares the cores with the labelling,
            // so equal shares of work finished at very different times (a fixed interleaving left one thread
            // working alone for seconds). Which worker probes a row does not change its pairs.
            while let c = next.take(below: chunks) {
                for x in (c * chunk)..<min(n, (c + 1) * chunk) { probe.run(x) }
            }
            results.set(w, probe.out)
        }
        return sorted(results.all())
    }

    static func sorted(_ pairs: [DuplicatePair]) -> [DuplicatePair] {
        pairs.sorted { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
    }

    /// Every pair compared directly: the reference the tests hold the join to.
    public static func bruteForce(_ v: SparseVectors, threshold t: Double,
                                  accept: ((Int, Int) -> Bool)? = nil) -> [DuplicatePair] {
        var out: [DuplicatePair] = []
        for a in 0..<v.count {
            for b in (a + 1)..<max(a + 1, v.count) {
                if let accept, !accept(a, b) { continue }
                let s = v.dot(a, b)
                if s >= t { out.append(DuplicatePair(a: a, b: b, score: s)) }
            }
        }
        return out
    }
}

/// The next chunk of rows to probe, handed out once each.
private final class ChunkCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    func take(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// One worker's pairs, written once per worker slot; read after all workers finished.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[DuplicatePair]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ pairs: [DuplicatePair]) { lock.lock(); slots[i] = pairs; lock.unlock() }
    func all() -> [DuplicatePair] { lock.lock(); defer { lock.unlock() }; return slots.flatMap { $0 } }
}

/// The read-only part of the join, built once: term ranks, the indexed suffixes and the prefixes.
struct JoinIndex: Sendable {
    /// An indexed term of row `row`: its weight, ‖row_{<t}‖ (the norm of the row's more frequent terms), and the
    /// row's split rank and prefix norm, carried along so the final filter reads no per-row table at random.
    struct Posting { var row: UInt32; var weight: Float; var before: Float; var split: UInt32; var prefixNorm: Float }

    /// Term → rank (0 = most frequent) and, by rank, the largest weight of the term in any row.
    let rank: [UInt32]
    let maxWeight: [Double]
    /// Postings by rank, rows ascending: `postings[postingStart[r]..<postingStart[r + 1]]`.
    let postingStart: [Int]
    let postings: [Posting]
    /// Per row: its prefix as (term id, weight), `prefixTerms[prefixStart[y]..<prefixStart[y + 1]]`.
    let prefixStart: [Int]
    let prefixTerms: [UInt32]
    let prefixWeights: [Float]

    init(_ v: SparseVectors, threshold t: Double) {
        let n = v.count, dim = v.dimension
        var df = [Int](repeating: 0, count: dim)
        var maxByTerm = [Float](repeating: 0, count: dim)
        for k in v.terms.indices {
            let term = Int(v.terms[k])
            df[term] += 1
            maxByTerm[term] = max(maxByTerm[term], v.weights[k])
        }
        // Most frequent first (ties by id): prefixes hold the frequent terms, so the indexed postings are short.
        let order = (0..<dim).sorted { df[$0] != df[$1] ? df[$0] > df[$1] : $0 < $1 }
        var rank = [UInt32](repeating: 0, count: dim)
        for (r, term) in order.enumerated() { rank[term] = UInt32(r) }
        let maxWeight = order.map { Double(maxByTerm[$0]) }

        let bound = max(0, t - NearDuplicateJoin.slack)
        // Per row: the rank of its first indexed term (UInt32.max if none) and the norm of its prefix.
        var splitRank = [UInt32](repeating: .max, count: n)
        var prefixNorm = [Double](repeating: 0, count: n)
        var prefixStart = [Int](repeating: 0, count: n + 1)
        var prefixTerms: [UInt32] = [], prefixWeights: [Float] = []
        var indexed: [(row: Int, entry: RankedRow.Entry, before: Double)] = []
        indexed.reserveCapacity(v.terms.count)
        var perRank = [Int](repeating: 0, count: dim + 1)
        var ranked = RankedRow()
        for y in 0..<n {
            ranked.load(y, of: v, rank: rank, maxWeight: maxWeight)
            let split = ranked.split(bound: bound)
            prefixNorm[y] = ranked.norm(below: split)
            if split < ranked.count { splitRank[y] = ranked.entries[split].rank }
            for i in 0..<split {
                prefixTerms.append(UInt32(order[Int(ranked.entries[i].rank)])); prefixWeights.append(ranked.entries[i].weight)
            }
            prefixStart[y + 1] = prefixTerms.count
            for i in split..<ranked.count {
                indexed.append((y, ranked.entries[i], ranked.norm(below: i)))
                perRank[Int(ranked.entries[i].rank) + 1] += 1
            }
        }
        // Postings grouped by rank with a counting sort; rows stay ascending within a rank.
        for r in 0..<dim { perRank[r + 1] += perRank[r] }
        var cursor = perRank
        var postings = [Posting](repeating: Posting(row: 0, weight: 0, before: 0, split: 0, prefixNorm: 0), count: indexed.count)
        for e in indexed {
            let r = Int(e.entry.rank)
            postings[cursor[r]] = Posting(row: UInt32(e.row), weight: e.entry.weight, before: Float(e.before),
                                          split: splitRank[e.row], prefixNorm: Float(prefixNorm[e.row]))
            cursor[r] += 1
        }
        self.rank = rank; self.maxWeight = maxWeight
        self.postingStart = perRank; self.postings = postings
        self.prefixStart = prefixStart; self.prefixTerms = prefixTerms; self.prefixWeights = prefixWeights
    }
}

/// A row's terms in rank order (most frequent first) with running bounds, reused from row to row.
struct RankedRow {
    struct Entry { var rank: UInt32; var weight: Float }
    var entries: [Entry] = []
    /// squares[i] = Σ_{j ≤ i} w_j²; maxDots[i] = Σ_{j ≤ i} w_j · maxWeight of term j (a bound on any row's share).
    var squares: [Double] = []
    var maxDots: [Double] = []
    var count: Int { entries.count }

    mutating func load(_ x: Int, of v: SparseVectors, rank: [UInt32], maxWeight: [Double]) {
        entries.removeAll(keepingCapacity: true)
        for k in v.row(x) { entries.append(Entry(rank: rank[Int(v.terms[k])], weight: v.weights[k])) }
        entries.sort { $0.rank < $1.rank }
        squares.removeAll(keepingCapacity: true); maxDots.removeAll(keepingCapacity: true)
        var sq = 0.0, md = 0.0
        for e in entries {
            sq += Double(e.weight) * Double(e.weight); squares.append(sq)
            md += Double(e.weight) * maxWeight[Int(e.rank)]; maxDots.append(md)
        }
    }

    /// ‖x_{<i}‖: the norm of the first i entries.
    func norm(below i: Int) -> Double { i > 0 ? squares[i - 1].squareRoot() : 0 }
    /// The largest share any row can have with the first i + 1 entries.
    func shareBound(through i: Int) -> Double { min(squares[i].squareRoot(), maxDots[i]) }
    /// The length of the longest prefix whose share bound stays below `bound`.
    func split(bound: Double) -> Int {
        var s = 0
        while s < count && shareBound(through: s) < bound { s += 1 }
        return s
    }
    /// The number of entries with rank below `r` (binary search).
    func position(ofRank r: UInt32) -> Int {
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) >> 1; if entries[mid].rank < r { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

/// One worker's state: partial scores for every row, x's weights scattered by term id, and its pairs.
struct Probe {
    let index: JoinIndex
    let v: SparseVectors
    let t: Double
    let bound: Double
    let accept: (@Sendable (Int, Int) -> Bool)?
    /// Rows met for the current x (`seen`) and, of those, the ones that may still reach T (`alive`), one bit a
    /// row: every posting read tests them, and two bitmaps of a 100k-row corpus (25 KB) stay in the L1 cache,
    /// where a table of 8-byte slots (800 KB) missed it on most postings. Cleared up to x after each x.
    var seen: [UInt64]
    var alive: [UInt64]
    /// The partial score of each alive row for the current x (read only when its `alive` bit is set).
    var scores: [Float]
    /// ‖x_{<split(y)}‖ of each alive row y (the bound on what y's prefix adds is that times ‖y's prefix‖).
    var lower: [Float]
    var belowByRank: [Float]
    let useTable: Bool
    /// Added under each square root of a bound: the Float rounding of a difference of squares cannot then make
    /// the bound smaller than the true one.
    static let epsilon: Float = 1e-6
    var dense: [Double]
    /// A row that may still reach T, with what the final filter needs of it.
    struct Candidate { var row: UInt32; var prefixNorm: Float }
    var candidates: [Candidate] = []
    var row = RankedRow()
    var out: [DuplicatePair] = []

    init(_ index: JoinIndex, vectors: SparseVectors, threshold: Double, accept: (@Sendable (Int, Int) -> Bool)?,
         tableLimit: Int = Probe.tableLimit) {
        self.index = index; v = vectors; t = threshold; self.accept = accept
        bound = max(0, threshold - NearDuplicateJoin.slack)
        seen = Array(repeating: 0, count: (vectors.count + 63) / 64)
        alive = seen
        scores = Array(repeating: 0, count: vectors.count)
        lower = scores
        useTable = vectors.dimension <= tableLimit
        belowByRank = Array(repeating: 0, count: useTable ? vectors.dimension + 1 : 0)
        dense = Array(repeating: 0, count: vectors.dimension)
    }

    /// The largest vocabulary for which x's norm below every rank is tabulated per x (64 KB of Floats).
    static let tableLimit = 1 << 14

    /// Pairs (y, x) for every y < x.
    mutating func run(_ x: Int) {
        row.load(x, of: v, rank: index.rank, maxWeight: index.maxWeight)
        candidates.removeAll(keepingCapacity: true)
        fillBelow()
        accumulate(x)
        if !candidates.isEmpty { verify(x) }
        // Only rows before x were met.
        let words = (x + 63) >> 6
        seen.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: 0, count: words) }
        alive.withUnsafeMutableBufferPointer { $0.baseAddress!.update(repeating: 0, count: words) }
    }

    /// x's norm below each rank up to its rarest term (`belowByRank[s]` = ‖x_{<s}‖), filled per x when the
    /// vocabulary is small enough for that to cost less than the lookups it saves; else a binary search in x's row.
    private mutating func fillBelow() {
        guard useTable else { return }
        belowByRank.withUnsafeMutableBufferPointer { table in
            var s = 0
            for (k, e) in row.entries.enumerated() {
                let value = Float(row.norm(below: k))
                while s <= Int(e.rank) { table[s] = value; s += 1 }
            }
        }
    }

    private mutating func accumulate(_ x: Int) {
        let boundF = Float(bound)
        let index = self.index, row = self.row, accept = self.accept
        let useTable = self.useTable
        var candidates: [Candidate] = []
        swap(&candidates, &self.candidates)
        defer { swap(&candidates, &self.candidates) }
        let eps = Probe.epsilon
        seen.withUnsafeMutableBufferPointer { seen in
        alive.withUnsafeMutableBufferPointer { alive in
        scores.withUnsafeMutableBufferPointer { score in
        lower.withUnsafeMutableBufferPointer { lower in
        belowByRank.withUnsafeBufferPointer { table in
        index.postings.withUnsafeBufferPointer { postings in
            /// ‖x_{<s}‖.
            func below(_ s: UInt32) -> Float { useTable ? table[Int(s)] : Float(row.norm(below: row.position(ofRank: s))) }
            var admit = true
            for p in stride(from: row.count - 1, through: 0, by: -1) {
                if admit && row.shareBound(through: p) < bound {
                    admit = false   // no row not met yet can reach T
                    if candidates.isEmpty { return }
                }
                let xw = row.entries[p].weight
                let xBefore = Float(row.norm(below: p))
                let xBefore2 = xBefore * xBefore
                let shareBefore = p > 0 ? Float(row.shareBound(through: p - 1)) : 0
                let r = Int(row.entries[p].rank)
                let list = UnsafeBufferPointer(rebasing: postings[index.postingStart[r]..<index.postingStart[r + 1]])
                for post in list {
                    let y = Int(post.row)
                    if y >= x { break }
                    let w = y >> 6, bit = UInt64(1) << UInt64(y & 63)
                    if alive[w] & bit != 0 {
                        // Met before: add this term, and drop y once what is left cannot lift it to T. The rest is
                        // on terms more frequent than this one: y's indexed part there and y's prefix, bounded apart.
                        let s = score[y] + xw * post.weight
                        score[y] = s
                        let b = lower[y], pn = post.prefixNorm
                        let rest = (max(0, xBefore2 - b * b) + eps).squareRoot()
                            * (max(0, post.before * post.before - pn * pn) + eps).squareRoot() + b * pn
                        if s + rest < boundF { alive[w] &= ~bit }
                    } else if admit && seen[w] & bit == 0 {
                        seen[w] |= bit
                        let s = xw * post.weight
                        // Nothing rarer is shared: the rest is on terms more frequent than this one.
                        if s + min(xBefore * post.before, shareBefore) < boundF { continue }
                        let b = below(post.split), pn = post.prefixNorm
                        let rest = (max(0, xBefore2 - b * b) + eps).squareRoot()
                            * (max(0, post.before * post.before - pn * pn) + eps).squareRoot() + b * pn
                        if s + rest < boundF { continue }
                        if let accept, !accept(y, x) { continue }
                        alive[w] |= bit
                        score[y] = s
                        lower[y] = b
                        candidates.append(Candidate(row: post.row, prefixNorm: post.prefixNorm))
                    }
                }
            }
        }}}}}}
    }

    private mutating func verify(_ x: Int) {
        for k in v.row(x) { dense[Int(v.terms[k])] = Double(v.weights[k]) }
        let index = self.index, v = self.v, bound = self.bound, t = self.t
        var out: [DuplicatePair] = []
        swap(&out, &self.out)
        let alive = self.alive
        scores.withUnsafeBufferPointer { score in
        lower.withUnsafeBufferPointer { lower in
        dense.withUnsafeBufferPointer { dense in
            for c in candidates {
                let y = Int(c.row)
                if alive[y >> 6] & (UInt64(1) << UInt64(y & 63)) == 0 { continue }
                let partial = Double(score[y])
                // The partial score holds every shared term of y's indexed part; the rest is on y's prefix
                // (its norm and x's norm before it are rounded to Float: far below the margin).
                let pn = Double(c.prefixNorm)
                if partial + Double(lower[y]) * pn < bound { continue }
                var estimate = partial
                for k in index.prefixStart[y]..<index.prefixStart[y + 1] {
                    estimate += Double(index.prefixWeights[k]) * dense[Int(index.prefixTerms[k])]
                }
                if estimate < bound { continue }
                // The brute force's sum: y's terms in ascending id, Double products (absent terms add +0).
                var s = 0.0
                for k in v.row(y) { s += Double(v.weights[k]) * dense[Int(v.terms[k])] }
                if s >= t { out.append(DuplicatePair(a: y, b: x, score: s)) }
            }
        }}}
        swap(&out, &self.out)
        for k in v.row(x) { dense[Int(v.terms[k])] = 0 }
    }
}
