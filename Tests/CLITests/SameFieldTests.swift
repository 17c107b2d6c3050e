import Foundation
import XCTest

/// `--same FIELD` on `dedupe` and `similar`, ties, and the names and numbers that tell two projects apart
/// (issue 15), end to end through the built binary.
final class SameFieldTests: XCTestCase {
    /// One project idea filed in two districts over three years, plus two library branches that differ only in
    /// their number.
    let corpus = """
    {"id":"o-2019","year":2019,"city":"Gdynia","district":"Obłuże","text":"Gry i zabawy z mapą i kompasem"}
    {"id":"d-2019","year":2019,"city":"Gdynia","district":"Dąbrowa","text":"Gry i zabawy z mapą i kompasem"}
    {"id":"o-2020","year":2020,"city":"Gdynia","district":"Obłuże","text":"Gry i zabawy z mapą i kompasem"}
    {"id":"d-2021","year":2021,"city":"Gdynia","district":"Dąbrowa","text":"Gry i zabawy z mapą i kompasem"}
    {"id":"o-2021","year":2021,"city":"Gdynia","district":"Obłuże","text":"Gry i zabawy z mapą i kompasem"}
    {"id":"f9-2020","year":2020,"city":"Katowice","district":"Janów","text":"Zakup nowości wydawniczych dla Filii nr 9 Miejskiej Biblioteki"}
    {"id":"f33-2021","year":2021,"city":"Katowice","district":"Janów","text":"Zakup nowości wydawniczych dla Filii nr 33 Miejskiej Biblioteki"}
    {"id":"f9-2022","year":2022,"city":"Katowice","district":"Janów","text":"Zakup nowości wydawniczych dla Filii nr 9 Miejskiej Biblioteki"}

    """

    func pairs(_ out: String) -> [String] {
        out.split(separator: "\n").compactMap { line -> String? in
            guard let v = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let a = v["a"] as? String, let b = v["b"] as? String else { return nil }
            return a + "~" + b
        }
    }

    func testDedupeComparesOnlyWithinTheBlock() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus)
        let all = try CLI.run(["dedupe", file, "--across-years"])
        XCTAssertEqual(all.status, 0, all.stderr)
        // Without blocking the idea pairs across districts (6 cross-year pairs of five records).
        XCTAssertTrue(pairs(all.out).contains("o-2019~d-2021"), all.out)
        let blocked = try CLI.run(["dedupe", file, "--across-years", "--same", "city", "--same", "district"])
        XCTAssertEqual(blocked.status, 0, blocked.stderr)
        // Inside each district only; the branches 9 and 33 differ in their number and do not pair, 9 and 9 do.
        XCTAssertEqual(pairs(blocked.out), ["o-2019~o-2020", "o-2019~o-2021", "d-2019~d-2021", "o-2020~o-2021",
                                            "f9-2020~f9-2022"])
        XCTAssertTrue(blocked.stderr.contains("5 par"), blocked.stderr)
        let md = try CLI.run(["dedupe", file, "--same", "district", "--format", "md"])
        XCTAssertTrue(md.out.contains("tylko pary zgodne w polach: district"), md.out)
        let empty = try CLI.run(["dedupe", file, "--same", ""])
        XCTAssertNotEqual(empty.status, 0)
    }

    /// The report's recurring demands (and the service's, which share `ReportModels.recurringClusters`) block on
    /// city and district by default: one idea filed in every district is not one demand recurring. `--same none`
    /// compares all; a field nobody has is refused.
    func testReportRecurringDemandsStayInsideCityAndDistrict() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus)
        func clusters(_ folder: String) throws -> [[String]] {
            let csv = try String(contentsOfFile: s.path(folder + "/recurring_demands.csv"), encoding: .utf8)
            var byCluster: [String: [String]] = [:]
            for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
                let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                byCluster[cells[0], default: []].append(cells[2])
            }
            return byCluster.values.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
        }
        let byPlace = try CLI.run(["report", file, "-o", s.path("r1"), "--title", "T"])
        XCTAssertEqual(byPlace.status, 0, byPlace.stderr)
        XCTAssertEqual(try clusters("r1"), [["d-2019", "d-2021"], ["f9-2020", "f9-2022"], ["o-2019", "o-2020", "o-2021"]])
        let all = try CLI.run(["report", file, "-o", s.path("r2"), "--title", "T", "--same", "none"])
        XCTAssertEqual(all.status, 0, all.stderr)
        let unblocked = try clusters("r2")
        XCTAssertTrue(unblocked.contains(["d-2019", "d-2021", "o-2019", "o-2020", "o-2021"]), unblocked.description)
        let misspelt = try CLI.run(["report", file, "-o", s.path("r3"), "--same", "distirct"])
        XCTAssertEqual(misspelt.status, 1, misspelt.stderr)
        XCTAssertTrue(misspelt.stderr.contains("--same distirct: żaden rekord nie ma pola „distirct”"), misspelt.stderr)
        let mixed = try CLI.run(["report", file, "-o", s.path("r4"), "--same", "none", "--same", "city"])
        XCTAssertNotEqual(mixed.status, 0)
        XCTAssertTrue(mixed.stderr.contains("--same none: bez innych pól"), mixed.stderr)
    }

    /// A district that is missing, names a project category ("local") or is spelled another way is no reason to
    /// keep a resubmission apart; two known districts still are.
    func testUnknownDistrictsDoNotBlockAndSpellingsOfOneDistrictAgree() throws {
        let s = try Scratch()
        let file = try s.write("u.jsonl", """
        {"id":"k-2018","year":2018,"city":"Wrocław","district":null,"text":"Muchoborskie Centrum Sportu przy ulicy Trawowej etap trzeci"}
        {"id":"k-2020","year":2020,"city":"Wrocław","district":"local","text":"Muchoborskie Centrum Sportu przy ulicy Trawowej etap trzeci"}
        {"id":"k-2022","year":2022,"city":"Wrocław","district":"Rejon nr 4","text":"Muchoborskie Centrum Sportu przy ulicy Trawowej etap trzeci"}
        {"id":"k-2023","year":2023,"city":"Wrocław","district":"Rejon nr 9","text":"Muchoborskie Centrum Sportu przy ulicy Trawowej etap trzeci i boisko"}
        {"id":"s-2021","year":2021,"city":"Katowice","district":"Szopienice-Burowiec","text":"Szopienicka biblioteka dla wszystkich zakup czasopism i gier planszowych"}
        {"id":"s-2025","year":2025,"city":"Katowice","district":"Szopienice - Burowiec","text":"Szopienicka biblioteka dla wszystkich zakup czasopism i gier planszowych"}

        """)
        let r = try CLI.run(["dedupe", file, "--across-years", "--same", "city", "--same", "district"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Null and "local" agree with every district; "Rejon nr 4" and "Rejon nr 9" do not agree with each other.
        // The unknown ones keep only their links to the district they resemble most (Rejon nr 4, word for word;
        // `UnknownPlaceLinkTests`), so k-2023 pairs with none of them.
        XCTAssertEqual(pairs(r.out), ["k-2018~k-2020", "k-2018~k-2022", "k-2020~k-2022", "s-2021~s-2025"])
        // Clusters never hold two known districts: the unknown ones join the first, Rejon nr 9 stays out.
        let clusters = r.out.split(separator: "\n").compactMap { line -> [String]? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["ids"] as? [String]
        }
        XCTAssertEqual(clusters, [["k-2018", "k-2020", "k-2022"], ["s-2021", "s-2025"]])
    }

    func testSimilarByIDBlocksAndBreaksTiesBySamePlaceAndNearestEarlierYear() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus)
        let index = s.path("x.index")
        let build = try CLI.run(["index", "build", file, "-o", index])
        XCTAssertEqual(build.status, 0, build.stderr)
        func ids(_ args: [String]) throws -> [String] {
            let r = try CLI.run(["similar", "--index", index, "--format", "jsonl"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.out.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            }
        }
        // Every score ties at 1.0: the same district first, the nearest earlier year first; by id alone
        // d-2019 would come first.
        XCTAssertEqual(try ids(["--id", "o-2021", "--top", "4"]), ["o-2020", "o-2019", "d-2019", "d-2021"])
        XCTAssertEqual(try ids(["--id", "o-2021", "--same", "district"]), ["o-2020", "o-2019"])
        XCTAssertEqual(try ids(["--id", "o-2021", "--same", "district", "--before", "2020"]), ["o-2019"])
        // The branch with another number ranks after the same branch, and the hit says what differs.
        let text = try CLI.run(["similar", "--index", index, "--id", "f9-2022", "--top", "2"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.out.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.contains("f9-2020") ?? false, text.out)
        XCTAssertEqual(lines.filter { $0.contains("Różne nazwy i numery: nr:9 ≠ nr:33") }.count, 1, text.out)
        // --same with a plain query text is refused.
        let refused = try CLI.run(["similar", "--index", index, "gry", "--same", "district"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("--same"), refused.stderr)
    }

    func testBatchReadsRecordLines() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus)
        let index = s.path("x.index")
        XCTAssertEqual(try CLI.run(["index", "build", file, "-o", index]).status, 0)
        let queries = try s.write("q.txt", """
        {"id":"new","year":2022,"city":"Gdynia","district":"Dąbrowa","text":"Gry i zabawy z mapą i kompasem"}
        Gry i zabawy

        """)
        let r = try CLI.run(["similar", "--index", index, "--batch", queries, "--same", "district", "--top", "5"])
        XCTAssertEqual(r.status, 1, "the plain line is a bad line under --same")
        XCTAssertTrue(r.stderr.contains("q.txt:2"), r.stderr)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let v = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(v["id"] as? String, "new")
        let results = try XCTUnwrap(v["results"] as? [[String: Any]])
        XCTAssertEqual(results.compactMap { $0["id"] as? String }, ["d-2021", "d-2019"])
        // Without --same both lines are answered; the plain text as before.
        let plain = try CLI.run(["similar", "--index", index, "--batch", queries, "--top", "1"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.out.split(separator: "\n").count, 2)
        // An empty line between records is no bad line under --same: it gets empty results, as without --same.
        let spaced = try s.write("q2.txt", """
        {"id":"new","year":2022,"city":"Gdynia","district":"Dąbrowa","text":"Gry i zabawy z mapą i kompasem"}

        {"id":"new2","year":2022,"city":"Gdynia","district":"Dąbrowa","text":"Gry i zabawy"}

        """)
        let both = try CLI.run(["similar", "--index", index, "--batch", spaced, "--same", "district", "--top", "1"])
        XCTAssertEqual(both.status, 0, both.stderr)
        XCTAssertEqual(both.out.split(separator: "\n").map { $0.hasPrefix("{\"line\":2,\"query\":\"\",\"results\":[]}") },
                       [false, true, false], both.out)
    }

    /// A --same field that no record carries would block on nothing and pass silently: refused, naming the field
    /// and the fields the data has (Polish by default, English with --lang en).
    func testSameOnAFieldNoRecordCarriesIsRefusedNamingTheFieldsSeen() throws {
        let s = try Scratch()
        let file = try s.write("c.jsonl", corpus + #"{"id":"x","year":2022,"city":"Gdynia","district":null,"quarter":" ","text":"Gry"}"# + "\n")
        let dedupe = try CLI.run(["dedupe", file, "--same", "district", "--same", "distirct"])
        XCTAssertEqual(dedupe.status, 1)
        XCTAssertEqual(dedupe.out, "")
        XCTAssertTrue(dedupe.stderr.contains("\(file): --same distirct: żaden rekord nie ma pola „distirct” (pola w danych: id, year, text, city, district)"),
                      dedupe.stderr)
        // Blank and null values are not carried: "quarter" is blank in its only record.
        XCTAssertTrue(try CLI.run(["dedupe", file, "--same", "quarter"]).stderr.contains("--same quarter: żaden rekord"))
        XCTAssertEqual(try CLI.run(["dedupe", file, "--same", "city"]).status, 0, "a field some record carries")

        let index = s.path("x.index")
        XCTAssertEqual(try CLI.run(["index", "build", file, "-o", index]).status, 0)
        let similar = try CLI.run(["similar", "--index", index, "--id", "o-2021", "--same", "dystrykt", "--lang", "en"])
        XCTAssertEqual(similar.status, 1)
        XCTAssertEqual(similar.out, "")
        XCTAssertTrue(similar.stderr.contains("\(index): --same dystrykt: no record has the field \"dystrykt\" (fields in the data: id, year, text, city, district)"),
                      similar.stderr)
        XCTAssertEqual(try CLI.run(["similar", "--index", index, "--id", "o-2021", "--same", "district"]).status, 0)
    }
}
