import PolishText

/// Settings of training besides the vectoriser.
public struct TrainingOptions: Sendable {
    public var vectorizer: VectorizerConfiguration
    /// Folds of the internal cross-validation that picks the variant and smoothing, fits the calibration and
    /// chooses the thresholds.
    public var folds: Int
    public var seed: UInt64
    /// Variants to try; nil: every variant suited to the mode.
    public var variants: [NaiveBayesVariant]?
    /// Smoothing values to try.
    public var alphas: [Double]

    public init(vectorizer: VectorizerConfiguration = VectorizerConfiguration(), folds: Int = 5, seed: UInt64 = 20260617,
                variants: [NaiveBayesVariant]? = nil, alphas: [Double] = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]) {
        self.vectorizer = vectorizer; self.folds = folds; self.seed = seed; self.variants = variants; self.alphas = alphas
    }
}

/// Trains a `ThemeModel` from analysed documents and their labels.
///
/// 1. TF-IDF is fitted on all training documents (unsupervised; the internal folds share its idf).
/// 2. Documents are dealt into stratified folds; naive Bayes statistics are summed per fold, so the model for
///    "all but fold k" is the total minus fold k.
/// 3. Every candidate (variant × α) scores each fold with the model that did not see it (out-of-fold scores); the
///    candidate with the best macro-F1 wins (per-label best threshold in multi-label mode, arg-max in single-label).
/// 4. The winner's out-of-fold scores fit the calibration (Platt per label, or a softmax temperature), then the
///    per-label thresholds and the "no theme" fallback rule, all stored in the model.
/// 5. The final scorer is fitted on all documents.
public enum ThemeTrainer {
    public static func train(documents: [FieldTerms], labels: [[String]?], mode: LabelMode, labelField: String,
                             analyzer: AnalyzerConfiguration, taxonomy: [ThemeDescription] = [],
                             options: TrainingOptions = TrainingOptions()) throws -> ThemeModel {
        precondition(documents.count == labels.count, "documents and labels differ in count")
        var docs: [FieldTerms] = [], named: [[String]] = []
        for (d, l) in zip(documents, labels) {
            guard let l else { continue }
            if mode == .singleLabel && l.count != 1 { continue }
            docs.append(d); named.append(l)
        }
        let unlabelled = mode == .singleLabel ? documents.count - docs.count : named.filter(\.isEmpty).count
        let labelNames = Array(Set(named.joined()).union(taxonomy.map(\.code))).sorted()
        guard !labelNames.isEmpty else { throw ThemesError.invalidTrainingData("no labels found in field \(labelField)") }
        if mode == .singleLabel && Set(named.joined()).count < 2 {
            throw ThemesError.invalidTrainingData("a single-label model needs at least two distinct labels in \(labelField)")
        }
        let k = min(options.folds, docs.count)
        guard k >= 2 else { throw ThemesError.invalidTrainingData("too few labelled documents (\(docs.count)) to train and cross-validate") }
        let index = Dictionary(uniqueKeysWithValues: labelNames.enumerated().map { ($1, $0) })
        let y: [[Int]] = named.map { $0.compactMap { index[$0] }.sorted() }

        let (vectorizer, x) = try TfidfVectorizer.fitTransform(docs, configuration: options.vectorizer)
        let L = labelNames.count, V = vectorizer.featureCount, n = docs.count
        let fold = Folds.assign(labels: y, labelCount: L, folds: k, seed: options.seed)
        var rowsOf = [[Int]](repeating: [], count: k)
        for (i, f) in fold.enumerated() { rowsOf[f].append(i) }
        let total = NaiveBayesStatistics(vectors: x, labels: y, rows: 0..<n, labelCount: L, featureCount: V)
        let trainStats = rowsOf.map { total - NaiveBayesStatistics(vectors: x, labels: y, rows: $0, labelCount: L, featureCount: V) }

        func outOfFold(_ variant: NaiveBayesVariant, _ alpha: Double) -> [[Double]] {
            var scores = [[Double]](repeating: [], count: n)
            for f in 0..<k {
                let scorer = trainStats[f].scorer(variant, alpha: alpha)
                for r in rowsOf[f] { scores[r] = scorer.scores(x[r]) }
            }
            return scores
        }
        let positives: [[Bool]] = (0..<L).map { l in y.map { $0.contains(l) } }
        let present = (0..<L).filter { l in positives[l].contains(true) }

        var candidates: [CandidateScore] = []
        var best: (score: Double, variant: NaiveBayesVariant, alpha: Double, oof: [[Double]])?
        for variant in options.variants ?? NaiveBayesVariant.candidates(for: mode) {
            for alpha in options.alphas {
                let oof = outOfFold(variant, alpha)
                let macro: Double
                switch mode {
                case .multiLabel:
                    // Platt scaling is monotone per label, so the best-threshold F1 of raw scores is the same.
                    let f1s = present.map { l in ThresholdSearch.best(probabilities: oof.map { $0[l] }, positives: positives[l]).f1 }
                    macro = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
                case .singleLabel:
                    let pred = oof.map { s in [s.indices.max { s[$0] != s[$1] ? s[$0] < s[$1] : $0 > $1 }!] }
                    macro = EvaluationReport.compute(gold: y, predicted: pred, labels: labelNames).macroF1
                }
                candidates.append(CandidateScore(variant: variant, alpha: alpha, macroF1: macro))
                if best == nil || macro > best!.score { best = (macro, variant, alpha, oof) }
            }
        }
        guard let chosen = best else { throw ThemesError.invalidTrainingData("no naive Bayes variant to try") }

        var model = ThemeModel(analyzer: analyzer, labelField: labelField, mode: mode, labels: labelNames,
                               taxonomy: taxonomy.sorted { $0.code < $1.code }, vectorizer: vectorizer,
                               variant: chosen.variant, alpha: chosen.alpha,
                               scorer: total.scorer(chosen.variant, alpha: chosen.alpha),
                               platt: [], temperature: nil, thresholds: [], maxLabels: 0, fallbackRatio: 2,
                               training: TrainingSummary(documents: n, labelDocuments: total.labelDocuments,
                                                         unlabelledDocuments: unlabelled, folds: k, seed: options.seed,
                                                         candidates: candidates, labelF1: []))
        let oofProbabilities: [[Double]]
        switch mode {
        case .multiLabel:
            model.platt = (0..<L).map { l in PlattScaling.fit(scores: chosen.oof.map { $0[l] }, positives: positives[l]) }
            oofProbabilities = chosen.oof.map { s in zip(s, model.platt).map { $1.probability($0) } }
            model.thresholds = (0..<L).map { l in
                ThresholdSearch.best(probabilities: oofProbabilities.map { $0[l] }, positives: positives[l]).threshold
            }
            (model.maxLabels, model.fallbackRatio) = bestDecisionRule(model: model, probabilities: oofProbabilities, gold: y)
        case .singleLabel:
            let temperature = TemperatureScaling.fit(scores: chosen.oof, gold: y.map { $0[0] })
            model.temperature = temperature
            oofProbabilities = chosen.oof.map { temperature.probabilities($0) }
        }
        let report = EvaluationReport.compute(gold: y, predicted: oofProbabilities.map { model.decide($0) }, labels: labelNames)
        model.training.labelF1 = report.perLabel.map(\.f1)
        return model
    }

    /// The decision rule with the best out-of-fold macro-F1: at most 1, 2, 3 or any number of labels, and the
    /// fallback ratio (never, 0.95, 0.9, …, 0). Ties keep the earlier rule in that order (no limit before a limit,
    /// "never" before a fallback), so "no theme" stays explicit unless assigning the closest label really helps.
    static func bestDecisionRule(model: ThemeModel, probabilities: [[Double]], gold: [[Int]]) -> (Int, Double) {
        var m = model
        var best = (0, 2.0), bestF1 = -1.0
        for maxLabels in [0, 3, 2, 1] {
            for step in stride(from: 21, through: 0, by: -1) {
                m.maxLabels = maxLabels
                m.fallbackRatio = step == 21 ? 2 : Double(step) / 20
                let f1 = EvaluationReport.compute(gold: gold, predicted: probabilities.map { m.decide($0) },
                                                  labels: m.labels, topConfusions: 0).macroF1
                if f1 > bestF1 + 1e-12 { bestF1 = f1; best = (m.maxLabels, m.fallbackRatio) }
            }
        }
        return best
    }
}
