import Foundation
import XCTest
@testable import Reporting

final class LanguageAndDeterminismTests: XCTestCase {
    func testPolishByDefault() {
        let data = Fixtures.randomData(count: 1500, seed: 7)
        let html = Fixtures.file(Report.render(data), "index.html")
        XCTAssertTrue(html.contains("<html lang=\"pl\">"))
        XCTAssertTrue(html.contains("Tematy w kolejnych latach"))
        XCTAssertTrue(html.contains("Bezpieczeństwo"), "taxonomy label, capitalised")
        XCTAssertTrue(html.contains("1\u{00A0}500 postulatów"), "Polish number and plural in the header")
        XCTAssertFalse(html.contains("Themes by year"))
        let md = Fixtures.file(Report.render(data), "report.md")
        XCTAssertTrue(md.contains("## 2. Tematy w kolejnych latach"))
        XCTAssertTrue(Fixtures.file(Report.render(data), "columns.md").contains("objaśnienie kolumn"))
    }

    /// The header line in Polish grammar: "od N organizacji" (genitive after "od", also for 2–4), "rok 2024" for
    /// one year, no organisations when none is named, no comma left dangling under a quote without one, and the
    /// unknown-year count as its own sentence.
    func testSummaryLineGrammarAndMissingParts() {
        func data(orgs: [String], years: [Int?]) -> ReportData {
            let theme = ReportTheme(code: "seniors", labelPL: "Seniorzy", labelEN: "Seniors")
            let ps = years.enumerated().map { i, y in
                ReportPostulate(id: "p\(i)", year: y, meeting: "", organisation: orgs[i % orgs.count], text: "Kluby seniora \(i)",
                                response: "", respondent: "", goldThemes: ["seniors"], predictedThemes: ["seniors"],
                                themeScores: ["seniors": 0.9], goldStance: "", predictedStance: "")
            }
            return ReportData(name: "t", sources: ["t.jsonl"], themes: [theme], postulates: ps, characteristicTerms: [:], clusters: [])
        }
        let three = Fixtures.file(Report.render(data(orgs: ["A", "B", "C"], years: [2024, 2024, 2024, nil])), "index.html")
        XCTAssertTrue(three.contains("4 postulaty od 3 organizacji, rok 2024. Rok nieznany: 1."), three)
        let none = Report.render(data(orgs: [""], years: [2023, 2025]))
        let html = Fixtures.file(none, "index.html"), md = Fixtures.file(none, "report.md")
        XCTAssertTrue(html.contains("2 postulaty, lata 2023–2025."), html)
        XCTAssertFalse(html.contains("<p class=\"src\">, "), "a dangling comma under a quote")
        XCTAssertFalse(md.contains("> — , "), "a dangling comma under a quote")
        let en = Fixtures.file(Report.render(data(orgs: ["A"], years: [2024]), language: .en), "index.html")
        XCTAssertTrue(en.contains("1 postulate from 1 organisation, year 2024."), en)
    }

    func testEnglishWithLangEn() {
        let data = Fixtures.randomData(count: 1500, seed: 7)
        let files = Report.render(data, language: .en)
        let html = Fixtures.file(files, "index.html")
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("Themes by year"))
        XCTAssertTrue(html.contains("Networking and cooperation"))
        XCTAssertTrue(html.contains("1,500 postulates"))
        XCTAssertFalse(html.contains("Tematy w kolejnych latach"))
        XCTAssertFalse(html.contains("postulatów"))
        XCTAssertTrue(Fixtures.file(files, "report.md").contains("## 2. Themes by year"))
        XCTAssertTrue(Fixtures.file(files, "columns.md").contains("column descriptions"))
        // CSV numbers do not depend on the language; labels do.
        let plRows = CSVParse.records(Fixtures.file(Report.render(data), "themes_by_year.csv"))
        let enRows = CSVParse.records(Fixtures.file(files, "themes_by_year.csv"))
        XCTAssertEqual(plRows.map { $0["share"] }, enRows.map { $0["share"] })
        XCTAssertEqual(enRows.first?["theme_label"], "Security")
    }

    func testSameInputGivesSameBytes() {
        let a = Report.render(Fixtures.randomData(count: 800, seed: 99))
        let b = Report.render(Fixtures.randomData(count: 800, seed: 99))
        XCTAssertEqual(a.map(\.name), b.map(\.name))
        for (x, y) in zip(a, b) { XCTAssertEqual(Array(x.contents.utf8), Array(y.contents.utf8), x.name) }
        // Different data, different report: the comparison above can fail.
        let c = Report.render(Fixtures.randomData(count: 800, seed: 100))
        XCTAssertNotEqual(Fixtures.file(a, "index.html"), Fixtures.file(c, "index.html"))
    }

    func testWrittenFolderIsByteIdenticalWhenRegenerated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-test-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = Report.render(Fixtures.randomData(count: 300, seed: 5))
        try Report.write(files, to: dir)
        let first = try files.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0.name)) }
        try Report.write(Report.render(Fixtures.randomData(count: 300, seed: 5)), to: dir)
        let second = try files.map { try Data(contentsOf: URL(fileURLWithPath: dir + "/" + $0.name)) }
        XCTAssertEqual(first, second)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testWritingOntoAFileFailsWithItsName() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reporting-file-\(getpid())").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try Report.write(Report.render(Fixtures.randomData(count: 5, seed: 1)), to: path)) { error in
            XCTAssertTrue(String(describing: error).contains(path))
        }
    }

    func testEveryCSVHasItsColumnsDescribed() {
        let files = Report.render(Fixtures.randomData(count: 100, seed: 3))
        let columns = Fixtures.file(files, "columns.md")
        for f in files where f.name.hasSuffix(".csv") {
            XCTAssertTrue(columns.contains("## \(f.name)"), f.name)
            let header = CSVParse.rows(f.contents).first ?? []
            XCTAssertFalse(header.isEmpty)
            for c in header { XCTAssertTrue(columns.contains("| `\(c)` |"), "\(f.name): column \(c) undocumented") }
            XCTAssertTrue(Fixtures.file(files, "index.html").contains("href=\"\(f.name)\""), "\(f.name) linked from the report")
        }
    }

    func testMissingModelsAreSaidInTheReport() {
        var data = Fixtures.randomData(count: 50, seed: 2)
        data.themeSource = .analyst
        data.stanceSource = .analyst
        data.clustersAvailable = false
        let html = Fixtures.file(Report.render(data), "index.html")
        XCTAssertTrue(html.contains("Tematy przypisał: etykiety analityków"))
        XCTAssertTrue(html.contains("Wyszukiwanie powtórzeń nie było dostępne"))
    }
}
