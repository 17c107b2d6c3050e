import XCTest
@testable import Similarity

/// `PairMemo` against a `[UInt64: Bool]` on many keys (growth from a small table, keys at both ends of the range),
/// and what its invariant check catches.
final class PairMemoTests: XCTestCase {
    func testAnswersAsADictionary() throws {
        var rng = SplitMix64(seed: 23)
        var memo = PairMemo(capacity: 2)
        var dict: [UInt64: Bool] = [:]
        var keys: [UInt64] = [0, 1, (1 << 63) - 2, UInt64(UInt32.max) << 31]
        for _ in 0..<30_000 { keys.append(UInt64(rng.int(3000)) << 32 | UInt64(rng.int(3000))) }
        for k in keys {
            XCTAssertEqual(memo.answer(k), dict[k], "\(k)")
            if dict[k] == nil {
                let a = rng.int(2) == 0
                dict[k] = a
                memo.set(k, a)
            }
        }
        XCTAssertGreaterThan(dict.count, 25_000)
        XCTAssertEqual(memo.count, dict.count)
        try memo.checkInvariants()
        for (k, a) in dict { XCTAssertEqual(memo.answer(k), a, "\(k)") }
        XCTAssertNil(memo.answer(3001 << 32))
    }

    func testInvariantCheckCatchesADuplicate() throws {
        var memo = PairMemo()
        memo.set(42, true)
        try memo.checkInvariants()
        memo.set(42, false)  // breaks the contract on purpose
        XCTAssertThrowsError(try memo.checkInvariants())
    }
}
