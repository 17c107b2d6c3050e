import Corpus
import PolishText
import XCTest
@testable import Similarity

/// `--same FIELD` (blocking) and the tie-break of equal scores (same place, nearest earlier year, then id).
final class BlockingAndTiesTests: XCTestCase {
    /// One text filed in several districts and years: every score is 1.0, so only blocking and ties decide.
    func record(_ id: String, _ year: Int?, district: String?, city: String = "Gdynia",
                text: String = "gry zabawy mapa kompas") -> Postulate {
        var extra: [(String, JSONValue)] = [("city", .string(city))]
        extra.append(("district", district.map { .string($0) } ?? .null))
        return Postulate(id: id, year: year, meeting: "m-\(id)", text: text, extra: extra)
    }

    var corpus: [Postulate] {
        [record("a-2019", 2019, district: "Obłuże"), record("b-2019", 2019, district: "Dąbrowa"),
         record("a-2021", 2021, district: "Obłuże"), record("a-2023", 2023, district: "obłuże "),
         record("b-2021", 2021, district: "Dąbrowa"), record("n-2021", 2021, district: nil),
         record("z-2022", 2022, district: "Obłuże", city: "Sopot")]
    }

    func testSameKeepsOnlyTheQueryBlock() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus + [record("q", 2022, district: "Obłuże")])
        let hits = try index.similar(toID: "q", top: 10, filter: SimilarityFilter(same: ["district"]))
        // "obłuże " agrees with "Obłuże" (normalised, trimmed); the other city's Obłuże too (one field named); the
        // record without a district is unknown there and agrees (after every known agreement, by the tie-break).
        XCTAssertEqual(hits.map(\.postulate.id), ["a-2021", "a-2019", "a-2023", "n-2021", "z-2022"])
        let both = try index.similar(toID: "q", top: 10, filter: SimilarityFilter(same: ["district", "city"]))
        XCTAssertEqual(Set(both.map(\.postulate.id)), ["a-2019", "a-2021", "a-2023", "n-2021"])
        XCTAssertEqual(both.count, 4)
        // A record without the field agrees with every record: its district is unknown, not a district of its own.
        let none = try index.similar(toID: "n-2021", top: 10, filter: SimilarityFilter(same: ["district"]),
                                     excludeOwnMeeting: false)
        XCTAssertEqual(none.count, 7)
    }

    func testTiesRankSamePlaceThenNearestEarlierYear() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus + [record("q", 2022, district: "Obłuże")])
        let hits = try index.similar(toID: "q", top: 10)
        XCTAssertEqual(hits.count, 7)
        XCTAssertTrue(hits.allSatisfy { $0.score == hits[0].score })
        // Same city and district: 2021, 2019 (earlier, nearest first), 2023 (later); then one field agreeing
        // (Dąbrowa 2021, 2019; the other city's Obłuże 2022 after them by year), then no district.
        XCTAssertEqual(hits.map(\.postulate.id), ["a-2021", "a-2019", "a-2023", "b-2021", "n-2021", "b-2019", "z-2022"])
    }

    /// Scores within `TieBreak.nearTie` of the best tie: "… etap II" (2021) before "… etap I" (2019), although one
    /// term more lowers its cosine; a nearer filing further below stays behind; `--top 1` sees the whole band.
    func testNearTiesRankSamePlaceThenNearestEarlierYear() throws {
        let text = "park rekreacyjny psie pole etap alejki ławki zieleń fontanna"
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: [
            record("etap1-2019", 2019, district: "Psie Pole", text: text),
            record("etap2-2021", 2021, district: "Psie Pole", text: text + " drugi"),
            record("other-2021", 2021, district: "Psie Pole", text: "park psie pole ławka kosz oświetlenie"),
            record("far-2020", 2020, district: "Krzyki", text: text + " drugi"),
            record("filler-2018", 2018, district: "Krzyki", text: "chodnik ulica remont"),
            record("q", 2022, district: "Psie Pole", text: text + " trzeci"),
        ])
        let plain = try index.similar(toID: "q", top: 10, filter: SimilarityFilter(before: 2022))
        let score = Dictionary(uniqueKeysWithValues: plain.map { ($0.postulate.id, $0.score) })
        let s1 = try XCTUnwrap(score["etap1-2019"]), s2 = try XCTUnwrap(score["etap2-2021"])
        let s3 = try XCTUnwrap(score["other-2021"])
        XCTAssertLessThan(s2, s1)
        XCTAssertLessThanOrEqual(s1 - s2, TieBreak.nearTie)
        XCTAssertGreaterThan(s1 - s3, TieBreak.nearTie)
        // The band: etap II (same place, 2021), far-2020 (another district, same score), etap I (2019); then by score.
        XCTAssertEqual(plain.map(\.postulate.id), ["etap2-2021", "etap1-2019", "far-2020", "other-2021"])
        let one = try index.similar(toID: "q", top: 1, filter: SimilarityFilter(before: 2022))
        XCTAssertEqual(one.map(\.postulate.id), ["etap2-2021"])
        // Without a reference year the order is by score (the query's own record first).
        let text2 = index.similar(to: text + " trzeci", top: 3)
        XCTAssertEqual(text2.map(\.postulate.id), ["q", "etap1-2019", "etap2-2021"])
    }

    func testTextQueriesTieByNearestYearBeforeTheBound() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus)
        let hits = index.similar(to: "gry zabawy mapa kompas", top: 10,
                                 filter: SimilarityFilter(before: 2023, tieBreak: TieBreak(query: nil, before: 2023, same: [])))
        XCTAssertEqual(hits.map(\.postulate.id), ["z-2022", "a-2021", "b-2021", "n-2021", "a-2019", "b-2019"])
        // Without a reference year ties fall back to ids.
        let plain = index.similar(to: "gry zabawy mapa kompas", top: 3)
        XCTAssertEqual(plain.map(\.postulate.id), ["a-2019", "a-2021", "a-2023"])
    }

    func testRecordQueryUsesItsFieldsAndLeavesItselfOut() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus)
        let hits = index.similar(toRecord: record("a-2023", 2023, district: "Dąbrowa"), top: 10,
                                 filter: SimilarityFilter(same: ["district"]))
        XCTAssertEqual(hits.map(\.postulate.id), ["b-2021", "b-2019", "n-2021"])
    }

    func testDedupeBlocksPairsAndClusters() throws {
        let all = try RecurringDemands.find(in: corpus, analyzer: Fixtures.analyzer(), acrossYears: true)
        // Without blocking every cross-year pair is found, but a cluster holds one record a year (records of one
        // year were never compared): best pairs first, ties by input order.
        XCTAssertEqual(all.pairs.count, 17)
        XCTAssertEqual(all.clusters.map { $0.map { all.postulates[$0].id } },
                       [["a-2019", "a-2021", "z-2022", "a-2023"], ["b-2019", "b-2021"]])
        let blocked = try RecurringDemands.find(in: corpus, analyzer: Fixtures.analyzer(), acrossYears: true,
                                                same: ["city", "district"])
        let ids = blocked.pairs.map { [blocked.postulates[$0.a].id, blocked.postulates[$0.b].id] }
        // n-2021 (no district) is compared with both districts' records of other years, the two districts never
        // with each other; it resembles both equally (every cosine is 1), so it is linked to neither
        // (`UnknownPlaceLinks`: a record belongs to one place at most).
        XCTAssertEqual(ids, [["a-2019", "a-2021"], ["a-2019", "a-2023"], ["b-2019", "b-2021"], ["a-2021", "a-2023"]])
        XCTAssertEqual(blocked.clusters.map { $0.map { blocked.postulates[$0].id } },
                       [["a-2019", "a-2021", "a-2023"], ["b-2019", "b-2021"]])
        // Linked to one district when it resembles that district more; clusters still keep districts apart.
        let leaning = corpus.map { p -> Postulate in
            var p = p
            if ["a-2019", "a-2021", "n-2021"].contains(p.id) { p.text += " plac Obłuże" }
            return p
        }
        let lean = try RecurringDemands.find(in: leaning, analyzer: Fixtures.analyzer(), acrossYears: true,
                                             same: ["city", "district"])
        let leanIDs = lean.pairs.map { [lean.postulates[$0.a].id, lean.postulates[$0.b].id] }
        XCTAssertTrue(leanIDs.contains(["a-2019", "n-2021"]), "\(leanIDs)")
        XCTAssertFalse(leanIDs.contains(["b-2019", "n-2021"]), "\(leanIDs)")
    }

    func testExtraFieldsSurviveTheIndexFile() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: corpus)
        let loaded = try index.serialized().withUnsafeBytes {
            try SimilarityIndex.load(bytes: $0, path: "t.index", analyzer: Fixtures.analyzer())
        }
        XCTAssertEqual(loaded.postulates, index.postulates)
        XCTAssertEqual(loaded.postulates[0].record.value(of: "district"), .string("Obłuże"))
        XCTAssertEqual(loaded.postulates[5].record.value(of: "district"), .null)
    }
}
