import Foundation
import XCTest

/// `postulaty similar` in its three modes (TEXT, `--id`, `--batch`) with `--top`, `--before`/`--after` (exclusive,
/// as the help says: "years before YEAR"), `--include-own-meeting` and both formats, on the index of
/// `Fixtures/contract.jsonl` built once.
final class SimilarContractTests: XCTestCase {
    func similar(_ args: [String], stdin: Data = Data()) throws -> CLI.Result {
        let index = try Contract.sharedIndex.get()
        let s = try Contract.scratch(["queries.txt"])
        return try Contract.run(["similar"] + args + ["--index", index.path], in: s, stdin: stdin)
    }

    func ids(_ r: CLI.Result) throws -> [String] { try Contract.lines(r).map { $0["id"] as? String ?? "?" } }
    func years(_ r: CLI.Result) throws -> [Int] { try Contract.lines(r).map { $0["year"] as? Int ?? -1 } }

    func testTextQueryInBothFormats() throws {
        let text = try similar(["Kluby seniora w dzielnicach", "--top", "3"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stderr, "")
        Contract.check("similar-text.txt", text.stdout)
        let jsonl = try similar(["Kluby seniora w dzielnicach", "--top", "3", "--format", "jsonl"])
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        Contract.check("similar-jsonl.jsonl", jsonl.stdout)
        let hits = try Contract.lines(jsonl)
        XCTAssertEqual(hits.count, 3, "--top 3")
        XCTAssertEqual(hits.map { $0["rank"] as? Int }, [1, 2, 3])
        // The text format lists the same postulates in the same order.
        for (i, id) in try ids(jsonl).enumerated() { XCTAssertTrue(text.out.contains("\(i + 1). [") && text.out.contains(id), id) }
        let none = try similar(["zupełnie obce słowa xyzzy"])
        XCTAssertEqual(none.status, 0)
        XCTAssertEqual(none.out, "Brak podobnych postulatów.\n")
    }

    func testYearBoundsAreExclusive() throws {
        let all = try similar(["Kluby seniora w każdej dzielnicy", "--format", "jsonl"])
        XCTAssertEqual(Set(try years(all)).sorted(), [-1, 2023, 2024, 2025], "the query finds every year (and one without)")
        let before = try similar(["Kluby seniora w każdej dzielnicy", "--format", "jsonl", "--before", "2024"])
        XCTAssertEqual(try ids(before), ["k-2023-01"], "--before 2024 keeps 2023 only")
        let after = try similar(["Kluby seniora w każdej dzielnicy", "--format", "jsonl", "--after", "2024"])
        XCTAssertEqual(Set(try ids(after)), ["k-2025-01", "k-2025-03"], "--after 2024 keeps 2025 only")
        let between = try similar(["Kluby seniora w każdej dzielnicy", "--format", "jsonl", "--after", "2023", "--before", "2025"])
        XCTAssertEqual(Set(try years(between)), [2024])
        XCTAssertEqual(try years(between).count, 2)
    }

    func testByIDLeavesOutItselfAndItsMeetingUnlessAsked() throws {
        let r = try similar(["--id", "k-2025-01", "--format", "jsonl"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let found = try ids(r)
        XCTAssertFalse(found.isEmpty)
        XCTAssertFalse(found.contains("k-2025-01"), "not itself")
        XCTAssertFalse(found.contains("k-2025-03"), "not its own meeting")
        XCTAssertTrue(found.contains("k-2024-01"))
        let own = try similar(["--id", "k-2025-01", "--format", "jsonl", "--include-own-meeting"])
        XCTAssertTrue(try ids(own).contains("k-2025-03"), "--include-own-meeting")
        XCTAssertFalse(try ids(own).contains("k-2025-01"))
        let earlier = try similar(["--id", "k-2025-01", "--format", "jsonl", "--before", "2025"])
        XCTAssertEqual(Set(try years(earlier)), [2023, 2024])

        let unknown = try similar(["--id", "nie-ma-takiego"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.out, "")
        XCTAssertTrue(unknown.stderr.contains("nie-ma-takiego"), unknown.stderr)
    }

    func testBatchWritesOneLinePerQueryWithRanks() throws {
        let r = try similar(["--batch", "queries.txt", "--top", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        Contract.check("similar-batch.jsonl", r.stdout)
        let lines = try Contract.lines(r)
        XCTAssertEqual(lines.map { $0["line"] as? Int }, [1, 2, 3], "one line per query line, an empty one too")
        let results = lines.map { $0["results"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(results.map(\.count), [2, 0, 2])
        XCTAssertEqual(results[0].map { $0["rank"] as? Int }, [1, 2])
        let stdin = try similar(["--batch", "-", "--top", "1"], stdin: Data("kluby seniora\n".utf8))
        XCTAssertEqual(try Contract.lines(stdin).count, 1)
    }

    func testExactlyOneModeAndAPositiveTop() throws {
        for args in [["tekst", "--id", "k-2023-01"], ["--top", "3"], ["tekst", "--top", "0"]] {
            let r = try similar(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.out, "")
        }
    }
    /// A .csv batch is a spreadsheet of records: the header is no query, a quoted cell with a line break is one
    /// query, each row is queried as its record. Was: read line by line as text.
    func testCSVBatchIsReadAsRecords() throws {
        let s = try Scratch()
        let q = try s.write("q.csv", "id;rok;dzielnica;treść\nq1;2026;Oksywie;\"Kluby seniora\nw każdej dzielnicy\"\nq2;2026;;Patrole straży miejskiej w parkach\n")
        let r = try CLI.run(["similar", "--batch", q, "--top", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.out.split(separator: "\n").map(String.init)
        guard lines.count == 2 else { return XCTFail("two queries: \(r.out)") }
        XCTAssertTrue(lines[0].hasPrefix("{\"line\":2,\"id\":\"q1\",\"query\":\"Kluby seniora\\nw każdej dzielnicy\""), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("{\"line\":4,\"id\":\"q2\","), lines[1])
        XCTAssertFalse(r.out.contains("treść"), "the header is not a query")
    }
}
