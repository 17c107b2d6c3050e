import Corpus
import Similarity
import XCTest

/// Reviewed `same_as` links as gold pairs: symmetric, transitive, only reviewed records' links, precision only over
/// pairs of two reviewed postulates.
final class DuplicateGoldTests: XCTestCase {
    func record(_ id: String, _ year: Int, _ text: String, reviewed: Bool, sameAs: [String] = []) -> Postulate {
        var p = Postulate(id: id, year: year, text: text)
        if !sameAs.isEmpty { p.extra.append(("same_as", .array(sameAs.map { .string($0) }))) }
        if reviewed { p.extra.append(("reviewed_by", .string("ala"))) }
        return p
    }

    func testLinksAreSymmetricTransitiveAndJudgedOnlyBetweenReviewedPostulates() throws {
        let records = [
            record("a", 2020, "alfa beta gamma", reviewed: true, sameAs: ["b"]),
            record("b", 2021, "alfa beta gamma", reviewed: false, sameAs: ["d"]),   // not reviewed: its link is no judgement
            record("c", 2022, "delta epsilon", reviewed: true, sameAs: ["b", "zzz"]),
            record("d", 2022, "alfa beta gamma", reviewed: true),
        ]
        let gold = DuplicateGold.reviewedLinks(in: records)
        XCTAssertEqual(gold.pairs, [.init("a", "b"), .init("c", "b"), .init("a", "c")], "c–b declared on c only; a–c through b")
        XCTAssertEqual(gold.sources, 2)
        XCTAssertEqual(gold.absentLinks, 1)
        XCTAssertEqual(gold.judgedCount, 3)
        let run = try RecurringDemands.find(in: records, analyzer: Fixtures.analyzer(), threshold: 0.9)
        XCTAssertEqual(run.pairs.count, 3, "a–b, a–d, b–d")
        let s = gold.score(run)
        XCTAssertEqual([s.goldPairs, s.found, s.missed, s.correct, s.spurious, s.unjudged], [3, 1, 2, 0, 1, 1])
        XCTAssertEqual(s.precision, 0)
        XCTAssertEqual(try XCTUnwrap(s.recall), 1.0 / 3, accuracy: 1e-12)
        // Across years: no gold pair lies within one year here, so all three stay.
        XCTAssertEqual(gold.score(run, acrossYears: true).goldPairs, 3)
    }

    func testAuthoredGroupsJudgeEveryPair() throws {
        var records = [
            Postulate(id: "x", year: 2020, text: "alfa beta gamma"), Postulate(id: "y", year: 2020, text: "alfa beta gamma"),
            Postulate(id: "z", year: 2021, text: "alfa beta gamma"),
        ]
        records[0].extra = [("group", .string("g"))]
        records[1].extra = [("group", .string("g"))]
        let gold = DuplicateGold.groups(in: records)
        XCTAssertNil(gold.judgedCount)
        let run = try RecurringDemands.find(in: records, analyzer: Fixtures.analyzer(), threshold: 0.9)
        let s = gold.score(run)
        XCTAssertEqual([s.goldPairs, s.found, s.missed, s.correct, s.spurious, s.unjudged], [1, 1, 0, 1, 2, 0])
        // Across years the one gold pair (same year) cannot be reported: no gold pair, no recall.
        let across = gold.score(run, acrossYears: true)
        XCTAssertEqual(across.goldPairs, 0)
        XCTAssertNil(across.recall)
    }
}
