import Corpus
import XCTest
@testable import Similarity

final class NearDuplicateJoinTests: XCTestCase {
    private func vectors(_ size: Int, seed: UInt64) throws -> SparseVectors {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: size, vocabulary: 60, seed: seed))
            .documentVectors().vectors
    }

    func testJoinEqualsBruteForceAtEveryThreshold() throws {
        for seed in UInt64(1)...3 {
            let v = try vectors(500, seed: seed)
            for t in [0.3, 0.5, 0.8, 0.9, 0.99] {
                let got = NearDuplicateJoin.pairs(v, threshold: t)
                let want = NearDuplicateJoin.bruteForce(v, threshold: t)
                XCTAssertEqual(got, want, "seed \(seed) threshold \(t)")
                if t == 0.8 { XCTAssertGreaterThan(want.count, 20, "the corpus must hold near-duplicates") }
            }
        }
    }

    func testAcceptPredicateRestrictsPairs() throws {
        let v = try vectors(300, seed: 9)
        let even: (Int, Int) -> Bool = { ($0 + $1) % 2 == 0 }
        XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: 0.6, accept: even),
                       NearDuplicateJoin.bruteForce(v, threshold: 0.6, accept: even))
    }

    func testClustersDoNotChain() {
        // a ≈ b and b ≈ c, but a and c share little: connected components would merge all three.
        var v = SparseVectors()
        func unit(_ pairs: [(UInt32, Float)]) -> [(UInt32, Float)] {
            let n = pairs.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
            return pairs.map { ($0.0, $0.1 / n) }
        }
        v.append(unit([(0, 1), (1, 1), (2, 1)]))            // a
        v.append(unit([(1, 1), (2, 1), (3, 1)]))            // b
        v.append(unit([(2, 1), (3, 1), (4, 1)]))            // c
        v.append(unit([(0, 1), (1, 1), (2, 1), (5, 0.2)]))  // a'
        let t = 0.6
        let pairs = NearDuplicateJoin.pairs(v, threshold: t)
        XCTAssertTrue(pairs.contains { $0.a == 0 && $0.b == 1 } && pairs.contains { $0.a == 1 && $0.b == 2 })
        XCTAssertFalse(pairs.contains { $0.a == 0 && $0.b == 2 })
        let clusters = DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: t)
        XCTAssertFalse(clusters.contains { $0.contains(0) && $0.contains(2) }, "\(clusters)")
        XCTAssertTrue(clusters.contains { $0.contains(0) && $0.contains(3) })
    }

    func testClusterOfTrueDuplicatesStaysWhole() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: [
            Postulate(id: "a", year: 2019, text: "remont chodnika na ulicy długiej przy szkole"),
            Postulate(id: "b", year: 2020, text: "remont chodnika na ulicy długiej przy szkole podstawowej"),
            Postulate(id: "c", year: 2021, text: "remont chodnika ulicy długiej przy szkole"),
            Postulate(id: "d", year: 2021, text: "nowe ławki w parku jordana"),
            Postulate(id: "e", year: 2022, text: "ławki w parku jordana i kosze"),
        ])
        let v = index.documentVectors().vectors
        let pairs = NearDuplicateJoin.pairs(v, threshold: 0.6)
        XCTAssertEqual(DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: 0.6), [[0, 1, 2], [3, 4]])
    }
}
