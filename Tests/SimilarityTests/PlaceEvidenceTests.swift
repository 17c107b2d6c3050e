import Corpus
import PolishText
import XCTest
@testable import Similarity

/// `PlaceEvidence`: names that mostly differ and a place named on one side only lower a pair, under place blocking
/// only; `PairEvidence` computes it per pair from numbers and must give the rule as stated on sets of strings.
final class PlaceEvidenceTests: XCTestCase {
    func testNamesFactorAsStated() {
        let idf: [String: Double] = ["Nordic": 2, "Walking": 2, "Oliwa": 8, "Zaspa": 8,
                                     "Gajowice": 7.8, "Olbin": 7.4, "Zakrzow": 7.3, "Maslice": 8, "Pawlowice": 7.9]
        func f(_ a: Set<String>, _ b: Set<String>) -> Double { PlaceEvidence.namesFactor(a, b) { idf[$0]! } }
        // A template's own names shared, the places differ: 4 of 20 shared.
        XCTAssertEqual(f(["Nordic", "Walking", "Oliwa"], ["Nordic", "Walking", "Zaspa"]), NameMismatch.penalty)
        // Disjoint names: the mismatch `NameMismatch` already states.
        XCTAssertEqual(f(["Oliwa"], ["Zaspa"]), NameMismatch.penalty)
        // One place of four changed: most of the weight shared (22.5 of 38.4).
        XCTAssertEqual(f(["Gajowice", "Olbin", "Zakrzow", "Maslice"], ["Gajowice", "Olbin", "Zakrzow", "Pawlowice"]), 1)
        // A side whose names are all shared, or a side without names: nothing differs.
        XCTAssertEqual(f(["Nordic", "Walking"], ["Nordic", "Walking", "Zaspa"]), 1)
        XCTAssertEqual(f([], ["Zaspa"]), 1)
        XCTAssertEqual(PlaceEvidence.placeFactor(true, false), PlaceEvidence.oneSided)
        XCTAssertEqual(PlaceEvidence.placeFactor(false, true), PlaceEvidence.oneSided)
        XCTAssertEqual(PlaceEvidence.placeFactor(true, true), 1)
        XCTAssertEqual(PlaceEvidence.placeFactor(false, false), 1)
    }

    func record(_ id: String, _ year: Int, _ text: String, district: String?) -> Postulate {
        Postulate(id: id, year: year, meeting: "m-\(id)", text: text,
                  extra: [("city", .string("Bydgoszcz")), ("district", district.map { .string($0) } ?? .null)])
    }

    /// A street on one side only: lowered by `oneSided` under `--same district` when some record knows its
    /// district; unchanged without place blocking and when no record knows one (the field is then dropped).
    func testPlaceOnOneSideOnlyUnderPlaceBlocking() throws {
        let street = record("a", 2018, "budowa ścieżki rowerowej wzdłuż ul. Andersa", district: nil)
        let bare = record("b", 2020, "budowa ścieżki rowerowej", district: nil)
        func score(_ records: [Postulate], same: [String]) throws -> Double? {
            let r = try RecurringDemands.find(in: records, analyzer: Fixtures.analyzer(), threshold: 0.05,
                                              acrossYears: true, same: same)
            return r.pairs.first { r.postulates[$0.a].id == "a" && r.postulates[$0.b].id == "b" }?.score
        }
        let other = record("c", 2019, "zielony skwer przy szkole", district: "Fordon")
        let plain = try XCTUnwrap(score([street, bare, other], same: []))
        let blocked = try XCTUnwrap(score([street, bare, other], same: ["city", "district"]))
        XCTAssertEqual(blocked, plain * PlaceEvidence.oneSided, accuracy: 1e-12)
        // No district known anywhere: no place blocking, the score stays.
        let unknown = record("c", 2019, "zielony skwer przy szkole", district: nil)
        XCTAssertEqual(try XCTUnwrap(score([street, bare, unknown], same: ["city", "district"])), plain, accuracy: 1e-12)
        // Blocking on the city alone places nobody.
        XCTAssertEqual(try XCTUnwrap(score([street, bare, other], same: ["city"])), plain, accuracy: 1e-12)
        // A known district places the bare title: placed on both sides, nothing lowered.
        let placedBare = record("b", 2020, "budowa ścieżki rowerowej", district: "Fordon")
        let both = try XCTUnwrap(score([street, placedBare, other], same: ["city", "district"]))
        XCTAssertEqual(both, try XCTUnwrap(score([street, placedBare, other], same: [])), accuracy: 1e-12)
    }
}
