import Foundation
import XCTest

/// The service over HTTP (trial 3, items 3 and 12): hits show the record's city and district (pages and JSON), and
/// a model reload works without a store, as SIGHUP does: a known token of `--tokens` is all it needs.
final class ServePlaceAndReloadTests: XCTestCase {
    let corpus = """
    {"id":"g-2020","year":2020,"city":"Gdynia","district":"Obłuże","text":"Plac zabaw dla dzieci przy ulicy Zielonej"}
    {"id":"g-2021","year":2021,"city":"Gdynia","district":"Obłuże","text":"Plac zabaw dla dzieci przy ulicy Zielonej na Obłużu"}
    {"id":"g-2022","year":2022,"city":"Gdynia","text":"Plac zabaw dla dzieci przy ulicy Zielonej dla wszystkich mieszkańców"}

    """

    func testHitsShowThePlaceAndTheReloadNeedsATokenNotAStore() throws {
        let s = try Scratch()
        let file = try s.write("gdynia.jsonl", corpus)
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        _ = chmod(tokens, 0o600)
        let server = try ServeTests.Server(["--tokens", tokens, "--corpus", file])
        let port = server.port

        let api = try StoreServiceTests.call(port: port, "/api/similar?q=plac%20zabaw%20przy%20ulicy%20Zielonej&top=5")
        XCTAssertEqual(api.status, 200, api.text)
        XCTAssertTrue(api.text.contains(#""id":"g-2020","score":"#), api.text)
        XCTAssertTrue(api.text.contains(#""meeting":"","city":"Gdynia","district":"Obłuże","organisation":"""#), api.text)
        XCTAssertTrue(api.text.contains(#""meeting":"","city":"Gdynia","organisation":"""#), api.text)   // g-2022: no district
        let page = try StoreServiceTests.call(port: port, "/search?q=plac%20zabaw%20przy%20ulicy%20Zielonej")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("2020 · Gdynia, Obłuże · "), page.text)
        let one = try StoreServiceTests.call(port: port, "/postulates/g-2021")
        XCTAssertTrue(one.text.contains("2020 · Gdynia, Obłuże · "), one.text)   // its nearest earlier one
        let oneJSON = try StoreServiceTests.call(port: port, "/api/postulates/g-2021")
        XCTAssertTrue(oneJSON.text.contains(#""city":"Gdynia","district":"Obłuże""#), oneJSON.text)

        // No store: the reload is the token's, as SIGHUP is the process owner's.
        XCTAssertEqual(try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST").status, 401)
        XCTAssertEqual(try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenB).status, 403)
        let ok = try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenA)
        XCTAssertEqual(ok.status, 200, ok.text)
        XCTAssertTrue(ok.text.contains(#""labels":5"#), ok.text)
        // Store routes still say there is no store.
        XCTAssertEqual(try StoreServiceTests.call(port: port, "/api/export", token: StoreServiceTests.tokenA).status, 404)

        // SIGHUP: the seconds with a decimal comma, as the start-up line has them.
        kill(server.process.processIdentifier, SIGHUP)
        let deadline = Date().addingTimeInterval(60)
        while !server.stderr.contains("SIGHUP: wczytano model") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertNotNil(server.stderr.range(of: #"SIGHUP: wczytano model \S+ w [0-9]+,[0-9] s"#, options: .regularExpression), server.stderr)
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)

        // Without a tokens file nobody may reload: 403 saying why, not 404 "without a store".
        let bare = try ServeTests.Server(["--corpus", file])
        let refused = try StoreServiceTests.call(port: bare.port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenA)
        XCTAssertEqual(refused.status, 403, refused.text)
        XCTAssertTrue(refused.text.contains("--tokens"), refused.text)
        XCTAssertEqual(bare.stop(SIGTERM), 0, bare.stderr)
    }
}
