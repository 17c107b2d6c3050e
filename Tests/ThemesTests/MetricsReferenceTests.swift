import XCTest
@testable import Themes

/// Evaluation figures computed by hand from their definitions (the arithmetic is in the comments), on a case
/// with a label absent from the gold data, agreeing empty label sets, and confusions of unequal counts.
final class MetricsReferenceTests: XCTestCase {
    // Labels a = 0, b = 1, c = 2.
    //   doc  gold    predicted
    //   1    a       a
    //   2    b       a          confusion b → a
    //   3    a b     a          confusion b → (none)
    //   4    –       b          confusion (none) → b
    //   5    –       –          (exact match of two empty sets)
    //   6    a       a c        confusion (none) → c
    //   7    b       a          confusion b → a (second time)
    static let gold: [[Int]] = [[0], [1], [0, 1], [], [], [0], [1]]
    static let predicted: [[Int]] = [[0], [0], [0], [1], [], [0, 2], [0]]

    func testPerLabelMicroMacroAndExactMatchByHand() {
        let r = EvaluationReport.compute(gold: Self.gold, predicted: Self.predicted, labels: ["a", "b", "c"])
        XCTAssertEqual(r.documents, 7)
        XCTAssertEqual(r.perLabel.map(\.support), [3, 3, 0])
        XCTAssertEqual(r.perLabel.map(\.predictedCount), [5, 1, 1])
        XCTAssertEqual(r.perLabel.map(\.truePositives), [3, 0, 0])
        // a: P = 3/5, R = 3/3, F1 = 2·3 / (3 + 5) = 0.75; b and c: 0.
        XCTAssertEqual(r.perLabel[0].precision, 0.6, accuracy: 1e-12)
        XCTAssertEqual(r.perLabel[0].recall, 1, accuracy: 1e-12)
        XCTAssertEqual(r.perLabel[0].f1, 0.75, accuracy: 1e-12)
        XCTAssertEqual(r.perLabel[1].f1, 0)
        XCTAssertEqual(r.perLabel[2].recall, 0, "no gold c: recall defined as 0")
        // Macro over the labels present in the gold data (a, b): (0.75 + 0) / 2; c is not averaged.
        XCTAssertEqual(r.macroF1, 0.375, accuracy: 1e-12)
        // Micro: 2·ΣTP / (Σsupport + Σpredicted) = 2·3 / (6 + 7).
        XCTAssertEqual(r.microF1, 6.0 / 13.0, accuracy: 1e-12)
        // Exact: documents 1 and 5 (two empty sets agree).
        XCTAssertEqual(r.exactMatch, 2.0 / 7.0, accuracy: 1e-12)
    }

    func testConfusionsMostFrequentFirstThenByName() {
        let r = EvaluationReport.compute(gold: Self.gold, predicted: Self.predicted, labels: ["a", "b", "c"])
        XCTAssertEqual(r.confusions, [
            Confusion(gold: "b", predicted: "a", count: 2),
            Confusion(gold: "(none)", predicted: "b", count: 1),
            Confusion(gold: "(none)", predicted: "c", count: 1),
            Confusion(gold: "b", predicted: "(none)", count: 1),
        ])
        let top2 = EvaluationReport.compute(gold: Self.gold, predicted: Self.predicted, labels: ["a", "b", "c"], topConfusions: 2)
        XCTAssertEqual(top2.confusions.count, 2)
        XCTAssertEqual(top2.confusions.first?.count, 2)
    }

    func testCalibrationByHand() {
        // bins by ⌊10p⌋ (1.0 goes to the last bin): 0.05 → 0, 0.15 → 1, 0.55 → 5, 0.95 and 1.0 → 9.
        let c = CalibrationReport.compute(scores: [0.05, 0.15, 0.95, 1.0, 0.55], outcomes: [false, true, true, true, false])
        // Brier: (0.0025 + 0.7225 + 0.0025 + 0 + 0.3025) / 5 = 0.206
        XCTAssertEqual(c.brier, 0.206, accuracy: 1e-12)
        XCTAssertEqual(c.bins.map(\.lower), [0, 0.1, 0.5, 0.9])
        XCTAssertEqual(c.bins.map(\.count), [1, 1, 1, 2])
        XCTAssertEqual(c.bins[3].meanScore, 0.975, accuracy: 1e-12)
        XCTAssertEqual(c.bins.map(\.observed), [0, 1, 0, 1])
        // ECE: (1·0.05 + 1·0.85 + 1·0.55 + 2·0.025) / 5 = 0.3
        XCTAssertEqual(c.expectedCalibrationError, 0.3, accuracy: 1e-12)
    }
}
