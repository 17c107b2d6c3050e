import Foundation
import XCTest
@testable import PolishText

/// Names, identifiers and amounts on real civic text (issue 15), with the real lexicon.
final class NamesAndIdentifiersTests: XCTestCase {
    override func setUpWithError() throws { try RealLexiconAnalyzer.skipUnlessInstalled() }

    func analyzer() throws -> Analyzer { try RealLexiconAnalyzer.analyzer() }

    /// The term of `word` where it stands in `text`.
    func term(_ word: String, in text: String) throws -> String? {
        let tokens = try analyzer().analyze(text)
        let hits = tokens.filter { $0.text == word }
        XCTAssertEqual(hits.count, 1, "\(word) in \(text)")
        return hits.first?.term
    }

    func testEveryCaseFormOfANameGivesOneTerm() throws {
        let groups: [[(String, String)]] = [
            [("Obłuże", "Gry na Obłuże"), ("Obłużu", "Gry na Obłużu"), ("Obłuża", "Mieszkańcy Obłuża")],
            [("Redłowo", "Park Redłowo"), ("Redłowie", "Festyn w Redłowie")],
            [("Zawodzie", "Dzielnica Zawodzie"), ("Zawodziu", "Boisko na Zawodziu"), ("Zawodzia", "Dla Zawodzia")],
            [("Rakowie", "Boisko na Rakowie"), ("Raków", "Dzielnica Raków")],
            [("Kacku", "Park w Kacku"), ("Kack", "Osiedle Kack")],
            [("Parkitce", "Boisko na Parkitce"), ("Parkitka", "Park Parkitka")],
            [("Polesiu", "Festyn na Starym Polesiu"), ("Polesie", "Festyn Stare Polesie")],
            [("Lisiniec", "Osiedle Lisiniec"), ("Lisińcu", "Festyn na Lisińcu"), ("Lisincu", "Festyn na Lisincu")],
            [("Grabówek", "Dzielnica Grabówek"), ("Grabówku", "Festyn na Grabówku")],
            [("Sosnowiec", "Miasto Sosnowiec"), ("Sosnowcu", "Festyn w Sosnowcu"), ("Sosnowca", "Dla Sosnowca")],
            [("Bytom", "Miasto Bytom"), ("Bytomiu", "Festyn w Bytomiu")],
        ]
        for group in groups {
            let terms = try group.map { try term($0.0, in: $0.1) }
            XCTAssertEqual(Set(terms).count, 1, "\(group): \(terms)")
            let t = try XCTUnwrap(terms.first ?? nil)
            XCTAssertEqual(TermKind.of(t), .name, t)
        }
        // Never the common noun it resembles.
        XCTAssertEqual(try term("Rakowie", in: "Boisko na Rakowie"), "Rakow")
        XCTAssertNotEqual(try term("Zawodziu", in: "Boisko na Zawodziu"), "zawód")
        XCTAssertEqual(try term("Stare", in: "Festyn Stare Polesie"), try term("Starym", in: "Festyn na Starym Polesiu"))
        XCTAssertNotEqual(try term("Stare", in: "Festyn Stare Polesie"), "stary")
        // Two libraries stay apart.
        XCTAssertNotEqual(try term("Cisowa", in: "Biblioteka Cisowa"), try term("Cisowskie", in: "Biblioteka Pustki Cisowskie"))
    }

    /// A district field or a label alone is the name its titles inflect (issue 15, item 1): a sentence's first word
    /// with both a proper and a common reading is the name unless running text goes on in lower case.
    func testALabelAloneIsTheNameItsInflectedFormsGive() throws {
        let a = try analyzer()
        for (label, inflected, word) in [("Grabówka", "Plac zabaw na Grabówce", "Grabówce"),
                                         ("Raków", "Boisko na Rakowie", "Rakowie"),
                                         ("Lisiniec", "Festyn na Lisińcu", "Lisińcu"),
                                         ("Lisiniec", "Festyn na Lisincu", "Lisincu"),
                                         ("Poznań", "Biegi w Poznaniu", "Poznaniu"),
                                         ("Stradom", "Kino na Stradomiu", "Stradomiu"),
                                         ("Piątkowo", "Boisko na Piątkowie", "Piątkowie")] {
            let alone = a.terms(label)
            XCTAssertEqual(alone.count, 1, label)
            XCTAssertEqual(alone.first, try term(word, in: inflected), "\(label) / \(word)")
            XCTAssertEqual(alone.first.map { TermKind.of($0) }, .name, label)
            // Before a dash or a colon the label is still the name; before lower-case running text it is not.
            XCTAssertEqual(a.terms("\(label) - plac zabaw").first, alone.first, label)
            XCTAssertEqual(a.terms("\(label): plac zabaw").first, alone.first, label)
        }
        XCTAssertEqual(a.terms("Rak rzeczny"), ["rak", "rzeczny"])
        // In a title typed in capitals the next word's capital says nothing, nor does a capitalised stop word's in
        // a title typed in title case: running text, the common word.
        XCTAssertEqual(a.terms("MUZYKA SMYKA DLA DZIECI").first, "muzyka")
        XCTAssertEqual(a.terms("Muzyka Dla Smyka").first, "muzyka")
        XCTAssertEqual(a.terms("Budowa placu zabaw"), ["budowa", "plac", "zabawa"])
    }

    func testOrdinaryWordsKeepTheirLemmas() throws {
        let a = try analyzer()
        // A sentence's first word, capitalised common words and institution names stay common words.
        XCTAssertEqual(a.terms("Zakup nowości dla Filii Miejskiej Biblioteki"), ["zakup", "nowość", "filia", "miejski", "biblioteka"])
        XCTAssertEqual(a.terms("Plac Zabaw przy szkole"), ["plac", "zabawa", "szkoła"])
        XCTAssertEqual(a.terms("kluby seniorów w krakowie"), ["klub", "senior", "kraków"])
        // ... also typed without Polish letters: the restored common word, not a name key.
        XCTAssertEqual(a.terms("Mieszkancy zglaszaja akty wandalizmu"), ["mieszkaniec", "zgłaszać", "akt", "wandalizm"])
        XCTAssertEqual(a.terms("Montaz kamer. Mieszkancy zglaszaja"), ["montaż", "kamera", "mieszkaniec", "zgłaszać"])
    }

    func testIdentifiersAndYears() throws {
        let a = try analyzer()
        XCTAssertEqual(a.terms("Zakup nowości dla Filii nr 9"), ["zakup", "nowość", "filia", "nr:9"])
        XCTAssertEqual(a.terms("Boisko przy SP 114"), ["boisko", "sp", "sp:114"])
        XCTAssertEqual(a.terms("Boisko przy SP114"), a.terms("Boisko przy SP 114"))
        XCTAssertEqual(a.terms("Boisko przy SP nr 114"), a.terms("Boisko przy SP 114"))
        XCTAssertEqual(a.terms("Remont ZSP nr 3"), ["remont", "zsp", "zsp:3"])
        XCTAssertEqual(a.terms("Chodnik na ul. Mirowskiej 12a"), ["chodnik", "ulica", "Mirowst", "nr:12a"])
        XCTAssertEqual(a.terms("Festyn 2020 r."), ["festyn", "rok:2020"])
        // "numer" alone is still a word.
        XCTAssertEqual(a.terms("numer telefonu"), ["numer", "telefon"])
    }

    func testAmountsAreOneMoneyTokenWithoutATerm() throws {
        let a = try analyzer()
        for text in ["koszt 8 000,00 zł", "koszt 1.500 zł", "koszt 20 tys. zł", "koszt 300 PLN", "koszt 1500 złotych"] {
            let tokens = a.analyze(text)
            XCTAssertEqual(tokens.map(\.token.kind), [.word, .money], text)
            XCTAssertEqual(a.terms(text), ["koszt"], text)
        }
    }

    func testNameKeyIsConsistent() {
        XCTAssertEqual(NameKey.of("Wrocław"), NameKey.of("Wrocławiu"))
        XCTAssertEqual(NameKey.of("Wrocław"), NameKey.of("Wrocławia"))
        XCTAssertEqual(NameKey.of("Huta"), NameKey.of("Hucie"))
        XCTAssertEqual(NameKey.of("Góra"), NameKey.of("Górze"))
        XCTAssertEqual(NameKey.of("Łódź"), NameKey.of("Łodzi"))
        XCTAssertEqual(NameKey.of("Ełk"), NameKey.of("Ełku"))
        XCTAssertNotEqual(NameKey.of("Cisowa"), NameKey.of("Cisowskie"))
        XCTAssertEqual(TermKind.of("nr:9"), .identifier)
        XCTAssertEqual(TermKind.of("https://x.pl"), .word)
        XCTAssertEqual(TermKind.of("Obluz"), .name)
    }
}
