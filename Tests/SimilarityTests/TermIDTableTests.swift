import XCTest
@testable import Similarity

/// `TermIDTable` against a `[String: UInt32]` on many keys (growth from a small table, removal, empty and long keys,
/// Polish letters), and what its invariant check catches.
final class TermIDTableTests: XCTestCase {
    func testAnswersAsADictionary() throws {
        var rng = SplitMix64(seed: 17)
        let letters = Array("aąbcćdeęfghijklłmnńoóprsśtuwyzźż:0123456789 ").map(String.init)
        var keys: [String] = ["", "a", "ą", String(repeating: "x", count: 300), "nr:12", "Obluz"]
        for _ in 0..<20_000 { keys.append((0..<(1 + rng.int(12))).map { _ in letters[rng.int(letters.count)] }.joined()) }
        var table = TermIDTable(capacity: 2)
        var dict: [String: UInt32] = [:]
        var inserted = 0
        for k in keys {
            var b = k
            b.withUTF8 { bytes in
                let h = TermIDTable.hash(bytes)
                XCTAssertEqual(table.id(bytes, hash: h), dict[k], k)
                if dict[k] == nil {
                    dict[k] = UInt32(dict.count)
                    table.insert(bytes, hash: h, id: dict[k]!)
                    inserted += 1
                }
            }
        }
        XCTAssertGreaterThan(inserted, 15_000)
        XCTAssertEqual(table.count, dict.count)
        try table.checkInvariants()
        for (k, v) in dict {
            var b = k
            XCTAssertEqual(b.withUTF8 { table.id($0, hash: TermIDTable.hash($0)) }, v, k)
        }
        table.removeAll()
        XCTAssertEqual(table.count, 0)
        try table.checkInvariants()
        var probe = "nr:12"
        XCTAssertNil(probe.withUTF8 { table.id($0, hash: TermIDTable.hash($0)) })
    }

    func testInvariantCheckCatchesADuplicate() throws {
        var table = TermIDTable()
        var k = "park"
        k.withUTF8 { table.insert($0, hash: TermIDTable.hash($0), id: 1) }
        try table.checkInvariants()
        k.withUTF8 { table.insert($0, hash: TermIDTable.hash($0), id: 2) }  // breaks the contract on purpose
        XCTAssertThrowsError(try table.checkInvariants())
    }
}
