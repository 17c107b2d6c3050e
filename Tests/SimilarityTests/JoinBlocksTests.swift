import XCTest
@testable import Similarity

/// `JoinBlocks` against a direct sum: every row of a block before x that shares an indexed rank with x's admitting
/// terms is visited once, with the Float sum of all the products in x's term order from the last; no other row is
/// visited. And what its invariant
/// check catches.
final class JoinBlocksTests: XCTestCase {
    /// Random rows over `ranks` ranks: (row, rank, weight) with rows ascending, each rank at most once a row.
    private func entries(rows: Int, ranks: Int, seed: UInt64) -> [[(rank: UInt32, weight: Float)]] {
        var rng = SplitMix64(seed: seed)
        return (0..<rows).map { _ in
            var taken = Set<UInt32>()
            var row: [(rank: UInt32, weight: Float)] = []
            for _ in 0..<rng.int(9) {
                // frequent low ranks, a few rare ones; now and then a zero or tiny weight
                let r = UInt32(min(rng.int(ranks), rng.int(ranks)))
                let w: Float = rng.int(40) == 0 ? (rng.int(2) == 0 ? 0 : 1e-30) : Float(1 + rng.int(1000)) / 1000
                if taken.insert(r).inserted { row.append((r, w)) }
            }
            return row.sorted { $0.rank < $1.rank }
        }
    }

    func testVisitsEverySharingRowOnceWithItsPartialScore() throws {
        let ranks = 30, rows = 300
        let rowsOf = entries(rows: rows, ranks: ranks, seed: 3)
        var indexed: [(row: UInt32, rank: UInt32, weight: Float)] = []
        for (y, row) in rowsOf.enumerated() { for e in row { indexed.append((UInt32(y), e.rank, e.weight)) } }
        for size in [1, 7, 64, 4096] {
            let blocks = JoinBlocks(rows: rows, ranks: ranks, indexed: indexed, rowsPerBlock: size)
            try blocks.checkInvariants()
            var scratch = JoinBlocks.Scratch(rowsPerBlock: size)
            var visits = 0
            for x in stride(from: 0, to: rows, by: 7) {
                let xr = rowsOf[x].map(\.rank), xw = rowsOf[x].map(\.weight)
                let admitting = x % 3   // x's first terms (0 to 2 of them) only complete rows already met
                for b in 0..<blocks.blockCount where b * size < x {
                    // the reference: per row of the block before x sharing a rank at or after `admitting`, the
                    // products summed in x's term order from the last
                    var want: [Int: Float] = [:]
                    for y in (b * size)..<min(x, (b + 1) * size) {
                        let met = xr.indices.contains { k in k >= admitting && rowsOf[y].contains { $0.rank == xr[k] } }
                        guard met else { continue }
                        for k in xr.indices.reversed() {
                            if let e = rowsOf[y].first(where: { $0.rank == xr[k] }) {
                                want[y, default: 0] += max(xw[k], JoinBlocks.leastWeight) * max(e.weight, JoinBlocks.leastWeight)
                            }
                        }
                    }
                    var got: [Int: Float] = [:]
                    let touched = xr.withUnsafeBufferPointer { r in
                        xw.withUnsafeBufferPointer { w in
                            blocks.probe(block: b, row: x, ranks: r, weights: w, admitting: admitting, scratch: &scratch) { y, s in
                                XCTAssertNil(got[y], "row \(y) visited twice for x \(x), blocks of \(size)")
                                got[y] = s
                            }
                        }
                    }
                    XCTAssertEqual(touched, want.count)
                    XCTAssertEqual(got, want, "x \(x), block \(b) of \(size)")
                    visits += got.count
                }
                XCTAssertTrue(scratch.score.allSatisfy { $0 == 0 }, "scores left behind")
            }
            XCTAssertGreaterThan(visits, 1000)
        }
    }

    func testInvariantCheckCatchesBrokenLayouts() throws {
        let rowsOf = entries(rows: 200, ranks: 12, seed: 8)
        var indexed: [(row: UInt32, rank: UInt32, weight: Float)] = []
        for (y, row) in rowsOf.enumerated() { for e in row { indexed.append((UInt32(y), e.rank, e.weight)) } }
        let good = JoinBlocks(rows: 200, ranks: 12, indexed: indexed, rowsPerBlock: 50)
        try good.checkInvariants()
        // the rows of the longest list out of order
        var swapped = good
        let (lo, _) = (0..<(good.start.count - 1)).map { (Int(good.start[$0]), Int(good.start[$0 + 1]) - Int(good.start[$0])) }
            .max { $0.1 < $1.1 }!
        swapped.local.swapAt(lo, lo + 1)
        XCTAssertThrowsError(try swapped.checkInvariants())
        // a weight below the least
        var light = good
        light.weight[3] = 0
        XCTAssertThrowsError(try light.checkInvariants())
        // a row past the last row (the last block is short)
        var past = good
        past.local[past.local.count - 1] = 60
        XCTAssertThrowsError(try past.checkInvariants())
        // starts that do not end at the postings' count
        var short = good
        short.start[short.start.count - 1] -= 1
        XCTAssertThrowsError(try short.checkInvariants())
    }
}
