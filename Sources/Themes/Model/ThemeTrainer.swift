import Corpus
import PolishText

/// Settings of training besides the vectoriser.
public struct TrainingOptions: Sendable {
    public var vectorizer: VectorizerConfiguration
    /// Folds of the internal cross-validation that picks the variant and smoothing, fits the calibration and
    /// chooses the thresholds.
    public var folds: Int
    public var seed: UInt64
    /// Variants to try; nil: every variant suited to the mode.
    public var variants: [ClassifierKind]?
    /// Smoothing values to try.
    public var alphas: [Double]
    /// Other vectoriser settings to try besides `vectorizer` (e.g. min_df 1, no bigrams): each is fitted and its
    /// classifiers cross-validated on the same folds; the setting whose chosen classifier has the best out-of-fold
    /// macro-F1 wins (ties: the earlier one, `vectorizer` first). Empty: `vectorizer` alone.
    public var vectorizerCandidates: [VectorizerConfiguration] = []
    /// Other field weights to try once the best of `vectorizer` and `vectorizerCandidates` is known: the winning
    /// setting with each of these `fields` instead (same names, other weights) is cross-validated in turn and
    /// kept when it scores higher (a coordinate step, not every combination: each setting costs a whole
    /// cross-validation). Empty: the fields' weights as given.
    public var fieldWeightCandidates: [[FieldWeight]] = []
    /// Support minimums the trainer tries for a multi-label model's support gate (`EvidenceSupport`), chosen by
    /// the inner cross-validation; [0]: no gate.
    public var supportMinimums: [Double] = EvidenceSupport.minimums
    /// How much each training-only record (the last `trainingOnlyCount` documents given to `train`: the
    /// `Corpora/training/` project titles) counts in logistic regression's fit, relative to a corpus record
    /// (1: the same). Why below 1: those records are written in another register (short project titles) and
    /// outnumber the corpus's; at full weight they pull the weights towards their wording, and the meeting
    /// postulates the corpus describes are tagged worse (RESULTS, "Seventh round: the training-only records' weight").
    /// Naive Bayes counts are not weighted.
    public var trainingOnlyWeight: Double = 1

    public init(vectorizer: VectorizerConfiguration = VectorizerConfiguration(), folds: Int = 5, seed: UInt64 = 20260617,
                variants: [ClassifierKind]? = nil, alphas: [Double] = [0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0]) {
        self.vectorizer = vectorizer; self.folds = folds; self.seed = seed; self.variants = variants; self.alphas = alphas
    }
}

/// Trains a `ThemeModel` from analysed documents and their labels.
///
/// 1. TF-IDF is fitted on all training documents (unsupervised; the internal folds share its idf).
/// 2. Documents are dealt into stratified folds (a resubmission group stays in one fold when `groups` is given); naive Bayes statistics are summed per fold, so the model for
///    "all but fold k" is the total minus fold k.
/// 3. Every candidate (NB variant × α, and logistic regression × C) scores each fold with the model that did not
///    see it (out-of-fold scores); the candidate with the best macro-F1 wins (per-label best threshold in multi-label mode, arg-max in single-label).
/// 4. The winner's out-of-fold scores fit the calibration (Platt per label, or a softmax temperature), then the
///    per-label thresholds and the "no theme" fallback rule, all stored in the model.
/// 5. The final scorer is fitted on all documents.
/// With `vectorizerCandidates`, steps 1–5 run for each vectoriser setting on the same folds, and the setting whose
/// decisions scored the best out-of-fold macro-F1 is kept (multi-label: after step 4 and the support gate;
/// single-label: step 3's): the vectoriser is chosen by the same inner cross-validation as the classifier. With
/// `fieldWeightCandidates`, the winner's field weights are then varied the same way.
public enum ThemeTrainer {
    /// Rows used to compare candidates and fit the calibration when the training set is larger.
    static let sampleSize = 20_000

    public static func train(documents: [FieldTerms], labels: [[String]?], mode: LabelMode, labelField: String,
                             analyzer: AnalyzerConfiguration, taxonomy: [ThemeDescription] = [],
                             options: TrainingOptions = TrainingOptions(), groups: [String?]? = nil,
                             trainingOnlyCount: Int = 0) throws -> ThemeModel {
        precondition((0...documents.count).contains(trainingOnlyCount), "more training-only documents than documents")
        // Each document's weight in logistic regression's fit; nil (every weight 1) keeps the unweighted arithmetic.
        let fitWeights: [Double]? = trainingOnlyCount == 0 || options.trainingOnlyWeight == 1 ? nil
            : [Double](repeating: 1, count: documents.count - trainingOnlyCount)
                + [Double](repeating: options.trainingOnlyWeight, count: trainingOnlyCount)
        var best: (model: ThemeModel, score: Double)?
        var firstError: Error?
        func attempt(_ setting: VectorizerConfiguration) {
            var one = options
            one.vectorizer = setting
            one.vectorizerCandidates = []
            one.fieldWeightCandidates = []
            do {
                let model = try trainOne(documents: documents, labels: labels, mode: mode, labelField: labelField,
                                         analyzer: analyzer, taxonomy: taxonomy, options: one, groups: groups,
                                         fitWeights: fitWeights)
                // Multi-label: the macro-F1 of the decisions themselves (thresholds, rule and support gate chosen
                // for this setting), so the gate's effect counts in the choice of the setting. Single-label: the
                // best candidate's (the arg-max decision is the same).
                let score = mode == .multiLabel ? model.training.decisionMacroF1
                    : model.training.candidates.map(\.macroF1).max() ?? 0
                if best == nil || score > best!.score + 1e-12 { best = (model, score) }
            } catch {
                // A setting that cannot make a model (too few features) is left out; the first error is the answer
                // only when no setting can.
                if firstError == nil { firstError = error }
            }
        }
        for setting in [options.vectorizer] + options.vectorizerCandidates { attempt(setting) }
        // Field weights: a second step from the best setting so far (ties keep the weights as given).
        if let winner = best?.model.vectorizer.configuration {
            for fields in options.fieldWeightCandidates where fields != winner.fields {
                var v = winner
                v.fields = fields
                attempt(v)
            }
        }
        guard let best else { throw firstError ?? ThemesError.invalidTrainingData("no vectoriser setting") }
        return best.model
    }

    /// One vectoriser setting: the steps of the type's comment.
    static func trainOne(documents: [FieldTerms], labels: [[String]?], mode: LabelMode, labelField: String,
                         analyzer: AnalyzerConfiguration, taxonomy: [ThemeDescription],
                         options: TrainingOptions, groups: [String?]?,
                         fitWeights: [Double]? = nil) throws -> ThemeModel {
        precondition(documents.count == labels.count, "documents and labels differ in count")
        var docs: [FieldTerms] = [], named: [[String]] = [], kept: [String?] = []
        var fw: [Double]? = fitWeights == nil ? nil : []
        for (i, (d, l)) in zip(documents, labels).enumerated() {
            guard let l else { continue }
            if mode == .singleLabel && l.count != 1 { continue }
            docs.append(d); named.append(l); kept.append(groups?[i])
            if let f = fitWeights { fw!.append(f[i]) }
        }
        let unlabelled = mode == .singleLabel ? documents.count - docs.count : named.filter(\.isEmpty).count
        let labelNames = Array(Set(named.joined()).union(taxonomy.map(\.code))).sorted()
        guard !labelNames.isEmpty else {
            throw ThemesError.invalidTrainingData(tr("brak etykiet w polu „\(labelField)”", "no labels found in field \(labelField)"))
        }
        if mode == .singleLabel && Set(named.joined()).count < 2 {
            throw ThemesError.invalidTrainingData(tr("model jednej etykiety potrzebuje co najmniej dwóch różnych etykiet w polu „\(labelField)”",
                                                     "a single-label model needs at least two distinct labels in \(labelField)"))
        }
        let k = min(options.folds, docs.count)
        guard k >= 2 else {
            throw ThemesError.invalidTrainingData(tr("za mało dokumentów z etykietami (\(docs.count)), by trenować ze sprawdzianem krzyżowym",
                                                     "too few labelled documents (\(docs.count)) to train and cross-validate"))
        }
        let index = Dictionary(uniqueKeysWithValues: labelNames.enumerated().map { ($1, $0) })
        let y: [[Int]] = named.map { $0.compactMap { index[$0] }.sorted() }

        let (vectorizer, x) = try TfidfVectorizer.fitTransform(docs, configuration: options.vectorizer)
        try TrainingCheck.checkFeatures(count: vectorizer.featureCount, documents: docs.count, configuration: options.vectorizer)
        let L = labelNames.count, V = vectorizer.featureCount, n = docs.count
        let fold = Folds.assign(labels: y, labelCount: L, folds: k, seed: options.seed, groups: groups == nil ? nil : kept)
        var rowsOf = [[Int]](repeating: [], count: k)
        for (i, f) in fold.enumerated() { rowsOf[f].append(i) }
        let total = NaiveBayesStatistics(vectors: x, labels: y, rows: 0..<n, labelCount: L, featureCount: V)
        let trainStats = rowsOf.map { total - NaiveBayesStatistics(vectors: x, labels: y, rows: $0, labelCount: L, featureCount: V) }
        let positives: [[Bool]] = (0..<L).map { l in y.map { $0.contains(l) } }
        let present = (0..<L).filter { l in positives[l].contains(true) }
        let gold = y.map { $0.first ?? 0 }  // single-label: the one label

        // Candidates are compared on out-of-fold scores of a deterministic sample (every row up to 20 000 rows,
        // else an even stride): the ranking of a handful of smoothing values does not need 100 000 rows.
        let sample: [Int] = n <= Self.sampleSize ? Array(0..<n) : (0..<Self.sampleSize).map { $0 * n / Self.sampleSize }
        let m = sample.count
        let samplePositives = positives.map { col in sample.map { col[$0] } }
        /// Out-of-fold scores of `rows`: row r scored by the fold model that did not see r's fold.
        func outOfFold(_ scorers: [LinearScorer], rows: [Int]) -> [Double] {
            var oof = [Double](repeating: 0, count: rows.count * L)
            oof.withUnsafeMutableBufferPointer { out in
                for (j, r) in rows.enumerated() {
                    scorers[fold[r]].scores(x[r], into: UnsafeMutableBufferPointer(rebasing: out[(j * L)..<(j * L + L)]))
                }
            }
            return oof
        }
        /// The out-of-fold macro-F1 of sample scores: what candidates are compared by.
        func macroF1(_ oof: [Double]) -> Double {
            oof.withUnsafeBufferPointer { o -> Double in
                switch mode {
                case .multiLabel:
                    // Platt scaling is monotone per label, so the best-threshold F1 of raw scores is the same.
                    var sum = 0.0
                    for l in present {
                        sum += ThresholdSearch.best(probabilities: (0..<m).map { o[$0 * L + l] }, positives: samplePositives[l]).f1
                    }
                    return present.isEmpty ? 0 : sum / Double(present.count)
                case .singleLabel:
                    var pred = [Int](repeating: 0, count: m)
                    for r in 0..<m {
                        var b = 0
                        for l in 1..<L where o[r * L + l] > o[r * L + b] { b = l }
                        pred[r] = b
                    }
                    return DecisionSearch.macroF1(gold: sample.map { gold[$0] }, predicted: pred, labelCount: L)
                }
            }
        }
        // Logistic regression has no sufficient statistics to subtract: each fold model is fitted on the rows outside
        // the fold (tried only up to 20 000 rows, where the sample is every row) and kept for the chosen candidate's
        // out-of-fold scores.
        func logisticFoldScorers(c: Double) -> [LinearScorer] {
            (0..<k).map { f in
                LogisticRegression.scorer(x, rows: (0..<n).filter { fold[$0] != f }, positives: positives, featureCount: V, c: c,
                                          sampleWeights: fw)
            }
        }

        var candidates: [CandidateScore] = []
        var best: (score: Double, variant: ClassifierKind, alpha: Double)?
        var bestLogistic: [LinearScorer] = []
        func consider(_ variant: ClassifierKind, _ alpha: Double, _ macro: Double) -> Bool {
            candidates.append(CandidateScore(variant: variant, alpha: alpha, macroF1: macro))
            guard best == nil || macro > best!.score + 1e-12 else { return false }
            best = (macro, variant, alpha)
            return true
        }
        let variants = options.variants ?? ClassifierKind.candidates(for: mode)
        let bayes = variants.filter(\.isNaiveBayes)
        for alpha in options.alphas where !bayes.isEmpty {
            let tables = trainStats.map { $0.logTables(alpha: alpha) }
            for variant in bayes {
                let scorers = (0..<k).map { trainStats[$0].scorer(variant, tables: tables[$0]) }
                _ = consider(variant, alpha, macroF1(outOfFold(scorers, rows: sample)))
            }
        }
        if variants.contains(.logistic) && n <= LogisticRegression.maxTrainingRows {
            for c in LogisticRegression.penalties {
                let scorers = logisticFoldScorers(c: c)
                if consider(.logistic, c, macroF1(outOfFold(scorers, rows: sample))) { bestLogistic = scorers }
            }
        }
        guard let picked = best else { throw ThemesError.invalidTrainingData(tr("brak wariantu do wypróbowania", "no naive Bayes variant to try")) }
        let chosenScorers = picked.variant == .logistic
            ? bestLogistic
            : (0..<k).map { trainStats[$0].scorer(picked.variant, alpha: picked.alpha) }
        let chosen = (variant: picked.variant, alpha: picked.alpha, oof: outOfFold(chosenScorers, rows: Array(0..<n)))
        let finalScorer = picked.variant == .logistic
            ? LogisticRegression.scorer(x, rows: Array(0..<n), positives: positives, featureCount: V, c: picked.alpha,
                                        sampleWeights: fw)
            : total.scorer(chosen.variant, alpha: chosen.alpha)

        var model = ThemeModel(analyzer: analyzer, labelField: labelField, mode: mode, labels: labelNames,
                               taxonomy: taxonomy.sorted { $0.code < $1.code }, vectorizer: vectorizer,
                               variant: chosen.variant, alpha: chosen.alpha,
                               scorer: finalScorer,
                               platt: [], temperature: nil, thresholds: [], maxLabels: 0, fallbackRatio: 2,
                               training: TrainingSummary(documents: n, labelDocuments: total.labelDocuments,
                                                         unlabelledDocuments: unlabelled, folds: k, seed: options.seed,
                                                         candidates: candidates, labelF1: []))
        var probabilities = [Double](repeating: 0, count: n * L)
        switch mode {
        case .multiLabel:
            // Platt's two parameters are fitted on the sample too (20 000 rows pin them down).
            model.platt = (0..<L).map { l in
                PlattScaling.fit(scores: sample.map { chosen.oof[$0 * L + l] }, positives: samplePositives[l])
            }
            for r in 0..<n { for l in 0..<L { probabilities[r * L + l] = model.platt[l].probability(chosen.oof[r * L + l]) } }
            // The support gate's minimum, with the thresholds and the rule, by the out-of-fold macro-F1: each
            // candidate minimum refuses the (row, label) pairs whose out-of-fold support is below it (score −1, as
            // `decideGated` does), then the thresholds and the rule are chosen again for what is left.
            let minimums = options.supportMinimums.filter { $0 > 0 }
            let gate = minimums.isEmpty ? [] : SupportTraining.outOfFold(x: x, labels: y, labelCount: L, featureCount: V,
                                                                         rowsOf: rowsOf, scorers: chosenScorers,
                                                                         centre: !chosen.variant.isPerLabelBinary && L > 1)
            var picked: (minimum: Double, thresholds: [Double], rule: (Int, Double), macro: Double)?
            for minimum in [0] + minimums {
                var masked = probabilities
                if minimum > 0 { for i in 0..<(n * L) where gate[i] < minimum { masked[i] = -1 } }
                model.thresholds = (0..<L).map { l in
                    ThresholdSearch.best(probabilities: (0..<n).map { masked[$0 * L + l] }, positives: positives[l]).threshold
                }
                let rule = DecisionSearch.bestRule(probabilities: masked, thresholds: model.thresholds, gold: y, labelCount: L)
                (model.maxLabels, model.fallbackRatio) = rule
                let scratch = ThemeModel.Scratch()
                let decided = (0..<n).map { r in model.decide(Array(masked[(r * L)..<(r * L + L)]), scratch: scratch) }
                let macro = EvaluationReport.compute(gold: y, predicted: decided, labels: labelNames, topConfusions: 0).macroF1
                if picked == nil || macro > picked!.macro + 1e-12 { picked = (minimum, model.thresholds, rule, macro) }
            }
            if let picked {
                model.thresholds = picked.thresholds
                (model.maxLabels, model.fallbackRatio) = picked.rule
                if picked.minimum > 0 {
                    for i in 0..<(n * L) where gate[i] < picked.minimum { probabilities[i] = -1 }
                    model.support = SupportTraining.support(x: x, labels: y, labelCount: L, featureCount: V,
                                                            minimum: picked.minimum)
                }
            }
        case .singleLabel:
            let rows = (0..<n).map { r in Array(chosen.oof[(r * L)..<(r * L + L)]) }
            let temperature = TemperatureScaling.fit(scores: sample.map { rows[$0] }, gold: sample.map { gold[$0] })
            model.temperature = temperature
            for r in 0..<n { probabilities.replaceSubrange((r * L)..<(r * L + L), with: temperature.probabilities(rows[r])) }
        }
        let scratch = ThemeModel.Scratch()
        let decided = (0..<n).map { r in model.decide(Array(probabilities[(r * L)..<(r * L + L)]), scratch: scratch) }
        model.training.labelF1 = EvaluationReport.compute(gold: y, predicted: decided, labels: labelNames, topConfusions: 0).perLabel.map(\.f1)
        return model
    }

    /// The core fit alone (TF-IDF fit and one naive Bayes fit, no cross-validation): what scikit-learn's
    /// `pipeline.fit` does, for like-for-like speed measurements.
    public static func coreFit(documents: [FieldTerms], labels: [[String]?], mode: LabelMode, options: TrainingOptions,
                               variant: ClassifierKind, alpha: Double) throws -> (TfidfVectorizer, LinearScorer) {
        try coreFit(documents: TermDocuments(documents), labels: labels, mode: mode, options: options, variant: variant, alpha: alpha)
    }

    /// `coreFit` of documents whose terms stream in (e.g. records analysed on the fly: text to model, as
    /// scikit-learn's pipeline goes from text).
    public static func coreFit(documents: TermDocuments, labels: [[String]?], mode: LabelMode, options: TrainingOptions,
                               variant: ClassifierKind, alpha: Double) throws -> (TfidfVectorizer, LinearScorer) {
        // Labels become indices as they are met (a handful of distinct labels: compared, not hashed), then are
        // renumbered in sorted order; the documents are copied only when some are skipped.
        var kept: [Int] = [], seen = LabelInterner(), firstSeen: [Int] = [], offsets: [Int] = [0]
        kept.reserveCapacity(documents.count); offsets.reserveCapacity(documents.count + 1)
        firstSeen.reserveCapacity(documents.count)
        labels.withUnsafeBufferPointer { labels in
            for i in 0..<labels.count {
                guard let l = labels[i], mode == .multiLabel || l.count == 1 else { continue }
                kept.append(i)
                l.withUnsafeBufferPointer { l in for j in 0..<l.count { firstSeen.append(seen.index(l[j])) } }
                offsets.append(firstSeen.count)
            }
        }
        let names = seen.names.sorted()
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let renumber = seen.names.map { position[$0]! }
        let docs = kept.count == documents.count ? documents : documents.subset(kept)
        if variant == .logistic {
            // Logistic regression has no one-pass fit from statistics: it is fitted as the trainer fits it.
            let (vectorizer, x) = try TfidfVectorizer.fitTransform(docs, configuration: options.vectorizer)
            var positives = [[Bool]](repeating: [Bool](repeating: false, count: docs.count), count: names.count)
            for r in 0..<docs.count { for k in offsets[r]..<offsets[r + 1] { positives[renumber[firstSeen[k]]][r] = true } }
            return (vectorizer, LogisticRegression.scorer(x, rows: Array(0..<docs.count), positives: positives,
                                                          featureCount: vectorizer.featureCount, c: alpha))
        }
        let (vectorizer, x) = try TfidfVectorizer.fitRows(docs, configuration: options.vectorizer)
        let stats = NaiveBayesStatistics(rows: x, labelOffsets: offsets, labelValues: firstSeen.map { renumber[$0] },
                                         labelCount: names.count, featureCount: vectorizer.featureCount)
        return (vectorizer, stats.scorer(variant, alpha: alpha))
    }
}

/// Distinct label names in the order first met, looked up by their bytes in a `TermTable` (keyed by NFC, so
/// names equal as Swift strings are one label). Why not comparisons or a `Dictionary`: every document's labels
/// are looked up, and comparing long names one by one, or hashing them with SipHash, cost more than the naive
/// Bayes statistics they feed.
struct LabelInterner {
    private(set) var names: [String] = []
    private var table = TermTable(capacity: 64)

    mutating func index(_ name: String) -> Int {
        let (id, isNew) = table.intern(name)
        if isNew { names.append(name) }
        return Int(id)
    }
}
