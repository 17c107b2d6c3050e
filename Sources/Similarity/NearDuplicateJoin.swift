import Foundation

/// One pair of rows whose cosine reaches the threshold; `a < b` (row order).
public struct DuplicatePair: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var score: Double
    public init(a: Int, b: Int, score: Double) { self.a = a; self.b = b; self.score = score }
}

/// All pairs of unit vectors with cosine ≥ T, exactly (prefix filtering with l2 bounds, as in AllPairs / L2AP, and
/// the candidates' partial scores summed block by block).
///
/// Terms are ranked from most to least frequent; "x_{<s}" below is the part of x on terms ranked before s.
/// * **Index**: each row y is split, in rank order, into a prefix and the rest; only the rest is indexed. The prefix
///   is the longest one whose bound on any dot product, min(‖y_prefix‖, Σ y_i·maxweight_i), stays below T, so a
///   qualifying pair shares at least one indexed term of y.
/// * **Partial scores**: rows are taken in blocks of a few thousand (`JoinBlocks`); every later row x is probed
///   against a block, its terms rarest first. A row y first met at x's term t shares nothing rarer with x (a
///   rarer shared term would be indexed in y and would have met it first), so dot(x, y) ≤ ‖x_{≤t}‖: once that is
///   below T, x's remaining terms only complete the rows already touched (`admitting`). Every touched row y of
///   the block so gets the sum over every shared term of y's indexed part.
/// * **Filter**: what is left of dot(x, y) is on y's prefix: at most ‖x_{<split(y)}‖·‖y_prefix‖ (first with
///   ‖x‖ = 1, then with x's norm before y's first indexed rank). Survivors get that part exactly (x's weights by
///   rank, y's few prefix terms), and those still reaching T are verified with the brute-force sum itself
///   (`SparseVectors.dot`'s order and arithmetic), so scores are bit-identical to the brute force.
/// Bounds are computed in Float; a margin (`slack`) far above Float rounding keeps them safe (it only lets a few
/// more rows through to the exact check). Blocks and ranges of later rows are probed in parallel; the pairs are
/// sorted at the end, so the output does not depend on the number of threads.
///
/// Why blocks: on the synthetic 100k report corpus (2,544 terms, 19.5 a row, 434,710 pairs at 0.5) the join reads
/// 667 M postings whatever the order; probing row by row against all earlier rows (the fifth and sixth rounds'
/// join, with candidates admitted and dropped by bounds at every posting) cost ≈ 14 ns a posting in cache misses
/// and unpredictable branches, ≈ 9–10 s. A block's scores stay in the L1 cache and its postings in L2.
public enum NearDuplicateJoin {
    static let slack = 1e-4
    /// Later rows per unit of work against one block: small enough to balance, large enough to be cheap.
    static let chunk = 4096

    /// The number of threads `pairs` uses by default: the machine's active cores.
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Pairs with cosine ≥ `threshold` for which `accept(a, b)` holds (e.g. different years), sorted by (a, b).
    /// `accept` is asked only for pairs whose bounds reach the threshold, before their exact score.
    public static func pairs(_ v: SparseVectors, threshold t: Double,
                             accept: (@Sendable (Int, Int) -> Bool)? = nil,
                             threads: Int = defaultThreads) -> [DuplicatePair] {
        pairs(v, threshold: t, accept: accept, threads: threads, rowsPerBlock: nil)
    }

    /// `rowsPerBlock`: the blocks' size (nil: `JoinBlocks.rowsPerBlock`'s choice; tests set small blocks so that
    /// small corpora span many).
    static func pairs(_ v: SparseVectors, threshold t: Double, accept: (@Sendable (Int, Int) -> Bool)?,
                      threads: Int, rowsPerBlock: Int?) -> [DuplicatePair] {
        let n = v.count
        guard n > 1 else { return [] }
        let index = JoinIndex(v, threshold: t, rowsPerBlock: rowsPerBlock)
        // Units of work: a block against a range of the rows after its first.
        let size = index.blocks.rowsPerBlock
        var units: [(block: Int, rows: Range<Int>)] = []
        for b in 0..<index.blocks.blockCount {
            var x = b * size + 1
            while x < n {
                let end = min(n, (x / chunk + 1) * chunk)
                units.append((b, x..<end))
                x = end
            }
        }
        let workers = max(1, min(threads, units.count))
        if workers == 1 {
            var probe = Probe(index, vectors: v, threshold: t, accept: accept)
            for u in units { probe.run(block: u.block, rows: u.rows) }
            return sorted(probe.out)
        }
        let results = ResultSlots(count: workers)
        let next = ChunkCounter()
        let all = units
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var probe = Probe(index, vectors: v, threshold: t, accept: accept)
            // Units taken in turn as workers come free: in the report the join shares the cores with the labelling,
            // so equal shares of work would finish at very different times. Which worker probes a unit does not
            // change its pairs.
            while let u = next.take(below: all.count) { probe.run(block: all[u].block, rows: all[u].rows) }
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

/// The next unit of work, handed out once each.
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

/// The read-only part of the join, built once: term ranks, every row in rank order, the prefixes and the blocks of
/// indexed postings.
struct JoinIndex: Sendable {
    /// Term → rank (0 = most frequent).
    let rank: [UInt32]
    /// Per row x, its terms in rank order: `rowRanks[v.start[x]..<v.start[x + 1]]`, weights alongside.
    let rowRanks: [UInt32]
    let rowWeights: [Float]
    /// Per row x, ‖x_{<k}‖ for k = 0 … its length: `normsBelow[v.start[x] + x + k]`.
    let normsBelow: [Float]
    /// Per row: the rank of its first indexed term (the number of ranks if none) and the norm of its prefix.
    let splitRank: [UInt32]
    let prefixNorm: [Float]
    /// Per row: its prefix as (rank, weight), `prefixRanks[prefixStart[y]..<prefixStart[y + 1]]`.
    let prefixStart: [Int]
    let prefixRanks: [UInt32]
    let prefixWeights: [Float]
    let blocks: JoinBlocks

    init(_ v: SparseVectors, threshold t: Double, rowsPerBlock: Int? = nil) {
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
        var splitRank = [UInt32](repeating: UInt32(dim), count: n)
        var prefixNorm = [Float](repeating: 0, count: n)
        var prefixStart = [Int](repeating: 0, count: n + 1)
        var prefixRanks: [UInt32] = [], prefixWeights: [Float] = []
        var rowRanks = [UInt32](repeating: 0, count: v.terms.count)
        var rowWeights = [Float](repeating: 0, count: v.terms.count)
        var normsBelow = [Float](repeating: 0, count: v.terms.count + n)
        var indexed: [(row: UInt32, rank: UInt32, weight: Float)] = []
        indexed.reserveCapacity(v.terms.count)
        var ranked = RankedRow()
        for y in 0..<n {
            ranked.load(y, of: v, rank: rank, maxWeight: maxWeight)
            let first = v.start[y]
            for (i, e) in ranked.entries.enumerated() {
                rowRanks[first + i] = e.rank; rowWeights[first + i] = e.weight
                normsBelow[first + y + i] = Float(ranked.norm(below: i))
            }
            normsBelow[first + y + ranked.count] = Float(ranked.norm(below: ranked.count))
            let split = ranked.split(bound: bound)
            prefixNorm[y] = Float(ranked.norm(below: split))
            if split < ranked.count { splitRank[y] = ranked.entries[split].rank }
            for i in 0..<split {
                prefixRanks.append(ranked.entries[i].rank); prefixWeights.append(ranked.entries[i].weight)
            }
            prefixStart[y + 1] = prefixRanks.count
            for i in split..<ranked.count {
                indexed.append((UInt32(y), ranked.entries[i].rank, ranked.entries[i].weight))
            }
        }
        let size = rowsPerBlock ?? JoinBlocks.rowsPerBlock(rows: n, ranks: dim, postings: indexed.count)
        self.rank = rank
        self.rowRanks = rowRanks; self.rowWeights = rowWeights; self.normsBelow = normsBelow
        self.splitRank = splitRank; self.prefixNorm = prefixNorm
        self.prefixStart = prefixStart; self.prefixRanks = prefixRanks; self.prefixWeights = prefixWeights
        self.blocks = JoinBlocks(rows: n, ranks: dim, indexed: indexed, rowsPerBlock: size)
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
}

/// One worker's state: a block's partial scores, x's weights by rank (filled when a candidate needs them), x's
/// weights by term id for the exact sum, and its pairs.
struct Probe {
    let index: JoinIndex
    let v: SparseVectors
    let t: Double
    let bound: Double
    let accept: (@Sendable (Int, Int) -> Bool)?
    var scratch: JoinBlocks.Scratch
    var byRank: [Float]
    var dense: [Double]
    /// x's ranks as a bitmap, and the number of them before each word: the number below any rank in a few steps.
    var bits: [UInt64]
    var baseCount: [Int32]
    var out: [DuplicatePair] = []
    /// Counters for the benchmark notes (touched rows, then those left after each bound), not used otherwise.
    var counts = [Int](repeating: 0, count: 5)

    init(_ index: JoinIndex, vectors: SparseVectors, threshold: Double, accept: (@Sendable (Int, Int) -> Bool)?) {
        self.index = index; v = vectors; t = threshold; self.accept = accept
        bound = max(0, threshold - NearDuplicateJoin.slack)
        scratch = JoinBlocks.Scratch(rowsPerBlock: index.blocks.rowsPerBlock)
        byRank = Array(repeating: 0, count: vectors.dimension)
        dense = Array(repeating: 0, count: vectors.dimension)
        bits = Array(repeating: 0, count: (vectors.dimension + 63) / 64 + 1)
        baseCount = Array(repeating: 0, count: (vectors.dimension + 63) / 64 + 1)
    }

    /// Pairs (y, x) for every x in `rows` and every y of block `b` before x.
    mutating func run(block b: Int, rows: Range<Int>) {
        let index = self.index, v = self.v, bound = self.bound, boundF = Float(bound), t = self.t
        let accept = self.accept
        var out: [DuplicatePair] = []
        swap(&out, &self.out)
        var scratch = JoinBlocks.Scratch(rowsPerBlock: 0)
        swap(&scratch, &self.scratch)
        var counts = self.counts
        index.rowRanks.withUnsafeBufferPointer { rowRanks in
        index.rowWeights.withUnsafeBufferPointer { rowWeights in
        index.normsBelow.withUnsafeBufferPointer { normsBelow in
        index.splitRank.withUnsafeBufferPointer { splitRank in
        index.prefixNorm.withUnsafeBufferPointer { prefixNorm in
        byRank.withUnsafeMutableBufferPointer { byRank in
        dense.withUnsafeMutableBufferPointer { dense in
        bits.withUnsafeMutableBufferPointer { bits in
        baseCount.withUnsafeMutableBufferPointer { baseCount in
            for x in rows {
                let lo = v.start[x], hi = v.start[x + 1]
                let xr = UnsafeBufferPointer(rebasing: rowRanks[lo..<hi])
                let xw = UnsafeBufferPointer(rebasing: rowWeights[lo..<hi])
                let below = UnsafeBufferPointer(rebasing: normsBelow[(lo + x)...(hi + x)])
                let xNorm = below[xr.count]
                var filled = false, counted = false
                let lastWord = xr.isEmpty ? -1 : Int(xr[xr.count - 1]) >> 6
                // Rows first met at x's terms before `admitting` cannot reach T: ‖x_{<admitting}‖ < T.
                var admitting = 0
                while admitting < xr.count && Double(below[admitting + 1]) < bound - 1e-5 { admitting += 1 }
                counts[0] += index.blocks.probe(block: b, row: x, ranks: xr, weights: xw, admitting: admitting,
                                                scratch: &scratch) { y, partial in
                    // What y's prefix can add: at most ‖x‖·‖y_prefix‖, then ‖x_{<split(y)}‖·‖y_prefix‖.
                    let pn = prefixNorm[y]
                    if partial + xNorm * pn < boundF { return }
                    counts[1] += 1
                    let s = Int(splitRank[y])
                    if !counted {
                        for i in 0..<xr.count { let r = Int(xr[i]); bits[r >> 6] |= 1 << UInt64(r & 63) }
                        var c: Int32 = 0
                        for w in 0...lastWord { baseCount[w] = c; c += Int32(bits[w].nonzeroBitCount) }
                        counted = true
                    }
                    let w = s >> 6
                    let k = w > lastWord ? xr.count
                        : Int(baseCount[w]) + (bits[w] & ((1 << UInt64(s & 63)) &- 1)).nonzeroBitCount
                    if partial + below[k] * pn < boundF { return }
                    counts[2] += 1
                    if let accept, !accept(y, x) { return }
                    if !filled {
                        for i in 0..<xr.count { byRank[Int(xr[i])] = xw[i] }
                        for i in lo..<hi { dense[Int(v.terms[i])] = Double(v.weights[i]) }
                        filled = true
                    }
                    var estimate = Double(partial)
                    for i in index.prefixStart[y]..<index.prefixStart[y + 1] {
                        estimate += Double(index.prefixWeights[i]) * Double(byRank[Int(index.prefixRanks[i])])
                    }
                    if estimate < bound { return }
                    counts[3] += 1
                    // The brute force's sum: y's terms in ascending id, Double products (absent terms add +0).
                    var exact = 0.0
                    for i in v.row(y) { exact += Double(v.weights[i]) * dense[Int(v.terms[i])] }
                    if exact >= t { out.append(DuplicatePair(a: y, b: x, score: exact)); counts[4] += 1 }
                }
                if counted { for i in 0..<xr.count { bits[Int(xr[i]) >> 6] = 0 } }
                if filled {
                    for i in 0..<xr.count { byRank[Int(xr[i])] = 0 }
                    for i in lo..<hi { dense[Int(v.terms[i])] = 0 }
                }
            }
        }}}}}}}}}
        self.counts = counts
        swap(&scratch, &self.scratch)
        swap(&out, &self.out)
    }
}
