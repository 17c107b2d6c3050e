import Foundation
import XCTest

/// `postulaty index build|add|remove|info` on a scratch index: counts and years after each step, a duplicate id
/// or an unknown id refused without changing the file, messages on stderr and `info` on stdout.
final class IndexContractTests: XCTestCase {
    func info(_ s: Scratch) throws -> [String: Any] {
        let r = try Contract.run(["index", "info", "--index", "x.index"], in: s)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, "one JSON line")
        return try XCTUnwrap(try Contract.lines(r).first)
    }

    func testBuildAddRemoveInfo() throws {
        let s = try Contract.scratch(["contract.jsonl", "extra.jsonl"])
        let build = try Contract.run(["index", "build", "contract.jsonl", "-o", "x.index"], in: s)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.out, "")
        XCTAssertEqual(build.stderr, "indeks: 9 postulatów z 1 pliku → x.index\n")
        var i = try info(s)
        XCTAssertEqual(i["postulates"] as? Int, 9)
        XCTAssertEqual(i["years"] as? [Int], [2023, 2024, 2025])
        XCTAssertEqual(i["justification_weight"] as? Double, 0.5)

        let add = try Contract.run(["index", "add", "extra.jsonl", "--index", "x.index"], in: s)
        XCTAssertEqual(add.status, 0, add.stderr)
        XCTAssertEqual(add.stderr, "indeks: dodano 2, razem 11 postulatów → x.index\n")
        i = try info(s)
        XCTAssertEqual(i["postulates"] as? Int, 11)
        XCTAssertEqual(i["years"] as? [Int], [2023, 2024, 2025, 2026])

        let saved = try Data(contentsOf: s.url.appendingPathComponent("x.index"))
        let again = try Contract.run(["index", "add", "extra.jsonl", "--index", "x.index"], in: s)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("extra.jsonl:1: pole „id”: „n-2026-01” jest już w indeksie"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("x.index")), saved, "unchanged")

        let remove = try Contract.run(["index", "remove", "n-2026-01", "n-2026-02", "k-brak", "--index", "x.index"], in: s)
        XCTAssertEqual(remove.status, 0, remove.stderr)
        XCTAssertEqual(remove.stderr, "indeks: usunięto 3, razem 8 postulatów → x.index\n")
        i = try info(s)
        XCTAssertEqual(i["postulates"] as? Int, 8)
        XCTAssertEqual(i["years"] as? [Int], [2023, 2024, 2025])

        let kept = try Data(contentsOf: s.url.appendingPathComponent("x.index"))
        let unknown = try Contract.run(["index", "remove", "k-2023-01", "nie-ma", "--index", "x.index"], in: s)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("nie-ma"), unknown.stderr)
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("x.index")), kept, "nothing removed")
    }
}
