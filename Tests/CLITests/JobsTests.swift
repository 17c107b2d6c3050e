import Foundation
import XCTest

/// `--jobs N`: the same bytes for any number of threads (the per-worker analyzers and the in-order gathering are
/// what could break it; the repository's 472 postulates span several work blocks, so 2 and 3 workers interleave).
final class JobsTests: XCTestCase {
    private func runAll(_ args: (String) -> [String], output: (Scratch, String, CLI.Result) throws -> Data) throws -> [Data] {
        var outs: [Data] = []
        for n in ["1", "2", "3"] {
            let s = try Scratch()
            let r = try CLI.run(args(s.path("out")) + ["--jobs", n])
            XCTAssertEqual(r.status, 0, "--jobs \(n): \(r.stderr)")
            outs.append(try output(s, s.path("out"), r))
        }
        XCTAssertEqual(outs.count, 3)
        return outs
    }

    func testIndexBuildIsTheSameBytesForOneTwoThreeJobs() throws {
        let outs = try runAll({ ["index", "build", "-o", $0] }) { _, path, _ in try Data(contentsOf: URL(fileURLWithPath: path)) }
        XCTAssertGreaterThan(outs[0].count, 10_000)
        XCTAssertEqual(outs[1], outs[0], "--jobs 2")
        XCTAssertEqual(outs[2], outs[0], "--jobs 3")
        // And the same as the committed index (built before --jobs existed).
        XCTAssertEqual(outs[0], try Data(contentsOf: CLI.repoRoot.appendingPathComponent("Models/similarity.index")))
    }

    func testIndexAddIsTheSameBytesForOneTwoThreeJobs() throws {
        var outs: [Data] = []
        for n in ["1", "2", "3"] {
            let s = try Scratch()
            let first = s.path("first.jsonl"), rest = s.path("rest.jsonl"), index = s.path("i.index")
            let lines = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/authored-a.jsonl"), encoding: .utf8)
                .split(separator: "\n")
            XCTAssertGreaterThan(lines.count, 150)
            try s.write("first.jsonl", lines.prefix(20).joined(separator: "\n") + "\n")
            try s.write("rest.jsonl", lines.dropFirst(20).joined(separator: "\n") + "\n")
            var r = try CLI.run(["index", "build", first, "-o", index, "--jobs", n])
            XCTAssertEqual(r.status, 0, r.stderr)
            r = try CLI.run(["index", "add", rest, "--index", index, "--jobs", n])
            XCTAssertEqual(r.status, 0, r.stderr)
            outs.append(try Data(contentsOf: URL(fileURLWithPath: index)))
        }
        XCTAssertEqual(outs.count, 3)
        XCTAssertEqual(outs[1], outs[0], "--jobs 2")
        XCTAssertEqual(outs[2], outs[0], "--jobs 3")
    }

    func testDedupeIsTheSameBytesForOneTwoThreeJobs() throws {
        let outs = try runAll({ _ in ["dedupe", "--threshold", "0.3"] }) { _, _, r in r.stdout }
        XCTAssertGreaterThan(outs[0].count, 1_000)
        XCTAssertEqual(outs[1], outs[0], "--jobs 2")
        XCTAssertEqual(outs[2], outs[0], "--jobs 3")
    }

    /// The report of the repository's corpus: every file the same for 1, 2 and 3 jobs (labelling workers, the
    /// join's threads), and the same as the committed Reports/krakow/.
    func testReportIsTheSameBytesForOneTwoThreeJobs() throws {
        let committed = CLI.repoRoot.appendingPathComponent("Reports/krakow")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        XCTAssertGreaterThan(names.count, 15)
        var outs: [[Data]] = []
        for n in ["1", "2", "3"] {
            let s = try Scratch()
            let r = try CLI.run(["report", "-o", s.path("rep"), "--jobs", n], timeout: 600)
            XCTAssertEqual(r.status, 0, "--jobs \(n): \(r.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: s.path("rep")).sorted(), names, "--jobs \(n)")
            outs.append(try names.map { try Data(contentsOf: URL(fileURLWithPath: s.path("rep/" + $0))) })
        }
        XCTAssertEqual(outs.count, 3)
        let expected = try names.map { try Data(contentsOf: committed.appendingPathComponent($0)) }
        for (k, out) in outs.enumerated() {
            for (i, name) in names.enumerated() {
                XCTAssertEqual(out[i], expected[i], "--jobs \(k + 1): \(name) differs from Reports/krakow/")
            }
        }
    }

    /// `train --jobs N` (the analysis on N threads): the same model bytes for 1, 2 and 3.
    func testTrainIsTheSameBytesForOneTwoThreeJobs() throws {
        let outs = try runAll({ ["train", "Corpora/authored-a.jsonl", "-o", $0, "--variants", "multinomial-ovr", "--fixed-vectorizer"] }) {
            _, path, _ in try Data(contentsOf: URL(fileURLWithPath: path))
        }
        XCTAssertGreaterThan(outs[0].count, 10_000)
        XCTAssertEqual(outs[1], outs[0], "--jobs 2")
        XCTAssertEqual(outs[2], outs[0], "--jobs 3")
    }

    func testDuplicateIdInABatchIsNamedWithItsLine() throws {
        let s = try Scratch()
        let rec = "{\"id\": \"x-1\", \"text\": \"Remont chodnika przy szkole\"}\n"
        let input = try s.write("dup.jsonl", String(repeating: "{\"id\": \"y-%d\", \"text\": \"Ławki w parku\"}\n", count: 1)
            .replacingOccurrences(of: "%d", with: "0") + rec + rec)
        for n in ["1", "3"] {
            let r = try CLI.run(["index", "build", input, "-o", s.path("i\(n)"), "--jobs", n])
            XCTAssertNotEqual(r.status, 0)
            XCTAssertTrue(r.stderr.contains("dup.jsonl:3: "), "--jobs \(n): \(r.stderr)")
        }
    }

    func testJobsZeroIsRefused() throws {
        let r = try CLI.run(["index", "build", "-o", "/tmp/never-\(UUID().uuidString)", "--jobs", "0"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--jobs"), r.stderr)
    }
}

/// `tag --jobs N` on more records than one batch block, JSONL and CSV: the same bytes for 1, 2 and 3.
final class TagJobsTests: XCTestCase {
    func testTagIsTheSameBytesForOneTwoThreeJobs() throws {
        let s = try Scratch()
        // 472 postulates of the repository, twice (ids made unique), so several blocks go to each worker.
        var lines: [String] = []
        for f in ["authored-a.jsonl", "authored-b.jsonl", "krakow-2025-06-17-spotkanie-branzowe.jsonl"] {
            lines += try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/" + f), encoding: .utf8)
                .split(separator: "\n").map(String.init)
        }
        let doubled = lines + lines.map { $0.replacingOccurrences(of: "{\"id\": \"", with: "{\"id\": \"copy-") }
        XCTAssertEqual(doubled.count, 2 * lines.count)
        let input = try s.write("in.jsonl", doubled.joined(separator: "\n") + "\n")
        for format in ["jsonl", "csv"] {
            var outs: [Data] = []
            for n in ["1", "2", "3"] {
                let r = try CLI.run(["tag", input, "--format", format, "--jobs", n])
                XCTAssertEqual(r.status, 0, "\(format) --jobs \(n): \(r.stderr)")
                outs.append(r.stdout)
            }
            XCTAssertEqual(outs.count, 3)
            XCTAssertGreaterThan(outs[0].count, 100_000)
            XCTAssertEqual(outs[1], outs[0], "\(format) --jobs 2")
            XCTAssertEqual(outs[2], outs[0], "\(format) --jobs 3")
        }
    }

    /// JSONL to CSV: the columns are the first record's fields, so a later record's other fields cannot be written;
    /// they are named on stderr with their first line (was: dropped silently), the same for 1, 2 and 3 jobs.
    func testCSVFromJSONLNamesFieldsItCannotWrite() throws {
        let s = try Scratch()
        var lines = ["{\"id\":\"0\",\"year\":2024,\"text\":\"Plac zabaw\"}"]
        for i in 1..<600 {
            lines.append(i == 450 ? "{\"id\":\"\(i)\",\"year\":2024,\"text\":\"Oświetlenie\",\"district\":\"Oksywie\",\"categories\":[\"roads\"]}"
                                  : "{\"id\":\"\(i)\",\"year\":2024,\"text\":\"Kluby seniora \(i)\"}")
        }
        let input = try s.write("mixed.jsonl", lines.joined(separator: "\n") + "\n")
        var seen: [String] = []
        for jobs in ["1", "2", "3"] {
            let r = try CLI.run(["tag", input, "--format", "csv", "--jobs", jobs])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.out.hasPrefix("id,year,text,predicted,"), r.out)
            XCTAssertTrue(r.stderr.contains("„categories” (\(input):451), „district” (\(input):451)"), "\(jobs): \(r.stderr)")
            seen.append(r.stderr)
        }
        XCTAssertEqual(Set(seen).count, 1, "the same message for any number of jobs")
        XCTAssertFalse(try CLI.run(["tag", input, "--jobs", "2"]).stderr.contains("uwaga"), "JSONL output keeps every field")
    }

    /// The workers parse the JSON lines: a broken line and one that is not UTF-8, inside a batch, are reported
    /// with their lines, in input order, and every other record is tagged, the same for 1, 2 and 3 jobs.
    func testBadLinesInsideABatchAreReportedInOrderForAnyJobs() throws {
        let s = try Scratch()
        var lines: [String] = []
        for f in ["authored-a.jsonl", "authored-b.jsonl"] {
            lines += try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/" + f), encoding: .utf8)
                .split(separator: "\n").map(String.init)
        }
        XCTAssertEqual(lines.count, 458)
        var bytes = Data()
        for (i, line) in lines.enumerated() {
            if i == 299 { bytes += Data("{\"id\": \"zepsuty\", \"text\": \n".utf8) }       // line 300
            if i == 399 { bytes += Data([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0xC5, 0x0A]) } // line 401: not UTF-8
            bytes += Data((line + "\n").utf8)
        }
        let input = s.url.appendingPathComponent("in.jsonl")
        try bytes.write(to: input)
        var outs: [Data] = []
        for n in ["1", "2", "3"] {
            let r = try CLI.run(["tag", input.path, "--skip-bad", "--jobs", n])
            XCTAssertEqual(r.status, 0, "--jobs \(n): \(r.stderr)")
            let named = r.stderr.split(separator: "\n").filter { $0.contains("in.jsonl:") }
            XCTAssertEqual(named.count, 2, "--jobs \(n): \(r.stderr)")
            XCTAssertTrue(named.first?.contains("in.jsonl:300") == true, "--jobs \(n): \(r.stderr)")
            XCTAssertTrue(named.last?.contains("in.jsonl:401") == true, "--jobs \(n): \(r.stderr)")
            XCTAssertEqual(r.stdout.split(separator: 0x0A).count, 458, "--jobs \(n)")
            outs.append(r.stdout)
        }
        XCTAssertEqual(outs.count, 3)
        XCTAssertEqual(outs[1], outs[0], "--jobs 2")
        XCTAssertEqual(outs[2], outs[0], "--jobs 3")
    }
}
