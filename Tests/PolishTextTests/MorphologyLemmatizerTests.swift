import Foundation
import XCTest
@testable import PolishText

/// The lemmatiser on the real PoliMorf dictionary (Debian `libmorfologik-stemming-java`) and the committed models.
final class MorphologyLemmatizerTests: XCTestCase {
    /// The repository root, from this file's path (tests may run from any working directory).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Loaded once: reading the dictionary is the slow part.
    nonisolated(unsafe) static var shared: PolishLemmatizer?
    static func lemmatizer() throws -> PolishLemmatizer {
        if let l = shared { return l }
        let l = try PolishLemmatizer.load(modelsDirectory: root + "/Models")
        shared = l
        return l
    }

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else {
            throw XCTSkip("the Morfologik dictionary is not installed (apt-get install libmorfologik-stemming-java)")
        }
    }

    private func check(_ form: String, _ lemma: String, _ source: LemmaSource, file: StaticString = #filePath, line: UInt = #line) throws {
        let got = try Self.lemmatizer().lemma(of: form)
        XCTAssertEqual(got.text, lemma, "lemma of \(form)", file: file, line: line)
        XCTAssertEqual(got.source, source, "source for \(form)", file: file, line: line)
    }

    func testReaderFindsAllReadingsOfAForm() throws {
        let dict = try Self.lemmatizer().dictionary
        let readings = dict.readings(of: "lat")
        XCTAssertEqual(Set(readings.map(\.lemma)), ["rok", "lato"])
        XCTAssertTrue(readings.allSatisfy { $0.surface == "lat" && $0.tag.hasPrefix("subst:pl:gen") })
        XCTAssertTrue(dict.readings(of: "qqqzzx").isEmpty)
        XCTAssertTrue(dict.readings(of: "kot+").isEmpty, "the separator must not lead into the lemma codes")
        XCTAssertTrue(dict.readings(of: "kota+AA", matching: .caseInsensitive).isEmpty)
        XCTAssertTrue(dict.readings(of: "").isEmpty)
        XCTAssertTrue(dict.readings(of: "kraków").isEmpty, "without case folding the lower-cased name is not found")
        XCTAssertTrue(dict.readings(of: "kraków", matching: .caseInsensitive).contains { $0.surface == "Kraków" && $0.lemma == "Kraków" })
    }

    func testKnownWords() throws {
        try check("seniorów", "senior", .lexicon)
        try check("bezpieczeństwa", "bezpieczeństwo", .lexicon)
        try check("młodzieży", "młodzież", .lexicon)
        try check("postulatami", "postulat", .lexicon)
        try check("zrobiony", "zrobić", .lexicon)   // participle → infinitive (UD)
        try check("lepszy", "dobry", .lexicon)      // comparative → positive
    }

    func testProperNamesMatchLowerCasedInput() throws {
        try check("kraków", "kraków", .lexicon)
        try check("krakowie", "kraków", .lexicon)
        try check("warszawy", "warszawa", .lexicon)
    }

    func testAmbiguousFormsGetTheFrequentLemmaDeterministically() throws {
        let l = try Self.lemmatizer()
        try check("mają", "mieć", .lexicon)   // not maić, not maja
        try check("lat", "rok", .lexicon)     // not lato
        try check("nie", "nie", .lexicon)     // particle, not a form of "on"
        for form in ["mają", "lat", "stanie", "góry", "maja"] {
            let first = l.lemma(of: form)
            XCTAssertEqual(l.lemma(of: form), first, "same form, same lemma")
            XCTAssertEqual(PolishLemmatizer.term(l.candidates(of: form)[0].lemma), first.text, "the first candidate is chosen")
        }
        let c = l.candidates(of: "mają")
        XCTAssertTrue(Set(c.map(\.lemma)).isSuperset(of: ["maić", "maja", "mieć"]), "\(c)")
        XCTAssertEqual(c[0].lemma, "mieć")
        XCTAssertGreaterThan(c[0].score, c[1].score)
    }

    func testFormsTypedWithoutPolishLetters() throws {
        try check("seniorow", "senior", .diacriticsRestored)
        try check("mlodziezy", "młodzież", .diacriticsRestored)
        try check("bezpieczenstwa", "bezpieczeństwo", .diacriticsRestored)
        try check("zrodla", "źródło", .diacriticsRestored)
        try check("ciężarowek", "ciężarówka", .diacriticsRestored)  // only some letters missing
        try check("sad", "sad", .lexicon)   // an existing word is not "restored" to sąd
    }

    func testUnknownWordsGoToTheGuesser() throws {
        let l = try Self.lemmatizer()
        XCTAssertTrue(l.dictionary.readings(of: "wiaduktowymi", matching: [.caseInsensitive, .restoreDiacritics]).isEmpty)
        try check("wiaduktowymi", "wiaduktowy", .guesser)
        try check("prosąsiedzkich", "prosąsiedzki", .guesser)
        // Several inflected forms of one unknown word conflate.
        let forms = ["zblorgowaniem", "zblorgowania", "zblorgowaniu"].map { l.lemma(of: $0).text }
        XCTAssertEqual(Set(forms).count, 1, "\(forms)")
        try check("xqz", "xqz", .identity)
    }

    func testGuessesThatAreKnownWordsAreRefused() throws {
        let l = try Self.lemmatizer()
        XCTAssertTrue(l.isKnownWord("kot"))
        XCTAssertTrue(l.isKnownWord("kraków"))
        XCTAssertFalse(l.isKnownWord("zblorgować"))
        for form in ["bowie", "lili", "eurozone"] {
            let got = l.lemma(of: form)
            XCTAssertTrue(got.source == .identity || !l.isKnownWord(got.text), "\(form) → \(got.text)")
        }
    }

    func testAnalyzerUsesTheLemmatiserAndRecordsItsData() throws {
        let analyzer = try DefaultAnalyzer.make(modelsDirectory: Self.root + "/Models")
        XCTAssertEqual(analyzer.stem("Seniorów"), "senior")
        XCTAssertEqual(analyzer.stem("mlodziezy"), "młodzież")
        let id = analyzer.configuration.lemmatizer
        let l = try Self.lemmatizer()
        XCTAssertTrue(id.hasPrefix("morfologik-pl:\(l.dictionary.contentHash)"), id)
        XCTAssertTrue(id.contains("priors:\(l.priors!.contentHash)"), id)
        XCTAssertTrue(id.contains("guesser:\(l.guesser!.contentHash)"), id)
    }
}
