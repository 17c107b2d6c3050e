import PolishText
import XCTest

final class NormalizationTests: XCTestCase {
    func testCaseFoldingAndCompatibilityForms() {
        XCTAssertEqual(TextNormalizer.normalize("ŻÓŁĆ"), "żółć")
        XCTAssertEqual(TextNormalizer.normalize("ZAŻÓŁĆ"), "zażółć")  // ASCII capitals beside Polish letters (scalar path)
        XCTAssertEqual(TextNormalizer.normalize("ZOO Zb"), "zoo zb")  // pure ASCII (byte path)
        XCTAssertEqual(TextNormalizer.normalize("Straße"), "strasse")
        XCTAssertEqual(TextNormalizer.normalize("ﬁrma"), "firma")
        XCTAssertEqual(TextNormalizer.normalize("Ｆｕｌｌ"), "full")
        XCTAssertEqual(TextNormalizer.normalize("Kraków"), "kraków")
        // decomposed input composes (NFKC): e + combining ogonek → ę
        XCTAssertEqual(TextNormalizer.normalize("Ze\u{0328}by"), "zęby")
        XCTAssertEqual(TextNormalizer.nfc("e\u{0328}"), "ę")
    }

    func testTypographyIsUnified() {
        XCTAssertEqual(TextNormalizer.unifyTypography("NGO’s „tak” – nie"), "NGO's \"tak\" - nie")
        XCTAssertEqual(TextNormalizer.normalize("NGO’s"), TextNormalizer.normalize("NGO's"))
        XCTAssertEqual(TextNormalizer.unifyTypography("100\u{00A0}000"), "100 000")
        XCTAssertEqual(TextNormalizer.unifyTypography("zwykły tekst"), "zwykły tekst")
    }

    func testDiacriticFoldedKey() {
        XCTAssertEqual(DiacriticFolding.fold("zażółć gęślą jaźń"), "zazolc gesla jazn")
        XCTAssertEqual(DiacriticFolding.fold("ĄĆĘŁŃÓŚŹŻ"), "ACELNOSZZ")
        XCTAssertEqual(DiacriticFolding.fold("seniorów"), "seniorow")
        XCTAssertEqual(DiacriticFolding.fold("café"), "cafe", "other Latin diacritics go through ICU NFD")
        XCTAssertEqual(DiacriticFolding.fold("mlodziez"), "mlodziez")
        XCTAssertTrue(DiacriticFolding.hasDiacritics("młodzież"))
        XCTAssertFalse(DiacriticFolding.hasDiacritics("mlodziez"))
    }
}
