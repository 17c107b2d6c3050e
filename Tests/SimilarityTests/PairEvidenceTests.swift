import PolishText
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
        let v = Self.randomRows(&rng, count: 120)
        let idf = Self.idf(slope: 0.37, offset: 3)
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

    /// With `PlaceEvidence` on (place blocking): identifiers as `NameMismatch` compares them, names by
    /// `PlaceEvidence.namesFactor`, the place on one side only by `placeFactor`, then `SharedEvidence`, from sets.
    func testFactorWithPlaceEvidenceEqualsTheRuleAsStated() {
        var rng = SplitMix64(seed: 29)
        let v = Self.randomRows(&rng, count: 140)
        let idf = Self.idf(slope: 0.41, offset: 2)
        var byField: [Bool] = []
        for _ in 0..<v.count { byField.append(rng.int(3) == 0) }
        let documents = 40
        let evidence = PairEvidence(v, idf: idf, documents: documents, placedByField: byField) { Self.features[Int($0)] }
        func names(_ r: Int) -> Set<String> {
            Set(v.row(r).map { Self.features[Int(v.terms[$0])] }.filter { TermKind.of($0) == .name })
        }
        func placed(_ r: Int) -> Bool {
            var m = Self.marks(v, r)
            m.identifiers.removeAll { TermKind.identifierParts($0) == nil }
            return !m.isEmpty || byField[r]
        }
        var byNames = 0, beyondDisjoint = 0, oneSided = 0
        for a in 0..<v.count {
            for b in (a + 1)..<v.count {
                var ma = Self.marks(v, a), mb = Self.marks(v, b)
                ma.names = []; mb.names = []
                let namesFactor = PlaceEvidence.namesFactor(names(a), names(b)) { (f: String) -> Double in
                    idf[Self.features.firstIndex(of: f) ?? 0]
                }
                let rb = Set(v.row(b).map { v.terms[$0] })
                var shared = 0.0
                for t in v.row(a).map({ v.terms[$0] }).sorted() where rb.contains(t) { shared += idf[Int(t)] }
                let identifiers: Double = NameMismatch.compare(ma, mb).factor
                let place: Double = PlaceEvidence.placeFactor(placed(a), placed(b))
                let little: Double = SharedEvidence.factor(sharedIDF: shared, documents: documents)
                let expected: Double = identifiers * namesFactor * place * little
                XCTAssertEqual(evidence.factor(a, b), expected, accuracy: 1e-15, "rows \(a), \(b)")
                if namesFactor < 1 {
                    byNames += 1
                    if !names(a).isDisjoint(with: names(b)) { beyondDisjoint += 1 }
                }
                if placed(a) != placed(b) { oneSided += 1 }
            }
        }
        // The sample exercises every part: names that mostly differ (not only disjoint ones) and one-sided places.
        XCTAssertGreaterThan(byNames, 500)
        XCTAssertGreaterThan(beyondDisjoint, 50)
        XCTAssertGreaterThan(oneSided, 1000)
    }

    /// Rows of 0–7 distinct terms, ascending ids; weights do not matter here.
    static func randomRows(_ rng: inout SplitMix64, count: Int) -> SparseVectors {
        var v = SparseVectors()
        for _ in 0..<count {
            let terms = Set((0..<rng.int(8)).map { _ in UInt32(rng.int(features.count)) }).sorted()
            v.append(terms.map { ($0, Float(1)) })
        }
        v.dimension = features.count
        return v
    }

    /// Distinct idf per term, growing with the term id.
    static func idf(slope: Double, offset: Double) -> [Double] {
        var idf: [Double] = []
        for t in 0..<features.count {
            let x = Double(t)
            idf.append(1 + x * slope + 1 / (x + offset))
        }
        return idf
    }

    static func marks(_ v: SparseVectors, _ r: Int) -> NameMismatch.Marks {
        var m = NameMismatch.Marks()
        for k in v.row(r) { m.add(features[Int(v.terms[k])]) }
        return m
    }
}
