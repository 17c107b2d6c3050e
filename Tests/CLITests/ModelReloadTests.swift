import Foundation
import XCTest

/// `POST /api/models/reload` and SIGHUP: a new theme model serves without a restart; a broken one is refused and
/// the old one keeps serving.
final class ModelReloadTests: XCTestCase {
    func scores(_ port: Int) throws -> [String: Double] {
        let r = try StoreServiceTests.call(port: port, "/api/similar?q=kluby%20seniora%20w%20dzielnicach&top=1")
        XCTAssertEqual(r.status, 200)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
        let scores = ((o["query"] as? [String: Any])?["themes"] as? [String: Any])?["scores"] as? [String: Any] ?? [:]
        XCTAssertEqual(scores.count, 5, "a score per theme")
        return scores.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    func testReloadSwapsTheModelAndABrokenOneLeavesTheOldServing() throws {
        let s = try Scratch()
        let models = s.url.appendingPathComponent("models").path
        try s.copy("Models/themes.model", as: "models/themes.model")
        try s.copy("Models/taxonomy.json", as: "models/taxonomy.json")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let other = try CLI.run(["train", "Corpora/authored-a.jsonl", "-o", s.path("other.model")], timeout: 600)
        XCTAssertEqual(other.status, 0, other.stderr)
        let server = try ServeTests.Server(["--store", s.path("s.sqlite"), "--tokens", tokens, "--models", models,
                                            "--corpus", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        let port = server.port
        let before = try scores(port)
        let reportBefore = try StoreServiceTests.call(port: port, "/report/postulates.csv")
        XCTAssertEqual(reportBefore.status, 200)
        XCTAssertEqual(try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST").status, 401)

        // A broken file: refused, the old model serves on.
        try Data("nie model".utf8).write(to: URL(fileURLWithPath: models + "/themes.model"))
        let broken = try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenA)
        XCTAssertEqual(broken.status, 500)
        XCTAssertTrue(broken.text.contains("themes.model"), broken.text)
        XCTAssertEqual(try scores(port), before)

        // The new model: swapped in, the answers change.
        try FileManager.default.removeItem(atPath: models + "/themes.model")
        try FileManager.default.copyItem(atPath: s.path("other.model"), toPath: models + "/themes.model")
        let ok = try StoreServiceTests.call(port: port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenA)
        XCTAssertEqual(ok.status, 200, ok.text)
        let after = try scores(port)
        XCTAssertNotEqual(after, before)
        // The served report labels with the model now serving, not the one it started with.
        let reportAfter = try StoreServiceTests.call(port: port, "/report/postulates.csv")
        XCTAssertEqual(reportAfter.status, 200)
        XCTAssertNotEqual(reportAfter.text, reportBefore.text, "the report after the reload")

        // SIGHUP: the original model again, the process goes on.
        try FileManager.default.removeItem(atPath: models + "/themes.model")
        try s.copy("Models/themes.model", as: "models/themes.model")
        kill(server.process.processIdentifier, SIGHUP)
        let deadline = Date().addingTimeInterval(60)
        while !server.stderr.contains("SIGHUP: wczytano model") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(server.stderr.contains("SIGHUP: wczytano model"), server.stderr)
        XCTAssertEqual(try scores(port), before)
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)

        // Started on the installed model (no ./Models/ yet), then `train` writes ./Models/themes.model: the reload
        // serves the new one (docs/store.md, "Learning from the reviews").
        let installed = s.url.appendingPathComponent("share")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        for f in ["lemma-priors.tsv", "guesser-pl.tsv", "taxonomy.json", "themes.model", "stance.model"] {
            try s.copy("Models/" + f, as: "share/" + f)
        }
        let work = s.url.appendingPathComponent("biuro")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let corpus = CLI.repoRoot.appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl").path
        let office = try ServeTests.Server(["--store", s.path("s2.sqlite"), "--tokens", tokens, "--corpus", corpus],
                                           cwd: work, env: ["POSTULATY_DATA": installed.path])
        let served = try scores(office.port)
        XCTAssertEqual(served, before, "the installed model")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("Models"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: s.path("other.model"), toPath: work.appendingPathComponent("Models/themes.model").path)
        let reloaded = try StoreServiceTests.call(port: office.port, "/api/models/reload", method: "POST", token: StoreServiceTests.tokenA)
        XCTAssertEqual(reloaded.status, 200, reloaded.text)
        XCTAssertTrue(reloaded.text.contains("\"Models/themes.model\""), reloaded.text)
        XCTAssertEqual(try scores(office.port), after, "the model train wrote")
        XCTAssertEqual(office.stop(SIGTERM), 0, office.stderr)
    }
}
