import Corpus
import Foundation
import XCTest
@testable import Themes

/// `BoilerplateMatcher` must strip exactly what `FormBoilerplate`'s two regular expressions strip: scalar by scalar
/// its classes are ICU's, and on generated and real texts its result is the patterns' result.
final class BoilerplateMatcherTests: XCTestCase {
    /// Every scalar the matcher knows: `\w`, `\s`, `\d`, line ends and case-insensitive equality with each scalar
    /// of the patterns are what ICU (through `NSRegularExpression`) says.
    func testTheScalarTableIsICUs() throws {
        XCTAssertNoThrow(try BoilerplateScalars.checkInvariants())
        XCTAssertNoThrow(try BoilerplatePatterns.costLine.checkInvariants())
        XCTAssertNoThrow(try BoilerplatePatterns.heading.checkInvariants())
        func regex(_ p: String) throws -> NSRegularExpression { try NSRegularExpression(pattern: p, options: [.caseInsensitive]) }
        func whole(_ r: NSRegularExpression, _ s: String) -> Bool {
            r.firstMatch(in: s, options: [], range: NSRange(s.startIndex..<s.endIndex, in: s)) != nil
        }
        let w = try regex(#"^\w$"#), sp = try regex(#"^\s$"#), d = try regex(#"^\d$"#)
        let start = try regex(#"(?m)^y"#), end = try regex(#"(?m)^x$"#)
        let letters = BoilerplatePatterns.literalScalars.sorted()
        XCTAssertGreaterThan(letters.count, 30)
        let lettersRegex = try letters.map { try regex("^" + NSRegularExpression.escapedPattern(for: String(Unicode.Scalar($0)!)) + "$") }
        var known = 0
        for v in UInt32(0)..<0x2200 {
            guard let s = Unicode.Scalar(v), let (folded, flags) = BoilerplateScalars.classify(v) else { continue }
            known += 1
            let t = String(s), name = String(format: "U+%04X", v)
            XCTAssertEqual(flags & BoilerplateScalars.word != 0, whole(w, t), "\\w \(name)")
            XCTAssertEqual(flags & BoilerplateScalars.space != 0, whole(sp, t), "\\s \(name)")
            XCTAssertEqual(flags & BoilerplateScalars.digit != 0, whole(d, t), "\\d \(name)")
            XCTAssertEqual(flags & BoilerplateScalars.lineEnd != 0, whole(start, "x" + t + "y"), "^ after \(name)")
            XCTAssertEqual(flags & BoilerplateScalars.lineEnd != 0, whole(end, "x" + t), "$ before \(name)")
            for (l, r) in zip(letters, lettersRegex) {
                XCTAssertEqual(folded == l, whole(r, t), "\(name) against pattern scalar U+\(String(l, radix: 16))")
            }
        }
        XCTAssertEqual(known, 128 + 0xE0 - 6 + 24 + 15 + 1)
        for v: UInt32 in [0xAD, 0xDF, 0x130, 0x131, 0x149, 0x17F, 0x85, 0x2028, 0x212A, 0x301, 0xFB01] {
            XCTAssertNil(BoilerplateScalars.classify(v), "U+\(String(v, radix: 16)) must go to the patterns")
        }
    }

    /// Where the matcher answers, its result is the two patterns' replacements (without the filter's first looks);
    /// and `strip` is the patterns' result behind those first looks, as before.
    @discardableResult
    private func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (answered: Bool, changed: Bool) {
        let expected = FormBoilerplate.byPatterns(text)
        XCTAssertEqual(FormBoilerplate.strip(text), FormBoilerplate.stripByPatterns(text), text.debugDescription,
                       file: file, line: line)
        guard let got = BoilerplateMatcher.strip(text) else { return (false, expected != text) }
        XCTAssertEqual(got, expected, text.debugDescription, file: file, line: line)
        return (true, expected != text)
    }

    /// Texts glued from the patterns' words and their neighbours (amounts in every spelling, both cases, spaces,
    /// colons, line ends, words that nearly fit): the matcher strips what the patterns strip.
    func testTheMatcherStripsWhatThePatternsStripOnGeneratedTexts() {
        let pieces = ["lp", "Lp.", "LP", "lp.", "elementy", "Element", "elementów", "składowe", "SKŁADOWE", "składowa",
                      "koszt", "kosztorys", "KOSZTY", "kosztów", "Koszt_1", "szacunkowy", "Szacowany", "przewidywany",
                      "całkowity", "CAŁKOWITY", "łączny", "Łączny", "zweryfikowany", "planowany", "wartość", "WARTOŚĆ",
                      "Wartości", "budżet", "BUDŻET", "budżetu", "projektu", "PROJEKTU", "zadania", "zadanie", "realizacji",
                      "brutto", "Netto", "utrzymania", "szacunkowe", "całkowite", "łącznie", "razem", "RAZEM", "suma",
                      "Suma", "kwota", "KWOTA", "nazwa", "opis", "OPIS", "rodzaj", "zadanie", "uzasadnienie",
                      "Uzasadnienie", "krótki", "Skrócony", "Szczegółowy", "lokalizacja", "tytuł", "TYTUŁ", "cel", "Cel",
                      "celowy", "beneficjenci", "odbiorcy", "rodzaj", "kategoria", "100", "000,00", "5", "20", "1.500",
                      "7,5", "2024", "0", "zł", "Zł", "ZŁ", "zł.", "złotych", "ZŁOTYCH", "złoty", "złotyche", "PLN", "pln.",
                      "plny", "tys.", "tys", "TYS.", "mln", "tysięcy", "tysiąc", ":", ".", ",", "-", "–", "„", "”", "ą",
                      "x", "_", "é", "ó", "Ó", "Ż", "ę", "€", "°", "(", ")", "/", "1.", "2)", "a", "na", "i", "w"]
        let glue = [" ", " ", " ", " ", "", "", "\n", "\t", ": ", ":", "\u{00A0}", "\r\n", "\r", "\u{000B}", "\u{000C}",
                    " \n ", "  ", ". ", ", "]
        var rng = SplitMix64(seed: 1717)
        var answered = 0, changed = 0
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(1 + rng.below(9)) {
                s += pieces[rng.below(pieces.count)] + glue[rng.below(glue.count)]
            }
            if rng.below(3) == 0 { s = String(s.unicodeScalars.dropFirst(rng.below(2)).dropLast(rng.below(3)).map(Character.init)) }
            let (a, c) = check(s)
            if a { answered += 1 }
            if c { changed += 1 }
        }
        // Most texts are answered by the matcher, and thousands of them are changed by the patterns.
        XCTAssertGreaterThan(answered, 19_000)
        XCTAssertGreaterThan(changed, 2_500)
    }

    /// The filter's own examples, cut and pasted forms, and texts the matcher must leave to the patterns.
    func testTheFilterCasesAndTextsOutsideTheTable() {
        let texts = ["Nowe huśtawki i piaskownica dla dzieci. Lp. Elementy składowe Koszt szacunkowy 1. Projekt 20 000,00 zł 2. Wykonanie 150 000,00 zł Razem 170 000,00 zł",
                     "Posadzenie 40 drzew. Szacunkowy koszt realizacji projektu: 120 000 zł.",
                     "Koszt całkowity: 85 000,00 zł brutto\nOpis projektu: latarnie wzdłuż alejki",
                     "Kosztorys: 300 tys. zł. Nowe ławki.", "Uzasadnienie:\nMieszkańcy chodzą poboczem.",
                     "lp. nazwa elementu koszt 1. zakup urządzeń 40 000 zł 2. montaż 5 000 zł łączny koszt 45 000 zł",
                     "Zweryfikowany koszt realizacji projektu: 814 000,00 zł", "kosztorys100 zł", "kosztorys100zł",
                     "Kwota 5 tysięcy złotych", "razem: 12", "\n\n  opis projektu\r\nSzczegółowy opis:", "Cel\r\n",
                     "Koszt całkowity 10 zł\n20 zł", "suma netto : 7 PLN.", "Wartość zadania 5 mln zł; budżet projektu 1 zł"]
        XCTAssertEqual(texts.count, 16)
        for t in texts {
            XCTAssertNotNil(BoilerplateMatcher.strip(t), t)
            XCTAssertTrue(check(t).changed, t)
        }
        // A scalar outside the table: the matcher does not answer and the patterns do ("Koſzt" is "Koszt" to ICU;
        // U+2028 and U+0085 end a line; the soft hyphen after "zł" is no word boundary).
        for t in ["Koſzt całkowity: 5 zł", "Uzasadnienie\u{2028}", "Cel\u{0085}", "Suma 5 zł\u{00AD}", "Opis:\u{0301}"] {
            XCTAssertNil(BoilerplateMatcher.strip(t), t.debugDescription)
            XCTAssertNotEqual(FormBoilerplate.byPatterns(t), t, t.debugDescription)
            check(t)
        }
    }

    /// Every text and justification of the repository's corpora (the training corpus holds real-register
    /// descriptions with cost lines) and, when present, the 22k real titles.
    func testTheMatcherAgreesOnRealText() throws {
        let root = BoilerplateScanTests.root
        var paths = try FileManager.default.contentsOfDirectory(atPath: root + "/Corpora").filter { $0.hasSuffix(".jsonl") }
            .map { root + "/Corpora/" + $0 }
        paths += try FileManager.default.contentsOfDirectory(atPath: root + "/Corpora/training")
            .filter { $0.hasSuffix(".jsonl") }.map { root + "/Corpora/training/" + $0 }
        let titles = root + "/../shared/eval/pb-titles-dev.jsonl"
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
        XCTAssertGreaterThan(texts, 1000)
    }
}
