import Corpus
import XCTest
@testable import Reporting

final class ReportBuilderTests: XCTestCase {
    func records() -> [Postulate] {
        [
            Postulate(id: "a", year: 2022, organisation: "O1", text: "kluby seniora", response: "Tak.", themes: ["seniors"],
                      extra: [("response_stance", .string("accepted"))]),
            Postulate(id: "b", year: 2023, organisation: "O2", text: "granty", response: "  \n ", themes: ["funding"]),
            Postulate(id: "c", year: 2024, organisation: "O1", text: "nowy postulat", response: "Nie."),
            Postulate(id: "d", year: nil, organisation: "O3", text: "bez roku", response: "Odpowiedź.", themes: []),
        ]
    }

    func testWithoutModelsTheAnalystsLabelsAreUsedAndSaid() throws {
        let b = ReportBuilder(themes: Fixtures.themes)
        let data = try b.build(records(), name: "x", sources: [])
        XCTAssertEqual(data.themeSource, .analyst)
        XCTAssertEqual(data.stanceSource, .analyst)
        XCTAssertFalse(data.clustersAvailable)
        XCTAssertEqual(data.postulates.map(\.predictedThemes), [["seniors"], ["funding"], [], []])
        XCTAssertEqual(data.postulates[0].goldStance, "accepted")
        // "c" and "d" carry no theme and no stance: not labelled, so not compared with any model.
        XCTAssertEqual(data.postulates.map { $0.goldThemes != nil }, [true, true, false, false])
    }

    func testYearFilterKeepsOnlyThoseYears() throws {
        let data = try ReportBuilder(themes: Fixtures.themes).build(records(), name: "x", sources: [], years: 2023...2024)
        XCTAssertEqual(data.postulates.map(\.id), ["b", "c"])
        XCTAssertEqual(data.yearFilter, 2023...2024)
    }

    func testModelsArePluggedInAndEvidenceBecomesCharacteristicTerms() throws {
        var b = ReportBuilder(themes: Fixtures.themes)
        var stanceCalls: [String] = []
        b.themeTagger = { p in
            ThemeTagging(themes: ["security"], scores: ["security": 0.9],
                         evidence: ["security": [WeightedTerm(term: "straż", weight: 1.5), WeightedTerm(term: p.id, weight: 0.25)]])
        }
        b.stanceClassifier = { p in stanceCalls.append(p.id); return "rejected" }
        b.clusterer = { ps in [ps.map(\.id)] }
        let data = try b.build(records(), name: "x", sources: [])
        XCTAssertEqual(data.themeSource, .model)
        XCTAssertEqual(data.stanceSource, .model)
        XCTAssertEqual(stanceCalls, ["a", "c", "d"], "no stance asked for a blank response")
        XCTAssertNil(data.postulates[1].predictedStance)
        XCTAssertEqual(data.clusters, [["a", "b", "c", "d"]])
        let terms = try XCTUnwrap(data.characteristicTerms["security"])
        XCTAssertEqual(terms.first, WeightedTerm(term: "straż", weight: 6), "summed over the four postulates")
        XCTAssertEqual(terms.dropFirst().map(\.term), ["a", "b", "c", "d"], "ties by term")
        let analysis = ReportAnalysis(data)
        XCTAssertEqual(analysis.shownStance, ["rejected", Stance.none, "rejected", "rejected"])
    }

    /// The models' own cross-validated F1 reaches the report beside the agreement figures (which are optimistic on
    /// training data), named as the report names the labels, in both languages; without a model it is not shown.
    func testModelValidationIsShownBesideAgreement() throws {
        var b = ReportBuilder(themes: Fixtures.themes)
        b.themeTagger = { _ in ThemeTagging(themes: ["security"], scores: ["security": 0.9], evidence: [:]) }
        b.stanceClassifier = { _ in "rejected" }
        b.themeValidation = ModelValidation(documents: 472, folds: 5, labels: [.init(code: "security", f1: 0.875),
                                                                                 .init(code: "youth", f1: 0.5)])
        b.stanceValidation = ModelValidation(documents: 22, folds: 5, labels: [.init(code: "rejected", f1: 0.8125)])
        let data = try b.build(records(), name: "x", sources: [])
        let pl = Report.render(data, language: .pl), en = Report.render(data, language: .en)
        let html = Fixtures.file(pl, "index.html"), md = Fixtures.file(pl, "report.md")
        for text in [html, md] {
            XCTAssertTrue(text.contains("(5 części, 472 dokumenty uczące), F1: Bezpieczeństwo 0,88, Młodzież 0,50."), text)
            XCTAssertTrue(text.contains("(5 części, 22 dokumenty uczące), F1: nieuwzględniony 0,81."), text)
        }
        XCTAssertTrue(Fixtures.file(en, "index.html").contains("(5 folds, 472 training documents), F1: Security 0.88, Youth 0.50."))
        var bare = ReportBuilder(themes: Fixtures.themes)
        bare.themeValidation = b.themeValidation
        let analystOnly = try bare.build(records(), name: "x", sources: [])
        XCTAssertNil(analystOnly.themeValidation, "no model, so no model figures")
        XCTAssertFalse(Fixtures.file(Report.render(analystOnly, language: .pl), "index.html").contains("Walidacja krzyżowa zapisana"))
    }

    /// The clusterer running on another thread while the postulates are labelled gives the same clusters, after
    /// the year filter, and its error still stops the report.
    func testClustererAlongsideLabellingGivesTheSameClusters() throws {
        struct Failure: Error {}
        var b = ReportBuilder(themes: Fixtures.themes)
        b.themeTagger = { _ in ThemeTagging(themes: ["security"]) }
        b.clusterer = { ps in [ps.map(\.id).reversed()] }
        b.alongsideClusterer = { _ in [["alongside"]] }
        let small = try b.build(records(), name: "x", sources: [], years: 2022...2023)
        XCTAssertEqual(small.clusters, [["b", "a"]], "below alongsideMinimum the plain clusterer runs")
        b.alongsideMinimum = 2
        b.alongsideClusterer = b.clusterer
        let alongside = try b.build(records(), name: "x", sources: [], years: 2022...2023)
        XCTAssertEqual(alongside.clusters, small.clusters)
        XCTAssertEqual(alongside.postulates, small.postulates)
        b.alongsideClusterer = { _ in throw Failure() }
        XCTAssertThrowsError(try b.build(records(), name: "x", sources: []))
    }
}

final class AnalystStanceTests: XCTestCase {
    func testAnalystStanceShownBesideTheModelsWhereTheyDiffer() {
        let ps = [
            ReportPostulate(id: "same", year: 2024, organisation: "O", text: "t1", response: "r1", goldThemes: [],
                            goldStance: "accepted", predictedStance: "accepted"),
            ReportPostulate(id: "diff", year: 2024, organisation: "O", text: "t2", response: "r2", goldThemes: [],
                            goldStance: "rejected", predictedStance: "accepted"),
        ]
        let data = ReportData(name: "x", themes: Fixtures.themes, postulates: ps)
        let a = ReportAnalysis(data)
        XCTAssertNil(a.differingAnalystStance(0))
        XCTAssertEqual(a.differingAnalystStance(1), "rejected")
        let files = Report.render(data)
        let html = Fixtures.file(files, "index.html")
        XCTAssertEqual(html.components(separatedBy: "(analityk: nieuwzględniony)").count - 1, 1, "once, in the no-theme list")
        XCTAssertFalse(html.contains("(analityk: uwzględniony)"))
        XCTAssertTrue(Fixtures.file(files, "report.md").contains("**uwzględniony** (analityk: nieuwzględniony)"))
    }
}
