import Corpus
import Foundation
import XCTest
@testable import Reporting

/// The report's CSV files: by default what a Polish-locale Excel opens correctly (UTF-8 with a BOM, ';', decimal
/// comma), plain RFC 4180 on request, `|` between the items of a list, the formula guard on text.
final class ReportCSVTests: XCTestCase {
    func testDefaultIsForAPolishSpreadsheet() {
        let files = Report.render(Fixtures.randomData(count: 200, seed: 7))
        for f in files where f.name.hasSuffix(".csv") {
            let bytes = Array(f.contents.utf8)
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(f.name) starts with a UTF-8 BOM")
            let header = f.contents.dropFirst().prefix { $0 != "\n" }
            XCTAssertFalse(header.contains(","), "\(f.name): \(header)")
            XCTAssertTrue(header.contains(";") || !header.contains(" "), "\(f.name): \(header)")
        }
        let byYear = Fixtures.file(files, "themes_by_year.csv")
        let shares = CSVParse.records(byYear).compactMap { $0["share"] }.filter { !$0.isEmpty }
        XCTAssertFalse(shares.isEmpty)
        XCTAssertTrue(shares.allSatisfy { $0.contains(",") && !$0.contains(".") }, "decimal comma: \(shares.prefix(3))")
        XCTAssertTrue(Fixtures.file(files, "columns.md").contains("UTF-8 ze znacznikiem BOM, średnik jako separator, przecinek dziesiętny"))
        XCTAssertTrue(Fixtures.file(files, "index.html").contains("UTF-8 ze znacznikiem BOM, średnik jako separator, przecinek dziesiętny"))
    }

    func testRFCOnRequest() {
        let files = Report.render(Fixtures.randomData(count: 200, seed: 7), csv: ReportCSV.rfc)
        let byYear = Fixtures.file(files, "themes_by_year.csv")
        XCTAssertTrue(byYear.hasPrefix("theme,theme_label,year,"), String(byYear.prefix(40)))
        let shares = CSVParse.records(byYear).compactMap { $0["share"] }.filter { !$0.isEmpty }
        XCTAssertTrue(shares.allSatisfy { $0.contains(".") && !$0.contains(",") }, "decimal point: \(shares.prefix(3))")
        XCTAssertTrue(Fixtures.file(files, "columns.md").contains("UTF-8, przecinek jako separator, kropka dziesiętna"))
    }

    func testListsAreJoinedByBar() {
        let data = Fixtures.randomData(count: 400, seed: 11)
        let files = Report.render(data)
        let rows = CSVParse.records(Fixtures.file(files, "postulates.csv"))
        let multi = rows.compactMap { $0["themes"] }.filter { $0.contains("|") }
        XCTAssertFalse(multi.isEmpty, "some postulate has two themes")
        XCTAssertFalse(rows.contains { ($0["themes"] ?? "").contains(" ") }, "no space-joined themes")
        for r in CSVParse.records(Fixtures.file(files, "recurring_demands.csv")) {
            XCTAssertFalse(r["years"]!.contains(" "), r["years"]!)
        }
        for r in CSVParse.records(Fixtures.file(files, "theme_disagreements.csv")) {
            XCTAssertFalse(r["analyst_themes"]!.contains(" ") || r["model_themes"]!.contains(" "))
        }
    }

    /// The project's own reader takes back what the report wrote: postulates.csv reads as a corpus, with the
    /// guard removed and the themes as a list.
    func testPostulatesCSVReadsBackAsACorpus() throws {
        var data = Fixtures.randomData(count: 30, seed: 3)
        data.postulates[0].text = "=HYPERLINK(\"http://x\")"
        data.postulates[1].text = "\tz tabulatorem"
        data.postulates[2].organisation = "@firma"
        let files = Report.render(data)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("report-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("postulates.csv").path
        try Data(Fixtures.file(files, "postulates.csv").utf8).write(to: URL(fileURLWithPath: path))
        let read = try CorpusReader.read(path: path)
        XCTAssertEqual(read.count, 30)
        XCTAssertEqual(read[0].text, "=HYPERLINK(\"http://x\")")
        XCTAssertEqual(read[1].text, "\tz tabulatorem")
        XCTAssertEqual(read[2].organisation, "@firma")
        let bar = read.first { $0.themes.count > 1 }
        XCTAssertNotNil(bar, "a row with two themes is read as two codes")
    }
}
