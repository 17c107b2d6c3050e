import Foundation
import XCTest

/// `dedupe --same district`: a record without a district is linked to one district at most — the one it resembles
/// most — and to none when two districts resemble it equally (`UnknownPlaceLinks`, issue 15), end to end.
final class UnknownPlaceLinkTests: XCTestCase {
    /// A course filed in two districts and once without one (a template), and a park's repair filed once without
    /// its district, then reworded in its district, beside the same kind of repair in another district's park.
    let corpus = """
    {"id":"t-2019","year":2019,"city":"Gdańsk","district":null,"text":"Nordic walking dla seniorów – zajęcia w plenerze"}
    {"id":"t-oliwa-2020","year":2020,"city":"Gdańsk","district":"Oliwa","text":"Nordic walking dla seniorów – zajęcia w plenerze"}
    {"id":"t-zaspa-2020","year":2020,"city":"Gdańsk","district":"Zaspa","text":"Nordic walking dla seniorów – zajęcia w plenerze"}
    {"id":"r-2019","year":2019,"city":"Gdańsk","district":null,"text":"Remont alejek i nowe ławki w Parku Oruńskim przy ulicy Podmiejskiej"}
    {"id":"r-orunia-2021","year":2021,"city":"Gdańsk","district":"Orunia","text":"Nowe ławki i remont alejek w Parku Oruńskim (ul. Podmiejska) – etap II"}
    {"id":"r-stogi-2021","year":2021,"city":"Gdańsk","district":"Stogi","text":"Remont alejek i nowe ławki w parku"}

    """

    func lines(_ out: String) -> [[String: Any]] {
        out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testARecordWithoutADistrictLinksToTheDistrictItResemblesMostAndToNoneOnATie() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus)
        let r = try CLI.run(["dedupe", file, "--across-years", "--same", "city", "--same", "district", "--threshold", "0.3"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = lines(r.out)
        let pairs = out.compactMap { l -> String? in
            guard let a = l["a"] as? String, let b = l["b"] as? String else { return nil }
            return a + "~" + b
        }
        // The template (t-2019 equally like Oliwa's and Zaspa's filing) pairs with neither; the reworded repair pairs
        // with its own district's filing, not with Stogi's park (same object, another place, a lower score).
        XCTAssertEqual(pairs, ["r-2019~r-orunia-2021"], r.out)
        let score = try XCTUnwrap(out.first?["score"] as? Double)
        XCTAssertGreaterThan(score, 0.5)
        XCTAssertLessThan(score, 1)
        let clusters = out.compactMap { $0["ids"] as? [String] }
        XCTAssertEqual(clusters, [["r-2019", "r-orunia-2021"]])
        XCTAssertTrue(r.stderr.contains("1 para"), r.stderr)

        // Without blocking every district is one place: nothing is unknown, the rule does not apply.
        let open = try CLI.run(["dedupe", file, "--across-years", "--threshold", "0.3"])
        XCTAssertEqual(open.status, 0, open.stderr)
        let openPairs = lines(open.out).compactMap { l -> String? in
            guard let a = l["a"] as? String, let b = l["b"] as? String else { return nil }
            return a + "~" + b
        }
        XCTAssertEqual(openPairs, ["t-2019~t-oliwa-2020", "t-2019~t-zaspa-2020", "r-2019~r-orunia-2021",
                                   "r-2019~r-stogi-2021"], open.out)
    }
}
