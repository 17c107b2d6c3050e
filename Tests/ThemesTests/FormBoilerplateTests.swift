import Corpus
import PolishText
import XCTest
@testable import Themes

/// Cost tables, budget lines and form headings are removed before a theme model analyses text (issue 15): a
/// project's own cost must not become evidence for `funding`. Authored examples in the register of
/// participatory-budget applications.
final class FormBoilerplateTests: XCTestCase {
    private func stripped(_ s: String) -> String {
        FormBoilerplate.strip(s).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testCostTablesAndBudgetLinesGoTheDescriptionStays() {
        let cases: [(String, String)] = [
            ("Nowe huśtawki i piaskownica dla dzieci. Lp. Elementy składowe Koszt szacunkowy 1. Projekt 20 000,00 zł 2. Wykonanie 150 000,00 zł Razem 170 000,00 zł",
             "Nowe huśtawki i piaskownica dla dzieci."),
            ("Posadzenie 40 drzew. Szacunkowy koszt realizacji projektu: 120 000 zł.", "Posadzenie 40 drzew."),
            // A word after the last amount stays (the line is cut up to the amount): here "brutto", which is no
            // evidence of any theme.
            ("Koszt całkowity: 85 000,00 zł brutto\nOpis projektu: latarnie wzdłuż alejki", "brutto latarnie wzdłuż alejki"),
            ("Kosztorys: 300 tys. zł. Nowe ławki.", "Nowe ławki."),
            ("Uzasadnienie:\nMieszkańcy chodzą poboczem.", "Mieszkańcy chodzą poboczem."),
            ("lp. nazwa elementu koszt 1. zakup urządzeń 40 000 zł 2. montaż 5 000 zł łączny koszt 45 000 zł", ""),
            ("Zweryfikowany koszt realizacji projektu: 814 000,00 zł", ""),
        ]
        XCTAssertEqual(cases.count, 7)
        for (input, expected) in cases {
            XCTAssertEqual(stripped(input), expected, input)
        }
    }

    func testOrdinaryTextIsLeftAsItIs() {
        // Titles and descriptions without form parts, including ones that use the same words as content.
        let texts = ["Plac zabaw przy ul. Lipowej", "Oświetlenie ulicy Kościuszki",
                     "Więcej pieniędzy na małe granty dla organizacji", "Zwiększenie kwoty dotacji na kluby seniora",
                     "Opis trasy rowerowej na tablicach", "Koszty energii w szkołach rosną", "Cel: bezpieczna droga do szkoły"]
        XCTAssertEqual(texts.count, 7)
        for t in texts.dropLast() { XCTAssertEqual(FormBoilerplate.strip(t), t) }
        // A heading is removed, its content kept.
        XCTAssertEqual(stripped(texts[6]), "bezpieczna droga do szkoły")
    }

    func testTheFilterIsAModelSettingTrainingAndTaggingShare() throws {
        let a = try Fixtures.analyzer()
        let record = Postulate(id: "x", text: "Nowe latarnie", justification: "Koszt całkowity: 170 000,00 zł")
        let fields = VectorizerConfiguration().fields
        let whole = FieldText.terms(of: record, fields: fields, analyzer: a)
        let filtered = FieldText.terms(of: record, fields: fields, analyzer: a, filter: .formBoilerplate)
        XCTAssertTrue(whole[1].contains("koszt"), "\(whole)")
        XCTAssertEqual(filtered[1], [], "\(filtered)")
        XCTAssertEqual(filtered[0], whole[0])
        // A configuration without the filter encodes without the key (older and stance models keep their bytes).
        let plain = try JSONEncoder().encode(VectorizerConfiguration())
        XCTAssertFalse(String(decoding: plain, as: UTF8.self).contains("textFilter"))
        var with = VectorizerConfiguration()
        with.textFilter = .formBoilerplate
        let coded = try JSONDecoder().decode(VectorizerConfiguration.self, from: try JSONEncoder().encode(with))
        XCTAssertEqual(coded.textFilter, .formBoilerplate)
    }
}
