import Foundation
import XCTest
@testable import PolishText

/// The allocation-free first-sight lookup (`LemmaChooser`) against the reference path it replaced (candidates
/// built as Strings, sorted, first taken): the same lemma and source for every form, the same terms for every text.
final class LemmaFirstSightTests: XCTestCase {
    static var root: String { MorphologyLemmatizerTests.root }

    override func setUpWithError() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else {
            throw XCTSkip("the Morfologik dictionary is not installed (apt-get install libmorfologik-stemming-java)")
        }
    }

    /// The old chain: the same lemmatiser answering by its reference path only (same identifier, so the analyzer
    /// configuration is the same).
    /// It answers name questions as the lemmatiser does (names are not what this test compares).
    final class ReferenceLemmatizer: Lemmatizing, NameLexicon {
        let inner: PolishLemmatizer
        init(_ inner: PolishLemmatizer) { self.inner = inner }
        var identifier: String { inner.identifier }
        func lemma(of form: String) -> Lemma { inner.referenceLemma(of: form) }
        func nameReadings(of form: String) -> NameReadings { inner.nameReadings(of: form) }
    }

    /// Compares lemma and source of each form; returns how many forms differ (each is reported).
    private func compareForms<S: Sequence>(_ forms: S, file: StaticString = #filePath, line: UInt = #line) throws -> Int
    where S.Element == String {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var differing = 0
        for form in forms {
            let fast = l.lemma(of: form), reference = l.referenceLemma(of: form)
            if fast != reference {
                differing += 1
                if differing <= 20 { XCTFail("\(form): \(fast) ≠ reference \(reference)", file: file, line: line) }
            }
        }
        return differing
    }

    /// Forms that exercise each branch: case-insensitive matches, restored diacritics, function words, abbreviation
    /// readings, participles, multi-word lemmas, agglutinates, unknown words (guesser), the separator, odd scripts.
    static let sample = [
        "seniorów", "bezpieczeństwa", "młodzieży", "postulatami", "zrobiony", "lepszy", "kraków", "krakowie",
        "warszawy", "mają", "lat", "nie", "stanie", "góry", "maja", "seniorow", "mlodziezy", "zolw", "zrodla",
        "w", "m", "r", "ul", "al", "nr", "to", "może", "się", "jest", "było", "byłoby", "em", "śmy", "byśmy",
        "mieszkanie", "zamknięty", "zatrzymanie", "najlepszych", "nato", "ue", "pzu", "pkp", "ngo", "mpk",
        "vilbertowi", "bowie", "lili", "qqqzzx", "kot+", "kota+aa", "+", "ławeczka", "multimedialna", "limanowskiego",
        "armii", "krajowej", "częstochowa", "częstochowie", "boisko", "boiska", "wielofunkcyjnego", "placu", "zabaw",
        "rewitalizacja", "skweru", "ścieżki", "rowerowej", "doświetlenie", "przejścia", "dla", "pieszych",
        "ß", "straße", "ﬁrma", "ｋｏｔ", "日本", "αβγ", "żółć", "żółw", "zolc", "a", "o", "i", "z", "ze", "na",
        "przykład", "wiśniowy", "sad", "gdańsk", "gdansk", "łódź", "lodz", "poznań", "poznan", "dąbrowa",
        "nowohucka", "nowej", "hucie", "pn", "ok", "tzw", "itd", "dr", "inż", "xiv", "2024", "3d", "covid",
    ]

    func testCommittedSampleAndCorporaMatchTheReference() throws {
        XCTAssertEqual(Self.sample.count, 109)
        XCTAssertEqual(try compareForms(Self.sample), 0)
        // The repository's own corpora through the whole chain: every term the same.
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let fast = try Analyzer(lemmatizer: l)
        let reference = try Analyzer(lemmatizer: ReferenceLemmatizer(l))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Corpora").filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 3)
        var texts = 0, terms = 0
        for f in files {
            for text in try Self.texts(Self.root + "/Corpora/" + f) {
                let a = fast.terms(text), b = reference.terms(text)
                XCTAssertEqual(a, b, "\(f): \(text.prefix(60))")
                texts += 1
                terms += a.count
            }
        }
        XCTAssertGreaterThan(texts, 1_000)
        XCTAssertGreaterThan(terms, 15_000)
    }

    /// The walk itself against `candidates(of:matching:).first` under each matching, lemma for lemma.
    func testFirstSightAgreesWithCandidatesUnderEveryMatching() throws {
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var decided = 0
        for matching: MorfologikDictionary.Matching in [[], .caseInsensitive, .restoreDiacritics, [.caseInsensitive, .restoreDiacritics]] {
            for form in Self.sample {
                var copy = form
                let got = copy.withUTF8 { l.firstSight($0, matching: matching) }
                let want = l.candidates(of: form, matching: matching).first?.lemma
                switch got {
                case .lemma(let lemma): XCTAssertEqual(lemma, want, "\(form) \(matching)"); decided += 1
                case .none: XCTAssertNil(want, "\(form) \(matching)"); decided += 1
                case .fallback: break
                }
            }
        }
        XCTAssertEqual(decided, 4 * 109, "the walk should decide every sample form itself")
    }

    /// Every distinct form of the UD Polish dev set (../shared, not committed; skipped when absent), normalised as
    /// the analyzer normalises it.
    func testUDDevFormsMatchTheReference() throws {
        let path = Self.root + "/../shared/eval/ud-polish-dev-tokens.tsv"
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("../shared/eval/ud-polish-dev-tokens.tsv absent") }
        var forms = Set<String>()
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let first = line.split(separator: "\t", omittingEmptySubsequences: false).first, !first.isEmpty else { continue }
            forms.insert(TextNormalizer.normalize(String(first)))
        }
        XCTAssertGreaterThan(forms.count, 10_000)
        XCTAssertEqual(try compareForms(forms.sorted()), 0)
    }

    /// The 22k participatory-budget titles (../shared, skipped when absent) through the whole chain.
    func testPBTitlesGiveTheSameTerms() throws {
        let path = Self.root + "/../shared/eval/pb-titles-dev.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("../shared/eval/pb-titles-dev.jsonl absent") }
        let l = try MorphologyLemmatizerTests.lemmatizer()
        let fast = try Analyzer(lemmatizer: l)
        let reference = try Analyzer(lemmatizer: ReferenceLemmatizer(l))
        let titles = try Self.texts(path)
        XCTAssertEqual(titles.count, 22_118)
        var differing = 0
        for t in titles where fast.terms(t) != reference.terms(t) {
            differing += 1
            if differing <= 20 { XCTFail("\(t): \(fast.terms(t)) ≠ \(reference.terms(t))") }
        }
        XCTAssertEqual(differing, 0)
    }

    static func texts(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw XCTSkip("\(path) unreadable") }
        var out: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            for key in ["text", "justification", "response"] { if let s = obj[key] as? String, !s.isEmpty { out.append(s) } }
        }
        return out
    }
}
