import Foundation
import XCTest
@testable import Reporting

/// Charts with many themes and years (trial 3, item 5): every theme its own colour, value labels that never sit on
/// one another.
final class ChartLegibilityTests: XCTestCase {
    func testFourteenDistinctColoursAndTheFirstEightUnchanged() {
        XCTAssertEqual(SVGChart.palette.count, 14)
        XCTAssertEqual(Set(SVGChart.palette).count, 14)
        // Kraków's report (and any of 8 themes or fewer) keeps its colours.
        XCTAssertEqual(Array(SVGChart.palette.prefix(8)), ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#000000"])
        XCTAssertNotEqual(SVGChart.color(8), SVGChart.color(0))
        XCTAssertNotEqual(SVGChart.color(9), SVGChart.color(1))
    }

    /// Eleven years of ten themes with equal bars: the bars are under 5 px wide, one-digit labels about 5.8 px; at
    /// most every other label is drawn, and no two drawn labels overlap.
    func testValueLabelsOfNarrowBarsDoNotOverlap() throws {
        let series = (0..<10).map { SVGChart.Series(label: "t\($0)", color: SVGChart.color($0), values: Array(repeating: 7, count: 11)) }
        let svg = SVGChart.groupedBars(categories: (2015...2025).map(String.init), series: series, axisLabel: "n", title: "t",
                                       format: NumberFormat(.pl))
        let re = try NSRegularExpression(pattern: #"<text x="([0-9.]+)" y="([0-9.]+)" text-anchor="middle" font-size="9""#)
        let labels = re.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { m -> (Double, Double) in
            (Double((svg as NSString).substring(with: m.range(at: 1)))!, Double((svg as NSString).substring(with: m.range(at: 2)))!)
        }
        XCTAssertGreaterThan(labels.count, 11, "some labels are still drawn")
        XCTAssertLessThanOrEqual(labels.count, 55, "at most every other one")
        let width = 9 * 0.64   // one digit
        for (a, b) in zip(labels, labels.dropFirst()) where abs(a.1 - b.1) < 9 && b.0 > a.0 {
            XCTAssertGreaterThanOrEqual(b.0 - a.0, width, "labels at \(a.0) and \(b.0) overlap")
        }
    }
}
