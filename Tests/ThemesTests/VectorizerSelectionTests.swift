import Corpus
import PolishText
import XCTest
@testable import Themes

/// The vectoriser's settings are chosen by the inner cross-validation, as the classifier is (issue 15).
final class VectorizerSelectionTests: XCTestCase {
    func testTheSettingWithTheBestOutOfFoldScoreWins() throws {

        let a = try Fixtures.analyzer()
        // Every third record mislabelled: the fixture alone is separable by every setting (all score 1.0).
        var records = Fixtures.records(count: 120, seed: 7)
        let codes = ["security", "seniors", "youth", "funding", "networking"]
        for i in stride(from: 0, to: records.count, by: 3) { records[i].themes = [codes[i % codes.count]] }
        let corpus = try LabelledCorpus.make(records: records, labelField: "themes",
                                             fields: VectorizerConfiguration().fields, analyzer: a)
        var settings: [VectorizerConfiguration] = []
        for minimum in [2, 1] {
            for bigrams in [true, false] {
                var v = VectorizerConfiguration()
                v.minDocumentFrequency = minimum; v.bigrams = bigrams
                settings.append(v)
            }
        }
        func train(_ options: TrainingOptions) throws -> ThemeModel {
            try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: corpus.labels.mode,
                                   labelField: "themes", analyzer: a.configuration, options: options)
        }
        // Each setting alone: its best candidate's out-of-fold macro-F1.
        let scores = try settings.map { s -> Double in
            let m = try train(TrainingOptions(vectorizer: s))
            return m.training.candidates.map(\.macroF1).max() ?? 0
        }
        XCTAssertEqual(scores.count, 4)
        XCTAssertGreaterThan(Set(scores).count, 1, "the settings must differ for the choice to be tested: \(scores)")
        // The given setting is the worst, so a choice that kept the given one would fail.
        let top = try XCTUnwrap(scores.max())
        let worst = try XCTUnwrap(scores.indices.min { scores[$0] < scores[$1] })
        let order = [worst] + scores.indices.filter { $0 != worst }
        let best = try XCTUnwrap(order.first { scores[$0] > top - 1e-12 })
        var options = TrainingOptions(vectorizer: settings[worst])
        options.vectorizerCandidates = order.dropFirst().map { settings[$0] }
        let chosen = try train(options)
        XCTAssertEqual(chosen.vectorizer.configuration, settings[best], "scores \(scores)")
        // The chosen model is the one that setting alone trains (same folds, same fit).
        let alone = try train(TrainingOptions(vectorizer: settings[best]))
        XCTAssertEqual(chosen.training.candidates.map(\.macroF1), alone.training.candidates.map(\.macroF1))
        // Without candidates nothing changes: the given setting is used.
        XCTAssertEqual(try train(TrainingOptions(vectorizer: settings[3])).vectorizer.configuration, settings[3])
    }
}
