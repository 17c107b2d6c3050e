import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import XCTest

/// `postulaty serve --store --tokens`: writes over HTTP to a real SQLite file, through the built binary.
final class StoreServiceTests: XCTestCase {
    static let tokenA = "ala-0123456789abcdef"
    static let tokenB = "ola-fedcba9876543210"

    /// A scratch folder with a tokens file; the store is made there on the first start.
    func setUpStore() throws -> (Scratch, store: String, tokens: String) {
        let s = try Scratch()
        let tokens = try s.write("tokens", "# staff\nala:\(Self.tokenA)\nola:\(Self.tokenB)\n")
        return (s, s.path("store.sqlite"), tokens)
    }

    func start(_ store: String, _ tokens: String) throws -> ServeTests.Server {
        try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl",
                               "--replicas", "2"])
    }

    func call(_ server: ServeTests.Server, _ path: String, method: String = "GET", token: String? = nil,
              type: String? = "application/json", body: String? = nil) throws -> (status: Int, headers: [String: String], text: String) {
        try Self.call(port: server.port, path, method: method, token: token, type: type, body: body)
    }

    static func call(port: Int, _ path: String, method: String = "GET", token: String? = nil,
                     type: String? = "application/json", body: String? = nil, timeout: Double = 60) throws -> (status: Int, headers: [String: String], text: String) {
        var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)" + path)!)
        r.httpMethod = method
        r.httpBody = body.map { Data($0.utf8) }
        if let type, body != nil { r.setValue(type, forHTTPHeaderField: "Content-Type") }
        if let token { r.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        r.timeoutInterval = timeout
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: String], String)?
        nonisolated(unsafe) var failure: Error?
        URLSession.shared.dataTask(with: r) { data, response, error in
            if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
                result = (http.statusCode, headers, String(decoding: data ?? Data(), as: UTF8.self))
            } else { failure = error }
            done.signal()
        }.resume()
        done.wait()
        if let result { return result }
        throw failure ?? NSError(domain: "serve", code: 2)
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    /// The `error` object of an API error body.
    func errorObject(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try json(text)["error"] as? [String: Any], text)
    }

    func exportIDs(_ server: ServeTests.Server) throws -> [String] {
        let e = try call(server, "/api/export")
        XCTAssertEqual(e.status, 200)
        return try e.text.split(separator: "\n").map { try json(String($0))["id"] as? String ?? "?" }
    }

    func testWritesNeedATokenAreStoredFoundAtOnceAndKeptAcrossARestart() throws {
        let (scratch, store, tokens) = try setUpStore()
        _ = scratch
        var server = try start(store, tokens)
        XCTAssertTrue(server.stderr.contains("utworzono magazyn"), server.stderr)
        let before = try exportIDs(server)
        XCTAssertEqual(before.count, 14)

        let record = #"{"id":"nowy-1","year":2026,"text":"Fontanna pitna z wodą dla psów w parku Jordana","organisation":"Rada Dzielnicy","extra_field":{"a":[1,2]}}"#
        let none = try call(server, "/api/postulates", method: "POST", body: record)
        XCTAssertEqual(none.status, 401)
        XCTAssertEqual(none.headers["www-authenticate"], "Bearer realm=\"postulaty\"")
        XCTAssertEqual(try call(server, "/api/postulates", method: "POST", token: "nieznany-token-0000000", body: record).status, 403)
        XCTAssertEqual(try call(server, "/api/postulates", method: "POST", token: String(Self.tokenA.dropLast()), body: record).status, 403)

        let added = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, body: record)
        XCTAssertEqual(added.status, 201, added.text)
        XCTAssertEqual(try json(added.text)["ids"] as? [String], ["nowy-1"])
        // Found by the very next search, on whichever replica answers.
        for _ in 0..<3 {
            let similar = try json(try call(server, "/api/similar?q=fontanna%20pitna%20dla%20ps%C3%B3w&top=1").text)
            XCTAssertEqual(((similar["results"] as? [[String: Any]])?.first)?["id"] as? String, "nowy-1")
        }
        XCTAssertEqual(try call(server, "/api/postulates", method: "POST", token: Self.tokenA, body: record).status, 400, "the id is taken")

        // A batch with one bad record stores nothing.
        let batch = "{\"id\":\"nowy-2\",\"text\":\"Ławki\"}\n{\"id\":\"nowy-3\",\"text\":\"x\",\"themes\":[\"nie-ma-takiego\"]}\n"
        let refused = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, type: "application/x-ndjson", body: batch)
        XCTAssertEqual(refused.status, 400)
        XCTAssertTrue(refused.text.contains("upload.jsonl:2: pole „themes”"), refused.text)
        // …and says where for a program too: every problem with its line and field
        let problems = try XCTUnwrap(try errorObject(refused.text)["problems"] as? [[String: Any]], refused.text)
        XCTAssertEqual(problems.count, 1, refused.text)
        XCTAssertEqual(problems.first?["line"] as? Int, 2)
        XCTAssertEqual(problems.first?["field"] as? String, "themes")
        XCTAssertTrue((problems.first?["message"] as? String ?? "").contains("nie-ma-takiego"), refused.text)
        let broken = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, type: "application/x-ndjson",
                              body: "{\"id\":\"nowy-4\",\"text\":\"Ławki\"}\n{\"id\":\"nowy-5\",\n")
        XCTAssertEqual(broken.status, 400)
        let brokenProblems = try XCTUnwrap(try errorObject(broken.text)["problems"] as? [[String: Any]], broken.text)
        XCTAssertEqual(brokenProblems.map { $0["line"] as? Int }, [2], broken.text)
        XCTAssertEqual(try exportIDs(server), before + ["nowy-1"])

        // A review, attributed to the token's holder; a bad one changes nothing.
        let earlier = before[0]
        let review = try call(server, "/api/postulates/nowy-1/review", method: "PUT", token: Self.tokenB,
                              body: #"{"themes":["seniors"],"same_as":["\#(earlier)"],"stance":"referred","note":"do sprawdzenia"}"#)
        XCTAssertEqual(review.status, 200, review.text)
        XCTAssertEqual(try json(review.text)["reviewer"] as? String, "ola")
        for (body, field) in [(#"{"stance":"maybe"}"#, "stance"), (#"{"same_as":["brak"]}"#, "same_as"), (#"{"themes":["x"]}"#, "themes"),
                              (#"{"note":5}"#, "note"), (#"{"colour":"red"}"#, "colour")] {
            let bad = try call(server, "/api/postulates/nowy-1/review", method: "PUT", token: Self.tokenB, body: body)
            XCTAssertEqual(bad.status, 400, body)
            XCTAssertEqual(try errorObject(bad.text)["field"] as? String, field, bad.text)
        }
        let badTop = try call(server, "/api/similar?q=fontanna&top=abc")
        XCTAssertEqual(badTop.status, 400)
        XCTAssertEqual(try errorObject(badTop.text)["field"] as? String, "top", badTop.text)
        XCTAssertEqual(try call(server, "/api/postulates/brak/review", method: "PUT", token: Self.tokenB, body: "{}").status, 404)
        XCTAssertEqual(try call(server, "/api/postulates/nowy-1/review", method: "PUT", body: "{}").status, 401)
        // A body that is not declared JSON is refused, as for added postulates; a review naming no field adds no
        // audit entry (the history below has exactly one).
        let plain = try call(server, "/api/postulates/nowy-1/review", method: "PUT", token: Self.tokenB, type: "text/plain", body: #"{"note":"x"}"#)
        XCTAssertEqual(plain.status, 415, plain.text)
        let empty = try call(server, "/api/postulates/nowy-1/review", method: "PUT", token: Self.tokenB, body: "{}")
        XCTAssertEqual(empty.status, 400, empty.text)
        XCTAssertTrue(empty.text.contains("themes, same_as"), empty.text)
        let shown = try json(try call(server, "/api/postulates/nowy-1").text)
        let r = try XCTUnwrap(shown["review"] as? [String: Any])
        XCTAssertEqual(r["themes"] as? [String], ["seniors"])
        XCTAssertEqual(r["same_as"] as? [String], [earlier])
        XCTAssertEqual(r["note"] as? String, "do sprawdzenia")
        let history = try json(try call(server, "/api/postulates/nowy-1/history").text)
        let entries = try XCTUnwrap(history["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["action"] as? String }, ["add", "review"])
        XCTAssertEqual(entries.map { $0["who"] as? String }, ["ala", "ola"])

        // Kept across a restart (SIGTERM), and the reviewed fields are in the export.
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
        server = try start(store, tokens)
        XCTAssertFalse(server.stderr.contains("utworzono magazyn"), server.stderr)
        let export = try call(server, "/api/export").text
        let last = try json(String(try XCTUnwrap(export.split(separator: "\n").last)))
        XCTAssertEqual(last["id"] as? String, "nowy-1")
        XCTAssertEqual(last["themes"] as? [String], ["seniors"])
        XCTAssertEqual(last["response_stance"] as? String, "referred")
        XCTAssertNotNil(last["extra_field"])
        let similar = try json(try call(server, "/api/similar?q=fontanna%20pitna%20dla%20ps%C3%B3w&top=1").text)
        XCTAssertEqual(((similar["results"] as? [[String: Any]])?.first)?["id"] as? String, "nowy-1")
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
        let check = try CLI.run(["store", "check", "--store", store])
        XCTAssertEqual(check.status, 0, check.stderr + check.out)
        XCTAssertEqual(try CLI.run(["store", "export", "--store", store]).out, export, "the CLI and the API export the same bytes")
    }

    /// A byte-order mark (Notepad's JSONL) is read as by every other reader; blank and invisible-character ids,
    /// and a pasted document as a note, are refused naming the field; a service that cannot write says why.
    func testAddedTextIsReadLikeFilesAndOddInputIsRefusedNamingTheField() throws {
        let (scratch, store, tokens) = try setUpStore()
        _ = scratch
        let server = try start(store, tokens)
        let bom = "\u{FEFF}{\"id\":\"bom-1\",\"year\":2026,\"text\":\"Ławki w parku\"}\r\n"
        let added = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, type: "application/x-ndjson", body: bom)
        XCTAssertEqual(added.status, 201, added.text)
        for (id, message) in [(" ", "brak identyfikatora"), ("a\u{202E}b", "niewidoczny znak kierunku tekstu (U+202E)"),
                              (" x-1", "ma spacje na początku lub na końcu")] {
            let body = try String(decoding: JSONSerialization.data(withJSONObject: ["id": id, "year": 2026, "text": "Ławki"]), as: UTF8.self)
            let r = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, body: body)
            XCTAssertEqual(r.status, 400, id)
            let problems = try XCTUnwrap(try errorObject(r.text)["problems"] as? [[String: Any]], r.text)
            XCTAssertEqual(problems.first?["field"] as? String, "id", r.text)
            XCTAssertTrue((problems.first?["message"] as? String ?? "").contains(message), r.text)
        }
        // A clerk's spreadsheet (Polish headers, `;`, a quoted line break) is read as `store import` reads it.
        let sheet = "Identyfikator;Rok;Treść postulatu\r\ncsv-1;2026;\"Ławki\nw parku\"\r\ncsv-2;2026;Oświetlenie przejścia\r\n"
        let csv = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, type: "text/csv", body: sheet)
        XCTAssertEqual(csv.status, 201, csv.text)
        XCTAssertEqual(try json(csv.text)["ids"] as? [String], ["csv-1", "csv-2"])
        let noText = try call(server, "/api/postulates", method: "POST", token: Self.tokenA, type: "text/csv", body: "id;opis\nx;y\n")
        XCTAssertEqual(noText.status, 400)
        XCTAssertTrue(noText.text.contains("upload.csv:1: brak kolumny z treścią postulatu"), noText.text)
        XCTAssertFalse(noText.text.contains("postulaty-serve-") || noText.text.contains("/tmp"), "no temporary folder in the message: " + noText.text)
        let long = String(repeating: "x", count: 20_001)
        let note = try call(server, "/api/postulates/bom-1/review", method: "PUT", token: Self.tokenA, body: #"{"note":"\#(long)"}"#)
        XCTAssertEqual(note.status, 400)
        XCTAssertEqual(try errorObject(note.text)["field"] as? String, "note", String(note.text.prefix(300)))
        let fits = try call(server, "/api/postulates/bom-1/review", method: "PUT", token: Self.tokenA, body: #"{"note":"\#(long.dropLast())"}"#)
        XCTAssertEqual(fits.status, 200, String(fits.text.prefix(300)))
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)

        // Without --tokens every write is refused as disabled, not as an unknown token; without --store, 404.
        let readOnly = try ServeTests.Server(["--store", store, "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        let disabled = try call(readOnly, "/api/postulates", method: "POST", token: Self.tokenA, body: #"{"id":"z","text":"x"}"#)
        XCTAssertEqual(disabled.status, 403)
        XCTAssertTrue(disabled.text.contains("zapis wyłączony"), disabled.text)
        XCTAssertEqual(readOnly.stop(SIGTERM), 0)
        let plain = try ServeTests.Server(["--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        let none = try call(plain, "/api/postulates", method: "POST", token: Self.tokenA, body: #"{"id":"z","text":"x"}"#)
        XCTAssertEqual(none.status, 404)
        XCTAssertTrue(none.text.contains("bez magazynu"), none.text)
    }

    func testFiftyConcurrentWritersAllPersist() throws {
        let (scratch, store, tokens) = try setUpStore()
        _ = scratch
        let server = try start(store, tokens)
        let before = try exportIDs(server)
        let statuses = Statuses()
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            let body = "{\"id\":\"rownolegle-\(i)\",\"text\":\"Postulat numer \(i) o nowych ławkach\"}"
            let add = (try? Self.call(port: port, "/api/postulates", method: "POST", token: i % 2 == 0 ? Self.tokenA : Self.tokenB, body: body))?.status ?? -1
            let review = (try? Self.call(port: port, "/api/postulates/\(before[0])/review", method: "PUT", token: Self.tokenA,
                                         body: "{\"note\":\"n\(i)\"}"))?.status ?? -1
            statuses.add([add, review])
        }
        XCTAssertEqual(statuses.all.count, 100)
        XCTAssertEqual(Set(statuses.all), [200, 201], "\(statuses.all)")
        XCTAssertEqual(statuses.all.filter { $0 == 201 }.count, 50)
        let ids = try exportIDs(server)
        XCTAssertEqual(ids.count, before.count + 50)
        XCTAssertEqual(Set(ids).subtracting(before), Set((0..<50).map { "rownolegle-\($0)" }))
        let history = try json(try call(server, "/api/postulates/\(before[0])/history").text)
        XCTAssertEqual((history["entries"] as? [Any])?.count, 51)
        XCTAssertEqual(server.stop(SIGTERM), 0)
        XCTAssertEqual(try CLI.run(["store", "check", "--store", store]).status, 0)
    }

    /// `kill -9` in the middle of a burst of writes: the store passes `store check`, every acknowledged write is
    /// there, and no review is half applied (its themes, note and stance were sent together).
    func testKillDashNineDuringABurstLosesNoAcknowledgedWrite() throws {
        let (scratch, store, tokens) = try setUpStore()
        _ = scratch
        let server = try start(store, tokens)
        let target = try exportIDs(server)[1]
        let port = server.port
        let acked = Statuses(), ackedReviews = Statuses()
        let group = DispatchGroup()
        for w in 0..<16 {
            DispatchQueue.global().async(group: group) {
                for k in 0..<200 {
                    let n = w * 1000 + k
                    guard let r = try? Self.call(port: port, "/api/postulates", method: "POST", token: Self.tokenA,
                                                 body: "{\"id\":\"burst-\(n)\",\"text\":\"Nowy chodnik numer \(n)\"}", timeout: 10) else { return }
                    if r.status == 201 { acked.add([n]) }
                    guard let v = try? Self.call(port: port, "/api/postulates/\(target)/review", method: "PUT", token: Self.tokenB,
                                                 body: "{\"themes\":[\"security\"],\"note\":\"n\(n)\",\"stance\":\"accepted\"}", timeout: 10) else { return }
                    if v.status == 200 { ackedReviews.add([n]) }
                }
            }
        }
        // Kill once writes are flowing.
        let deadline = Date().addingTimeInterval(60)
        while acked.all.count < 40 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        kill(server.process.processIdentifier, SIGKILL)
        group.wait()
        server.process.waitUntilExit()
        XCTAssertGreaterThanOrEqual(acked.all.count, 40)

        let check = try CLI.run(["store", "check", "--store", store])
        XCTAssertEqual(check.status, 0, check.stderr + check.out)
        let export = try CLI.run(["store", "export", "--store", store])
        var stored = Set<String>()
        var review: [String: Any]?
        for line in export.out.split(separator: "\n") {
            let o = try json(String(line))
            stored.insert(o["id"] as? String ?? "")
            if o["id"] as? String == target { review = o }
        }
        let missing = acked.all.map { "burst-\($0)" }.filter { !stored.contains($0) }
        XCTAssertEqual(missing, [], "every acknowledged postulate is in the store")
        // The last review applied is whole: all three parts, and no earlier one than the last acknowledged.
        if !ackedReviews.all.isEmpty {
            let r = try XCTUnwrap(review)
            XCTAssertEqual(r["themes"] as? [String], ["security"])
            XCTAssertEqual(r["response_stance"] as? String, "accepted")
            XCTAssertNotNil(r["review_note"] as? String)
        }
        let history = try CLI.run(["store", "check", "--store", store])
        XCTAssertTrue(history.stderr.contains("OK"), history.stderr)
    }

    func testANewerSchemaIsRefusedByServeAndTheCommands() throws {
        let (scratch, store, _) = try setUpStore()
        XCTAssertEqual(try CLI.run(["store", "import", "Corpora/authored-a.jsonl", "--store", store]).status, 0)
        let q = try DatabaseQueue(path: store)
        try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-z-przyszlosci')") }
        try q.close()
        for args in [["store", "check", "--store", store], ["store", "export", "--store", store],
                     ["serve", "--port", "0", "--store", store, "--corpus", "Corpora/authored-a.jsonl"]] {
            let r = try CLI.run(args, timeout: 60)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains("nowszy schemat (v2-z-przyszlosci)"), r.stderr)
        }
        _ = scratch
    }
}

final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func add(_ s: [Int]) { lock.lock(); list += s; lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return list }
}
