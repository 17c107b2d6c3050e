import XCTest
@testable import Themes

/// The vectoriser's lookup tables against plain dictionaries: bigram rows of every length (the bisection's edge
/// cases), term interning, and the rank sort of feature ids.
final class LookupTableTests: XCTestCase {
    func testBigramIndexFindsEveryPairAndOnlyThose() {
        var pairs: [(UInt32, UInt32, Int32)] = []
        var expected: [UInt64: Int32] = [:]
        var fid: Int32 = 0
        for a in 0..<UInt32(24) {
            // Row a: a second terms 3, 6, 9, … (so absent ones fall below, between and above them).
            for j in 0..<a {
                let b = 3 * (j + 1)
                pairs.append((a, b, fid)); expected[UInt64(a) << 32 | UInt64(b)] = fid
                fid += 1
            }
        }
        let index = BigramIndex(termCount: 25, pairs: pairs.reversed())
        for a in 0..<UInt32(26) {
            for b in 0..<UInt32(80) {
                XCTAssertEqual(index.value(a, b), expected[UInt64(a) << 32 | UInt64(b)] ?? -1, "pair \(a) \(b)")
            }
        }
    }

    func testTermTableInternsAndFinds() {
        var table = TermTable(capacity: 4)
        let words = (0..<500).map { "słowo\($0)" } + ["e\u{301}", "é", ""]
        var ids: [String: UInt32] = [:]
        for w in words {
            let (id, isNew) = table.intern(w)
            if let old = ids[w] { XCTAssertEqual(id, old); XCTAssertFalse(isNew) } else { ids[w] = id }
        }
        XCTAssertEqual(table.id("e\u{301}"), table.id("é"))  // canonical equivalence, as String ==
        for w in words { XCTAssertEqual(table.id(w), ids[w]) }
        XCTAssertEqual(table.id("nieznane"), UInt32.max)
    }

    func testRankSortMatchesSort() {
        var state: UInt64 = 42
        for n in [0, 1, 2, 5, 17, 32, 33, 70] {
            let xs: [Int32] = (0..<n).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int32(truncatingIfNeeded: state >> 60)  // few values: many repeats
            }
            var src = xs, out = [Int32](repeating: 0, count: n)
            src.withUnsafeMutableBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    if n > 0 { sortIDs(s.baseAddress!, n, into: o.baseAddress!) }
                }
            }
            XCTAssertEqual(out, xs.sorted(), "n = \(n)")
        }
    }
}
