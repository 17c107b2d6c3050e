import Foundation
import XCTest

/// `postulaty import`: stdout by default, `-o` (JSONL or CSV by extension, messages on stderr), `--year`,
/// `--meeting`, and a table row that cannot be read (`--skip-bad-rows`).
final class ImportContractTests: XCTestCase {
    static let meeting = "test-2024-03-03-spotkanie.txt"

    func testBadRowFailsAndWritesNothingUnlessSkipped() throws {
        let s = try Contract.scratch([Self.meeting])
        let before = FolderSnapshot(s.url)
        let r = try Contract.run(["import", Self.meeting, "-o", "out.jsonl"], in: s)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.stderr.contains("\(Self.meeting): nie zaimportowano: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 nierozpoznany wiersz tabeli — nic nie zapisano"), r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before, "nothing written")

        let skipped = try Contract.run(["import", Self.meeting, "--skip-bad-rows"], in: s)
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        Contract.check("import-skip-bad-rows.jsonl", skipped.stdout)
        let records = try Contract.lines(skipped)
        XCTAssertEqual(records.map { $0["organisation"] as? String }, ["Fundacja A", "Fundacja C"])
        XCTAssertEqual(records.map { $0["year"] as? Int }, [2024, 2024], "the year read from the text")
    }

    func testOutputFileYearAndMeeting() throws {
        let s = try Contract.scratch([Self.meeting])
        let r = try Contract.run(["import", Self.meeting, "--skip-bad-rows", "--year", "2030", "--meeting", "Spotkanie X",
                                  "-o", "out.jsonl"], in: s)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out, "", "with -o nothing goes to stdout")
        XCTAssertTrue(r.stderr.contains("zaimportowano 2 postulaty → out.jsonl"), r.stderr)
        let text = try String(contentsOf: s.url.appendingPathComponent("out.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records.map { $0["year"] as? Int }, [2030, 2030], "--year overrides the date in the text")
        XCTAssertEqual(records.map { $0["meeting"] as? String }, ["Spotkanie X", "Spotkanie X"])

        let csv = try Contract.run(["import", Self.meeting, "--skip-bad-rows", "-o", "out.csv", "--delimiter", "tab"], in: s)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let header = try String(contentsOf: s.url.appendingPathComponent("out.csv"), encoding: .utf8).split(separator: "\r\n").first ?? ""
        XCTAssertTrue(header.hasPrefix("id\tyear\t"), String(header))
    }

    /// A mistyped `--year` (1800, 20255) would stamp every imported record with it: refused before anything is read.
    func testImplausibleYearIsRefused() throws {
        let s = try Contract.scratch([Self.meeting])
        for bad in ["1800", "20255"] {
            let r = try Contract.run(["import", Self.meeting, "--year", bad, "-o", "out.jsonl"], in: s)
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("--year \(bad) nie jest wiarygodnym rokiem spotkania (1990–2100)"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("out.jsonl").path))
        }
    }
}

