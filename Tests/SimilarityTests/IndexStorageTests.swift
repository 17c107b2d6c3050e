import Corpus
import PolishText
import XCTest
@testable import Similarity

/// `SimilarityIndex.Storage`: the one way into an index. Its initialiser refuses what the index relies on never
/// happening; an index rebuilt from its own storage is the same index.
final class IndexStorageTests: XCTestCase {
    func index(size: Int = 60, seed: UInt64 = 71) throws -> SimilarityIndex {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: size, seed: seed))
    }

    func testIndexFromItsStorageIsTheSameIndex() throws {
        let all = Fixtures.corpus(size: 120, seed: 72)
        let original = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Array(all.prefix(90)))
        for p in all.dropFirst(90) { try original.add(p) }
        try original.remove(id: "p5"); try original.remove(id: "p100")
        let storage = original.storage
        XCTAssertEqual(storage.postulates.map(\.id), original.postulates.map(\.id))
        let rebuilt = SimilarityIndex(analyzer: Fixtures.analyzer(), storage: storage)
        XCTAssertEqual(rebuilt.storage, storage)
        XCTAssertEqual(rebuilt.serialized(), original.serialized())
        for q in Fixtures.queries(count: 30, seed: 73) {
            XCTAssertEqual(rebuilt.similar(to: q, top: 10), original.similar(to: q, top: 10), q)
        }
        // Through the file: the same storage comes back.
        let loaded = try SimilarityIndex.load(bytes: original.serialized(), analyzer: Fixtures.analyzer())
        XCTAssertEqual(loaded.storage, storage)
    }

    /// Each invariant, broken alone, is refused with the reason the file loader reports.
    func testInitialiserRefusesBrokenData() throws {
        let s = try index().storage
        func make(terms: [String]? = nil, postulates: [IndexedPostulate]? = nil, start: [Int]? = nil,
                  ids: [UInt32]? = nil, counts: [Float]? = nil) throws {
            _ = try SimilarityIndex.Storage(analyzer: s.analyzer, settings: s.settings, terms: terms ?? s.terms,
                                            postulates: postulates ?? s.postulates, vectorStart: start ?? s.vectorStart,
                                            vectorTerms: ids ?? s.vectorTerms, vectorCounts: counts ?? s.vectorCounts)
        }
        XCTAssertNoThrow(try make())
        func refused(_ reason: String, line: UInt = #line, _ body: () throws -> Void) {
            XCTAssertThrowsError(try body(), line: line) {
                XCTAssertEqual(($0 as? SimilarityIndex.Storage.Invalid)?.reason, reason, line: line)
            }
        }
        var start = s.vectorStart
        start[3] = start[2] - 1
        refused("bad vector offsets") { try make(start: start) }
        refused("bad vector offsets") { try make(start: Array(s.vectorStart.dropLast())) }
        refused("bad vector offsets") { try make(counts: Array(s.vectorCounts.dropLast())) }
        var ids = s.vectorTerms
        ids[0] = UInt32(s.terms.count)
        refused("term id out of range") { try make(ids: ids) }
        let finite = tr("liczba wystąpień terminu nie jest skończoną liczbą nieujemną", "a term count is not a finite non-negative number")
        for bad: Float in [.infinity, .nan, -1] {
            var counts = s.vectorCounts
            counts[counts.count / 2] = bad
            refused(finite) { try make(counts: counts) }
        }
        let first = try XCTUnwrap((0..<s.postulates.count).first { s.vectorStart[$0 + 1] - s.vectorStart[$0] >= 2 })
        ids = s.vectorTerms
        ids.swapAt(s.vectorStart[first], s.vectorStart[first] + 1)
        refused("terms of postulate \(first + 1) not in ascending order") { try make(ids: ids) }
        var postulates = s.postulates
        postulates[7].id = postulates[2].id
        refused("duplicate id \"\(postulates[2].id)\"") { try make(postulates: postulates) }
    }
}
