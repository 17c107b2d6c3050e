import Corpus
import Foundation
import XCTest
@testable import Similarity

/// Pairs that share only common terms are lowered (`SharedEvidence`, issue 15): "Remont chodników" filed twice is
/// not shown to be one demand, the same repair of a named street is.
final class SharedEvidenceTests: XCTestCase {
    func testFactorIsTheSquaredShareOfOneUnseenTermsIDF() {
        let n = 22_118
        let enough = SharedEvidence.enough(documents: n)
        XCTAssertEqual(enough, log(Double(n + 1)) + 1, accuracy: 1e-12)
        XCTAssertEqual(SharedEvidence.factor(sharedIDF: enough, documents: n), 1)
        XCTAssertEqual(SharedEvidence.factor(sharedIDF: 2 * enough, documents: n), 1)
        XCTAssertEqual(SharedEvidence.factor(sharedIDF: enough / 2, documents: n), 0.25, accuracy: 1e-12)
        XCTAssertEqual(SharedEvidence.factor(sharedIDF: 0, documents: n), 0)
    }

    /// Sixty records of one city: "remont" and "chodnik" in most of them, so two bare "Remont chodników" share only
    /// common terms; two repairs of the same named street share a rare one.
    var corpus: [Postulate] {
        var out: [Postulate] = []
        let streets = ["lipowa", "klonowa", "dębowa", "brzozowa", "sosnowa", "jodłowa", "bukowa", "wierzbowa",
                       "topolowa", "grabowa"]
        for i in 0..<56 {
            let text = i % 2 == 0 ? "remont chodnik \(streets[i % 10]) wymiana nawierzchnia"
                                  : "remont chodnik ulica \(streets[i % 10])"
            out.append(Postulate(id: "f\(i)", year: 2018 + i % 3, meeting: "m\(i)", text: text))
        }
        out.append(Postulate(id: "g-2019", year: 2019, meeting: "g1", text: "remont chodnik"))
        out.append(Postulate(id: "g-2020", year: 2020, meeting: "g2", text: "remont chodnik"))
        out.append(Postulate(id: "m-2019", year: 2019, meeting: "g3", text: "remont chodnik michałowskiego"))
        out.append(Postulate(id: "m-2020", year: 2020, meeting: "g4", text: "remont chodnik michałowskiego"))
        return out
    }

    func testDedupeKeepsTheNamedRepairAndDropsTheGenericOne() throws {
        let r = try RecurringDemands.find(in: corpus, analyzer: Fixtures.analyzer(), acrossYears: true)
        let ids = Set(r.pairs.map { r.postulates[$0.a].id + "~" + r.postulates[$0.b].id })
        XCTAssertTrue(ids.contains("m-2019~m-2020"), "\(ids.sorted())")
        XCTAssertFalse(ids.contains("g-2019~g-2020"), "\(ids.sorted())")
        // The generic pair's cosine is 1 (`similar` shows it): only the shared evidence keeps it out of dedupe.
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus)
        let g = try XCTUnwrap(index.similar(toID: "g-2020", top: 1, filter: SimilarityFilter(before: 2020)).first)
        XCTAssertEqual(g.postulate.id, "g-2019")
        XCTAssertEqual(g.score, 1, accuracy: 1e-6)
        let low = try RecurringDemands.find(in: corpus, analyzer: Fixtures.analyzer(), threshold: 0.1, acrossYears: true)
        let score = try XCTUnwrap(low.pairs.first { low.postulates[$0.a].id == "g-2019" && low.postulates[$0.b].id == "g-2020" }).score
        // remont, chodnik in all 60 records: idf 1 each, shared 2 against ln(61) + 1.
        XCTAssertEqual(score, pow(2 / (log(61.0) + 1), 2), accuracy: 1e-6)
    }
}
