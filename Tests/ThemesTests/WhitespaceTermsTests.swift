import XCTest
@testable import Themes

/// `WhitespaceTerms` as a `TextAnalyzing` (what Similarity takes): its terms, its term keys and its spans agree.
final class WhitespaceTermsTests: XCTestCase {
    func testTermsKeysAndSpansAgree() {
        let text = "  klub\tsenior \n dzielnica\u{00A0}x  źródło  "
        let w = WhitespaceTerms()
        XCTAssertEqual(w.terms(text), ["klub", "senior", "dzielnica\u{00A0}x", "źródło"])
        var streamed: [String] = []
        w.forEachTerm(in: text) { streamed.append($0) }
        XCTAssertEqual(streamed, w.terms(text))
        var keys: [String] = []
        w.forEachTermKey(in: text) { keys.append(String(decoding: $0, as: UTF8.self)) }
        XCTAssertEqual(keys, w.terms(text))
        let bytes = Array(text.utf8)
        var spans: [(String, Range<Int>)] = []
        w.forEachTermSpan(in: text) { spans.append(($0, $1)) }
        XCTAssertEqual(spans.map(\.0), w.terms(text))
        XCTAssertEqual(spans.map { String(decoding: bytes[$0.1], as: UTF8.self) }, w.terms(text), "each span slices its term")
        XCTAssertEqual(spans.first?.1, 2..<6)
    }
}
