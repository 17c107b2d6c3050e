import ICUText
import XCTest

final class ICUTextTests: XCTestCase {
    func testWordBreakGivesUTF8OffsetsAndStatus() throws {
        let breaker = try WordBreaker(locale: "pl")
        let text = "Łódź 2025 r."
        let segs = try breaker.segments(of: text)
        let words = segs.filter { $0.ruleStatus >= 100 }
        let utf8 = Array(text.utf8)
        let strings = words.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
        XCTAssertEqual(strings, ["Łódź", "2025", "r"])
        XCTAssertEqual(words[0].end, 7, "Łódź is 7 UTF-8 bytes")
        XCTAssertTrue((100..<200).contains(words[1].ruleStatus), "2025 is a number")
        XCTAssertTrue((200..<300).contains(words[0].ruleStatus), "Łódź is a letter word")
    }

    func testBreakerIsReusableAcrossTexts() throws {
        let breaker = try WordBreaker()
        XCTAssertEqual(try breaker.segments(of: "a b").count, 3)
        XCTAssertEqual(try breaker.segments(of: "").count, 0)
        XCTAssertEqual(try breaker.segments(of: "jeden").count, 1)
    }

    func testNormalizationForms() throws {
        XCTAssertEqual(try ICUNormalizer(.nfkcCasefold)("ŻÓŁĆ Straße ﬁrma"), "żółć strasse firma")
        XCTAssertEqual(try ICUNormalizer(.nfc)("e\u{0328}"), "ę")
        XCTAssertEqual(try ICUNormalizer(.nfd)("ę").unicodeScalars.count, 2)
        XCTAssertEqual(try ICUNormalizer(.nfkc)("Ｆｕｌｌ"), "Full")
        XCTAssertEqual(try icuFoldCase("ĄĘ"), "ąę")
        XCTAssertTrue(isNonspacingMark("\u{0328}"))
        XCTAssertFalse(isNonspacingMark("a"))
        XCTAssertTrue(icuVersion().contains("."))
    }
}
