/// Unit-length sparse vectors in compressed rows (CSR): the input of the near-duplicate join.
/// Within a row, term ids ascend; `dot` sums in that order, and the join's verification and the brute-force
/// reference both use it, so "exact" means bit-identical scores, not "close".
public struct SparseVectors: Sendable {
    /// Row i is `terms[start[i]..<start[i+1]]`, with `weights` alongside.
    public var start: [Int] = [0]
    public var terms: [UInt32] = []
    public var weights: [Float] = []
    /// Number of distinct term ids (an upper bound of every id + 1).
    public var dimension: Int = 0

    public init() {}
    public var count: Int { start.count - 1 }

    /// Appends a row; `row` must be sorted by term id.
    public mutating func append(_ row: [(UInt32, Float)]) {
        for (t, w) in row {
            terms.append(t); weights.append(w)
            if Int(t) >= dimension { dimension = Int(t) + 1 }
        }
        start.append(terms.count)
    }

    public func row(_ i: Int) -> Range<Int> { start[i]..<start[i + 1] }

    /// The cosine of two rows: the sum over shared terms, in ascending term id, of the Float products in Double.
    public func dot(_ i: Int, _ j: Int) -> Double {
        var a = start[i], b = start[j]
        let ae = start[i + 1], be = start[j + 1]
        var s = 0.0
        while a < ae && b < be {
            let ta = terms[a], tb = terms[b]
            if ta == tb { s += Double(weights[a]) * Double(weights[b]); a += 1; b += 1 }
            else if ta < tb { a += 1 } else { b += 1 }
        }
        return s
    }
}
