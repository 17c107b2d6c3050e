import Foundation
import XCTest

/// The service's report and start-up with a store, through the built binary: the report is of the store as served
/// (additions and reviews included, the staff's labels counted), and a store that holds postulates needs no corpus.
final class StoreReportTests: XCTestCase {
    func report(_ server: ServeTests.Server, _ file: String) throws -> String {
        let r = try StoreServiceTests.call(port: server.port, "/report/" + file)
        XCTAssertEqual(r.status, 200, r.text)
        return r.text
    }

    /// The `themes` column of the row of `id` in the served `postulates.csv`.
    func themes(of id: String, in csv: String) throws -> String {
        let lines = csv.split(separator: "\n").map(String.init)
        let columns = try XCTUnwrap(lines.first).replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ";").map(String.init)
        let at = try XCTUnwrap(columns.firstIndex(of: "themes"), columns.joined(separator: ";"))
        let row = try XCTUnwrap(lines.first { $0.hasPrefix(id + ";") }, "no row of \(id)")
        return String(row.split(separator: ";", omittingEmptySubsequences: false)[at])
    }

    func testServedReportFollowsAdditionsAndCountsTheStaffsReviewedThemes() throws {
        let s = try Scratch()
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", s.path("store.sqlite"), "--tokens", tokens,
                                            "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        let first = try report(server, "report.md")
        XCTAssertTrue(first.contains("14 postulatów"), first)
        XCTAssertTrue(first.contains("Źródła: " + s.path("store.sqlite")), "the store is the source: " + first)
        XCTAssertFalse(first.contains("Recenzja personelu"), first)

        let added = try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA,
                                               body: #"{"id":"nowy-2026","year":2026,"text":"Fontanna pitna w parku dla seniorów"}"#)
        XCTAssertEqual(added.status, 201, added.text)
        let second = try report(server, "report.md")
        XCTAssertTrue(second.contains("15 postulatów"), "the addition is in the next report: " + second)

        let id = "krakow-2025-06-17-03"
        let before = try themes(of: id, in: try report(server, "postulates.csv"))
        XCTAssertNotEqual(before, "security", "the model does not say security here, so the review below changes it")
        let reviewed = try StoreServiceTests.call(port: server.port, "/api/postulates/\(id)/review", method: "PUT",
                                                  token: StoreServiceTests.tokenA, body: #"{"themes":["security"],"stance":"rejected"}"#)
        XCTAssertEqual(reviewed.status, 200, reviewed.text)
        XCTAssertEqual(try themes(of: id, in: try report(server, "postulates.csv")), "security", "the staff's themes are counted")
        let third = try report(server, "report.md")
        XCTAssertTrue(third.contains("Recenzja personelu zastępuje je w 1 postulacie."), third)
        let stances = try report(server, "postulates.csv").split(separator: "\n").first { $0.hasPrefix(id + ";") } ?? ""
        XCTAssertTrue(stances.contains(";rejected;"), "the staff's stance is shown: " + stances)
        // The files `postulaty report` wrote are untouched by any of this.
        let written = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Reports/krakow/report.md"), encoding: .utf8)
        XCTAssertFalse(written.contains("Recenzja personelu"))
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
    }

    /// A postulate added while the service runs, repeating an earlier year's, joins its recurring demand without a
    /// restart (it was shown as "not recurring" until one).
    func testAnAdditionJoinsItsRecurringDemandWithoutARestart() throws {
        let s = try Scratch()
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", s.path("store.sqlite"), "--tokens", tokens,
                                            "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        func cluster(_ id: String) throws -> [String] {
            let r = try StoreServiceTests.call(port: server.port, "/api/postulates/\(id)")
            XCTAssertEqual(r.status, 200, r.text)
            let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
            return (o["cluster"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        let earlier = "krakow-2025-06-17-03"
        XCTAssertEqual(try cluster(earlier), [], "alone in the corpus")
        let text = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try StoreServiceTests.call(port: server.port, "/api/postulates/\(earlier)").text.utf8))
            as? [String: Any]).flatMap { ($0["record"] as? [String: Any])?["text"] as? String }
        let record = try JSONSerialization.data(withJSONObject: ["id": "ponownie-2026", "year": 2026, "text": try XCTUnwrap(text)])
        let added = try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA,
                                               body: String(decoding: record, as: UTF8.self))
        XCTAssertEqual(added.status, 201, added.text)
        let deadline = Date().addingTimeInterval(60)
        var members = try cluster("ponownie-2026")
        while members.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.1); members = try cluster("ponownie-2026") }
        XCTAssertEqual(members, [earlier, "ponownie-2026"], "the 2025 postulate and its 2026 repetition, in year order")
        XCTAssertEqual(try cluster(earlier), [earlier, "ponownie-2026"])
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
    }

    func testAStoreThatHoldsPostulatesStartsWithoutACorpusFolder() throws {
        let s = try Scratch()
        let store = s.path("store.sqlite")
        let corpus = CLI.repoRoot.appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl").path

        // An empty store with nothing to make it from: said, naming the option.
        let empty = try CLI.run(["serve", "--port", "0", "--store", store], cwd: s.url)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("magazyn jest pusty") && empty.stderr.contains("--corpus PLIKI"), empty.stderr)
        let none = try CLI.run(["serve", "--port", "0"], cwd: s.url)
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("podaj pliki korpusu: --corpus PLIKI"), none.stderr)

        let imported = try CLI.run(["store", "import", "--store", store, corpus], cwd: s.url)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        var server = try ServeTests.Server(["--store", store], cwd: s.url)
        XCTAssertTrue(try StoreServiceTests.call(port: server.port, "/healthz").text.contains("\"postulates\":14"))
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)

        // A named corpus beside a store that holds postulates is not read, and the start says so.
        let other = CLI.repoRoot.appendingPathComponent("Corpora/authored-a.jsonl").path
        server = try ServeTests.Server(["--store", store, "--corpus", other], cwd: s.url)
        XCTAssertTrue(server.stderr.contains("pominięto --corpus"), server.stderr)
        XCTAssertTrue(try StoreServiceTests.call(port: server.port, "/healthz").text.contains("\"postulates\":14"))
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
    }
}
