import XCTest
@testable import Reporting

final class NumberFormatTests: XCTestCase {
    let pl = NumberFormat(.pl)
    let en = NumberFormat(.en)
    let nbsp = "\u{00A0}"

    func testPolishGroupsWithNoBreakSpaceAndUsesDecimalComma() {
        XCTAssertEqual(pl.decimal(1234.5), "1\(nbsp)234,5")
        XCTAssertEqual(pl.integer(1234), "1\(nbsp)234")
        XCTAssertEqual(pl.integer(1_234_567), "1\(nbsp)234\(nbsp)567")
        XCTAssertEqual(pl.integer(999), "999")
        XCTAssertEqual(pl.integer(0), "0")
        XCTAssertEqual(pl.decimal(100_000, digits: 2), "100\(nbsp)000,00")
        XCTAssertFalse(pl.integer(12_345).contains(" "), "a breaking space would let a number wrap in a table cell")
    }

    func testNegativeNumbersUseTheMinusSign() {
        XCTAssertEqual(pl.integer(-1234), "\u{2212}1\(nbsp)234")
        XCTAssertEqual(pl.signedInteger(-3), "\u{2212}3")
        XCTAssertEqual(pl.signedInteger(3), "+3")
        XCTAssertEqual(pl.signedInteger(0), "0")
        XCTAssertEqual(pl.decimal(-0.04), "0,0", "a value that rounds to zero has no sign")
    }

    func testRoundingIsHalfAwayFromZero() {
        XCTAssertEqual(pl.decimal(0.25), "0,3")
        XCTAssertEqual(pl.decimal(2.449), "2,4")
        XCTAssertEqual(pl.decimal(9.96), "10,0")
        XCTAssertEqual(pl.decimal(999.96), "1\(nbsp)000,0")
    }

    func testPercentAndPoints() {
        XCTAssertEqual(pl.percent(0.125), "12,5%")
        XCTAssertEqual(pl.percent(1), "100,0%")
        XCTAssertEqual(pl.signedPoints(4.06), "+4,1\(nbsp)p.p.")
        XCTAssertEqual(pl.signedPoints(-0.5), "\u{2212}0,5\(nbsp)p.p.")
        XCTAssertEqual(en.signedPoints(0.01), "0.0\(nbsp)pp")
    }

    func testEnglish() {
        XCTAssertEqual(en.decimal(1234.5), "1,234.5")
        XCTAssertEqual(en.integer(1_234_567), "1,234,567")
        XCTAssertEqual(en.percent(0.5), "50.0%")
    }

    func testCSVNumbersAreMachineReadable() {
        XCTAssertEqual(CSVNumber.decimal(0.125), "0.1250")
        XCTAssertEqual(CSVNumber.decimal(-2.5), "-2.5000")
        XCTAssertEqual(CSVNumber.decimal(1234.5), "1234.5000")
    }

    func testPolishPlurals() {
        let s = ReportStrings(.pl)
        XCTAssertEqual(s.postulatesCount(1, pl), "1 postulat")
        XCTAssertEqual(s.postulatesCount(3, pl), "3 postulaty")
        XCTAssertEqual(s.postulatesCount(5, pl), "5 postulatów")
        XCTAssertEqual(s.postulatesCount(12, pl), "12 postulatów")
        XCTAssertEqual(s.postulatesCount(22, pl), "22 postulaty")
        XCTAssertEqual(s.postulatesCount(1002, pl), "1\(nbsp)002 postulaty")
    }
}
