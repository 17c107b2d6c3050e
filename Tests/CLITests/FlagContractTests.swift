import Foundation
import XCTest

/// The options no other contract test runs: each changes the output the way its help says. Found by listing every
/// long option of every command's `--help` and looking for it in `Tests/CLITests/` (`testEveryOptionIsExercised`).
final class FlagContractTests: XCTestCase {
    static let meeting = CLI.repoRoot.appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.txt").path

    /// JSON lines of `out`, each an object.
    func objects(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testImportIdPrefixNamesEveryRecord() throws {
        let s = try Scratch()
        let plain = try CLI.run(["import", Self.meeting], cwd: s.url)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let ids = try objects(plain.out).map { $0["id"] as? String ?? "" }
        XCTAssertEqual(ids.count, 14)
        XCTAssertEqual(ids.first, "krakow-2025-06-17-01", "default: the file name up to the meeting date")
        let prefixed = try CLI.run(["import", Self.meeting, "--id-prefix", "zebranie"], cwd: s.url)
        XCTAssertEqual(prefixed.status, 0, prefixed.stderr)
        let newIDs = try objects(prefixed.out).map { $0["id"] as? String ?? "" }
        XCTAssertEqual(newIDs, (1...14).map { "zebranie-" + ($0 < 10 ? "0" : "") + String($0) })
    }

    /// Two postulates with the same text and different justifications: the justification's weight decides how
    /// alike they are (`dedupe`) and whether a word found only in a justification finds its postulate (`index build`).
    func testJustificationWeightOnDedupeAndIndexBuild() throws {
        let s = try Scratch()
        let path = try s.write("j.jsonl", """
            {"id":"a","year":2023,"text":"Kluby seniora w dzielnicy","justification":"Brakuje miejsc spotkań dla emerytów."}
            {"id":"b","year":2024,"text":"Kluby seniora w dzielnicy","justification":"Czynsze lokali rosną co roku."}

            """)
        func score(_ extra: [String]) throws -> Double {
            let r = try CLI.run(["dedupe", path, "--format", "jsonl", "--threshold", "0.1"] + extra, cwd: s.url)
            XCTAssertEqual(r.status, 0, r.stderr)
            let pairs = try objects(r.out).filter { $0["score"] != nil }
            XCTAssertEqual(pairs.count, 1, r.out)
            return try XCTUnwrap(pairs.first?["score"] as? Double)
        }
        XCTAssertEqual(try score(["--justification-weight", "0"]), 1.0, accuracy: 1e-9, "text alone: identical")
        let half = try score([])
        XCTAssertLessThan(half, 1.0)
        XCTAssertEqual(try score(["--justification-weight", "0.5"]), half, accuracy: 1e-9, "0.5 is the default")
        XCTAssertLessThan(try score(["--justification-weight", "2"]), half, "more weight, the differing justifications count more")

        for (weight, hits) in [("0", 0), ("1", 1)] {
            let index = s.url.appendingPathComponent("w\(weight).index").path
            let b = try CLI.run(["index", "build", path, "-o", index, "--justification-weight", weight], cwd: s.url)
            XCTAssertEqual(b.status, 0, b.stderr)
            let q = try CLI.run(["similar", "emeryci", "--index", index, "--format", "jsonl"], cwd: s.url)
            XCTAssertEqual(q.status, 0, q.stderr)
            let found = try objects(q.out).compactMap { $0["id"] as? String }
            XCTAssertEqual(found.count, hits, "weight \(weight): \(q.out)")
            if hits == 1 { XCTAssertEqual(found, ["a"]) }
        }
    }

    func testLinkThresholdDefaultsToTheThresholdAndSplitsClusters() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let base = try Contract.run(["dedupe", "contract.jsonl", "--format", "jsonl"], in: s)
        XCTAssertEqual(base.status, 0, base.stderr)
        let same = try Contract.run(["dedupe", "contract.jsonl", "--format", "jsonl", "--link-threshold", "0.5"], in: s)
        XCTAssertEqual(same.out, base.out, "the default link threshold is --threshold (0.5)")
        let strict = try Contract.run(["dedupe", "contract.jsonl", "--format", "jsonl", "--link-threshold", "0.95"], in: s)
        XCTAssertEqual(strict.status, 0, strict.stderr)
        XCTAssertNotEqual(strict.out, base.out)
        // The pairs are the same (they depend on --threshold only); the clusters grow less.
        let pairs = { (out: String) in try self.objects(out).filter { $0["score"] != nil }.count }
        XCTAssertEqual(try pairs(strict.out), try pairs(base.out))
        XCTAssertGreaterThan(try pairs(base.out), 0)
    }

    /// 80 authored postulates: enough that the fold assignment, the groups and the vectoriser change the figures.
    func authored(_ s: Scratch) throws -> String {
        let lines = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/authored-a.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(80)
        XCTAssertEqual(lines.count, 80)
        return try s.write("a80.jsonl", lines.joined(separator: "\n") + "\n")
    }

    func testEvalSeedGroupFieldAndBigramsChangeTheFigures() throws {
        let s = try Scratch()
        let path = try authored(s)
        func eval(_ extra: [String]) throws -> String {
            let r = try CLI.run(["eval", path, "--folds", "2", "--json"] + extra, cwd: s.url, timeout: 600)
            XCTAssertEqual(r.status, 0, r.stderr)
            return r.out
        }
        let base = try eval([])
        XCTAssertEqual(try eval(["--seed", "20260617"]), base, "the documented default seed")
        XCTAssertNotEqual(try eval(["--seed", "7"]), base)
        XCTAssertEqual(try eval(["--group-field", "group"]), base, "the documented default group field")
        XCTAssertNotEqual(try eval(["--group-field", "none"]), base, "without groups a resubmission may fall in both folds")
        XCTAssertNotEqual(try eval(["--no-bigrams"]), base)
    }

    func testTrainSeedGroupFieldAndBigramsAreRecordedInTheModel() throws {
        let s = try Scratch()
        let path = try authored(s)
        func train(_ name: String, _ extra: [String]) throws -> String {
            let out = s.url.appendingPathComponent(name).path
            let r = try CLI.run(["train", path, "-o", out] + extra, cwd: s.url, timeout: 600)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try String(contentsOfFile: out, encoding: .utf8)
        }
        let base = try train("base.model", [])
        XCTAssertTrue(base.contains("\"bigrams\" : true"), "chosen by the inner cross-validation on these data")
        let unigrams = try train("uni.model", ["--no-bigrams"])
        XCTAssertTrue(unigrams.contains("\"bigrams\" : false"))
        XCTAssertNotEqual(try train("seed.model", ["--seed", "7"]), base)
        XCTAssertNotEqual(try train("groups.model", ["--group-field", "none"]), base)
    }

    func testServeHostIsTheAddressBound() throws {
        let server = try ServeTests.Server(["--host", "127.0.0.1", "--corpus", "Tests/CLITests/Fixtures/contract.jsonl"])
        XCTAssertEqual(try server.request("/healthz").status, 200, "answers on 127.0.0.1")
        XCTAssertEqual(server.stop(SIGTERM), 0)
        // A host that is not an address of this machine is refused with a message, not a trap.
        let bad = try CLI.run(["serve", "--host", "192.0.2.1", "--port", "0", "--corpus", "Tests/CLITests/Fixtures/contract.jsonl"],
                              timeout: 60)
        XCTAssertEqual(bad.status, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("Błąd: nie można nasłuchiwać na 192.0.2.1:0 ("), bad.stderr)
        XCTAssertFalse(bad.stderr.contains("errno"), "the reason in words, not NIO's description: " + bad.stderr)
    }

    /// Every long option in every command's help is run by some test in this target.
    func testEveryOptionIsExercised() throws {
        let commands = [["analyze"], ["stem"], ["import"], ["corpus", "stats"], ["corpus", "validate"], ["corpus", "convert"],
                        ["train"], ["tag"], ["eval"], ["index", "build"], ["index", "add"], ["index", "remove"],
                        ["index", "info"], ["similar"], ["dedupe"], ["report"], ["serve"], ["store", "import"],
                        ["store", "export"], ["store", "backup"], ["store", "check"]]
        let folder = CLI.repoRoot.appendingPathComponent("Tests/CLITests")
        var sources = ""
        for f in try FileManager.default.contentsOfDirectory(atPath: folder.path) where f.hasSuffix(".swift") {
            sources += try String(contentsOf: folder.appendingPathComponent(f), encoding: .utf8)
        }
        var missing: [String] = []
        var options = 0
        for c in commands {
            let help = try CLI.run(c + ["--help"])
            XCTAssertEqual(help.status, 0, c.joined(separator: " "))
            // An option's own line starts with two spaces and a dash ("  -o, --output <output>", "  --bom/--no-bom");
            // its description's continuation lines are indented further.
            let found = Set(help.out.split(separator: "\n").flatMap { line -> [String] in
                guard line.hasPrefix("  -") else { return [] }
                let t = line.dropFirst(2)
                let option = t.hasPrefix("--") ? t[...] : t.drop(while: { $0 != " " }).dropFirst()
                guard option.hasPrefix("--") else { return [] }
                return option.prefix(while: { $0 != " " && $0 != "," }).split(separator: "/").map(String.init)
            })
            for o in found.sorted() where o != "--help" && o != "--version" {
                options += 1
                // `-o` is how the tests pass --output.
                if o == "--output" && sources.contains("\"-o\"") { continue }
                if !sources.contains("\"\(o)\"") { missing.append(c.joined(separator: " ") + " " + o) }
            }
        }
        XCTAssertGreaterThan(options, 60)
        XCTAssertEqual(missing, [], "options no test runs")
    }
}
