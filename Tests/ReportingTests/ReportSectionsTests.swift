import XCTest
@testable import Reporting

/// The one list of sections (`ReportSection`) drives the HTML, the Markdown and the CSV tables alike.
final class ReportSectionsTests: XCTestCase {
    func testTablesAreTheSectionsFilesInOrder() {
        let analysis = ReportAnalysis(Fixtures.randomData(count: 400, seed: 7))
        XCTAssertEqual(analysis.tables().map(\.file), ReportSection.allCases.flatMap(\.files).map(\.name))
        XCTAssertEqual(Set(ReportCSVFile.inReportOrder), Set(ReportCSVFile.allCases), "every CSV file belongs to a section")
        XCTAssertEqual(ReportCSVFile.inReportOrder.count, ReportCSVFile.allCases.count, "no file in two sections")
    }

    func testHTMLAndMarkdownNumberAndTitleEverySectionFromTheList() {
        for language in ReportLanguage.allCases {
            let files = Report.render(Fixtures.randomData(count: 400, seed: 11), language: language, limits: ReportLimits())
            let html = Fixtures.file(files, "index.html"), markdown = Fixtures.file(files, "report.md")
            let strings = ReportStrings(language)
            var htmlAt = html.startIndex, markdownAt = markdown.startIndex
            for section in ReportSection.allCases {
                let title = section.title(strings)
                let open = "<section id=\"\(section.id)\">\n<h2>\(section.number). \(Escape.html(title))</h2>"
                guard let h = html.range(of: open, range: htmlAt..<html.endIndex) else {
                    return XCTFail("\(language): HTML lacks, or misorders, \(open)")
                }
                htmlAt = h.upperBound
                XCTAssertTrue(html.contains("<li><a href=\"#\(section.id)\">\(Escape.html(title))</a>"), "contents: \(section)")
                guard let m = markdown.range(of: "\n## \(section.number). \(Escape.markdown(title))\n", range: markdownAt..<markdown.endIndex) else {
                    return XCTFail("\(language): Markdown lacks, or misorders, section \(section.number)")
                }
                markdownAt = m.upperBound
            }
        }
    }
}
