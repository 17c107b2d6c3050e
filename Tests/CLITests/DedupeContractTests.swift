import Foundation
import XCTest

/// `postulaty dedupe`: pairs and clusters in JSONL and Markdown byte for byte, the summary on stderr,
/// `--across-years` (no pair from one year), and the `--threshold` range (0, 1] at both ends.
final class DedupeContractTests: XCTestCase {
    static let years = ["k-2023-01": 2023, "k-2023-02": 2023, "k-2024-01": 2024, "k-2024-02": 2024, "k-2024-03": 2024,
                        "k-2025-01": 2025, "k-2025-02": 2025, "k-2025-03": 2025]

    func pairs(_ r: CLI.Result) throws -> [(String, String)] {
        try Contract.lines(r).filter { $0["a"] != nil }.map { ($0["a"] as? String ?? "", $0["b"] as? String ?? "") }
    }

    func testFormatsAndSummary() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let jsonl = try Contract.run(["dedupe", "contract.jsonl"], in: s)
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        Contract.check("dedupe.jsonl", jsonl.stdout)
        let p = try pairs(jsonl)
        let clusters = try Contract.lines(jsonl).filter { $0["cluster"] != nil }
        XCTAssertGreaterThanOrEqual(p.count, 3)
        XCTAssertGreaterThanOrEqual(clusters.count, 2)
        XCTAssertEqual(jsonl.stderr, "dedupe: 9 postulatów, \(Self.plural(p.count, "para", "pary", "par")), "
                       + "\(Self.plural(clusters.count, "klaster", "klastry", "klastrów"))\n")
        let md = try Contract.run(["dedupe", "contract.jsonl", "--format", "md"], in: s)
        XCTAssertEqual(md.status, 0, md.stderr)
        Contract.check("dedupe.md", md.stdout)
        XCTAssertTrue(md.out.contains("Par: \(p.count), klastrów: \(clusters.count)."), md.out)
    }

    /// The Polish plural, written out for the small counts this fixture can give.
    static func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) " + (n == 1 ? one : [2, 3, 4].contains(n) ? few : many)
    }

    func testAcrossYearsDropsEveryPairFromOneYear() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let all = try pairs(try Contract.run(["dedupe", "contract.jsonl", "--threshold", "0.3"], in: s))
        let sameYear = all.filter { Self.years[$0.0] != nil && Self.years[$0.0] == Self.years[$0.1] }
        XCTAssertGreaterThan(sameYear.count, 0, "the fixture has same-year pairs for the flag to drop")
        let across = try Contract.run(["dedupe", "contract.jsonl", "--threshold", "0.3", "--across-years"], in: s)
        XCTAssertEqual(across.status, 0, across.stderr)
        let kept = try pairs(across)
        XCTAssertEqual(kept.count, all.count - sameYear.count)
        XCTAssertEqual(kept.map { "\($0.0) \($0.1)" }, all.filter { p in !sameYear.contains { $0 == p } }.map { "\($0.0) \($0.1)" })
    }

    func testThresholdRangeAndEffect() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        for bad in ["0", "-0.1", "1.01"] {
            let r = try Contract.run(["dedupe", "contract.jsonl", "--threshold", bad], in: s)
            XCTAssertEqual(r.status, 64, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--threshold"), r.stderr)
            XCTAssertEqual(r.out, "")
        }
        let one = try Contract.run(["dedupe", "contract.jsonl", "--threshold", "1"], in: s)
        XCTAssertEqual(one.status, 0, "1 is inside (0, 1]: \(one.stderr)")
        let low = try pairs(try Contract.run(["dedupe", "contract.jsonl", "--threshold", "0.2"], in: s))
        let high = try pairs(try Contract.run(["dedupe", "contract.jsonl", "--threshold", "0.8"], in: s))
        XCTAssertGreaterThan(low.count, high.count, "a lower threshold gives more pairs")
        XCTAssertTrue(high.allSatisfy { p in low.contains { $0 == p } })
    }
}
