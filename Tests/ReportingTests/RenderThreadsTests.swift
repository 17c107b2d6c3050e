import XCTest
@testable import Reporting

/// The report's tables are built, and its files rendered, on `--jobs` threads; the bytes must not depend on how many.
final class RenderThreadsTests: XCTestCase {
    func testAnyNumberOfThreadsGivesTheSameFiles() {
        let data = Fixtures.randomData(count: 1_500, seed: 7)
        let plain = Report.render(data, threads: 1)
        // Tables with more rows than one block of work: the threaded path really splits them.
        let analysis = ReportAnalysis(data)
        let rows = Dictionary(uniqueKeysWithValues: analysis.tables(threads: 1).map { ($0.file, $0.rows.count) })
        XCTAssertEqual(rows["postulates.csv"], 1_500)
        XCTAssertGreaterThan(rows["theme_postulates.csv"] ?? 0, 4 * 128)
        XCTAssertGreaterThan(rows["theme_disagreements.csv"] ?? 0, 128)
        XCTAssertGreaterThan(rows["recurring_demands.csv"] ?? 0, 128)
        for threads in [2, 3] {
            let files = Report.render(data, threads: threads)
            XCTAssertEqual(files.map(\.name), plain.map(\.name), "threads \(threads)")
            for (x, y) in zip(files, plain) { XCTAssertEqual(Array(x.contents.utf8), Array(y.contents.utf8), "\(x.name), threads \(threads)") }
            let tables = analysis.tables(threads: threads)
            XCTAssertEqual(tables.map(\.rows), analysis.tables(threads: 1).map(\.rows), "threads \(threads)")
        }
    }
}
