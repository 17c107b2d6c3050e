import XCTest
@testable import Similarity

/// `PairEvidence` gives the factor `RecurringDemands` applies to each joined pair from numbers prepared per row; it
/// must be the very number the sets of feature strings gave (`NameMismatch.compare` of the rows' marks times
/// `SharedEvidence.factor` of the shared idf summed over the sorted shared term ids), bit for bit.
final class PairEvidenceTests: XCTestCase {
    /// Names, identifiers that share values across prefixes ("nr:9", "sp:9"), years (never a mismatch), words.
    static let features = ["Kraków", "Nowa Huta", "Obłuże", "Dąbrowa", "Michałowskiego", "nr:9", "sp:9", "nr:33",
                           "sp:114", "nr:114", "dz:12a", "rok:2019", "rok:2020", "remont", "chodnik", "plac",
                           "zabawa", "szkoła", "ławka", "drzewo", "park", "boisko", "senior", "klub", "ulica"]

    /// The computation `RecurringDemands` made per pair before `PairEvidence`.
    static func reference(_ v: SparseVectors, _ idf: [Double], documents: Int, _ a: Int, _ b: Int) -> Double {
        func marks(_ r: Int) -> NameMismatch.Marks {
            var m = NameMismatch.Marks()
            for k in v.row(r) { m.add(features[Int(v.terms[k])]) }
            return m
        }
        let rb = Set(v.row(b).map { v.terms[$0] })
        var shared = 0.0
        for t in v.row(a).map({ v.terms[$0] }).sorted() where rb.contains(t) { shared += idf[Int(t)] }
        return NameMismatch.compare(marks(a), marks(b)).factor * SharedEvidence.factor(sharedIDF: shared, documents: documents)
    }

    func testFactorEqualsTheSetsOfStringsForEveryPair() {
        var rng = SplitMix64(seed: 17)
        var v = SparseVectors()
        for _ in 0..<120 {
            // 0–7 distinct terms, ascending ids; weights do not matter here.
            let terms = Set((0..<rng.int(8)).map { _ in UInt32(rng.int(Self.features.count)) }).sorted()
            v.append(terms.map { ($0, Float(1)) })
        }
        v.dimension = Self.features.count
        var idf: [Double] = []
        for t in 0..<Self.features.count {
            let x = Double(t)
            idf.append(1 + x * 0.37 + 1 / (x + 3))
        }
        let documents = 40
        let evidence = PairEvidence(v, idf: idf, documents: documents) { Self.features[Int($0)] }
        var lowered = 0, byNames = 0
        for a in 0..<v.count {
            for b in (a + 1)..<v.count {
                let expected = Self.reference(v, idf, documents: documents, a, b)
                XCTAssertEqual(evidence.factor(a, b), expected, "rows \(a), \(b)")
                if expected < 1 { lowered += 1 }
                if NameMismatch.compare(Self.marks(v, a), Self.marks(v, b)).factor < 1 { byNames += 1 }
            }
        }
        // The sample exercises both factors, not only the plain cosine.
        XCTAssertGreaterThan(lowered, 1000)
        XCTAssertGreaterThan(byNames, 500)
    }

    static func marks(_ v: SparseVectors, _ r: Int) -> NameMismatch.Marks {
        var m = NameMismatch.Marks()
        for k in v.row(r) { m.add(features[Int(v.terms[k])]) }
        return m
    }
}
