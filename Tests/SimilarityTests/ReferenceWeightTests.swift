import Corpus
import Foundation
import XCTest
@testable import Similarity

/// Scores, rankings, year filters and near-duplicate pairs against a tiny independent implementation of the
/// documented weighting (sublinear tf 1 + ln c, smoothed idf ln((1 + n) / (1 + df)) + 1, l2 norm, cosine), written
/// here from the formulas over hand-made documents of made-up words (so analysis only lower-cases and splits).
/// Nothing here goes through the index's vectors, so a weighting bug cannot hide in a shared reference.
final class ReferenceWeightTests: XCTestCase {
    /// (id, year, meeting, text). "c4" and "z2" have the same text: a tie, broken by id ("c4" first).
    static let docs: [(String, Int?, String, String)] = [
        ("d0", 2023, "m23", "qalfa qalfa qbeta"),
        ("d1", 2024, "m24", "qbeta qgamma"),
        ("z2", 2024, "m24b", "qalfa qbeta"),
        ("d3", 2025, "m25", "qgamma qdelta qdelta"),
        ("c4", nil, "", "qalfa qbeta"),
        ("d5", 2025, "m25", "qeps"),
        ("d6", 2024, "m24", "qalfa qbeta qeps"),
    ]

    static var postulates: [Postulate] {
        docs.map { Postulate(id: $0.0, year: $0.1, meeting: $0.2, text: $0.3) }
    }

    /// The reference: each document's weights from the formulas.
    static func referenceVectors() -> [[String: Double]] {
        let bags = docs.map { d -> [String: Int] in
            var c: [String: Int] = [:]
            for w in d.3.split(separator: " ") { c[String(w), default: 0] += 1 }
            return c
        }
        let n = Double(bags.count)
        var df: [String: Int] = [:]
        for b in bags { for t in b.keys { df[t, default: 0] += 1 } }
        return bags.map { b in
            var v: [String: Double] = [:]
            for (t, c) in b { v[t] = (1 + Foundation.log(Double(c))) * (Foundation.log((1 + n) / (1 + Double(df[t]!))) + 1) }
            let norm = v.values.map { $0 * $0 }.reduce(0, +).squareRoot()
            return v.mapValues { $0 / norm }
        }
    }

    static func referenceQuery(_ text: String) -> [String: Double] {
        var c: [String: Int] = [:]
        for w in text.split(separator: " ") { c[String(w), default: 0] += 1 }
        let n = Double(docs.count)
        var v: [String: Double] = [:]
        for (t, k) in c {
            let df = Double(docs.filter { $0.3.split(separator: " ").contains(Substring(t)) }.count)
            v[t] = (1 + Foundation.log(Double(k))) * (Foundation.log((1 + n) / (1 + df)) + 1)
        }
        let norm = v.values.map { $0 * $0 }.reduce(0, +).squareRoot()
        return v.mapValues { $0 / norm }
    }

    /// Dedupe's factor for little shared evidence: (Σ idf of the shared terms / (ln(1 + n) + 1))², at most 1.
    static func sharedEvidence(_ a: Int, _ b: Int) -> Double {
        let words = docs.map { Set($0.3.split(separator: " ").map(String.init)) }
        let n = Double(docs.count)
        let shared = words[a].intersection(words[b]).reduce(0.0) { sum, t in
            sum + Foundation.log((1 + n) / (1 + Double(words.filter { $0.contains(t) }.count))) + 1
        }
        return min(1, pow(shared / (Foundation.log(1 + n) + 1), 2))
    }

    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
    }

    /// Expected hits: documents sharing a term with the query, allowed by the year bounds, by score then id.
    static func expected(_ query: String, before: Int? = nil, after: Int? = nil, top: Int = 10) -> [(String, Double)] {
        let q = referenceQuery(query)
        let vectors = referenceVectors()
        var out: [(String, Double)] = []
        for (i, d) in docs.enumerated() {
            if before != nil || after != nil {
                guard let y = d.1 else { continue }
                if let before, !(y < before) { continue }
                if let after, !(y > after) { continue }
            }
            let s = cosine(q, vectors[i])
            if s > 0 { out.append((d.0, s)) }
        }
        out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(out.prefix(top))
    }

    func index() throws -> SimilarityIndex {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Self.postulates)
    }

    func assertHits(_ hits: [SimilarityHit], _ expected: [(String, Double)], _ what: String,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(hits.map(\.postulate.id), expected.map(\.0), what, file: file, line: line)
        for (h, e) in zip(hits, expected) {
            XCTAssertEqual(h.score, e.1, accuracy: 1e-6, "\(what): \(e.0)", file: file, line: line)
        }
    }

    func testScoresAndRankingFollowTheFormulas() throws {
        let idx = try index()
        for query in ["qalfa qbeta", "qgamma qbeta", "qalfa", "qdelta qdelta qeps", "qalfa qnieznane"] {
            let expected = Self.expected(query)
            XCTAssertGreaterThan(expected.count, 0, query)
            assertHits(idx.similar(to: query, top: 10), expected, query)
        }
        // Hand-checked counts, so the reference itself cannot silently return nothing.
        XCTAssertEqual(Self.expected("qalfa qbeta").count, 5, "d0, d1, z2, c4, d6")
        XCTAssertEqual(Self.expected("qgamma qbeta").map(\.0).sorted(), ["c4", "d0", "d1", "d3", "d6", "z2"])
    }

    func testTiesAreBrokenByIdAtTheCutOff() throws {
        let idx = try index()
        let all = Self.expected("qalfa qbeta")
        // c4 and z2 are identical texts: equal scores, c4 first whatever the insertion order.
        let tie = all.filter { $0.0 == "c4" || $0.0 == "z2" }
        XCTAssertEqual(tie.count, 2)
        XCTAssertEqual(tie[0].1, tie[1].1, accuracy: 1e-12)
        XCTAssertEqual(all.first?.0, "c4")
        let one = idx.similar(to: "qalfa qbeta", top: 1)
        XCTAssertEqual(one.map(\.postulate.id), ["c4"])
        XCTAssertEqual(idx.similar(to: "qalfa qbeta", top: 2).map(\.postulate.id), ["c4", "z2"])
    }

    func testYearBoundsAreExclusiveAndDropPostulatesWithoutAYear() throws {
        let idx = try index()
        let q = "qgamma qbeta"
        for (before, after, ids) in [(2024, nil, ["d0"]), (nil, 2024, ["d3"]), (2025, 2023, ["d1", "d6", "z2"]),
                                     (2023, nil, []), (nil, 2025, []), (2026, 2022, ["d0", "d1", "d3", "d6", "z2"])] as [(Int?, Int?, [String])] {
            let hits = idx.similar(to: q, top: 10, filter: SimilarityFilter(before: before, after: after))
            let expected = Self.expected(q, before: before, after: after)
            XCTAssertEqual(expected.map(\.0).sorted(), ids, "reference, before \(String(describing: before)) after \(String(describing: after))")
            assertHits(hits, expected, "before \(String(describing: before)) after \(String(describing: after))")
        }
    }

    func testNearDuplicatePairsFromTheFormulas() throws {
        let vectors = Self.referenceVectors()
        func referencePairs(_ t: Double, acrossYears: Bool) -> [(Int, Int, Double)] {
            var out: [(Int, Int, Double)] = []
            for a in 0..<vectors.count {
                for b in (a + 1)..<vectors.count {
                    if acrossYears && Self.docs[a].1 == Self.docs[b].1 { continue }
                    let s = Self.cosine(vectors[a], vectors[b]) * Self.sharedEvidence(a, b)
                    if s >= t { out.append((a, b, s)) }
                }
            }
            return out
        }
        for acrossYears in [false, true] {
            let r = try RecurringDemands.find(in: Self.postulates, analyzer: Fixtures.analyzer(), threshold: 0.5,
                                              acrossYears: acrossYears)
            let expected = referencePairs(0.5, acrossYears: acrossYears)
            XCTAssertEqual(r.pairs.map { [$0.a, $0.b] }, expected.map { [$0.0, $0.1] }, "across years: \(acrossYears)")
            for (p, e) in zip(r.pairs, expected) { XCTAssertEqual(p.score, e.2, accuracy: 1e-6) }
        }
        // The fixture has a same-year pair (z2, d6 in 2024), so the across-years filter has something to drop.
        XCTAssertGreaterThan(referencePairs(0.5, acrossYears: false).count, referencePairs(0.5, acrossYears: true).count)
        XCTAssertGreaterThanOrEqual(referencePairs(0.5, acrossYears: true).count, 2)
    }

    func testAPairExactlyAtTheThresholdIsKept() throws {
        let analyzer = Fixtures.analyzer()
        let low = try RecurringDemands.find(in: Self.postulates, analyzer: analyzer, threshold: 0.3)
        XCTAssertGreaterThanOrEqual(low.pairs.count, 4)
        for p in low.pairs where p.score < 1 {
            let at = try RecurringDemands.find(in: Self.postulates, analyzer: analyzer, threshold: p.score)
            XCTAssertTrue(at.pairs.contains { $0.a == p.a && $0.b == p.b }, "threshold = score \(p.score) keeps the pair")
            let above = try RecurringDemands.find(in: Self.postulates, analyzer: analyzer, threshold: p.score.nextUp)
            XCTAssertFalse(above.pairs.contains { $0.a == p.a && $0.b == p.b }, "threshold just above \(p.score) drops it")
        }
    }
}
