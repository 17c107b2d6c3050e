import Corpus
import PolishText
import XCTest
@testable import Similarity

final class SimilarityIndexTests: XCTestCase {
    /// The reference ranking: every allowed postulate scored one at a time, sorted by score then id.
    private func reference(_ index: SimilarityIndex, _ text: String, k: Int, filter: SimilarityFilter) -> [(String, Double)] {
        var counts: [String: Float] = [:]
        for t in index.analyzer.terms(text) { counts[index.feature(t), default: 0] += 1 }
        let q = index.queryVector(counts)
        let allowed = index.bruteForceScores(q).filter { (slot, _) in
            let d = index.docs[slot]
            if filter.excludeIDs.contains(d.id) || filter.excludeMeetings.contains(d.meeting) { return false }
            if filter.before != nil || filter.after != nil {
                guard let y = d.year else { return false }
                if let b = filter.before, y >= b { return false }
                if let a = filter.after, y <= a { return false }
            }
            return true
        }
        let sorted = allowed.map { (index.docs[$0.0].id, $0.1) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(sorted.prefix(k))
    }

    func testTopKEqualsBruteForceOnRandomCorpora() throws {
        for seed in UInt64(1)...3 {
            let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: 400, seed: seed))
            for (qi, q) in Fixtures.queries(count: 60, seed: seed + 100).enumerated() {
                for k in [1, 5, 10] {
                    let got = index.similar(to: q, top: k).map { ($0.postulate.id, $0.score) }
                    let want = reference(index, q, k: k, filter: SimilarityFilter())
                    XCTAssertEqual(got.map(\.0), want.map(\.0), "seed \(seed) query \(qi) k \(k)")
                    XCTAssertEqual(got.map(\.1), want.map(\.1), "seed \(seed) query \(qi) k \(k)")
                }
            }
            // Both paths ran: queries that stopped reading postings early and queries that read them all.
            XCTAssertGreaterThan(index.earlyTerminations, 10)
            XCTAssertLessThan(index.earlyTerminations, 180)
        }
    }

    func testFiltersMatchBruteForce() throws {
        let docs = Fixtures.corpus(size: 300, seed: 7)
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: docs)
        let filters = [
            SimilarityFilter(before: 2021), SimilarityFilter(after: 2022), SimilarityFilter(before: 2024, after: 2019),
            SimilarityFilter(excludeIDs: ["p1", "p2", "p3"], excludeMeetings: ["m2020-0", "m2021-1"]),
        ]
        var nonEmpty = 0
        for q in Fixtures.queries(count: 30, seed: 8) {
            for f in filters {
                let got = index.similar(to: q, top: 10, filter: f)
                XCTAssertEqual(got.map(\.postulate.id), reference(index, q, k: 10, filter: f).map(\.0))
                for h in got {
                    if let b = f.before { XCTAssertLessThan(h.postulate.year!, b) }
                    if let a = f.after { XCTAssertGreaterThan(h.postulate.year!, a) }
                    XCTAssertFalse(f.excludeMeetings.contains(h.postulate.meeting))
                }
                nonEmpty += got.isEmpty ? 0 : 1
            }
        }
        XCTAssertGreaterThan(nonEmpty, 50)
    }

    func testQueryByIDExcludesItselfAndItsMeeting() throws {
        let docs = Fixtures.corpus(size: 200, seed: 11)
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: docs)
        var checked = 0
        for p in docs.prefix(40) {
            let hits = try index.similar(toID: p.id, top: 10, filter: SimilarityFilter(before: p.year))
            checked += hits.count
            for h in hits {
                XCTAssertNotEqual(h.postulate.id, p.id)
                XCTAssertNotEqual(h.postulate.meeting, p.meeting)
                XCTAssertFalse(h.sharedTerms.isEmpty)
            }
        }
        XCTAssertGreaterThan(checked, 100, "the loop checked real hits (40 queries, up to 10 each)")
        XCTAssertThrowsError(try index.similar(toID: "nope")) { XCTAssertEqual($0 as? SimilarityError, .unknownID("nope")) }
    }

    func testSharedTermsAreInBothTexts() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), settings: .init(justificationWeight: 0), postulates: [
            Postulate(id: "a", year: 2020, text: "kluby seniora w dzielnicach"),
            Postulate(id: "b", year: 2021, text: "boiska dla młodzieży w szkołach"),
        ])
        let hits = index.similar(to: "nowe kluby seniora", top: 5)
        XCTAssertEqual(hits.map(\.postulate.id), ["a"])
        XCTAssertEqual(Set(hits[0].sharedTerms), ["kluby", "seniora"])
        XCTAssertEqual(index.similar(to: "kluby seniora w dzielnicach").first?.score ?? 0, 1, accuracy: 1e-6)
    }

    func testIncrementalAddAndRemoveEqualRebuild() throws {
        let all = Fixtures.corpus(size: 300, seed: 21)
        var rng = SplitMix64(seed: 5)
        let removed = Set((0..<40).map { _ in all[rng.int(all.count)].id })
        // Incremental: build from the first half, query (so weights are computed), add the rest, remove some.
        let incremental = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Array(all.prefix(150)))
        _ = incremental.similar(to: Fixtures.word(1))
        for p in all.dropFirst(150) { try incremental.add(p) }
        for id in removed.sorted() { try incremental.remove(id: id) }
        let rebuilt = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: all.filter { !removed.contains($0.id) })
        XCTAssertEqual(incremental.count, rebuilt.count)
        let reloaded = try SimilarityIndex.load(bytes: incremental.serialized(), analyzer: Fixtures.analyzer())
        for q in Fixtures.queries(count: 50, seed: 22) {
            let want = rebuilt.similar(to: q, top: 10)
            XCTAssertEqual(incremental.similar(to: q, top: 10), want, q)
            XCTAssertEqual(reloaded.similar(to: q, top: 10), want, q)
        }
        for p in all.prefix(30) where !removed.contains(p.id) {
            XCTAssertEqual(try incremental.similar(toID: p.id), try rebuilt.similar(toID: p.id))
        }
        let kept = all.first { !removed.contains($0.id) }!
        XCTAssertThrowsError(try incremental.add(kept)) { XCTAssertEqual($0 as? SimilarityError, .duplicateID(kept.id)) }
    }

    func testUpdatesAfterLoadEqualRebuild() throws {
        let all = Fixtures.corpus(size: 200, seed: 51)
        let loaded = try SimilarityIndex.load(
            bytes: try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Array(all.prefix(150))).serialized(),
            analyzer: Fixtures.analyzer())
        for p in all.dropFirst(150) { try loaded.add(p) }
        try loaded.remove(id: "p3"); try loaded.remove(id: "p160")
        let rebuilt = try SimilarityIndex(analyzer: Fixtures.analyzer(),
                                          postulates: all.filter { $0.id != "p3" && $0.id != "p160" })
        for q in Fixtures.queries(count: 40, seed: 52) {
            XCTAssertEqual(loaded.similar(to: q, top: 10), rebuilt.similar(to: q, top: 10), q)
        }
    }

    func testSavedFileIsDeterministic() throws {
        let docs = Fixtures.corpus(size: 100, seed: 31)
        let a = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: docs).serialized()
        let b = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: docs).serialized()
        XCTAssertEqual(a, b)
    }
}

extension SimilarityIndex {
    static func load(bytes: [UInt8], analyzer: Analyzer, path: String = "test.index") throws -> SimilarityIndex {
        try bytes.withUnsafeBytes { try load(bytes: $0, path: path, analyzer: analyzer) }
    }
}
