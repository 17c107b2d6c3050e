import Foundation
import XCTest

/// Reviewed `same_as` links as gold pairs for the duplicate figures (issue 18), end to end: a real SQLite store made
/// by `serve --store`, postulates and reviews over HTTP, then `eval --store` and `dedupe EXPORT --gold`.
final class StoreGoldPairsTests: XCTestCase {
    /// The corpus the store starts from (2024), and the year's submissions added over HTTP (2025–2026); also read
    /// by Benchmarks/store/gold-example.sh.
    static let seed = "Tests/CLITests/Fixtures/store-gold-seed.jsonl"
    static let added = "Tests/CLITests/Fixtures/store-gold-added.jsonl"
    static func text(_ path: String) throws -> String {
        try String(contentsOf: CLI.repoRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// Reviews: n1 repeats s1, n2 repeats s2, n6 repeats n1 (so s1 too: links are transitive); n3 and n5 are
    /// reviewed without a link (judged different from every other reviewed postulate); s1–s4 and n4 are not
    /// reviewed.
    static let reviews: [(String, String)] = [
        ("n1", #"{"same_as":["s1"],"themes":["youth"]}"#),
        ("n2", #"{"same_as":["s2"]}"#),
        ("n6", #"{"same_as":["n1"],"note":"jak w 2025"}"#),
        ("n3", #"{"themes":["youth"]}"#),
        ("n5", #"{"stance":"referred"}"#),
    ]

    /// The reviewed figures: gold pairs s1–n1, n1–n6, s1–n6 (transitive), s2–n2; dedupe at 0.5 pairs the three
    /// texts of the bicycle path, the three of the pavement and s4–n4, not the litter bins. Judged (both reviewed):
    /// n1–n6 right, n3–n5 spurious; s3–n3, s3–n5, s4–n4 have an unreviewed side and no link: not judged.
    static let expected = """
      pary wzorcowe 4: znalezione 3, pominięte 1
      ocenione pary dedupe 2: trafne 1, fałszywe 1 (nieocenione: 3)
      P 0.500  R 0.750  F1 0.600

    """

    func testReviewedLinksAreGoldPairsInEvalAndInAnExport() throws {
        let s = try Scratch()
        let seed = Self.seed
        let db = s.path("store.sqlite")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", db, "--tokens", tokens, "--corpus", seed])
        let post = try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA,
                                              type: "application/x-ndjson", body: try Self.text(Self.added))
        XCTAssertEqual(post.status, 201, post.text)
        for (id, body) in Self.reviews {
            let r = try StoreServiceTests.call(port: server.port, "/api/postulates/\(id)/review", method: "PUT",
                                               token: StoreServiceTests.tokenA, body: body)
            XCTAssertEqual(r.status, 200, id + ": " + r.text)
        }
        XCTAssertEqual(server.stop(SIGTERM), 0)

        // The store's own figures, beside the corpus's authored groups (the seed has none).
        let eval = try CLI.run(["eval", "--folds", "2", "--store", db, "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"], timeout: 600)
        XCTAssertEqual(eval.status, 0, eval.stderr)
        let section = try XCTUnwrap(eval.out.range(of: "duplikaty: pary dedupe (próg 0.5) wobec par wzorcowych\n"), eval.out)
        let figures = String(eval.out[section.lowerBound...])
        XCTAssertTrue(figures.contains("zrecenzowane powiązania same_as (prawdziwe postulaty, \(db)): 3 powiązania, 5 zrecenzowanych postulatów\n"
                                       + Self.expected), figures)

        // The export carries the links and the reviewed marks: the same figures without the store.
        let export = s.path("reviewed.jsonl")
        XCTAssertEqual(try CLI.run(["store", "export", "--store", db, "-o", export]).status, 0)
        let exported = try String(contentsOfFile: export, encoding: .utf8)
        XCTAssertTrue(exported.contains(#""id":"n6","year":2026"#) && exported.contains(#""same_as":["n1"]"#), exported)
        let gold = try CLI.run(["dedupe", export, "--gold"])
        XCTAssertEqual(gold.status, 0, gold.stderr)
        XCTAssertEqual(gold.out, """
            duplikaty: pary dedupe (próg 0.5) wobec par wzorcowych
            autorskie grupy (pole group): brak
            zrecenzowane powiązania same_as (prawdziwe postulaty, \(export)): 3 powiązania, 5 zrecenzowanych postulatów

            """ + Self.expected)
        XCTAssertTrue(gold.stderr.contains("7 par"), gold.stderr)

        // Across years only: the gold pairs are all across years, the spurious n3–n5 (one year) is not reported.
        let across = try CLI.run(["dedupe", export, "--gold", "--across-years"])
        XCTAssertTrue(across.out.hasSuffix("""
              pary wzorcowe 4: znalezione 3, pominięte 1
              ocenione pary dedupe 1: trafne 1, fałszywe 0 (nieocenione: 3)
              P 1.000  R 0.750  F1 0.857

            """), across.out)
        XCTAssertNotEqual(try CLI.run(["dedupe", export, "--gold", "--format", "md"]).status, 0)
    }

    /// The authored groups are scored apart, every record judged; in English too.
    func testAuthoredGroupsAreScoredApartFromTheLinks() throws {
        let s = try Scratch()
        let file = try s.write("g.jsonl", """
            {"id":"a","year":2020,"group":"g1","text":"Budowa ścieżki rowerowej wzdłuż ulicy Kamiennej do pętli tramwajowej"}
            {"id":"b","year":2021,"group":"g1","text":"Budowa ścieżki rowerowej wzdłuż ulicy Kamiennej do pętli tramwajowej"}
            {"id":"c","year":2021,"group":"g1","text":"Kosze na psie odchody w alejkach parku Jordana"}
            {"id":"d","year":2021,"text":"Nowe ławki i oświetlenie na placu Wolnica"}
            {"id":"e","year":2022,"text":"Nowe ławki i oświetlenie na placu Wolnica"}

            """)
        let r = try CLI.run(["dedupe", file, "--gold", "--lang", "en"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out, """
            duplicates: dedupe's pairs (threshold 0.5) against the gold pairs
            authored groups (group field): 1 group
              gold pairs 3: found 1, missed 2
              judged dedupe pairs 2: right 1, spurious 1
              P 0.500  R 0.333  F1 0.400
            reviewed same_as links (real postulates, \(file)): no reviewed postulates

            """)
    }

    /// /healthz and the home page count what is served now: the postulates added over HTTP included.
    func testHealthAndHomePageCountThePostulatesAddedSinceTheStart() throws {
        let s = try Scratch()
        let seed = Self.seed
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", s.path("store.sqlite"), "--tokens", tokens, "--corpus", seed])
        func health() throws -> String { try StoreServiceTests.call(port: server.port, "/healthz").text }
        XCTAssertEqual(try health(), #"{"status":"ok","postulates":4,"indexed":4}"# + "\n")
        XCTAssertTrue(try StoreServiceTests.call(port: server.port, "/").text.contains("4 postulaty z 1 roku (2024–2024), 4 w indeksie podobieństwa."))
        let post = try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA,
                                              type: "application/x-ndjson", body: try Self.text(Self.added))
        XCTAssertEqual(post.status, 201, post.text)
        XCTAssertEqual(try health(), #"{"status":"ok","postulates":10,"indexed":10}"# + "\n")
        let home = try StoreServiceTests.call(port: server.port, "/").text
        XCTAssertTrue(home.contains("10 postulatów z 3 lat (2024–2026), 10 w indeksie podobieństwa."), home)
        XCTAssertTrue(home.contains(#"<td>2025</td><td class="n">5</td>"#), home)
        XCTAssertEqual(server.stop(SIGTERM), 0)
    }
}
