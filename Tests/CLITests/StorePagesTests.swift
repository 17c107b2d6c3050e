import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The staff's pages over the store, through the built binary: sign-in, the CSRF token and origin checks, the
/// review form, the queue, adding postulates by form.
final class StorePagesTests: XCTestCase {
    /// Redirects are answers here (the test reads their Location and Set-Cookie), and cookies are sent by hand.
    final class NoRedirect: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }
    let session: URLSession = {
        let c = URLSessionConfiguration.ephemeral
        c.httpCookieStorage = nil
        c.httpShouldSetCookies = false
        c.httpCookieAcceptPolicy = .never
        return URLSession(configuration: c, delegate: NoRedirect(), delegateQueue: nil)
    }()

    func send(_ port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:],
              form: [(String, String)]? = nil, file: (field: String, name: String, content: String)? = nil) throws -> (status: Int, headers: [String: String], text: String) {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)" + path)!)
        r.httpMethod = method
        r.httpShouldHandleCookies = false
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        if let form {
            let boundary = "----granica\(UUID().uuidString)"
            var body = ""
            for (k, v) in form { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n" }
            if let file {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n\(file.content)\r\n"
            }
            body += "--\(boundary)--\r\n"
            r.httpBody = Data(body.utf8)
            r.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        }
        r.timeoutInterval = 60
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: String], String)?
        nonisolated(unsafe) var failure: Error?
        session.dataTask(with: r) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var h: [String: String] = [:]
                for (k, v) in http.allHeaderFields { h[String(describing: k).lowercased()] = String(describing: v) }
                result = (http.statusCode, h, String(decoding: data ?? Data(), as: UTF8.self))
            } else { failure = error }
            done.signal()
        }.resume()
        done.wait()
        if let result { return result }
        throw failure ?? NSError(domain: "pages", code: 1)
    }

    func testSignInReviewFormQueueAndAddFormWithCSRFAndOriginChecks() throws {
        let s = try Scratch()
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", s.path("store.sqlite"), "--tokens", tokens,
                                            "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        let port = server.port
        let own = ["Origin": "http://127.0.0.1:\(port)"]

        let queue = try send(port, "/review")
        XCTAssertEqual(queue.status, 200)
        XCTAssertEqual(queue.text.components(separatedBy: "recenzuj ").count - 1, 14, "every unreviewed postulate is queued")
        let add = try send(port, "/add")
        XCTAssertEqual(add.status, 303)
        XCTAssertEqual(add.headers["location"], "/login?next=/add")

        XCTAssertEqual(try send(port, "/login", method: "POST", headers: own, form: [("token", "zly-token-0000000000"), ("next", "/review")]).status, 403)
        XCTAssertEqual(try send(port, "/login", method: "POST", headers: ["Origin": "http://evil.example"],
                                form: [("token", StoreServiceTests.tokenA), ("next", "/review")]).status, 403)
        let login = try send(port, "/login", method: "POST", headers: own, form: [("token", StoreServiceTests.tokenA), ("next", "//evil.example/")])
        XCTAssertEqual(login.status, 303)
        XCTAssertEqual(login.headers["location"], "/review", "only a path of this server is followed")
        let setCookie = try XCTUnwrap(login.headers["set-cookie"])
        XCTAssertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie)
        let cookie = String(setCookie.split(separator: ";")[0])

        let id = "krakow-2025-06-17-03"
        let page = try send(port, "/postulates/\(id)/review", headers: ["Cookie": cookie])
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["referrer-policy"], "same-origin")
        XCTAssertNotNil(page.headers["content-security-policy"])
        XCTAssertFalse(page.text.contains("<script"))
        XCTAssertEqual(page.text.components(separatedBy: "name=\"theme\"").count - 1, 5, "one checkbox per theme of the taxonomy")
        // Staff see whose name their review will carry; without a session the page offers the sign-in instead.
        XCTAssertTrue(page.text.contains("<span class=\"account\">Zalogowano: ala</span>"), page.text)
        XCTAssertFalse(page.text.contains("href=\"/login\""), "signed in: no sign-in link")
        XCTAssertTrue(queue.text.contains("href=\"/login\"") && !queue.text.contains("Zalogowano"), queue.text)
        for path in ["/review", "/", "/search?q=kluby", "/postulates/\(id)", "/tag"] {
            XCTAssertTrue(try send(port, path, headers: ["Cookie": cookie]).text.contains("Zalogowano: ala"), path)
        }
        // Error pages keep the frame (the staff's links, who is signed in); a refused search keeps what was typed.
        let missing = try send(port, "/postulates/brak-takiego", headers: ["Cookie": cookie])
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.text.contains("href=\"/review\"") && missing.text.contains("Zalogowano: ala"), missing.text)
        let refused = try send(port, "/search?q=kluby%20seniora%20na%20Kazimierzu&top=0", headers: ["Cookie": cookie])
        XCTAssertEqual(refused.status, 400)
        XCTAssertTrue(refused.text.contains(">kluby seniora na Kazimierzu</textarea>"), refused.text)
        XCTAssertTrue(refused.text.contains("href=\"/review\""), refused.text)
        // The empty stance is "no change", and says so (it was read as "no stance").
        XCTAssertTrue(page.text.contains("<option value=\"\">— (bez zmiany") || page.text.contains("<option value=\"\">— (brak stanowiska)"), page.text)
        XCTAssertTrue(page.text.contains("Puste pole zostawia odpowiedź z rekordu"), page.text)
        let csrfRange = try XCTUnwrap(page.text.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression))
        let csrf = String(page.text[csrfRange].dropFirst(#"name="csrf" value=""#.count).dropLast())

        let review: [(String, String)] = [("csrf", csrf), ("theme", "seniors"), ("theme", "youth"), ("stance", "referred"),
                                          ("note", "z formularza"), ("response", "")]
        // Refused: another origin, a cross-site fetch, a wrong token, no session.
        XCTAssertEqual(try send(port, "/postulates/\(id)/review", method: "POST", headers: ["Origin": "http://evil.example", "Cookie": cookie], form: review).status, 403)
        XCTAssertEqual(try send(port, "/postulates/\(id)/review", method: "POST", headers: ["Sec-Fetch-Site": "cross-site", "Cookie": cookie], form: review).status, 403)
        XCTAssertEqual(try send(port, "/postulates/\(id)/review", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a },
                                form: [("csrf", String(repeating: "0", count: 64))] + review.dropFirst()).status, 403)
        let noSession = try send(port, "/postulates/\(id)/review", method: "POST", headers: own, form: review)
        XCTAssertEqual(noSession.status, 403)
        XCTAssertTrue(noSession.text.contains("Odmowa dostępu (403)") && noSession.text.contains("<a href=\"/login\">Zaloguj się</a>"),
                      "an expired session is not a server error, and the sign-in is one click away: " + noSession.text)
        XCTAssertEqual(try StoreServiceTests.call(port: port, "/api/postulates/\(id)/history").text.components(separatedBy: "\"action\"").count - 1, 1,
                       "nothing changed by the refused posts")

        let saved = try send(port, "/postulates/\(id)/review", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a }, form: review)
        XCTAssertEqual(saved.status, 303, saved.text)
        XCTAssertEqual(saved.headers["location"], "/review")
        let stored = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try StoreServiceTests.call(port: port, "/api/postulates/\(id)").text.utf8)) as? [String: Any])
        let r = try XCTUnwrap(stored["review"] as? [String: Any])
        XCTAssertEqual(r["themes"] as? [String], ["seniors", "youth"])
        XCTAssertEqual(r["stance"] as? String, "referred")
        XCTAssertEqual(r["reviewer"] as? String, "ala")
        XCTAssertTrue(r["response"] is NSNull, "an empty field clears")
        XCTAssertEqual(try send(port, "/review").text.components(separatedBy: "recenzuj ").count - 1, 13, "the reviewed one leaves the queue")

        // Adding by form: found by the next search.
        let addPage = try send(port, "/add", headers: ["Cookie": cookie])
        XCTAssertEqual(addPage.status, 200)
        let added = try send(port, "/add", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a },
                             form: [("csrf", csrf), ("text", "{\"id\":\"z-formularza\",\"text\":\"Szachownice do gry w parku dla seniorów\"}\n")])
        XCTAssertEqual(added.status, 303, added.text)
        XCTAssertEqual(added.headers["location"], "/add?added")
        let listed = try send(port, "/add?added", headers: ["Cookie": cookie])
        XCTAssertEqual(listed.status, 200)
        XCTAssertTrue(listed.text.contains("Dodano 1 postulat; od razu jest w wyszukiwaniu"), listed.text)
        XCTAssertTrue(listed.text.contains("href=\"/postulates/z-formularza/review\""), listed.text)
        let similar = try StoreServiceTests.call(port: port, "/api/similar?q=szachownice%20w%20parku&top=1").text
        XCTAssertTrue(similar.contains("\"id\":\"z-formularza\""), similar)
        let bad = try send(port, "/add", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a },
                           form: [("csrf", csrf), ("text", "{\"id\":\"z-formularza\",\"text\":\"drugi raz\"}\n")])
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(bad.text.contains("jest już w magazynie"), bad.text)
        XCTAssertTrue(bad.text.contains("drugi raz"), "the pasted records come back in the form: " + bad.text)
        // A clerk's spreadsheet uploaded as a .csv file is read as `store import` reads it.
        let sheet = try send(port, "/add", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a },
                             form: [("csrf", csrf), ("text", "")],
                             file: ("file", "nowe wnioski.csv", "Identyfikator;Rok;Treść postulatu\nz-arkusza;2026;Ławki przy przystanku\n"))
        XCTAssertEqual(sheet.status, 303, sheet.text)
        XCTAssertTrue(try send(port, "/add?added", headers: ["Cookie": cookie]).text.contains("href=\"/postulates/z-arkusza/review\""))
        // The queue narrowed to this year's submissions.
        let all = try send(port, "/review", headers: ["Cookie": cookie]).text
        XCTAssertTrue(all.contains("<a href=\"/review?year=2026\">2026 (1)</a>") && all.contains("2025 (13)"), all)
        let year = try send(port, "/review?year=2026", headers: ["Cookie": cookie]).text
        XCTAssertEqual(year.components(separatedBy: "recenzuj ").count - 1, 1, year)
        XCTAssertTrue(year.contains("recenzuj z-arkusza"), year)
        XCTAssertEqual(try send(port, "/review?year=dwa", headers: ["Cookie": cookie]).status, 400)
        let badSheet = try send(port, "/add", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a },
                                form: [("csrf", csrf), ("text", "")],
                                file: ("file", "zle wnioski.csv", "Identyfikator;Rok;Treść postulatu\nz-arkusza-2;dwa tysiące;Ławki\n"))
        XCTAssertEqual(badSheet.status, 400)
        XCTAssertTrue(badSheet.text.contains("zle_wnioski.csv:2"), "the error names the clerk's own file: " + badSheet.text)

        // Sign-out: refused without the form token; with it the session ends and the cookie is cleared.
        XCTAssertTrue(addPage.text.contains("action=\"/logout\""), addPage.text)
        let forged = try send(port, "/logout", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a }, form: [("csrf", "zly")])
        XCTAssertEqual(forged.status, 403)
        XCTAssertEqual(try send(port, "/add", headers: ["Cookie": cookie]).status, 200, "a refused sign-out leaves the session")
        let out = try send(port, "/logout", method: "POST", headers: own.merging(["Cookie": cookie]) { a, _ in a }, form: [("csrf", csrf)])
        XCTAssertEqual(out.status, 303)
        XCTAssertEqual(out.headers["location"], "/login")
        XCTAssertTrue(out.headers["set-cookie"]?.contains("Max-Age=0") ?? false, "\(out.headers)")
        let after = try send(port, "/add", headers: ["Cookie": cookie])
        XCTAssertEqual(after.status, 303, "the session ended")
        XCTAssertEqual(after.headers["location"], "/login?next=/add")
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
    }

    /// A restart (an upgrade, a new model) keeps the staff signed in: the sessions are kept beside the store, private
    /// to its owner. A session whose name left the tokens file is not brought back; a sign-out is kept too.
    func testSessionsOutliveARestartButNotARemovedToken() throws {
        let s = try Scratch()
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let store = s.path("store.sqlite")
        let args = ["--store", store, "--tokens", tokens, "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"]
        let first = try ServeTests.Server(args)
        let login = try send(first.port, "/login", method: "POST", headers: ["Origin": "http://127.0.0.1:\(first.port)"],
                             form: [("token", StoreServiceTests.tokenA), ("next", "/add")])
        XCTAssertEqual(login.status, 303)
        let cookie = String(try XCTUnwrap(login.headers["set-cookie"]).split(separator: ";")[0])
        let form = try send(first.port, "/add", headers: ["Cookie": cookie])
        XCTAssertEqual(form.status, 200)
        XCTAssertEqual(first.stop(SIGTERM), 0, first.stderr)
        let kept = try FileManager.default.attributesOfItem(atPath: store + ".sessions")
        XCTAssertEqual((kept[.posixPermissions] as? NSNumber)?.intValue, 0o600, "the session ids are secrets")

        let second = try ServeTests.Server(args)
        let again = try send(second.port, "/add", headers: ["Cookie": cookie])
        XCTAssertEqual(again.status, 200, "still signed in after the restart")
        XCTAssertTrue(again.text.contains("Zalogowano: ala"), again.text)
        // The form token of the page before the restart still posts.
        let csrf = try XCTUnwrap(form.text.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.prefix(64))
        let out = try send(second.port, "/logout", method: "POST", headers: ["Origin": "http://127.0.0.1:\(second.port)", "Cookie": cookie],
                           form: [("csrf", String(csrf))])
        XCTAssertEqual(out.status, 303, out.text)
        XCTAssertEqual(second.stop(SIGTERM), 0, second.stderr)
        let third = try ServeTests.Server(args)
        XCTAssertEqual(try send(third.port, "/add", headers: ["Cookie": cookie]).status, 303, "a sign-out outlives the restart too")
        let relogin = try send(third.port, "/login", method: "POST", headers: ["Origin": "http://127.0.0.1:\(third.port)"],
                               form: [("token", StoreServiceTests.tokenA), ("next", "/add")])
        let cookie2 = String(try XCTUnwrap(relogin.headers["set-cookie"]).split(separator: ";")[0])
        XCTAssertEqual(third.stop(SIGTERM), 0, third.stderr)

        // The token taken away: that session is not brought back.
        try Data("ola:\(StoreServiceTests.tokenB)\n".utf8).write(to: URL(fileURLWithPath: tokens))
        let fourth = try ServeTests.Server(args)
        XCTAssertEqual(try send(fourth.port, "/add", headers: ["Cookie": cookie2]).status, 303, "ala's token was removed")
        XCTAssertEqual(fourth.stop(SIGTERM), 0, fourth.stderr)
    }
}
