import XCTest
@testable import Similarity

/// `PairFactorPass` scores the join's pairs on several threads; the result must be the plain pass's, pair for pair
/// and bit for bit, for any number of threads (the report's bytes do not depend on `--jobs`).
final class PairFactorPassTests: XCTestCase {
    func testAnyNumberOfThreadsGivesThePlainPassesPairs() {
        var rng = SplitMix64(seed: 23)
        let features = PairEvidenceTests.features
        var v = SparseVectors()
        for _ in 0..<320 {
            let terms = Set((0..<(1 + rng.int(7))).map { _ in UInt32(rng.int(features.count)) }).sorted()
            v.append(terms.map { ($0, Float(1)) })
        }
        v.dimension = features.count
        var idf: [Double] = []
        for t in 0..<features.count {
            let x = Double(t)
            idf.append(1 + x * 0.37 + 1 / (x + 3))
        }
        let evidence = PairEvidence(v, idf: idf, documents: 40) { features[Int($0)] }
        let other = OtherObject(vectors: v, term: { features[Int($0)] }, placeWords: ["park", "ulica"])
        // Every pair, with a made-up cosine between 0.45 and 1: several parts of `PairFactorPass.part` pairs.
        var pairs: [DuplicatePair] = []
        for a in 0..<v.count {
            for b in (a + 1)..<v.count { pairs.append(DuplicatePair(a: a, b: b, score: 0.45 + Double(rng.int(550)) / 1000)) }
        }
        XCTAssertGreaterThan(pairs.count, 5 * PairFactorPass.part)
        let threshold = 0.5
        // The loop `RecurringDemands` ran before the pass, written out.
        var plainOther = other
        var expected: [DuplicatePair] = []
        for p in pairs {
            let score = p.score * evidence.factor(p.a, p.b) * plainOther.factor(p.a, p.b)
            if score >= threshold { expected.append(DuplicatePair(a: p.a, b: p.b, score: score)) }
        }
        for threads in [1, 2, 3, 8] {
            let got = PairFactorPass.apply(pairs, threshold: threshold, evidence: evidence, otherObject: other, threads: threads)
            XCTAssertEqual(got.count, expected.count, "threads \(threads)")
            XCTAssertEqual(got.map { [$0.a, $0.b] }, expected.map { [$0.a, $0.b] }, "threads \(threads)")
            XCTAssertEqual(got.map { $0.score.bitPattern }, expected.map { $0.score.bitPattern }, "threads \(threads)")
        }
        // The sample exercises the factors: pairs lowered but kept, and pairs dropped.
        var cosine: [Int: Double] = [:]
        for p in pairs { cosine[p.a * 1000 + p.b] = p.score }
        XCTAssertGreaterThan(pairs.count { $0.score >= threshold } - expected.count, 1000)
        XCTAssertGreaterThan(expected.count { $0.score < cosine[$0.a * 1000 + $0.b]! }, 100)
    }
}
