import Corpus
import PolishText
import XCTest
@testable import Themes

/// The training-only records' weight (`TrainingOptions.trainingOnlyWeight`): how much each of the last
/// `trainingOnlyCount` documents counts in logistic regression's fit.
final class TrainingOnlyWeightTests: XCTestCase {
    /// A row of weight 2 is the same row twice: the weighted loss and gradient are those of the duplicated data,
    /// so the optimum is the same. Weights of 1 are the unweighted fit, bit for bit.
    func testWeightTwoIsTheRowTwice() {
        let rows: [(Double, Double, Bool)] = [(1, 0, true), (0.8, 0.2, true), (0.6, 0.4, false), (0.9, 0.1, true),
                                               (0.2, 0.8, false), (0.1, 0.9, false), (0.5, 0.5, true), (0.3, 0.7, false),
                                               (0.7, 0.3, false), (0.4, 0.6, true)]
        let x = rows.map { SparseVector(indices: [0, 1], values: [$0.0, $0.1]) }
        let positive = rows.map(\.2)
        // Rows 2 and 6 (one negative, one positive) doubled, by weight and by copy.
        let weights = rows.indices.map { $0 == 2 || $0 == 6 ? 2.0 : 1.0 }
        let weighted = LogisticRegression.fit(x, rows: Array(rows.indices), positive: positive, featureCount: 2, c: 10,
                                              maxIterations: 1000, sampleWeights: weights)
        let copies = x + [x[2], x[6]], copiedPositive = positive + [positive[2], positive[6]]
        let copied = LogisticRegression.fit(copies, rows: Array(copies.indices), positive: copiedPositive, featureCount: 2,
                                            c: 10, maxIterations: 1000)
        for t in 0..<2 { XCTAssertEqual(weighted.weights[t], copied.weights[t], accuracy: 1e-3) }
        XCTAssertEqual(weighted.bias, copied.bias, accuracy: 1e-3)
        // And it is not the unweighted fit (so the comparison above says something).
        let plain = LogisticRegression.fit(x, rows: Array(rows.indices), positive: positive, featureCount: 2, c: 10,
                                           maxIterations: 1000)
        XCTAssertGreaterThan(abs(plain.weights[0] - weighted.weights[0]) + abs(plain.bias - weighted.bias), 1e-2)
        let ones = LogisticRegression.fit(x, rows: Array(rows.indices), positive: positive, featureCount: 2, c: 10,
                                          maxIterations: 1000, sampleWeights: [Double](repeating: 1, count: rows.count))
        XCTAssertEqual(ones.weights, plain.weights)
        XCTAssertEqual(ones.bias, plain.bias)
    }

    /// The trainer weighs the last `trainingOnlyCount` documents: where the training-only records contradict the
    /// corpus (the word "kamera" without a theme there, with `security` in the corpus), a lighter weight leaves the
    /// corpus's reading stronger; weight 1 is the model trained without the count.
    func testTrainingOnlyRecordsCountLess() throws {
        let a = try Fixtures.analyzer()
        var records = Fixtures.records(count: 100, seed: 3)
        for i in records.indices where records[i].themes == ["security"] { records[i].text += " kamera kamera" }
        let corpusCount = records.count
        for i in 0..<60 {
            records.append(Postulate(id: "t\(i)", text: "kamera " + Fixtures.neutral[i % Fixtures.neutral.count], themes: []))
        }
        let corpus = try LabelledCorpus.make(records: records, labelField: "themes",
                                             fields: VectorizerConfiguration().fields, analyzer: a)
        func model(weight: Double, count: Int) throws -> ThemeModel {
            var options = TrainingOptions(variants: [.logistic])
            options.supportMinimums = [0]
            options.trainingOnlyWeight = weight
            return try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: corpus.labels.mode,
                                          labelField: "themes", analyzer: a.configuration, options: options,
                                          trainingOnlyCount: count)
        }
        let extra = records.count - corpusCount
        let full = try model(weight: 1, count: extra), light = try model(weight: 0.25, count: extra)
        XCTAssertEqual(try ModelFile.encode(full), try ModelFile.encode(try model(weight: 1, count: 0)),
                       "weight 1 is the unweighted training")
        func kamera(_ m: ThemeModel) throws -> Double {
            let t = Int(try XCTUnwrap(m.vectorizer.featureID("kamera"))), l = try XCTUnwrap(m.labels.firstIndex(of: "security"))
            return m.scorer.weights[t * m.labels.count + l]
        }
        XCTAssertGreaterThan(try kamera(light), try kamera(full) + 0.1,
                             "lighter training-only records: their 'kamera' without a theme counts less against security")
    }
}
