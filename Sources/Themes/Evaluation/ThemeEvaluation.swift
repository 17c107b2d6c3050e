import Corpus
import PolishText

/// How well scores match observed frequencies: Brier score and expected calibration error over 10 equal-width bins
/// of every (label, document) score. Why: the issue asks for scores "that mean something"; these say how much.
public struct CalibrationReport: Sendable, Equatable {
    public struct Bin: Sendable, Equatable {
        public var lower: Double
        public var count: Int
        public var meanScore: Double
        public var observed: Double
    }
    public var brier: Double
    public var expectedCalibrationError: Double
    public var bins: [Bin]

    public static func compute(scores: [Double], outcomes: [Bool]) -> CalibrationReport {
        var sum = [Double](repeating: 0, count: 10), hits = [Int](repeating: 0, count: 10), count = [Int](repeating: 0, count: 10)
        var brier = 0.0
        for (p, y) in zip(scores, outcomes) {
            let b = min(9, max(0, Int(p * 10)))
            sum[b] += p; count[b] += 1; if y { hits[b] += 1 }
            brier += (p - (y ? 1 : 0)) * (p - (y ? 1 : 0))
        }
        let n = max(1, scores.count)
        var ece = 0.0
        var bins: [Bin] = []
        for b in 0..<10 where count[b] > 0 {
            let mean = sum[b] / Double(count[b]), obs = Double(hits[b]) / Double(count[b])
            ece += Double(count[b]) / Double(n) * abs(mean - obs)
            bins.append(Bin(lower: Double(b) / 10, count: count[b], meanScore: mean, observed: obs))
        }
        return CalibrationReport(brier: brier / Double(n), expectedCalibrationError: ece, bins: bins)
    }
}

/// An evaluation: label metrics, calibration, and which method each trained model chose.
public struct EvaluationResult: Sendable {
    public var report: EvaluationReport
    public var calibration: CalibrationReport
    /// `ThemeModel.methodDescription` per trained model (one per fold, or the tested model's).
    public var methods: [String]
}

/// K-fold cross-validation of the whole training procedure, or a test of a trained model on labelled records.
public enum ThemeEvaluation {
    /// Outer K-fold cross-validation: each fold is tagged by a model trained (vectoriser, variant choice,
    /// calibration, thresholds: everything) on the other folds only. With `groups`, a resubmission group stays in
    /// one fold (outer and inner), so near-copies never sit on both sides.
    ///
    /// `extra`: training-only documents (`Corpora/training/`), added to every fold's training side and never
    /// tested, so the figures are those of `documents` alone and its folds are the same with or without them.
    public static func crossValidate(documents: [FieldTerms], labels: [[String]?], mode: LabelMode, labelField: String,
                                     analyzer: AnalyzerConfiguration, taxonomy: [ThemeDescription] = [],
                                     options: TrainingOptions = TrainingOptions(), folds: Int = 5,
                                     seed: UInt64 = 7, groups: [String?]? = nil,
                                     extra: (documents: [FieldTerms], labels: [[String]?], groups: [String?])? = nil) throws -> EvaluationResult {
        var docs: [FieldTerms] = [], gold: [[String]] = [], kept: [String?] = []
        for (i, (d, l)) in zip(documents, labels).enumerated() {
            guard let l, mode == .multiLabel || l.count == 1 else { continue }
            docs.append(d); gold.append(l); kept.append(groups?[i])
        }
        var extraDocs: [FieldTerms] = [], extraGold: [[String]] = [], extraGroups: [String?] = []
        if let extra {
            for (i, (d, l)) in zip(extra.documents, extra.labels).enumerated() {
                guard let l, mode == .multiLabel || l.count == 1 else { continue }
                extraDocs.append(d); extraGold.append(l); extraGroups.append(extra.groups[i])
            }
        }
        let grouped = groups != nil || extraGroups.contains { $0 != nil }
        let universe = Array(Set(gold.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: universe.enumerated().map { ($1, $0) })
        let y = gold.map { $0.compactMap { index[$0] }.sorted() }
        let k = min(folds, docs.count)
        guard k >= 2 else {
            throw ThemesError.invalidTrainingData(tr("za mało dokumentów z etykietami (\(docs.count)) na sprawdzian krzyżowy w \(folds) częściach",
                                                     "too few labelled documents (\(docs.count)) for \(folds)-fold cross-validation"))
        }
        // An empty vocabulary is refused for the whole data, in the words `train` uses, not for a fold's share.
        try TrainingCheck.checkFeatures(documents: documents, labels: labels, mode: mode, configuration: options.vectorizer)
        let fold = Folds.assign(labels: y, labelCount: universe.count, folds: k, seed: seed, groups: groups == nil ? nil : kept)
        var predicted = [[Int]](repeating: [], count: docs.count)
        var scores: [Double] = [], outcomes: [Bool] = []
        var methods: [String] = []
        for f in 0..<k {
            let train = docs.indices.filter { fold[$0] != f }, test = docs.indices.filter { fold[$0] == f }
            let model = try ThemeTrainer.train(documents: train.map { docs[$0] } + extraDocs,
                                               labels: train.map { gold[$0] } + extraGold,
                                               mode: mode, labelField: labelField, analyzer: analyzer,
                                               taxonomy: taxonomy, options: options,
                                               groups: grouped ? train.map { kept[$0] } + extraGroups : nil,
                                               trainingOnlyCount: extraDocs.count)
            methods.append(model.methodDescription)
            for i in test {
                let p = model.predict(docs[i])
                predicted[i] = p.predicted.compactMap { index[$0] }.sorted()
                for e in p.labels { scores.append(e.score); outcomes.append(gold[i].contains(e.label)) }
            }
        }
        return EvaluationResult(report: EvaluationReport.compute(gold: y, predicted: predicted, labels: universe),
                                calibration: CalibrationReport.compute(scores: scores, outcomes: outcomes),
                                methods: methods)
    }

    /// Tags labelled documents with a trained model and scores the result.
    public static func test(model: ThemeModel, documents: [FieldTerms], labels: [[String]?]) -> EvaluationResult {
        var goldNames: [[String]] = [], preds: [ThemePrediction] = []
        for (d, l) in zip(documents, labels) {
            guard let l, model.mode == .multiLabel || l.count == 1 else { continue }
            goldNames.append(l); preds.append(model.predict(d))
        }
        let universe = Array(Set(goldNames.joined()).union(model.labels)).sorted()
        let index = Dictionary(uniqueKeysWithValues: universe.enumerated().map { ($1, $0) })
        var scores: [Double] = [], outcomes: [Bool] = []
        for (g, p) in zip(goldNames, preds) { for e in p.labels { scores.append(e.score); outcomes.append(g.contains(e.label)) } }
        return EvaluationResult(
            report: EvaluationReport.compute(gold: goldNames.map { $0.compactMap { index[$0] }.sorted() },
                                             predicted: preds.map { $0.predicted.compactMap { index[$0] }.sorted() },
                                             labels: universe),
            calibration: CalibrationReport.compute(scores: scores, outcomes: outcomes),
            methods: [model.methodDescription])
    }
}
