import Foundation
import XCTest
@testable import PolishText

/// A name's term is a key ("Dlud" for "Długiej"); shown to people it is the word the texts write (`TermLabels`).
final class TermLabelsTests: XCTestCase {
    override func setUpWithError() throws { try RealLexiconAnalyzer.skipUnlessInstalled() }

    func analyzer() throws -> Analyzer { try RealLexiconAnalyzer.analyzer() }

    func testANamesKeyIsShownAsTheMostFrequentSpellingAndWordsStayAsTheyAre() throws {
        let a = try analyzer()
        let key = try XCTUnwrap(a.analyze("przy ulicy Długiej").first { $0.text == "Długiej" }?.term)
        XCTAssertNotEqual(key, "Długiej", "the term is a key, not the word")
        let place = try XCTUnwrap(a.analyze("na Obłużu").first { $0.text == "Obłużu" }?.term)
        let texts = ["Chodnik na Obłużu przy ulicy Długiej", "Ławki na ulicy Długa", "Oświetlenie ulicy Długiej", "Gry na Obłużu"]
        let labels = TermLabels(for: [key, "ulica", "oświetlenie ulica", "ulica \(key)", place], in: texts, analyzer: a)
        XCTAssertEqual(labels.label(key), "Długiej", "two of three spellings")
        XCTAssertEqual(labels.label(place), "Obłużu")
        XCTAssertEqual(labels.label("ulica"), "ulica", "a word is shown as it is")
        XCTAssertEqual(labels.label("oświetlenie ulica"), "oświetlenie ulica")
        XCTAssertEqual(labels.label("ulica \(key)"), "ulica Długiej", "a bigram's name part")
        XCTAssertEqual(labels.label("nr:5"), "nr:5")
        XCTAssertEqual(labels.words.count, 2, "only the names asked for")
    }

    func testATieGoesToTheFirstSpellingSeenAndAMissingNameKeepsItsKey() throws {
        let a = try analyzer()
        let key = try XCTUnwrap(a.analyze("przy ulicy Długiej").first { $0.text == "Długiej" }?.term)
        XCTAssertEqual(TermLabels(for: [key], in: ["ulica Długa", "ulica Długiej"], analyzer: a).label(key), "Długa")
        XCTAssertEqual(TermLabels(for: [key], in: ["ulica Długiej", "ulica Długa"], analyzer: a).label(key), "Długiej")
        XCTAssertEqual(TermLabels(for: [key], in: ["park miejski"], analyzer: a).label(key), key)
        XCTAssertEqual(TermLabels(for: ["park"], in: ["Park na Obłużu"], analyzer: a).words, [:], "no name asked for: nothing read")
    }
}
