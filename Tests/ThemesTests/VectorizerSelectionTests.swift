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
        // Each setting alone: the out-of-fold macro-F1 of its decisions (thresholds, rule and support gate).
        let scores = try settings.map { s -> Double in
            try train(TrainingOptions(vectorizer: s)).training.decisionMacroF1
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

    /// Field weights: a second step from the best setting, each alternative weighting cross-validated in turn.
    func testFieldWeightsAreChosenByTheInnerCrossValidation() throws {
        let a = try Fixtures.analyzer()
        // The theme's words are in the justification, the text mostly neutral: weighting the justification up helps.
        var records = Fixtures.records(count: 120, seed: 11)
        var rng = SplitMix64(seed: 5)
        for i in records.indices {
            let words = records[i].text.split(separator: " ").map(String.init)
            let themed = words.filter { !Fixtures.neutral.contains($0) }
            let neutral = words.filter { Fixtures.neutral.contains($0) }
            records[i].text = (neutral + themed.prefix(1)).joined(separator: " ")
            var noise = Array(Fixtures.neutral.shuffled(using: &rng).prefix(2))
            noise += themed.dropFirst()
            records[i].justification = noise.joined(separator: " ")
        }
        let corpus = try LabelledCorpus.make(records: records, labelField: "themes",
                                             fields: VectorizerConfiguration().fields, analyzer: a)
        func train(_ options: TrainingOptions) throws -> ThemeModel {
            try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: corpus.labels.mode,
                                   labelField: "themes", analyzer: a.configuration, options: options)
        }
        let weights = [0.5, 0.25, 1.0]
        let fields = weights.map { [FieldWeight("text", 1), FieldWeight("justification", $0)] }
        let scores = try fields.map { f -> Double in
            var v = VectorizerConfiguration(); v.fields = f
            return try train(TrainingOptions(vectorizer: v)).training.decisionMacroF1
        }
        XCTAssertGreaterThan(Set(scores).count, 1, "the weights must differ for the choice to be tested: \(scores)")
        let top = try XCTUnwrap(scores.max())
        let best = try XCTUnwrap(scores.indices.first { scores[$0] > top - 1e-12 })
        XCTAssertNotEqual(best, 0, "the given weights must lose for the step to be tested: \(scores)")
        var options = TrainingOptions()
        options.fieldWeightCandidates = Array(fields.dropFirst())
        XCTAssertEqual(try train(options).vectorizer.configuration.fields, fields[best], "scores \(scores)")
        // Without candidates the weights are those given.
        XCTAssertEqual(try train(TrainingOptions()).vectorizer.configuration.fields, fields[0])
    }
}
