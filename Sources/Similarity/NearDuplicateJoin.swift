/// One pair of rows whose cosine reaches the threshold; `a < b` (row order).
public struct DuplicatePair: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var score: Double
    public init(a: Int, b: Int, score: Double) { self.a = a; self.b = b; self.score = score }
}

/// All pairs of unit vectors with cosine ≥ T, exactly (AllPairs / L2AP-style prefix filtering).
///
/// Terms are ranked from most to least frequent. Each row, in that rank order, is split into a prefix whose
/// l2 norm stays below T and the rest; only the rest is indexed. Why nothing is missed: for rows x and y,
/// dot(x, y) = dot(x, y_prefix) + dot(x, y_rest), and dot(x, y_prefix) ≤ ‖x‖·‖y_prefix‖ < T, so a qualifying pair
/// shares at least one indexed term of y. Probing, x's terms are taken rarest first; a row y first met at x's term
/// t shares with x only terms no rarer than t (a rarer shared term would be indexed in y and would have met it
/// first), so its cosine is at most the norm of x's terms no rarer than t, and probing stops once that norm
/// is below T. Every candidate is then verified with `SparseVectors.dot`, the brute-force score itself.
/// A small margin (`slack`) on both bounds absorbs Float rounding: it only indexes and probes a little more.
public enum NearDuplicateJoin {
    static let slack = 1e-4

    /// Pairs with cosine ≥ `threshold` for which `accept(a, b)` holds (e.g. different years), sorted by (a, b).
    public static func pairs(_ v: SparseVectors, threshold t: Double,
                             accept: ((Int, Int) -> Bool)? = nil) -> [DuplicatePair] {
        let n = v.count
        guard n > 1 else { return [] }
        // Rank terms by document frequency, most frequent first (ties by id): prefixes hold the frequent terms,
        // so the indexed postings are the short ones.
        var df = [Int32](repeating: 0, count: v.dimension)
        for term in v.terms { df[Int(term)] += 1 }
        let order = (0..<v.dimension).sorted { df[$0] != df[$1] ? df[$0] > df[$1] : $0 < $1 }
        var rank = [UInt32](repeating: 0, count: v.dimension)
        for (r, term) in order.enumerated() { rank[term] = UInt32(r) }

        let bound = max(0, t - slack), boundSq = bound * bound
        var indexTerms = [[UInt32]](repeating: [], count: v.dimension)   // rows, ascending
        var indexWeights = [[Float]](repeating: [], count: v.dimension)
        var prefixNorm = [Double](repeating: 0, count: n)
        var acc = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var out: [DuplicatePair] = []
        var row: [(rank: UInt32, weight: Float)] = []
        var cumulative: [Double] = []

        for x in 0..<n {
            row.removeAll(keepingCapacity: true)
            for k in v.row(x) { row.append((rank[Int(v.terms[k])], v.weights[k])) }
            row.sort { $0.rank < $1.rank }
            cumulative.removeAll(keepingCapacity: true)
            var sum = 0.0
            for e in row { sum += Double(e.weight) * Double(e.weight); cumulative.append(sum) }

            // Probe: rarest term first, while x's remaining (more frequent) part could still reach T.
            touched.removeAll(keepingCapacity: true)
            var p = row.count - 1
            acc.withUnsafeMutableBufferPointer { a in
                while p >= 0 && cumulative[p] >= boundSq {
                    let r = Int(row[p].rank), xw = Double(row[p].weight)
                    indexTerms[r].withUnsafeBufferPointer { ys in
                        indexWeights[r].withUnsafeBufferPointer { ws in
                            for i in 0..<ys.count {
                                let y = Int(ys[i])
                                if a[y] == 0 { touched.append(y) }
                                a[y] += xw * Double(ws[i])
                            }
                        }
                    }
                    p -= 1
                }
            }
            // Unprobed part of x: norm at most sqrt(cumulative[p]).
            let restNorm = p >= 0 ? cumulative[p].squareRoot() : 0
            if !touched.isEmpty {
                touched.sort()
                for y in touched {
                    let partial = acc[y]
                    acc[y] = 0
                    // dot(x,y) − partial ≤ ‖x_rest‖·‖y‖ + ‖x‖·‖y_prefix‖ (Cauchy–Schwarz on the unseen parts).
                    if partial + restNorm + prefixNorm[y] + slack < t { continue }
                    if let accept, !accept(y, x) { continue }
                    let s = v.dot(y, x)
                    if s >= t { out.append(DuplicatePair(a: y, b: x, score: s)) }
                }
            }
            // Index x's suffix: everything after the longest prefix whose norm stays below the bound.
            var split = 0
            while split < row.count && cumulative[split] < boundSq { split += 1 }
            prefixNorm[x] = split > 0 ? cumulative[split - 1].squareRoot() : 0
            for e in row[split...] {
                indexTerms[Int(e.rank)].append(UInt32(x))
                indexWeights[Int(e.rank)].append(e.weight)
            }
        }
        out.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        return out
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
