import Corpus
import Foundation
import XCTest
@testable import Themes

/// `FormBoilerplate.strip` asks `BoilerplateScan` first and runs its two patterns only when the scan says they may
/// match: the scan must never say "no" where a pattern matches (else a cost line would stay in the text), and the
/// stripped text must be the patterns' own.
final class BoilerplateScanTests: XCTestCase {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// "No" from the scan means neither pattern matches anywhere in the text; and `strip` is the patterns' result.
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        if !FormBoilerplate.mayMatch(text) {
            let range = NSRange(text.startIndex..<text.endIndex, in: text)
            XCTAssertNil(FormBoilerplate.costLine?.firstMatch(in: text, options: [], range: range),
                         "cost line matches, the scan said no: \(text.debugDescription)", file: file, line: line)
            XCTAssertNil(FormBoilerplate.heading?.firstMatch(in: text, options: [], range: range),
                         "heading matches, the scan said no: \(text.debugDescription)", file: file, line: line)
        }
        XCTAssertEqual(FormBoilerplate.strip(text), FormBoilerplate.stripByPatterns(text), text.debugDescription,
                       file: file, line: line)
    }

    /// Texts built from the patterns' words in both cases, cut and glued with spaces, colons, digits, line ends,
    /// no-break and Unicode spaces, and letters whose case forms are ASCII (ſ, K, İ, ß, ligatures).
    func testTheScanNeverMissesAPatternOnPiecesOfThePatterns() {
        let pieces = ["lp", "Lp.", "LP", "elementy", "Element", "składowe", "SKŁADOWE", "koszt", "kosztorys", "KOSZTY",
                      "szacunkowy", "wartość", "WARTOŚĆ", "Wartości", "budżet", "BUDŻET", "projektu", "PROJEKTU",
                      "zadania", "razem", "RAZEM", "suma", "Suma", "kwota", "KWOTA", "brutto", "Netto", "uzasadnienie",
                      "Uzasadnienie", "opis", "OPIS", "krótki", "Szczegółowy", "lokalizacja", "tytuł", "TYTUŁ", "cel",
                      "Cel", "beneficjenci", "odbiorcy", "rodzaj", "kategoria", "realizacji", "100", "000,00", "5",
                      "zł", "PLN", "tys.", "mln", ":", ".", ",", "-", "ą", "x", "_", "ſuma", "\u{212A}oszt", "İ", "ß",
                      "\u{FB01}", "s\u{0301}", "kosztów", "Kosztami", "łączny", "ŁĄCZNIE", "całkowity", "utrzymania",
                      "Szacowany", "netto", "kosztorysu", "ó"]
        let glue = [" ", " ", " ", "", "\n", "\t", ": ", "\u{00A0}", "\u{2028}", "\r\n", "\u{0085}", "\u{2003}", "\u{000B}"]
        var rng = SplitMix64(seed: 17)
        var scanNo = 0, matched = 0
        for _ in 0..<6000 {
            var s = ""
            for _ in 0..<(1 + rng.below(7)) {
                s += pieces[rng.below(pieces.count)] + glue[rng.below(glue.count)]
            }
            if rng.below(3) == 0 { s = String(s.dropLast(rng.below(3))) }
            if !FormBoilerplate.mayMatch(s) { scanNo += 1 }
            if FormBoilerplate.stripByPatterns(s) != s { matched += 1 }
            check(s)
        }
        // Both answers are common, so the comparison says something either way.
        XCTAssertGreaterThan(scanNo, 1000)
        XCTAssertGreaterThan(matched, 1000)
    }

    func testTheFilterTestsCasesAndOrdinaryTextAgree() {
        let texts = ["Nowe huśtawki i piaskownica dla dzieci. Lp. Elementy składowe Koszt szacunkowy 1. Projekt 20 000,00 zł",
                     "Posadzenie 40 drzew. Szacunkowy koszt realizacji projektu: 120 000 zł.",
                     "Koszt całkowity: 85 000,00 zł brutto\nOpis projektu: latarnie wzdłuż alejki",
                     "Kosztorys: 300 tys. zł. Nowe ławki.", "Uzasadnienie:\nMieszkańcy chodzą poboczem.",
                     "Cel: bezpieczna droga do szkoły", "Zwiększenie kwoty dotacji na kluby seniora",
                     "Opis trasy rowerowej na tablicach", "Wartość projektu 5 mln", "BUDŻET PROJEKTU", "Razem 170 zł",
                     "  Tytuł\t", "kwota brutto: 7", "tytuł projektu", "Beneficjenci", "Lp\u{00A0}nazwa"]
        XCTAssertEqual(texts.count, 16)
        for t in texts { check(t) }
        XCTAssertTrue(texts.allSatisfy { FormBoilerplate.mayMatch($0) == ($0 != texts[6] && $0 != texts[7]) })
    }

    /// The repository's corpora and (when present) the 22k real titles: every text and justification.
    func testTheScanAgreesOnRealText() throws {
        var paths = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Corpora")
            .filter { $0.hasSuffix(".jsonl") }.map { Self.root + "/Corpora/" + $0 }
        let titles = Self.root + "/../shared/eval/pb-titles-dev.jsonl"
        if FileManager.default.fileExists(atPath: titles) { paths.append(titles) }
        var texts = 0
        for path in paths {
            for record in try CorpusReader.read(path: path) {
                for t in [record.text, record.justification] where !t.isEmpty {
                    check(t)
                    texts += 1
                }
            }
        }
        XCTAssertGreaterThan(texts, 300)
    }
}
