/// The near-duplicate join's inner loop, laid out for the cache: the indexed postings grouped by block of rows, then
/// by term rank, so that a block's partial scores (4 bytes a row) stay in the L1 cache and its postings in the L2
/// cache while every later row is probed against it.
///
/// Why: on the synthetic 100k report corpus (2,544 terms, 19.5 a row) the postings are long and the join reads
/// 667 M of them; probed row by row against all earlier rows, each posting met a partial score and a bitmap at
/// random in 800 KB and a branch on the candidate's state, ≈ 14 ns a posting. Here a posting is one multiply-add
/// into a small array and a branch-free note of the rows first touched; the bounds are applied once per touched
/// row afterwards.
///
/// Exactness: the partial score of a touched row y is the sum of x's and y's products over y's indexed terms (all of
/// x's terms are read), in Float. What it leaves out is on y's prefix, at most ‖x_{<split(y)}‖·‖y_prefix‖; the
/// caller's bound has a margin far above the Float rounding of twenty-odd products. Weights are read raised to at
/// least `leastWeight`, so every product is a positive normal Float and "touched" is exactly "the partial score was
/// zero before"; raising weights only raises the partial scores, so the filter stays an upper bound.
struct JoinBlocks: Sendable {
    /// Rows per block (at most 65,536: rows in a block are numbered in 16 bits).
    let rowsPerBlock: Int
    let rows: Int
    let ranks: Int
    var blockCount: Int { (rows + rowsPerBlock - 1) / rowsPerBlock }
    /// The postings of block b at rank r: `start[b * (ranks + 1) + r] ..< start[b * (ranks + 1) + r + 1]`,
    /// rows ascending, each row as its place in the block.
    var start: [Int32]
    var local: [UInt16]
    var weight: [Float]

    /// Every weight used in a partial score is at least this: 2⁻⁶⁰, so products are ≥ 2⁻¹²⁰, above Float's least
    /// normal number (2⁻¹²⁶).
    static let leastWeight: Float = 0x1p-60

    /// The default: 4,096 rows a block (16 KB of partial scores), fewer blocks when the vocabulary is so large that
    /// the table of posting starts (blocks × ranks) would outgrow the postings themselves.
    static func rowsPerBlock(rows: Int, ranks: Int, postings: Int) -> Int {
        var size = 4096
        while size < 65536 && size < rows && ((rows + size - 1) / size) * (ranks + 1) > max(2 * postings, 1 << 20) {
            size *= 2
        }
        return size
    }

    /// - Parameter indexed: every indexed term as (row, rank, weight), rows ascending.
    init(rows: Int, ranks: Int, indexed: [(row: UInt32, rank: UInt32, weight: Float)], rowsPerBlock: Int) {
        precondition(rowsPerBlock > 0 && rowsPerBlock <= 65536, "JoinBlocks: \(rowsPerBlock) rows a block")
        self.rows = rows; self.ranks = ranks; self.rowsPerBlock = rowsPerBlock
        let blocks = (rows + rowsPerBlock - 1) / rowsPerBlock
        let width = ranks + 1
        // A counting sort by (block, rank); rows stay ascending within each.
        var start = [Int32](repeating: 0, count: blocks * width + 1)
        for e in indexed { start[Int(e.row) / rowsPerBlock * width + Int(e.rank) + 1] += 1 }
        for i in 0..<(start.count - 1) { start[i + 1] += start[i] }
        var cursor = start
        var local = [UInt16](repeating: 0, count: indexed.count)
        var weight = [Float](repeating: 0, count: indexed.count)
        for e in indexed {
            let slot = Int(e.row) / rowsPerBlock * width + Int(e.rank)
            let p = Int(cursor[slot])
            local[p] = UInt16(Int(e.row) % rowsPerBlock)
            weight[p] = max(e.weight, Self.leastWeight)
            cursor[slot] += 1
        }
        self.start = start; self.local = local; self.weight = weight
    }

    /// Per worker: a block's partial scores and the rows touched, reused from row to row.
    struct Scratch {
        var score: [Float]
        var touched: [UInt16]
        init(rowsPerBlock: Int) {
            score = [Float](repeating: 0, count: rowsPerBlock)
            touched = [UInt16](repeating: 0, count: rowsPerBlock + 1)
        }
    }

    /// Scores row x (its terms as `ranks`/`weights`, read from the last; terms before `admitting` only add to rows
    /// already touched) against the rows of block `b` before x, then calls
    /// `visit(y, partial)` for every touched row y (ascending within each term's postings, touched order overall)
    /// and clears the scores. Returns the number of rows touched.
    @inline(__always)
    func probe(block b: Int, row x: Int, ranks xr: UnsafeBufferPointer<UInt32>, weights xw: UnsafeBufferPointer<Float>,
               admitting: Int = 0, scratch: inout Scratch, visit: (Int, Float) -> Void) -> Int {
        let first = b * rowsPerBlock
        let base = b * (ranks + 1)
        let limit = x - first   // rows of the block at or after x are not probed
        var count = 0
        start.withUnsafeBufferPointer { start in
        local.withUnsafeBufferPointer { local in
        weight.withUnsafeBufferPointer { weight in
        scratch.score.withUnsafeMutableBufferPointer { score in
        scratch.touched.withUnsafeMutableBufferPointer { touched in
            for k in stride(from: xr.count - 1, through: 0, by: -1) {
                let w = max(xw[k], Self.leastWeight)
                if k < admitting {
                    // x's terms before `admitting` only complete rows already touched
                    let slot = base + Int(xr[k])
                    let lo = Int(start[slot]), hi = Int(start[slot + 1])
                    for p in lo..<hi {
                        let l = Int(local[p])
                        if l >= limit { break }
                        let old = score[l]
                        score[l] = old + (old != 0 ? w * weight[p] : 0)
                    }
                    continue
                }
                let slot = base + Int(xr[k])
                let lo = Int(start[slot]), hi = Int(start[slot + 1])
                if limit >= rowsPerBlock {
                    for p in lo..<hi {
                        let l = Int(local[p])
                        let old = score[l]
                        score[l] = old + w * weight[p]
                        touched[count] = UInt16(truncatingIfNeeded: l)
                        count &+= old == 0 ? 1 : 0
                    }
                } else {
                    for p in lo..<hi {
                        let l = Int(local[p])
                        if l >= limit { break }
                        let old = score[l]
                        score[l] = old + w * weight[p]
                        touched[count] = UInt16(truncatingIfNeeded: l)
                        count &+= old == 0 ? 1 : 0
                    }
                }
            }
            for i in 0..<count {
                let l = Int(touched[i])
                let s = score[l]
                score[l] = 0
                visit(first + l, s)
            }
        }}}}}
        return count
    }
}

/// A broken invariant of `JoinBlocks`, found by `checkInvariants()` (the tests).
struct JoinBlocksInvariantViolation: Error, CustomStringConvertible {
    var description: String
}

extension JoinBlocks {
    /// Checks: the posting starts ascend from 0 to the number of postings; within a block and rank the rows ascend
    /// strictly and lie inside the block (and inside the rows); every weight is at least `leastWeight`.
    func checkInvariants() throws {
        func expect(_ c: Bool, _ m: @autoclosure () -> String) throws {
            if !c { throw JoinBlocksInvariantViolation(description: "JoinBlocks: " + m()) }
        }
        try expect(rowsPerBlock > 0 && rowsPerBlock <= 65536, "\(rowsPerBlock) rows a block")
        try expect(start.count == blockCount * (ranks + 1) + 1, "\(start.count) starts for \(blockCount) blocks of \(ranks) ranks")
        try expect(start.first == 0 && Int(start.last ?? -1) == local.count && local.count == weight.count,
                   "starts end at \(start.last ?? -1), \(local.count) rows, \(weight.count) weights")
        for b in 0..<blockCount {
            for r in 0..<ranks {
                let slot = b * (ranks + 1) + r
                let lo = Int(start[slot]), hi = Int(start[slot + 1])
                try expect(lo <= hi, "block \(b) rank \(r): starts descend")
                for p in lo..<hi {
                    try expect(Int(local[p]) < rowsPerBlock && b * rowsPerBlock + Int(local[p]) < rows,
                               "block \(b) rank \(r): row \(local[p]) past the block or the last row")
                    if p > lo { try expect(local[p - 1] < local[p], "block \(b) rank \(r): rows not ascending") }
                    try expect(weight[p] >= Self.leastWeight, "block \(b) rank \(r): weight \(weight[p])")
                }
            }
            // The start of the next block's first rank is this block's last end.
            try expect(Int(start[b * (ranks + 1) + ranks]) == Int(start[(b + 1) * (ranks + 1)]) || b == blockCount - 1,
                       "block \(b): a gap before the next block")
        }
    }
}
