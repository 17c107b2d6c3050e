import PolishText
import XCTest

final class AnalyzerTests: XCTestCase {
    func testStopWordsAndNumbersGiveNoTerm() throws {
        let a = try Analyzer(lemmatizer: IdentityLemmatizer())
        // Without a lexicon only a street trigger makes a name ("ul. Długiej" → Dlug); a year is an identifier.
        XCTAssertEqual(a.terms("Kluby seniorów w Krakowie oraz 2025 r., np. na ul. Długiej"),
                       ["kluby", "seniorów", "krakowie", "rok:2025", "ulica", "Dlud"])
        let kept = try Analyzer(lemmatizer: IdentityLemmatizer(),
                                configuration: AnalyzerConfiguration(lemmatizer: "identity", keepNumbers: true))
        XCTAssertTrue(kept.terms("budżet 100 000 osób").contains("100 000"))
        // An amount is a money token: no term, even when numbers are kept.
        XCTAssertEqual(kept.terms("budżet 100 000 zł"), ["budżet"])
    }

    func testAnalyzeReportsEveryTokenWithStopFlag() throws {
        let a = try Analyzer(lemmatizer: IdentityLemmatizer())
        let toks = a.analyze("Kluby i świetlice")
        XCTAssertEqual(toks.map(\.text), ["Kluby", "i", "świetlice"])
        XCTAssertEqual(toks.map(\.isStopWord), [false, true, false])
        XCTAssertNil(toks[1].term)
    }

    func testConfigurationHashAndDifferences() {
        let a = AnalyzerConfiguration(lemmatizer: "x")
        var b = a
        XCTAssertEqual(a.hash, b.hash)
        XCTAssertEqual(a.hash.count, 16)
        b.keepNumbers = true
        XCTAssertNotEqual(a.hash, b.hash)
        XCTAssertEqual(a.differences(from: b), ["keepNumbers: false vs true"])
        XCTAssertEqual(a.differences(from: a), [])
    }

    func testFoldTermDiacritics() throws {
        let a = try Analyzer(lemmatizer: IdentityLemmatizer(),
                             configuration: AnalyzerConfiguration(lemmatizer: "identity", foldTermDiacritics: true))
        XCTAssertEqual(a.terms("Młodzież"), ["mlodziez"])
    }

    func testRepeatedAnalysisIsDeterministic() throws {
        let a = try Analyzer(lemmatizer: IdentityLemmatizer())
        let text = "Postulat: wsparcie klubów seniora, NGO’s i pre-MAM’owych działań."
        XCTAssertEqual(a.analyze(text), a.analyze(text))
        let b = try Analyzer(lemmatizer: IdentityLemmatizer())
        XCTAssertEqual(a.analyze(text), b.analyze(text))
    }

    /// A saved configuration's switches are honoured when this lemmatiser and chain can produce them; another
    /// lemmatiser or chain version falls back to the default configuration (which the model's check then refuses).
    func testReproducibleConfigurationKeepsSwitchesOnlyForTheSameLemmatiser() throws {
        let lemmatizer = IdentityLemmatizer()
        var saved = AnalyzerConfiguration(lemmatizer: lemmatizer.identifier, stopWords: nil, keepNumbers: true)
        XCTAssertEqual(DefaultAnalyzer.reproducible(saved, with: lemmatizer), saved)
        let analyzer = try Analyzer(lemmatizer: lemmatizer, configuration: DefaultAnalyzer.reproducible(saved, with: lemmatizer))
        XCTAssertEqual(analyzer.terms("nie już 2025 12"), ["nie", "już", "rok:2025", "12"], "no stop words, numbers kept")
        let own = AnalyzerConfiguration(lemmatizer: lemmatizer.identifier)
        saved.lemmatizer = "other-dictionary:1234"
        XCTAssertEqual(DefaultAnalyzer.reproducible(saved, with: lemmatizer), own)
        saved.lemmatizer = lemmatizer.identifier
        saved.chainVersion += 1
        XCTAssertEqual(DefaultAnalyzer.reproducible(saved, with: lemmatizer), own)
    }
}
