import XCTest
@testable import PolishText

/// Normalisation at its edges, against strings written out: every ASCII capital (A and Z are the range's ends, @ and
/// [ just outside it) and every Polish capital on the fast path, and the soft hyphen, which vanishes rather than
/// becoming a hyphen.
final class NormalizationBoundaryTests: XCTestCase {
    func testEveryCapitalOnTheFastPath() {
        XCTAssertEqual(TextNormalizer.normalize("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), "abcdefghijklmnopqrstuvwxyz")
        XCTAssertEqual(TextNormalizer.normalize("Z"), "z")
        XCTAssertEqual(TextNormalizer.normalize("@[`{"), "@[`{")
        XCTAssertEqual(TextNormalizer.normalize("ĄĆĘŁŃÓŚŹŻ"), "ąćęłńóśźż")
        XCTAssertEqual(TextNormalizer.normalize("ZAŻÓŁĆ GĘŚLĄ JAŹŃ"), "zażółć gęślą jaźń")
    }

    func testSoftHyphenVanishes() {
        XCTAssertEqual(TextNormalizer.unifyTypography("przy\u{00AD}kład"), "przykład")
        XCTAssertEqual(TextNormalizer.normalize("Przy\u{00AD}kład"), "przykład")
        XCTAssertEqual(TextNormalizer.unifyTypography("a\u{2013}b\u{00A0}c"), "a-b c")
    }
}
