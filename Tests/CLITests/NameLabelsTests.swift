import Foundation
import XCTest

/// Where people read terms — `similar`'s text and the service's pages — a place or street reads as the texts
/// write it ("Obłużu", "Długiej"), never as the key that matches its case forms ("Obluz", "Dlud"); the JSON keeps
/// the terms (what programs match on).
final class NameLabelsTests: XCTestCase {
    static let corpus = """
        {"id":"o-2023","year":2023,"text":"Oświetlenie ulicy Długiej na Obłużu"}
        {"id":"r-2023","year":2023,"text":"Plac zabaw w Redłowie","district":null,"city":"Gdynia"}

        """

    func testSimilarTextShowsNamesAsWrittenAndJSONKeepsTheTerms() throws {
        let s = try Scratch()
        let corpus = try s.write("c.jsonl", Self.corpus)
        XCTAssertEqual(try CLI.run(["index", "build", corpus, "-o", s.path("c.index")]).status, 0)
        let text = try CLI.run(["similar", "Nowe oświetlenie ulicy Długiej na Obłużu", "--index", s.path("c.index"), "--top", "1"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let shared = try XCTUnwrap(text.out.split(separator: "\n").first { $0.contains("Wspólne terminy:") }, text.out)
        for word in ["Obłużu", "Długiej", "oświetlenie", "ulica"] { XCTAssertTrue(shared.contains(word), "\(word): \(shared)") }
        XCTAssertFalse(shared.contains("Obluz") || shared.contains("Dlud"), String(shared))

        let other = try CLI.run(["similar", "Plac zabaw w Orłowie", "--index", s.path("c.index"), "--top", "1"])
        let differing = try XCTUnwrap(other.out.split(separator: "\n").first { $0.contains("Różne nazwy i numery:") }, other.out)
        XCTAssertTrue(differing.contains("Orłowie ≠ Redłowie"), String(differing))

        let json = try CLI.run(["similar", "Nowe oświetlenie ulicy Długiej na Obłużu", "--index", s.path("c.index"), "--top", "1", "--format", "jsonl"])
        XCTAssertTrue(json.out.contains("\"Obluz\""), "programs get the term: " + json.out)
    }

    func testServicePagesShowNamesAsWritten() throws {
        let s = try Scratch()
        let corpus = try s.write("c.jsonl", Self.corpus)
        let server = try ServeTests.Server(["--corpus", corpus])
        let page = String(decoding: try server.request("/search?q=O%C5%9Bwietlenie%20ulicy%20D%C5%82ugiej%20na%20Ob%C5%82u%C5%BCu").body, as: UTF8.self)
        let shared = try XCTUnwrap(page.range(of: "wspólne terminy: [^<]*", options: .regularExpression).map { String(page[$0]) }, page)
        XCTAssertTrue(shared.contains("Obłużu") && shared.contains("Długiej"), shared)
        let terms = try XCTUnwrap(page.range(of: "Terminy zapytania: [^<]*", options: .regularExpression).map { String(page[$0]) }, page)
        XCTAssertTrue(terms.contains("Obłużu"), terms)
        XCTAssertFalse(page.contains("Obluz") || page.contains("Dlud"), "no name key on the page")
        let record = String(decoding: try server.request("/postulates/o-2023").body, as: UTF8.self)
        XCTAssertFalse(record.contains("Obluz") || record.contains("Dlud"), "no name key on the postulate's page")
        let other = String(decoding: try server.request("/postulates/r-2023").body, as: UTF8.self)
        XCTAssertTrue(other.contains("<dt>Miasto</dt><dd dir=\"auto\">Gdynia</dd>"), "a sheet's fields in Polish")
        XCTAssertTrue(other.contains("<dt>Dzielnica</dt><dd dir=\"auto\">—</dd>"), "a JSON null is shown as nothing, not \"null\"")
    }

    /// The report's characteristic terms (summed from the model's evidence) show a school's name as the texts
    /// write it, in the page, the Markdown and the CSV table.
    func testReportShowsNamesAmongCharacteristicTermsAsWritten() throws {
        let s = try Scratch()
        let corpus = try s.write("n.jsonl", """
            {"id":"n1","year":2024,"text":"Plac zabaw przy Szkole Podstawowej na Obłużu"}
            {"id":"n2","year":2024,"text":"Boisko dla dzieci przy Szkole Podstawowej"}
            {"id":"n3","year":2024,"text":"Zajęcia dla młodzieży w Szkole Podstawowej"}
            {"id":"n4","year":2025,"text":"Remont placu zabaw dla dzieci ze Szkoły Podstawowej"}

            """)
        let tag = try CLI.run(["tag", corpus])
        XCTAssertTrue(tag.out.contains("\"Szkol\""), "the evidence holds the name's key: " + tag.out)
        // `why` is a sentence for people (it lands in a spreadsheet): the name as each record writes it.
        var whyWithName = 0
        for line in tag.out.split(separator: "\n") {
            let row = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let why = (row["why"] as? [String: String] ?? [:]).values.joined(separator: " | ")
            XCTAssertNil(why.range(of: "Szkol[^eya]|Szkol$", options: .regularExpression), "why shows the key: \(why)")
            if why.contains("Szkole") || why.contains("Szkoły") { whyWithName += 1 }
        }
        XCTAssertGreaterThanOrEqual(whyWithName, 2, tag.out)
        XCTAssertTrue(tag.out.contains("Szkoły"), "n4 writes \"Szkoły\": " + tag.out)
        let csv = try CLI.run(["tag", corpus, "--format", "csv"])
        XCTAssertNil(csv.out.range(of: "Szkol [0-9]", options: .regularExpression), csv.out)
        let r = try CLI.run(["report", corpus, "-o", s.path("r"), "--no-recurring"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for file in ["report.md", "index.html", "characteristic_terms.csv"] {
            let text = try String(contentsOfFile: s.path("r/" + file), encoding: .utf8)
            XCTAssertTrue(text.contains("Szkole"), file)
            XCTAssertNil(text.range(of: "Szkol[^ey]", options: .regularExpression), "\(file) shows the key")
        }
    }
}

