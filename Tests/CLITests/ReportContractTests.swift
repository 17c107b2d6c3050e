import Foundation
import XCTest

/// `postulaty report`: `-o` gets the files, `--years` (one year or A-B, inclusive) selects the records, `--lang`
/// switches the language, and a reversed range is refused before anything is written.
final class ReportContractTests: XCTestCase {
    func ids(inPostulatesCSV s: Scratch, _ folder: String) throws -> [String] {
        let csv = try String(contentsOf: s.url.appendingPathComponent("\(folder)/postulates.csv"), encoding: .utf8)
        return csv.split(whereSeparator: \.isNewline).dropFirst().map { row in
            let first = row.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
            return first.hasPrefix("\u{FEFF}") ? String(first.dropFirst()) : first
        }
    }

    func testYearsSelectTheRecordsAndLangSwitchesTheLanguage() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let one = try Contract.run(["report", "contract.jsonl", "-o", "r2024", "--years", "2024"], in: s)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.out, "")
        XCTAssertEqual(try ids(inPostulatesCSV: s, "r2024").sorted(), ["k-2024-01", "k-2024-02", "k-2024-03"],
                       "--years 2024: that year only, and no record without a year")
        let md = try String(contentsOf: s.url.appendingPathComponent("r2024/report.md"), encoding: .utf8)
        XCTAssertTrue(md.hasPrefix("# Raport tematyczny"), String(md.prefix(80)))
        XCTAssertTrue(md.contains("3 postulaty"), String(md.prefix(400)))

        let range = try Contract.run(["report", "contract.jsonl", "-o", "r2324", "--years", "2023-2024", "--lang", "en"], in: s)
        XCTAssertEqual(range.status, 0, range.stderr)
        XCTAssertEqual(try ids(inPostulatesCSV: s, "r2324").sorted(),
                       ["k-2023-01", "k-2023-02", "k-2024-01", "k-2024-02", "k-2024-03"], "both ends included")
        let en = try String(contentsOf: s.url.appendingPathComponent("r2324/report.md"), encoding: .utf8)
        XCTAssertTrue(en.hasPrefix("# Thematic report"), String(en.prefix(80)))
        XCTAssertFalse(en.contains("postulatów"), "no Polish words in an English report")

        let all = try Contract.run(["report", "contract.jsonl", "-o", "rall"], in: s)
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(try ids(inPostulatesCSV: s, "rall").count, 9)
        XCTAssertTrue(try text(s, "rall/report.md").hasPrefix("# Raport tematyczny: contract\n"), "one file: its name")
    }

    /// A file of the scratch folder as text ("r2/report.md").
    func text(_ s: Scratch, _ path: String) throws -> String {
        try String(contentsOf: s.url.appendingPathComponent(path), encoding: .utf8)
    }

    /// `--title` is what the heading says (page and Markdown); files with no common name get no made-up subject
    /// (the folder's fallback name "report" is not a title).
    func testTitleAndNoMadeUpSubject() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        try FileManager.default.copyItem(at: s.url.appendingPathComponent("contract.jsonl"), to: s.url.appendingPathComponent("inne.jsonl"))
        let two = try Contract.run(["report", "contract.jsonl", "inne.jsonl", "-o", "r2", "--no-recurring"], in: s)
        XCTAssertEqual(two.status, 0, two.stderr)
        let untitled = try text(s, "r2/report.md")
        XCTAssertTrue(untitled.hasPrefix("# Raport tematyczny\n"), String(untitled.prefix(60)))
        let html = try text(s, "r2/index.html")
        XCTAssertTrue(html.contains("<h1>Raport tematyczny</h1>"), "no \"Raport tematyczny: report\"")
        let titled = try Contract.run(["report", "contract.jsonl", "-o", "rt", "--title", "Gdynia 2020–2021 <i>"], in: s)
        XCTAssertEqual(titled.status, 0, titled.stderr)
        let md = try text(s, "rt/report.md")
        XCTAssertTrue(md.hasPrefix("# Raport tematyczny: Gdynia 2020–2021"), String(md.prefix(60)))
        let page = try text(s, "rt/index.html")
        XCTAssertTrue(page.contains("<h1>Raport tematyczny: Gdynia 2020–2021 &lt;i&gt;</h1>"), "escaped in the page")
    }

    func testBadYearsAreRefusedBeforeWriting() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let before = FolderSnapshot(s.url)
        for bad in ["2025-2024", "24", "2023-2024-2025", "rok"] {
            let r = try Contract.run(["report", "contract.jsonl", "-o", "r", "--years", bad], in: s)
            XCTAssertEqual(r.status, 64, "\(bad): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--years"), r.stderr)
        }
        XCTAssertEqual(FolderSnapshot(s.url), before)
    }
}
