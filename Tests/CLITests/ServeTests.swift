import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `postulaty serve` as an office runs it: the built binary on a free loopback port, spoken to over HTTP; stopped
/// by SIGINT or SIGTERM.
final class ServeTests: XCTestCase {
    /// A running server: its process, its stderr (a file), its port.
    final class Server: @unchecked Sendable {
        let process = Process()
        let errURL: URL
        var port = 0

        /// `cwd`: the working folder (default: the repository); `env`: added to the environment.
        init(_ args: [String] = [], cwd: URL? = nil, env extra: [String: String] = [:]) throws {
            errURL = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-serve-\(UUID().uuidString).err")
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.executableURL = CLI.binary
            process.arguments = ["serve", "--port", "0"] + args
            process.currentDirectoryURL = cwd ?? CLI.repoRoot
            var env = ProcessInfo.processInfo.environment
            env["POSTULATY_LANG"] = "pl"
            env.merge(extra) { $1 }
            process.environment = env
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: errURL)
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline && process.isRunning {
                if let range = stderr.range(of: #"http://127\.0\.0\.1:([0-9]+)/"#, options: .regularExpression) {
                    port = Int(stderr[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.terminate()
            throw NSError(domain: "serve", code: 1, userInfo: [NSLocalizedDescriptionKey: "the server did not start: " + stderr])
        }

        var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

        func stop(_ signal: Int32) -> Int32 {
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
            try? FileManager.default.removeItem(at: errURL)
        }

        func request(_ path: String, method: String = "GET", type: String? = nil, body: Data? = nil) throws -> (status: Int, headers: [String: String], body: Data) {
            var r = URLRequest(url: URL(string: "http://127.0.0.1:\(port)" + path)!)
            r.httpMethod = method
            r.httpBody = body
            if let type { r.setValue(type, forHTTPHeaderField: "Content-Type") }
            r.timeoutInterval = 60
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result: (Int, [String: String], Data)?
            nonisolated(unsafe) var failure: Error?
            URLSession.shared.dataTask(with: r) { data, response, error in
                if let http = response as? HTTPURLResponse {
                    var headers: [String: String] = [:]
                    for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
                    result = (http.statusCode, headers, data ?? Data())
                } else { failure = error }
                done.signal()
            }.resume()
            done.wait()
            if let result { return result }
            throw failure ?? NSError(domain: "serve", code: 2)
        }
    }

    func testTheBinaryServesPagesAndAPIOnLoopbackAndStopsCleanlyOnSIGTERM() throws {
        let server = try Server()
        XCTAssertTrue(server.stderr.contains("nasłuchuję na http://127.0.0.1:"), "loopback by default: " + server.stderr)
        XCTAssertNotNil(server.stderr.range(of: #"wczytano \d+ postulat\S* w \d+,\d s \(korpus \d+,\d, "#, options: .regularExpression),
                        "the load time in Polish, with a decimal comma: " + server.stderr)
        let health = try server.request("/healthz")
        XCTAssertEqual(health.status, 200)

        let similar = try server.request("/api/similar?q=kluby%20seniorow&top=2")
        XCTAssertEqual(similar.status, 200)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: similar.body) as? [String: Any])
        XCTAssertEqual((json["results"] as? [Any])?.count, 2)

        let page = try server.request("/search?q=%3Cscript%3E+kluby+seniora")
        XCTAssertEqual(page.status, 200)
        XCTAssertNotNil(page.headers["content-security-policy"])
        let html = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(html.contains("&lt;script&gt;"))
        XCTAssertFalse(html.contains("<script"))

        XCTAssertEqual(try server.request("/api/postulates/brak").status, 404)
        XCTAssertEqual(try server.request("/", method: "DELETE").status, 405)
        XCTAssertEqual(try server.request("/report/..%2F..%2FPackage.swift").status, 404)
        // The served report leads back to the service; the files `report` writes do not carry the link.
        let served = String(decoding: try server.request("/report/").body, as: UTF8.self)
        XCTAssertTrue(served.contains(#"<a href="/" style="color:#fff">← Postulaty: wyszukiwanie</a>"#), String(served.prefix(2000)))
        XCTAssertEqual(served.components(separatedBy: "← Postulaty").count - 1, 1, "one link, at the top")
        let written = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Reports/krakow/index.html"), encoding: .utf8)
        XCTAssertFalse(written.contains("← Postulaty"))

        // POST /api/tag answers byte for byte what `postulaty tag` writes for the same file.
        let input = "{\"id\":\"n1\",\"text\":\"Kluby seniora w każdej dzielnicy\",\"x\":[1,2]}\n{\"id\":\"n2\",\"text\":\"Bezpieczne przejścia przy szkołach\"}\n"
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("serve-tag-\(UUID().uuidString).jsonl")
        try Data(input.utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cli = try CLI.run(["tag", scratch.path])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        let tagged = try server.request("/api/tag", method: "POST", type: "application/x-ndjson", body: Data(input.utf8))
        XCTAssertEqual(tagged.status, 200)
        XCTAssertEqual(tagged.body, cli.stdout, "the same records and fields, in the same format, as postulaty tag")

        let bad = try server.request("/api/tag", method: "POST", type: "application/x-ndjson", body: Data("{\"text\":\"a\",\"text\":\"b\"}\n".utf8))
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(String(decoding: bad.body, as: UTF8.self).contains("upload.jsonl:1: pole „text”"))

        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
        let log = server.stderr
        XCTAssertTrue(log.contains("GET /healthz 200 "), log)
        XCTAssertTrue(log.contains("DELETE / 405 "), log)
        XCTAssertTrue(log.contains("POST /api/tag 400 "), log)
        XCTAssertTrue(log.contains("zatrzymano"), "a clean stop: " + log)
        XCTAssertFalse(log.contains("Fatal error"), log)
    }

    func testSIGINTStopsItCleanlyAndAnInFlightRequestFinishes() throws {
        let server = try Server(["--index", "Models/similarity.index"])   // a saved index instead of one built at start
        XCTAssertEqual(try server.request("/api/similar?q=kluby&top=1").status, 200)
        // A request in flight when SIGINT comes (the first /report/ renders the report; the signal follows at once).
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = 0
        DispatchQueue.global().async {
            status = (try? server.request("/report/"))?.status ?? -1
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.05)
        kill(server.process.processIdentifier, SIGINT)
        done.wait()
        XCTAssertEqual(status, 200, "the request in flight finished")
        XCTAssertEqual(server.stop(SIGINT), 0, server.stderr)
        XCTAssertTrue(server.stderr.contains("zatrzymano"), server.stderr)
    }

    func testABadCorpusRecordStopsTheStartWithTheCLIsMessage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("serve-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("zly.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"Kluby seniora\"}\n{zepsute\n".utf8).write(to: file)
        let r = try CLI.run(["serve", "--port", "0", "--corpus", file.path], timeout: 120)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("zly.jsonl:2:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--skip-bad"), r.stderr)

        let index = dir.appendingPathComponent("zly.index")
        try Data("to nie jest indeks".utf8).write(to: index)
        let damaged = try CLI.run(["serve", "--port", "0", "--index", index.path], timeout: 120)
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.stderr.contains("zly.index"), damaged.stderr)
        XCTAssertFalse(damaged.stderr.contains("nasłuchuję"), "nothing listens after a failed start")
    }

    /// A port already taken is said before the corpus is loaded, in Polish; a tokens file others can read is
    /// warned about.
    func testAPortInUseIsRefusedBeforeTheLoadAndAnOpenTokensFileIsWarnedAbout() throws {
        let first = try Server()
        let s = try Scratch()
        let r = try CLI.run(["serve", "--port", String(first.port), "--corpus", "Corpora/authored-a.jsonl"], timeout: 120)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("nie można nasłuchiwać na 127.0.0.1:\(first.port) (adres i port są już zajęte)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("wczytano"), "refused before the load: " + r.stderr)
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        chmod(tokens, 0o644)
        let open = try Server(["--store", s.path("s.sqlite"), "--tokens", tokens, "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        XCTAssertTrue(open.stderr.contains("uwaga: \(tokens) mogą czytać inni użytkownicy (tryb 644); zalecany chmod 600"), open.stderr)
        XCTAssertEqual(open.stop(SIGTERM), 0)
        XCTAssertEqual(first.stop(SIGTERM), 0)
    }
}

