import Corpus
import Foundation
import XCTest
@testable import Themes

/// The support gate (`EvidenceSupport`): a generic word alone gives no tag, with a word specific to the theme it
/// does; the gate is stored (format version 2) and shown in `why`.
final class EvidenceSupportTests: XCTestCase {
    /// Labels networking, youth; features organizacja (generic: 4 of its 10 documents are networking ones),
    /// sieciowanie (specific: 5 of 5), szkoła (youth, 6 of 6). Each word alone scores high enough for its label.
    static func model(minimum: Double?) throws -> ThemeModel {
        let vectorizer = try TfidfVectorizer(configuration: VectorizerConfiguration(fields: [FieldWeight("text", 1)]),
                                             documentCount: 20, vocabulary: ["organizacja", "sieciowanie", "szkoła"],
                                             documentFrequency: [10, 5, 6])
        // term-major weights [t · 2 + l]: labels networking (0), youth (1)
        let scorer = LinearScorer(labelCount: 2, featureCount: 3, weights: [4, -1, 4, -1, -1, 4], bias: [-1, -1])
        var m = ThemeModel(analyzer: try Fixtures.analyzer().configuration, labelField: "themes", mode: .multiLabel,
                           labels: ["networking", "youth"], taxonomy: [], vectorizer: vectorizer, variant: .logistic,
                           alpha: 10, scorer: scorer, platt: [PlattScaling(a: 1, b: 0), PlattScaling(a: 1, b: 0)],
                           temperature: nil, thresholds: [0.5, 0.5], maxLabels: 0, fallbackRatio: 2,
                           training: TrainingSummary(documents: 20, labelDocuments: [5, 6], unlabelledDocuments: 9, folds: 5,
                                                     seed: 1, candidates: [], labelF1: [1, 1]))
        if let minimum {
            m.support = EvidenceSupport(prior: 2, minimum: minimum, dominantShare: 0.5, baseRate: [0.25, 0.3],
                                        labelDocumentFrequency: [4, 0, 5, 0, 0, 6])
        }
        return m
    }

    func testGenericWordAloneGivesNoTagSpecificWordDoes() throws {
        let gated = try Self.model(minimum: 0.5)
        // organizacja alone carries networking over its threshold, but its specificity is (4 + 2·0.25) / (10 + 2)
        let alone = gated.predict([["organizacja"]])
        XCTAssertGreaterThan(alone.labels[0].score, 0.5)
        XCTAssertEqual(alone.predicted, [], "a generic word alone carries no theme")
        XCTAssertTrue(alone.noTheme)
        XCTAssertTrue(alone.labels[0].refused)
        XCTAssertEqual(alone.labels[0].support ?? -1, 0.375, accuracy: 1e-12)
        XCTAssertEqual(alone.labels[0].why,
                       "\(fixed(alone.labels[0].score, 3)) ≥ 0.500, niesiona przez jeden ogólny termin (swoistość 0.38 < 0.50), nie przypisano: organizacja 100%")
        MessageLanguage.use(.en)
        defer { MessageLanguage.use(.pl) }
        XCTAssertEqual(alone.labels[0].why,
                       "\(fixed(alone.labels[0].score, 3)) ≥ 0.500, carried by one generic term (specificity 0.38 < 0.50), not assigned: organizacja 100%",
                       "the words in the run's language, the figures the same")
        // with a word specific to networking, which now carries most of the evidence ((5 + 0.5) / 7), it is assigned
        let both = gated.predict([["organizacja", "sieciowanie"]])
        XCTAssertEqual(both.predicted, ["networking"])
        XCTAssertEqual(both.labels[0].support ?? -1, 5.5 / 7, accuracy: 1e-12)
        XCTAssertFalse(both.labels[0].refused)
        XCTAssertEqual(both.labels[0].terms.map(\.term), ["sieciowanie", "organizacja"])
        XCTAssertFalse(both.labels[0].why.contains("generic") || both.labels[0].why.contains("ogólny"), both.labels[0].why)
        // a specific word alone is enough
        XCTAssertEqual(gated.predict([["szkoła"]]).predicted, ["youth"])
        XCTAssertEqual(gated.predict([["sieciowanie"]]).predicted, ["networking"])
        // without the gate the generic word does carry the theme: the gate is what refuses it
        let plain = try Self.model(minimum: nil)
        XCTAssertEqual(plain.predict([["organizacja"]]).predicted, ["networking"])
        XCTAssertFalse(plain.predict([["organizacja"]]).labels[0].why.contains("generic"))
    }

    /// Two labels' words, neither carrying half of a label's evidence alone: nothing to refuse (support 1).
    func testNoDominantTermMeansNoRefusal() throws {
        var gated = try Self.model(minimum: 0.9)
        gated.support?.dominantShare = 0.7
        let both = gated.predict([["organizacja", "sieciowanie"]])
        XCTAssertEqual(both.labels[0].support, 1)
        XCTAssertEqual(both.predicted, ["networking"])
    }

    func testTagOutputShowsTheRefusal() throws {
        let gated = try Self.model(minimum: 0.5)
        var out: [UInt8] = []
        Tagger.appendOutputFields(gated.predict([["organizacja"]]), to: &out)
        let text = String(decoding: out, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix(",\"predicted\":[],"), text)
        XCTAssertTrue(text.contains("\"evidence\":{}"), text)
        XCTAssertTrue(text.contains("niesiona przez jeden ogólny termin (swoistość 0.38 < 0.50), nie przypisano: organizacja 100%"), text)
        XCTAssertTrue(text.hasSuffix("\"no_theme\":true"), text)
    }

    func testGateIsStoredAsVersionTwoAndReadBack() throws {
        let gated = try Self.model(minimum: 0.5)
        let bytes = try ModelFile.encode(gated)
        let header = String(decoding: bytes.prefix(while: { $0 != 0x0A }), as: UTF8.self)
        XCTAssertTrue(header.contains("\"version\":2"), header)
        let back = try ModelFile.decode(bytes)
        XCTAssertEqual(back.support, gated.support)
        XCTAssertEqual(back.predict([["organizacja"]]).predicted, [])
        XCTAssertEqual(try ModelFile.encode(back), bytes)
        // a model without a gate keeps version 1 (older models and the stance model keep their bytes)
        let plain = try ModelFile.encode(try Self.model(minimum: nil))
        XCTAssertTrue(String(decoding: plain.prefix(while: { $0 != 0x0A }), as: UTF8.self).contains("\"version\":1"))
        XCTAssertFalse(String(decoding: plain, as: UTF8.self).contains("\"support\""))
        // counts that do not fit the features are refused as damage
        var bad = String(decoding: bytes, as: UTF8.self)
        let range = try XCTUnwrap(bad.range(of: "\"labelDocumentFrequency\" : [\n      4,"))
        bad.replaceSubrange(range, with: "\"labelDocumentFrequency\" : [\n")
        XCTAssertThrowsError(try ModelFile.decode(Data(bad.utf8))) { error in
            guard case .modelFile(_, .damaged(let why))? = error as? ThemesError else { return XCTFail("\(error)") }
            XCTAssertTrue(why.contains("2 etykiet × 3 cech") || why.contains("2 labels × 3 features"), why)
        }
    }

    /// The trainer stores the label–document counts of its training data, and `supportMinimums: [0]` trains no gate.
    func testTrainerCountsAndNoGateOption() throws {
        let a = try Fixtures.analyzer()
        let records = Fixtures.records()
        let corpus = try LabelledCorpus.make(records: records, labelField: "themes", fields: VectorizerConfiguration().fields, analyzer: a)
        var options = TrainingOptions()
        options.supportMinimums = [0]
        let none = try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: corpus.labels.mode,
                                          labelField: "themes", analyzer: a.configuration, options: options)
        XCTAssertNil(none.support)
        // the counts of a trained gate: documents holding each word with each label
        let (_, x) = try TfidfVectorizer.fitTransform(corpus.documents, configuration: none.vectorizer.configuration)
        let labels = corpus.labels.values.map { ($0 ?? []).compactMap { none.labels.firstIndex(of: $0) } }
        let support = SupportTraining.support(x: x, labels: labels, labelCount: none.labels.count,
                                              featureCount: none.vectorizer.featureCount, minimum: 0.3)
        let t = try XCTUnwrap(none.vectorizer.featureID("policja")), l = try XCTUnwrap(none.labels.firstIndex(of: "security"))
        let expected = records.filter { $0.text.split(separator: " ").contains("policja") && $0.themes.contains("security") }.count
        XCTAssertGreaterThan(expected, 0)
        XCTAssertEqual(support.labelDocumentFrequency[Int(t) * none.labels.count + l], expected)
        XCTAssertEqual(support.baseRate[l], Double(records.filter { $0.themes.contains("security") }.count) / Double(records.count),
                       accuracy: 1e-12)
    }
}
