import XCTest
@testable import Reporting

/// Number formatting at its edges, against strings written out by hand: where grouping starts (four digits), every
/// group length boundary, and fractions whose leading digits are zeros.
final class NumberFormatBoundaryTests: XCTestCase {
    let pl = NumberFormat(.pl)
    let en = NumberFormat(.en)
    let s = "\u{00A0}"

    func testGroupingBoundaries() {
        let expected: [(Int, String)] = [
            (0, "0"), (9, "9"), (10, "10"), (999, "999"), (1000, "1\(s)000"), (9999, "9\(s)999"), (10_000, "10\(s)000"),
            (99_999, "99\(s)999"), (100_000, "100\(s)000"), (999_999, "999\(s)999"), (1_000_000, "1\(s)000\(s)000"),
        ]
        for (n, text) in expected {
            XCTAssertEqual(pl.integer(n), text, "\(n)")
            XCTAssertEqual(en.integer(n), text.replacingOccurrences(of: s, with: ","), "\(n)")
        }
    }

    func testFractionsKeepTheirLeadingZeros() {
        XCTAssertEqual(pl.decimal(0.05, digits: 2), "0,05")
        XCTAssertEqual(pl.decimal(1.005, digits: 3), "1,005")
        XCTAssertEqual(pl.decimal(2.0001, digits: 4), "2,0001")
        XCTAssertEqual(en.decimal(1000.07, digits: 2), "1,000.07")
        XCTAssertEqual(pl.decimal(7, digits: 0), "7")
    }
}
