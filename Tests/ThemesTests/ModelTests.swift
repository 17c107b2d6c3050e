import Corpus
import Foundation
import PolishText
import XCTest
@testable import Themes

final class ModelTests: XCTestCase {
    func testMultiLabelThresholdsAndNoTheme() throws {
        let model = try Fixtures.model()
        XCTAssertEqual(model.mode, .multiLabel)
        XCTAssertEqual(model.labels, ["security", "seniors", "youth"])
        XCTAssertEqual(model.thresholds.count, 3)
        for t in model.thresholds { XCTAssertTrue(t > 0 && t < 1, "threshold \(t)") }
        let tagger = try Tagger(model: model, analyzer: try Fixtures.analyzer())

        let both = tagger.tag(text: "policja monitoring kluby seniorzy emeryci oszustwa")
        XCTAssertEqual(both.predicted, ["security", "seniors"])
        for e in both.labels {
            XCTAssertTrue((0...1).contains(e.score))
            XCTAssertEqual(e.assigned, e.score >= e.threshold, e.label)
        }
        // evidence: the theme's own words, and only for assigned labels
        let seniors = both.labels.first { $0.label == "seniors" }!
        XCTAssertFalse(seniors.terms.isEmpty)
        XCTAssertTrue(seniors.terms.allSatisfy { t in t.term.split(separator: " ").contains { Fixtures.words["seniors"]!.contains(String($0)) } })
        let youth = both.labels.first { $0.label == "youth" }!
        XCTAssertTrue(youth.terms.isEmpty)
        XCTAssertTrue(youth.why.contains(" < "), youth.why)

        // nothing thematic: explicit no theme, every label explained by score < threshold
        let none = tagger.tag(text: "miasto dzielnica mieszkańcy ulica spotkanie")
        XCTAssertTrue(none.noTheme)
        XCTAssertEqual(none.predicted, [])
        for e in none.labels { XCTAssertLessThan(e.score, e.threshold); XCTAssertTrue(e.why.contains(" < ")) }
        XCTAssertEqual(Tagger.outputFields(none).map(\.0), ["predicted", "scores", "evidence", "why", "no_theme"])
    }

    /// `postulaty tag` writes from the in-place view; it must say what the `ThemePrediction` says, byte for byte.
    func testInPlaceViewMatchesPrediction() throws {
        let records = Fixtures.records()
        for field in ["themes", "response_stance"] {
            let model = try Fixtures.model(field: field, records: records)
            let tagger = try Tagger(model: model, analyzer: try Fixtures.analyzer())
            var assignedSeen = 0, noThemeSeen = 0
            for text in ["policja monitoring kluby seniorzy emeryci oszustwa", "miasto dzielnica mieszkańcy ulica spotkanie",
                         "szkoła uczniowie młodzież", "policja straż monitoring"] {
                let record = Postulate(id: "", text: text)
                let p = tagger.tag(record)
                tagger.withTag(record) { v in
                    XCTAssertEqual(v.predicted, p.predicted, text)
                    XCTAssertEqual(v.assignedCount, p.predicted.count, text)
                    XCTAssertEqual(v.noTheme, p.noTheme, text)
                    XCTAssertEqual(v.labels, p.labels, text)
                    var fromView: [UInt8] = [], fromPrediction: [UInt8] = []
                    Tagger.appendOutputFields(v, to: &fromView)
                    Tagger.appendOutputFields(p, to: &fromPrediction)
                    XCTAssertEqual(fromView, fromPrediction, text)
                    // the bytes agree with the generic JSON rendering of the same fields (every label's `why`)
                    let generic = JSONValue.object(Tagger.outputFields(p)).jsonText
                    XCTAssertEqual("{" + String(decoding: fromView.dropFirst(), as: UTF8.self) + "}", generic, text)
                }
                assignedSeen += p.predicted.count
                if p.noTheme { noThemeSeen += 1 }
            }
            XCTAssertGreaterThan(assignedSeen, 0, field)
            if field == "themes" { XCTAssertGreaterThan(noThemeSeen, 0, "one text has no theme") }
        }
    }

    func testDecisionRuleCapAndFallback() throws {
        var model = try Fixtures.model()
        model.thresholds = [0.5, 0.5, 0.2]
        model.maxLabels = 0
        model.fallbackRatio = 2  // never
        let p = [0.3, 0.2, 0.1]  // ratios 0.6, 0.4, 0.5: nothing passes
        XCTAssertEqual(model.decide(p), [], "no label passes: explicit no theme")
        model.fallbackRatio = 0.55
        XCTAssertEqual(model.decide(p), [0], "closest to its threshold (0.6 ≥ 0.55)")
        model.fallbackRatio = 0.65
        XCTAssertEqual(model.decide(p), [])
        let q = [0.6, 0.9, 0.3]  // ratios 1.2, 1.8, 1.5: all pass
        XCTAssertEqual(model.decide(q), [0, 1, 2])
        model.maxLabels = 2
        XCTAssertEqual(model.decide(q), [1, 2], "the two furthest above their thresholds")
        model.maxLabels = 1
        XCTAssertEqual(model.decide(q), [1])
    }

    func testSingleLabelMode() throws {
        let records = Fixtures.records()
        XCTAssertEqual(try LabelColumn.read(records, field: "response_stance").mode, .singleLabel)
        XCTAssertEqual(try LabelColumn.read(records, field: "themes").mode, .multiLabel)
        let model = try Fixtures.model(field: "response_stance", records: records)
        XCTAssertEqual(model.mode, .singleLabel)
        XCTAssertEqual(model.labels, ["none", "security", "seniors", "youth"])
        XCTAssertNotNil(model.temperature)
        XCTAssertTrue(ClassifierKind.candidates(for: .singleLabel).contains(model.variant))
        let tagger = try Tagger(model: model, analyzer: try Fixtures.analyzer())
        for text in ["policja straż monitoring", "miasto ulica", "szkoła uczniowie"] {
            let p = tagger.tag(text: text)
            XCTAssertEqual(p.predicted.count, 1, "single-label: exactly one label")
            XCTAssertEqual(p.labels.map(\.score).reduce(0, +), 1, accuracy: 1e-9)
            let best = p.labels.max { $0.score < $1.score }!
            XCTAssertEqual(p.predicted, [best.label])
        }
        XCTAssertEqual(tagger.tag(text: "policja straż monitoring oszustwa").predicted, ["security"])
        // a field that is a string in some records and an array in others is refused
        var mixed = records
        mixed[0].extra = [("response_stance", .array([.string("a")]))]
        XCTAssertThrowsError(try LabelColumn.read(mixed, field: "response_stance"))
    }

    func testModelFileIsDeterministicAndRoundTrips() throws {
        let a = try ModelFile.encode(try Fixtures.model())
        let b = try ModelFile.encode(try Fixtures.model())
        XCTAssertEqual(a, b, "same data and configuration must give the same bytes")
        let decoded = try ModelFile.decode(a)
        XCTAssertEqual(try ModelFile.encode(decoded), a)
        let header = String(decoding: a.prefix { $0 != 0x0A }, as: UTF8.self)
        XCTAssertTrue(header.contains("\"format\":\"postulaty-themes-model\""), header)
        XCTAssertTrue(header.contains("\"version\":1"), header)
        XCTAssertTrue(header.contains(try Fixtures.analyzer().configuration.hash), header)
        // different data give different bytes (so the first assertion is not passed by a constant encoder)
        XCTAssertNotEqual(try ModelFile.encode(try Fixtures.model(records: Fixtures.records(seed: 7))), a)
        // a foreign or newer file is refused with a reason
        XCTAssertThrowsError(try ModelFile.decode(Data("{\"format\":\"x\"}\n{}".utf8)))
        var newer = a
        newer.replaceSubrange(newer.firstRange(of: Data("\"version\":1".utf8))!, with: Data("\"version\":9".utf8))
        XCTAssertThrowsError(try ModelFile.decode(newer)) {
            XCTAssertEqual($0 as? ThemesError, .modelFile(path: "model", problem: .unsupportedVersion(9)))
            XCTAssertTrue("\($0)".contains("wersji 9"), "\($0)")
        }
    }

    func testMismatchedAnalyzerIsRefused() throws {
        let data = try ModelFile.encode(try Fixtures.model())
        let other = try Fixtures.analyzer(fold: true)
        XCTAssertThrowsError(try ModelFile.decode(data, analyzer: other.configuration)) { error in
            guard case ThemesError.modelFile(_, .analyzer(let diffs)) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(diffs, ["foldTermDiacritics: false vs true"])
            XCTAssertTrue("\(error)".contains("foldTermDiacritics"))
        }
        let model = try ModelFile.decode(data)
        XCTAssertThrowsError(try Tagger(model: model, analyzer: other))
        XCTAssertNoThrow(try Tagger(model: model, analyzer: try Fixtures.analyzer()))
        XCTAssertNoThrow(try ModelFile.decode(data, analyzer: try Fixtures.analyzer().configuration))
    }

    func testCrossValidationSeparatesThemes() throws {
        let a = try Fixtures.analyzer()
        let corpus = try LabelledCorpus.make(records: Fixtures.records(), labelField: "themes",
                                             fields: VectorizerConfiguration().fields, analyzer: a)
        let r = try ThemeEvaluation.crossValidate(documents: corpus.documents, labels: corpus.labels.values,
                                                  mode: .multiLabel, labelField: "themes", analyzer: a.configuration, folds: 3)
        XCTAssertEqual(r.report.documents, 150)
        XCTAssertEqual(r.methods.count, 3)
        XCTAssertGreaterThan(r.report.macroF1, 0.9)
        XCTAssertLessThan(r.calibration.expectedCalibrationError, 0.15)
    }
}
