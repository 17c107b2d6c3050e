import XCTest
@testable import Service

/// How pages write numbers and times: a fixed number of decimals with a comma (a column of scores lines up), the
/// store's UTC timestamps as a reader writes them.
final class LayoutFormatTests: XCTestCase {
    func testDecimalsAreFixedWithAComma() {
        XCTAssertEqual(Layout.decimal(0.32), "0,320")
        XCTAssertEqual(Layout.decimal(0.7894), "0,789")
        XCTAssertEqual(Layout.decimal(1), "1,000")
        XCTAssertEqual(Layout.decimal(41.6, places: 0), "42")
        XCTAssertEqual(Layout.decimal(.nan), "—")
    }

    func testStoreTimestampsReadAsDateAndMinute() {
        XCTAssertEqual(Layout.timestamp("2026-12-07T14:06:15.159Z"), "2026-12-07 14:06 UTC")
        XCTAssertEqual(Layout.timestamp("2026-12-07T14:06:15Z"), "2026-12-07 14:06 UTC")
        XCTAssertEqual(Layout.timestamp("wczoraj"), "wczoraj")
        XCTAssertEqual(Layout.timestamp(""), "")
    }
}
