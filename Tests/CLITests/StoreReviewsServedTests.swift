import Foundation
import XCTest

/// A review (themes, response, stance) is what the service shows for its postulate everywhere — the API, the
/// search, the pages — saying whose review it is, at once and after a restart: the product's point is that staff
/// find what the city answered. Real binary, real SQLite file, HTTP on loopback.
final class StoreReviewsServedTests: XCTestCase {
    func get(_ server: ServeTests.Server, _ path: String) throws -> String {
        let r = try StoreServiceTests.call(port: server.port, path)
        XCTAssertEqual(r.status, 200, path + "\n" + r.text)
        return r.text
    }

    func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testAReviewIsServedByTheAPISearchAndPagesAlsoAfterARestart() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let corpus = StoreDurabilityTests.corpus
        let first = try object(String(try XCTUnwrap(try String(contentsOf: CLI.repoRoot.appendingPathComponent(corpus), encoding: .utf8)
            .split(separator: "\n").first)))
        let id = try XCTUnwrap(first["id"] as? String)
        let text = try XCTUnwrap(first["text"] as? String)
        let query = try XCTUnwrap(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let answer = "Zarząd Zieleni Miejskiej zaplanował to na 2027 rok."
        var server = try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", corpus])
        let review = try StoreServiceTests.call(port: server.port, "/api/postulates/\(id)/review", method: "PUT", token: StoreServiceTests.tokenA,
                                                body: #"{"themes":["seniors"],"response":"\#(answer)","stance":"referred","same_as":["krakow-2025-06-17-02"],"note":"sprawdzone"}"#)
        XCTAssertEqual(review.status, 200, review.text)

        for round in ["po recenzji", "po ponownym uruchomieniu"] {
            let shown = try object(try get(server, "/api/postulates/\(id)"))
            XCTAssertEqual(shown["stance"] as? String, "referred", round)
            let record = try XCTUnwrap(shown["record"] as? [String: Any], round)
            XCTAssertEqual(record["response"] as? String, answer, round)
            XCTAssertEqual(record["reviewed_by"] as? String, "ala", round)
            XCTAssertNotNil(record["reviewed_at"] as? String, round)
            XCTAssertEqual((shown["themes"] as? [String: Any])?["gold"] as? [String], ["seniors"], round)

            let similar = try object(try get(server, "/api/similar?q=\(query)&top=1"))
            let hits = try XCTUnwrap(similar["results"] as? [[String: Any]])
            XCTAssertEqual(hits.count, 1, round)
            XCTAssertEqual(hits.first?["id"] as? String, id, round)
            XCTAssertEqual(hits.first?["response"] as? String, answer, round)
            XCTAssertEqual(hits.first?["stance"] as? String, "referred", round)
            XCTAssertEqual(hits.first?["reviewed_by"] as? String, "ala", round)

            let search = try get(server, "/search?q=\(query)&top=1")
            XCTAssertTrue(search.contains(answer), round)
            XCTAssertTrue(search.contains("(z recenzji: ala, "), round)
            let page = try get(server, "/postulates/\(id)")
            XCTAssertTrue(page.contains(answer), round)
            XCTAssertTrue(page.contains("Z recenzji"), round)
            XCTAssertTrue(page.contains("Oznaczone w recenzji (ala)"), round)
            XCTAssertTrue(page.contains("href=\"/postulates/\(id)/review\""), round)
            XCTAssertTrue(page.contains("href=\"/api/postulates/\(id)/history\""), round)
            // read as a clerk reads it: the linked postulate a link, Polish field names, a readable UTC time
            XCTAssertTrue(page.contains("<dt>Powtarza (z recenzji)</dt><dd><a href=\"/postulates/krakow-2025-06-17-02\">krakow-2025-06-17-02</a>"), round)
            XCTAssertTrue(page.contains("<dt>Notatka z recenzji</dt>"), round)
            XCTAssertFalse(page.contains("Nie powraca w innych latach"), "the reviewer linked it: " + round)
            XCTAssertFalse(page.contains("<dt>same_as</dt>") || page.contains("<dt>review_note</dt>"), round)
            XCTAssertNotNil(page.range(of: #"Z recenzji</dt><dd dir="auto">ala, 20\d\d-\d\d-\d\d \d\d:\d\d UTC<"#, options: .regularExpression), round)

            XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
            if round == "po recenzji" { server = try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", corpus]) }
        }
    }
}
