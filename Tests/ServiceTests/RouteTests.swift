import Corpus
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Service
import XCTest

/// The routes through Hummingbird's testing client (no socket): statuses, bodies, headers, limits.
final class RouteTests: XCTestCase {
    func get(_ uri: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { try check($0) }
        }
    }

    func testHomeShowsTheCorpusAtAGlanceWithSearchBoxAndReportLink() async throws {
        try await get("/") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertNotNil(r.headers[.contentSecurityPolicy])
            XCTAssertTrue(r.headers[.contentSecurityPolicy]!.contains("default-src 'none'"))
            XCTAssertTrue(r.text.contains("<form action=\"/search\""))
            XCTAssertTrue(r.text.contains("href=\"/report/\""))
            XCTAssertTrue(r.text.contains("473 postulaty"), "472 of Corpora + 1 hostile")
            XCTAssertTrue(r.text.contains("<td>2021</td>"))
            XCTAssertFalse(r.text.contains("<script"))
        }
    }

    func testSimilarAPIHasTheQueryThemesAndEarlierPostulatesBestFirst() async throws {
        try await get("/api/similar?q=kluby+seniorow+w+dzielnicach&top=3&before=2026") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8")
            let json = try JSONValue.parse(r.text)
            let query = try XCTUnwrap(json["query"])
            XCTAssertEqual(query["terms"]?.arrayValue?.compactMap(\.stringValue), ["klub", "senior", "dzielnica"],
                           "text typed without Polish letters is read as with them")
            XCTAssertEqual(query["themes"]?["predicted"]?.arrayValue?.compactMap(\.stringValue), ["seniors"])
            XCTAssertNotNil(query["themes"]?["scores"]?["seniors"])
            XCTAssertNotNil(query["themes"]?["evidence"]?["seniors"])
            let results = try XCTUnwrap(json["results"]?.arrayValue)
            XCTAssertEqual(results.count, 3)
            var last = Double.infinity
            for hit in results {
                for key in ["id", "year", "organisation", "text", "response", "stance", "score", "shared_terms"] {
                    XCTAssertNotNil(hit[key], key)
                }
                XCTAssertLessThan(hit["year"]?.intValue ?? 9999, 2026)
                let score = Double(hit["score"].flatMap { if case .number(let n) = $0 { return n } else { return nil } } ?? "") ?? -1
                XCTAssertLessThanOrEqual(score, last)
                last = score
            }
        }
    }

    func testThemeFilterKeepsOnlyPostulatesWithTheTheme() async throws {
        let engine = try Fixture.engine.get()
        let a = engine.search(SearchQuery(text: "kluby seniora", top: 5, theme: "youth"))
        XCTAssertFalse(a.results.isEmpty)
        for f in a.results {
            let slot = try XCTUnwrap(engine.record(f.hit.postulate.id))
            XCTAssertTrue(engine.themes(of: slot).contains("youth"), f.hit.postulate.id)
        }
    }

    func testSearchPageMarksSharedTermsAndShowsResponseAndStance() async throws {
        try await get("/search?q=kluby+seniorow&top=3") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.text.contains("<mark>"), "shared terms highlighted")
            XCTAssertTrue(r.text.contains("Odpowiedź miasta"))
            XCTAssertTrue(r.text.contains("stanowisko: "))
            XCTAssertTrue(r.text.contains("Tematy zapytania"))
            XCTAssertTrue(r.text.contains(">seniorzy<"))
            XCTAssertNotNil(r.headers[.contentSecurityPolicy])
        }
    }

    func testSearchWithoutQueryGoesHome() async throws {
        try await get("/search?q=") { r in
            XCTAssertEqual(r.status, .seeOther)
            XCTAssertEqual(r.headers[.location], "/")
        }
    }

    func testPostulatePageAndJSONShowClusterTimelineAndEarlierOnes() async throws {
        try await get("/postulates/b-2025-024") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertTrue(r.text.contains("<ol class=\"timeline\">"))
            XCTAssertTrue(r.text.contains("Najbliższe wcześniejsze postulaty"))
            XCTAssertTrue(r.text.contains("Oznaczone przez analityków"))
        }
        try await get("/api/postulates/b-2025-024") { r in
            XCTAssertEqual(r.status, .ok)
            let json = try JSONValue.parse(r.text)
            XCTAssertEqual(json["record"]?["id"]?.stringValue, "b-2025-024")
            XCTAssertEqual(json["themes"]?["gold"]?.arrayValue?.count, 2)
            XCTAssertNotNil(json["themes"]?["predicted"])
            let cluster = try XCTUnwrap(json["cluster"]?.arrayValue)
            XCTAssertGreaterThanOrEqual(cluster.count, 2)
            XCTAssertTrue(cluster.contains { $0["id"]?.stringValue == "b-2025-024" })
            let years = cluster.compactMap { $0["year"]?.intValue }
            XCTAssertEqual(years, years.sorted(), "a timeline: oldest first")
            let earlier = try XCTUnwrap(json["earlier"]?.arrayValue)
            XCTAssertEqual(earlier.count, 5, "the default number of earlier postulates")
            for hit in earlier { XCTAssertLessThan(hit["year"]?.intValue ?? 9999, 2025) }
        }
    }

    func testUnknownIDsAre404AsPageOrJSONByPath() async throws {
        try await get("/postulates/nie-ma-takiego") { r in
            XCTAssertEqual(r.status, .notFound)
            XCTAssertEqual(r.headers[.contentType], "text/html; charset=utf-8")
            XCTAssertTrue(r.text.contains("nie ma postulatu o identyfikatorze „nie-ma-takiego”"))
        }
        try await get("/api/postulates/nie-ma-takiego") { r in
            XCTAssertEqual(r.status, .notFound)
            XCTAssertEqual(try JSONValue.parse(r.text)["error"]?["status"]?.intValue, 404)
        }
        try await get("/api/nothing-here") { r in
            XCTAssertEqual(r.status, .notFound)
            XCTAssertEqual(try JSONValue.parse(r.text)["error"]?["status"]?.intValue, 404)
        }
        try await get("/nothing-here") { r in
            XCTAssertEqual(r.status, .notFound)
            XCTAssertTrue(r.text.contains("Nie znaleziono"))
        }
    }

    func testWrongMethodsAre405WithAllow() async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: "/api/similar?q=x", method: .post) { r in
                XCTAssertEqual(r.status, .methodNotAllowed)
                XCTAssertEqual(r.headers[.allow], "GET")
                XCTAssertEqual(try JSONValue.parse(r.text)["error"]?["status"]?.intValue, 405)
            }
            try await client.execute(uri: "/api/tag", method: .get) { r in
                XCTAssertEqual(r.status, .methodNotAllowed)
                XCTAssertEqual(r.headers[.allow], "POST")
            }
            try await client.execute(uri: "/", method: .delete) { r in
                XCTAssertEqual(r.status, .methodNotAllowed)
                XCTAssertTrue(r.text.contains("Niedozwolona metoda"))
            }
            try await client.execute(uri: "/postulates/a-2021-001", method: .put) { r in
                XCTAssertEqual(r.status, .methodNotAllowed)
            }
            try await client.execute(uri: "/healthz", method: .head) { r in
                XCTAssertEqual(r.status, .ok, "HEAD answers where GET does")
            }
            try await client.execute(uri: "/api/tag", method: .head) { r in
                XCTAssertEqual(r.status, .methodNotAllowed)
            }
        }
    }

    func testQueryLimitsAre400() async throws {
        let long = String(repeating: "a", count: 5001)
        try await get("/api/similar?q=" + long) { r in
            XCTAssertEqual(r.status, .badRequest)
            XCTAssertTrue(r.text.contains("5001 znaków"), r.text)
        }
        try await get("/search?q=" + long) { r in
            XCTAssertEqual(r.status, .badRequest)
            XCTAssertTrue(r.text.contains("Błędne żądanie"))
        }
        try await get("/api/similar?q=" + String(repeating: "a", count: 5000)) { r in XCTAssertEqual(r.status, .ok) }
        try await get("/api/similar") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=x&top=0") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=x&top=101") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=x&top=abc") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=x&before=rok") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=x&theme=%3Cscript%3E") { r in
            XCTAssertEqual(r.status, .badRequest)
            XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8")
            XCTAssertEqual(r.headers[.xContentTypeOptions], "nosniff", "never sniffed as HTML")
            XCTAssertTrue(try JSONValue.parse(r.text)["error"]?["message"]?.stringValue?.contains("security") ?? false)
        }
        try await get("/api/similar?q=%ZZ") { r in XCTAssertEqual(r.status, .badRequest) }
        try await get("/api/similar?q=%C5") { r in XCTAssertEqual(r.status, .badRequest, "not UTF-8") }
    }

    func testReportIsServedAndNothingOutsideIt() async throws {
        try await Fixture.app().test(.router) { client in
            try await client.execute(uri: "/report/", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertTrue(r.text.contains("<html"))
                XCTAssertNotNil(r.headers[.contentSecurityPolicy])
            }
            try await client.execute(uri: "/report", method: .get) { r in
                XCTAssertEqual(r.status, .seeOther)
                XCTAssertEqual(r.headers[.location], "/report/")
            }
            try await client.execute(uri: "/report/report.md", method: .get) { r in XCTAssertEqual(r.status, .ok) }
            for path in ["/report/../Package.swift", "/report/..%2FPackage.swift", "/report/%2e%2e/Package.swift",
                         "/report/..%2F..%2F..%2Fetc%2Fpasswd", "/report/%2Fetc%2Fpasswd", "/report/./index.html/..",
                         "/report/index.html%00", "/report/../../Models/themes.model"] {
                try await client.execute(uri: path, method: .get) { r in
                    XCTAssertEqual(r.status, .notFound, path)
                    XCTAssertFalse(r.text.contains("swift-tools-version"), path)
                    XCTAssertFalse(r.text.contains("root:"), path)
                }
            }
        }
    }

    func testHealthAndOpenAPI() async throws {
        try await get("/healthz") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(try JSONValue.parse(r.text)["status"]?.stringValue, "ok")
        }
        let file = try String(contentsOf: Fixture.repoRoot.appendingPathComponent("docs/openapi.json"), encoding: .utf8)
        try await get("/openapi.json") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.text, file, "served as kept in the repository (docs/openapi.json)")
        }
    }

    /// Browsers ask every page's icon at /favicon.ico: an SVG, not a 404 in the log.
    func testFaviconIsAnIcon() async throws {
        try await get("/favicon.ico") { r in
            XCTAssertEqual(r.status, .ok)
            XCTAssertEqual(r.headers[.contentType], "image/svg+xml")
            XCTAssertTrue(r.text.hasPrefix("<svg "), r.text)
            XCTAssertTrue(r.text.hasSuffix("</svg>\n"), r.text)
        }
    }

    /// Every route is in the OpenAPI document and every path+method of the document is a route.
    func testRoutesAndOpenAPIDocumentAgreeBothWays() throws {
        let file = try String(contentsOf: Fixture.repoRoot.appendingPathComponent("docs/openapi.json"), encoding: .utf8)
        let doc = try JSONValue.parse(file)
        XCTAssertTrue(doc["openapi"]?.stringValue?.hasPrefix("3.") ?? false)
        var documented = Set<String>()
        for (path, item) in doc["paths"]?.objectValue ?? [] {
            for (method, _) in item.objectValue ?? [] { documented.insert(method.uppercased() + " " + path) }
        }
        let routed = Set(ServiceRoutes.all.map { $0.method.rawValue + " " + $0.path })
        XCTAssertEqual(routed.subtracting(documented), [], "routes missing from docs/openapi.json")
        XCTAssertEqual(documented.subtracting(routed), [], "documented paths that are not routes")
    }

    func testRequestsAreLoggedOneLineEach() async throws {
        let lines = LockedLines()
        let app = Application(router: ServiceApplication.router(try Fixture.engine.get(), log: RequestLog(sink: { lines.append($0) })))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz?x=secret", method: .get) { _ in }
            try await client.execute(uri: "/api/postulates/none", method: .get) { _ in }
        }
        let logged = lines.all
        XCTAssertEqual(logged.count, 2)
        XCTAssertTrue(logged[0].hasPrefix("GET /healthz 200 "), logged[0])
        XCTAssertTrue(logged[0].hasSuffix(" ms"))
        XCTAssertFalse(logged[0].contains("secret"), "the query (a resident's text) is not logged")
        XCTAssertTrue(logged[1].hasPrefix("GET /api/postulates/none 404 "), logged[1])
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
