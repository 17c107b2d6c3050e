import XCTest
@testable import Themes

/// Logistic regression: the optimum it reaches, checked against conditions computed here independently.
final class LogisticRegressionTests: XCTestCase {
    /// With no features the only parameter is the bias, whose optimum is the log-odds of the labels.
    func testBiasAloneIsTheLogOdds() {
        let x = [SparseVector](repeating: SparseVector(), count: 10)
        let positive = (0..<10).map { $0 < 3 }
        let (w, b) = LogisticRegression.fit(x, rows: Array(0..<10), positive: positive, featureCount: 0, c: 1)
        XCTAssertTrue(w.isEmpty)
        XCTAssertEqual(b, log(3.0 / 7.0), accuracy: 1e-4)
    }

    /// At the optimum the gradient vanishes: w_t / C = Σ_i (y_i − σ(z_i))·x_it for y in {0, 1}, and the residuals
    /// sum to zero (unpenalised bias). Recomputed here from the returned weights.
    func testStationarity() {
        // Two features, overlapping classes (not separable, so the optimum is finite even for large C).
        let rows: [(Double, Double, Bool)] = [(1, 0, true), (0.8, 0.2, true), (0.6, 0.4, false), (0.9, 0.1, true),
                                               (0.2, 0.8, false), (0.1, 0.9, false), (0.5, 0.5, true), (0.3, 0.7, false),
                                               (0.7, 0.3, false), (0.4, 0.6, true)]
        let x = rows.map { SparseVector(indices: [0, 1], values: [$0.0, $0.1]) }
        let positive = rows.map(\.2)
        for c in [0.5, 10.0] {
            let (w, b) = LogisticRegression.fit(x, rows: Array(rows.indices), positive: positive, featureCount: 2, c: c,
                                                maxIterations: 1000)
            var g = [w[0] / c, w[1] / c], gb = 0.0
            for (i, r) in rows.enumerated() {
                let p = 1 / (1 + exp(-(w[0] * r.0 + w[1] * r.1 + b)))
                let residual = p - (positive[i] ? 1 : 0)
                g[0] += residual * r.0; g[1] += residual * r.1; gb += residual
            }
            XCTAssertEqual(g[0], 0, accuracy: 1e-3, "C = \(c)")
            XCTAssertEqual(g[1], 0, accuracy: 1e-3, "C = \(c)")
            XCTAssertEqual(gb, 0, accuracy: 1e-3, "C = \(c)")
            XCTAssertGreaterThan(w[0], w[1], "feature 0 goes with the positives")
        }
    }

    /// Stronger regularisation (smaller C) shrinks the weights.
    func testPenaltyShrinksWeights() {
        let x = (0..<20).map { i in SparseVector(indices: [Int32(i % 2)], values: [1]) }
        let positive = (0..<20).map { $0 % 2 == 0 || $0 == 1 }
        let weak = LogisticRegression.fit(x, rows: Array(0..<20), positive: positive, featureCount: 2, c: 100).weights
        let strong = LogisticRegression.fit(x, rows: Array(0..<20), positive: positive, featureCount: 2, c: 0.1).weights
        XCTAssertGreaterThan(abs(weak[0] - weak[1]), abs(strong[0] - strong[1]))
    }

    /// The trainer offers logistic regression as a candidate, records its cross-validated figure, and a model
    /// restricted to it scores like any other: weights per label, evidence terms from those weights.
    func testTrainerCandidateAndEvidence() throws {
        let records = Fixtures.records()
        let model = try Fixtures.model(records: records)
        XCTAssertTrue(model.training.candidates.contains { $0.variant == .logistic },
                      "logistic regression is compared by cross-validation")
        let analyzer = try Fixtures.analyzer()
        let docs = records.map { FieldText.terms(of: $0, fields: [FieldWeight("text", 1)], analyzer: analyzer) }
        let onlyLogistic = try ThemeTrainer.train(documents: docs, labels: records.map { $0.themes }, mode: .multiLabel,
                                                  labelField: "themes", analyzer: analyzer.configuration,
                                                  options: TrainingOptions(vectorizer: VectorizerConfiguration(fields: [FieldWeight("text", 1)]),
                                                                           variants: [.logistic]))
        XCTAssertEqual(onlyLogistic.variant, .logistic)
        XCTAssertTrue(LogisticRegression.penalties.contains(onlyLogistic.alpha))
        XCTAssertEqual(onlyLogistic.training.candidates.count, LogisticRegression.penalties.count)
        // A postulate made of one theme's words gets that theme, explained by those words.
        let p = onlyLogistic.predict([Fixtures.words["seniors"]!])
        XCTAssertEqual(p.predicted, ["seniors"])
        let evidence = p.labels.first { $0.label == "seniors" }!.terms.map(\.term)
        XCTAssertFalse(evidence.isEmpty)
        XCTAssertTrue(evidence.allSatisfy { Fixtures.words["seniors"]!.contains($0) }, "\(evidence)")
    }
}
