import Foundation
import XCTest

/// Participatory-budget data as a new user brings it (trial 3, items 3 and 4): records with `city` and `district`,
/// no organisation and no response. The place is shown wherever a hit is; a district `--same` let through because
/// it is unknown says so; a report and `corpus stats` of such data claim nothing about responses or organisations.
final class PlaceShownTests: XCTestCase {
    /// One playground idea in Obłuże (twice), once with no district, once in Redłowo; a library purchase repeated.
    let corpus = """
    {"id":"g-2020","year":2020,"city":"Gdynia","district":"Obłuże","text":"Plac zabaw dla dzieci przy ulicy Zielonej"}
    {"id":"g-2021","year":2021,"city":"Gdynia","district":"Obłuże","text":"Plac zabaw dla dzieci przy ulicy Zielonej na Obłużu"}
    {"id":"g-2022","year":2022,"city":"Gdynia","text":"Plac zabaw dla dzieci przy ulicy Zielonej dla wszystkich mieszkańców"}
    {"id":"r-2022","year":2022,"city":"Gdynia","district":"Redłowo","text":"Plac zabaw dla dzieci przy ulicy Zielonej w Redłowie"}
    {"id":"b-2023","year":2023,"city":"Gdynia","district":"Redłowo","text":"Zakup książek dla biblioteki osiedlowej"}
    {"id":"b-2024","year":2024,"city":"Gdynia","district":"Redłowo","text":"Zakup książek dla biblioteki osiedlowej"}

    """

    func testSimilarShowsCityAndDistrictAndAnUnknownDistrictUnderSame() throws {
        let s = try Scratch()
        let file = try s.write("gdynia.jsonl", corpus)
        let index = s.path("g.index")
        XCTAssertEqual(try CLI.run(["index", "build", file, "-o", index]).status, 0)

        let text = try CLI.run(["similar", "--index", index, "--id", "g-2021", "--same", "district", "--top", "5"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let heads = text.out.split(separator: "\n").filter { $0.first?.isNumber == true }
        XCTAssertEqual(heads.count, 2, text.out)   // Redłowo is blocked; Obłuże and the unknown district pass
        XCTAssertTrue(text.out.contains("2020 · Gdynia, Obłuże · — · g-2020\n"), text.out)
        XCTAssertTrue(text.out.contains("2022 · Gdynia, dzielnica nieznana · — · g-2022\n"), text.out)
        XCTAssertFalse(text.out.contains("r-2022"), text.out)

        // Without --same: the place as written, no note.
        let plain = try CLI.run(["similar", "--index", index, "--id", "g-2021", "--top", "5"])
        XCTAssertTrue(plain.out.contains("2022 · Gdynia, Redłowo · — · r-2022\n"), plain.out)
        XCTAssertTrue(plain.out.contains("2022 · Gdynia · — · g-2022\n"), plain.out)
        let en = try CLI.run(["similar", "--index", index, "--id", "g-2021", "--same", "district", "--lang", "en"])
        XCTAssertTrue(en.out.contains("Gdynia, district unknown · — · g-2022"), en.out)

        // JSON: city and district after the meeting, only the fields the record has.
        let json = try CLI.run(["similar", "--index", index, "--id", "g-2021", "--top", "5", "--format", "jsonl"])
        let lines = json.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, json.out)
        let byID = Dictionary(uniqueKeysWithValues: lines.compactMap { l -> (String, String)? in
            guard let o = try? JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any], let id = o["id"] as? String else { return nil }
            return (id, l)
        })
        XCTAssertTrue(byID["g-2020"]?.contains(#""meeting":"","city":"Gdynia","district":"Obłuże","organisation":"""#) == true, json.out)
        XCTAssertTrue(byID["g-2022"]?.contains(#""meeting":"","city":"Gdynia","organisation":"""#) == true, json.out)

        let batch = try CLI.run(["similar", "--index", index, "--id", "g-2021", "--same", "district", "--format", "jsonl"])
        XCTAssertEqual(batch.out.components(separatedBy: #""unknown_same":["district"]"#).count - 1, 1, batch.out)   // g-2022 only
        XCTAssertTrue(batch.out.contains(#""id":"g-2022""#), batch.out)

        // A record without the fields prints as before (no place between year and organisation).
        let krakow = try CLI.run(["similar", "--id", "krakow-2025-06-17-08", "--top", "1", "--format", "jsonl"])
        XCTAssertEqual(krakow.status, 0, krakow.stderr)
        XCTAssertFalse(krakow.out.contains("\"city\""), krakow.out)
    }

    func testDedupeMarkdownShowsThePlace() throws {
        let s = try Scratch()
        let file = try s.write("gdynia.jsonl", corpus)
        let md = try CLI.run(["dedupe", file, "--across-years", "--same", "district", "--format", "md"])
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.out.contains("- **2023** · Gdynia, Redłowo · — · `b-2023`\n"), md.out)
        XCTAssertTrue(md.out.contains("- **2022** · Gdynia, dzielnica nieznana · — · `g-2022`\n"), md.out)
    }

    func testAReportAndStatsOfDataWithoutResponsesOrOrganisationsClaimNothingAboutThem() throws {
        let s = try Scratch()
        let file = try s.write("gdynia.jsonl", corpus)
        let out = s.path("raport")
        let r = try CLI.run(["report", file, "-o", out], timeout: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        for page in [md, html] {
            XCTAssertFalse(page.contains("Stanowiska odpowiedzi"), page)
            XCTAssertFalse(page.contains("brak odpowiedzi"), page)
            XCTAssertFalse(page.contains("1 organizacja"), page)   // not the blank one counted in a heading
            XCTAssertFalse(page.contains("Organizacja"), page)  // no column of blanks
            XCTAssertTrue(page.contains("Żaden rekord nie ma odpowiedzi miasta"), page)
            XCTAssertTrue(page.contains("Żaden rekord nie podaje organizacji"), page)
        }
        XCTAssertTrue(md.contains(": lata 2023, 2024\n"), md)   // a heading without an organisation count
        XCTAssertFalse(html.contains("<table class=\"stances\">"), html)
        XCTAssertFalse(html.contains("<table class=\"heat\">"), html)
        // postulates.csv keeps the place columns (Kraków's, without them, keeps its own: the committed report)
        let csv = try String(contentsOfFile: out + "/postulates.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}id;year;meeting;city;district;organisation;") || csv.hasPrefix("id;year;meeting;city;district;organisation;"),
                      String(csv.prefix(200)))
        XCTAssertTrue(csv.contains(";Gdynia;Obłuże;"), csv)
        let columns = try String(contentsOfFile: out + "/columns.md", encoding: .utf8)
        XCTAssertTrue(columns.contains("| `district` |"), columns)

        let stats = try CLI.run(["corpus", "stats", file])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.out.contains("Organizacje: żaden rekord nie podaje organizacji.\n"), stats.out)
        XCTAssertFalse(stats.out.contains("(brak organizacji)"), stats.out)
    }

    /// Eight years: the years table is wider than the text column and scrolls in its own box (with its CSS); the
    /// committed Kraków report (six years) has neither.
    func testAWideYearsTableScrollsInItsOwnBox() throws {
        let s = try Scratch()
        let lines = (2017...2024).map { #"{"id":"y\#($0)","year":\#($0),"text":"Kluby seniora w dzielnicy i zajęcia dla seniorów \#($0)"}"# }
        let file = try s.write("years.jsonl", lines.joined(separator: "\n") + "\n")
        let r = try CLI.run(["report", file, "-o", s.path("r")], timeout: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOfFile: s.path("r/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<div class=\"scroll\">\n<table class=\"years\">"), html)
        XCTAssertTrue(html.contains("div.scroll { overflow-x: auto;"), html)
        XCTAssertEqual(html.components(separatedBy: "<div class=\"scroll\">").count - 1, 1, "only the years table")
        let krakow = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Reports/krakow/index.html"), encoding: .utf8)
        XCTAssertFalse(krakow.contains("div.scroll"))
    }
}
