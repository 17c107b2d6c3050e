import Corpus
import XCTest
@testable import Reporting

/// One organisation typed with and without Polish letters, with other quotes or spaces, is one row of the report.
final class OrganisationNamesTests: XCTestCase {
    func testKeyIgnoresDiacriticsCaseQuotesAndSpaces() {
        XCTAssertEqual(OrganisationNames.key("Stowarzyszenie Pokoleń „Splot”"),
                       OrganisationNames.key("stowarzyszenie  Pokolen \"Splot\""))
        XCTAssertNotEqual(OrganisationNames.key("Fundacja Splot"), OrganisationNames.key("Fundacja Spot"))
    }

    func testMostFrequentSpellingIsShownWhateverTheOrder() {
        let careful = "Związek Drużyn Harcerskich „Wierchy”", quick = "Zwiazek Druzyn Harcerskich \"Wierchy\""
        for names in [[quick, careful, careful], [careful, quick, careful], [quick, quick, careful]] {
            let n = OrganisationNames(names)
            let expected = names.filter { $0 == careful }.count >= 2 ? careful : quick
            XCTAssertEqual(n.display(quick), expected)
            XCTAssertEqual(n.display(careful), expected)
        }
        // A tie goes to the spelling with Polish letters, in either order.
        XCTAssertEqual(OrganisationNames([quick, careful]).display(quick), careful)
        XCTAssertEqual(OrganisationNames([careful, quick]).display(quick), careful)
    }

    func testReportCountsBothSpellingsInOneRow() throws {
        let records = [
            Postulate(id: "a", year: 2022, organisation: "Fundacja Młode Skrzydła", text: "t", response: "r", themes: ["youth"]),
            Postulate(id: "b", year: 2023, organisation: "Fundacja Mlode Skrzydla", text: "t", response: "r", themes: ["youth"]),
            Postulate(id: "c", year: 2023, organisation: "Fundacja Młode  Skrzydła", text: "t", response: "r", themes: []),
            Postulate(id: "d", year: 2023, organisation: "Inna Fundacja", text: "t", response: "r", themes: ["youth"]),
        ]
        let data = try ReportBuilder(themes: Fixtures.themes).build(records, name: "x", sources: [])
        let analysis = ReportAnalysis(data)
        XCTAssertEqual(analysis.organisations.map(\.name), ["Fundacja Młode Skrzydła", "Inna Fundacja"])
        XCTAssertEqual(analysis.organisations.map(\.total), [3, 1])
        XCTAssertEqual(analysis.organisations[0].noTheme, 1)
        // The postulates keep the spelling they were filed with.
        XCTAssertEqual(data.postulates[1].organisation, "Fundacja Mlode Skrzydla")
    }
}
