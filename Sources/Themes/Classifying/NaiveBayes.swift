import Foundation

/// The variants the trainer measures (and chooses between by cross-validation): four naive Bayes variants and,
/// as their discriminative counterpart, logistic regression (see `LogisticRegression`).
///
/// All are linear in the TF-IDF vector x: score_l(x) = bias_l + Σ_t x_t · w_lt, so one scorer type serves them all.
/// θ_l is the smoothed term distribution of the documents with label l, θ_¬l of the documents without it (its
/// complement), α the additive smoothing.
public enum NaiveBayesVariant: String, Codable, CaseIterable, Sendable {
    /// One-vs-rest multinomial NB: w = log θ_l − log θ_¬l, bias = prior log-odds. A binary NB per label: the natural
    /// multi-label model, and its weights are directly the per-term evidence.
    case multinomialOneVsRest = "multinomial-ovr"
    /// Multi-class multinomial NB (scikit-learn's MultinomialNB): w = log θ_l, bias = log prior.
    case multinomial = "multinomial"
    /// Complement NB (Rennie et al. 2003; scikit-learn's ComplementNB): w = −log θ_¬l, no prior, then centred
    /// across labels per term (which leaves the arg-max unchanged). Estimates from the (larger) complement, which
    /// helps small, unbalanced labels.
    case complement = "complement"
    /// Complement NB with Rennie's weight normalisation: w = −log θ_¬l / Σ_t |log θ_¬l,t|.
    case complementNormalized = "complement-normalized"
    /// L2-regularised logistic regression per label (one-vs-rest), fitted on the same vectors; `alpha` holds its
    /// penalty C. Like one-vs-rest NB, its weights are directly each term's evidence for the label.
    case logistic = "logistic"

    /// The variants that make sense for a mode (multinomial multi-class needs exactly one label per document).
    public static func candidates(for mode: LabelMode) -> [NaiveBayesVariant] {
        switch mode {
        case .multiLabel: return [.multinomialOneVsRest, .complement, .complementNormalized, .logistic]
        case .singleLabel: return [.multinomial, .complement, .complementNormalized, .multinomialOneVsRest, .logistic]
        }
    }

    /// Whether each label's weights are a binary model's own evidence (no comparison with the other labels needed).
    public var isPerLabelBinary: Bool { self == .multinomialOneVsRest || self == .logistic }
}

/// Multi-label (a set of labels per document, possibly empty) or single-label (exactly one per document).
public enum LabelMode: String, Codable, Sendable {
    case multiLabel = "multi-label"
    case singleLabel = "single-label"
}

/// A fitted linear scorer: weights stored term-major (`weights[t * labelCount + l]`) so scoring a document is one
/// pass over its non-zeros.
public struct LinearScorer: Codable, Sendable, Equatable {
    public var labelCount: Int
    public var featureCount: Int
    public var weights: [Double]
    public var bias: [Double]

    public func scores(_ x: SparseVector) -> [Double] {
        var s = bias
        let L = labelCount
        weights.withUnsafeBufferPointer { w in
            s.withUnsafeMutableBufferPointer { out in
                for (t, v) in zip(x.indices, x.values) {
                    let base = Int(t) * L
                    for l in 0..<L { out[l] += v * w[base + l] }
                }
            }
        }
        return s
    }

    public func weight(feature t: Int, label l: Int) -> Double { weights[t * labelCount + l] }

    /// Writes the scores of the vector (`ids`, `values`: `count` features) into `out` (labelCount values, and one
    /// more slot used as scratch), without allocating; the same sums in the same order as `scores(_:)`.
    func scores(ids: UnsafePointer<Int32>, values: UnsafePointer<Double>, count n: Int, into out: UnsafeMutablePointer<Double>) {
        let L = labelCount
        bias.withUnsafeBufferPointer { b in for l in 0..<L { out[l] = b[l] } }
        weights.withUnsafeBufferPointer { w in
            guard L > 0, let w = w.baseAddress else { return }
            // The weight rows are scattered over a table larger than the caches: touch each row's first and last
            // value first (independent loads, whose misses overlap), so the sums below find them in cache.
            var touch = 0.0
            for i in 0..<n {
                let base = Int(ids[i]) * L
                touch += w[base] + w[base + L - 1]
            }
            out[L] = touch
            // Four labels at a time (each lane adds the same products in the same order as a scalar loop).
            var l = 0
            while l + 4 <= L {
                var acc = UnsafeRawPointer(out + l).loadUnaligned(as: SIMD4<Double>.self)
                for i in 0..<n {
                    let row = UnsafeRawPointer(w + Int(ids[i]) * L + l).loadUnaligned(as: SIMD4<Double>.self)
                    acc += SIMD4(repeating: values[i]) * row
                }
                UnsafeMutableRawPointer(out + l).storeBytes(of: acc, as: SIMD4<Double>.self)
                l += 4
            }
            while l < L {
                var acc = out[l]
                for i in 0..<n { acc += values[i] * w[Int(ids[i]) * L + l] }
                out[l] = acc
                l += 1
            }
        }
    }

    /// Writes the scores of `x` into `out` (labelCount values), without allocating.
    func scores(_ x: SparseVector, into out: UnsafeMutableBufferPointer<Double>) {
        let L = labelCount
        for l in 0..<L { out[l] = bias[l] }
        weights.withUnsafeBufferPointer { w in
            for (t, v) in zip(x.indices, x.values) {
                let base = Int(t) * L
                for l in 0..<L { out[l] += v * w[base + l] }
            }
        }
    }
}

/// Sufficient statistics of naive Bayes: per-label sums of the feature values, the overall sums and document counts.
/// Why: statistics add and subtract, so the training statistics of a cross-validation fold are "all minus the fold",
/// and every variant and smoothing value is fitted from them without another pass over the documents.
struct NaiveBayesStatistics {
    let labelCount: Int
    let featureCount: Int
    var labelTotals: [Double]  // label-major: [l * V + t]
    var totals: [Double]
    var labelDocuments: [Int]
    var documents: Int

    init(labelCount: Int, featureCount: Int) {
        self.labelCount = labelCount
        self.featureCount = featureCount
        labelTotals = [Double](repeating: 0, count: labelCount * featureCount)
        totals = [Double](repeating: 0, count: featureCount)
        labelDocuments = [Int](repeating: 0, count: labelCount)
        documents = 0
    }

    init(vectors: [SparseVector], labels: [[Int]], rows: some Sequence<Int>, labelCount: Int, featureCount: Int) {
        self.init(labelCount: labelCount, featureCount: featureCount)
        for r in rows { add(vectors[r], labels: labels[r]) }
    }

    /// Statistics of all `rows`, row r having the labels `labelValues[labelOffsets[r]..<labelOffsets[r + 1]]`
    /// (flat: no array per document).
    ///
    /// Why by label: documents come in any label order, so adding each to its labels' rows jumps between L rows of
    /// V sums, together many times the L2 cache. The totals are summed over all rows first, then each label's sums
    /// over its rows, in row order: every sum gets the same terms in the same order as document by document, so the
    /// same bits, while only one label's row (and the rows read in order) is in use at a time.
    init(rows: SparseRows, labelOffsets: [Int], labelValues: [Int], labelCount: Int, featureCount: Int) {
        self.init(labelCount: labelCount, featureCount: featureCount)
        let V = featureCount
        documents = rows.count
        // The rows of each label, in row order (a counting sort of the (label, row) pairs by label).
        var start = [Int](repeating: 0, count: labelCount + 1)
        for l in labelValues { start[l + 1] += 1 }
        for l in 0..<labelCount { start[l + 1] += start[l] }
        var next = start, rowsOfLabel = [Int](repeating: 0, count: labelValues.count)
        for r in 0..<rows.count {
            for k in labelOffsets[r]..<labelOffsets[r + 1] {
                let l = labelValues[k]
                rowsOfLabel[next[l]] = r; next[l] += 1
            }
        }
        for l in 0..<labelCount { labelDocuments[l] = start[l + 1] - start[l] }
        rows.offsets.withUnsafeBufferPointer { offsets in
            rows.indices.withUnsafeBufferPointer { idx in
                rows.values.withUnsafeBufferPointer { val in
                    totals.withUnsafeMutableBufferPointer { tot in
                        for i in 0..<idx.count { tot[Int(idx[i])] += val[i] }
                    }
                    labelTotals.withUnsafeMutableBufferPointer { lt in
                        for l in 0..<labelCount {
                            let row = UnsafeMutableBufferPointer(rebasing: lt[(l * V)..<((l + 1) * V)])
                            for k in start[l]..<start[l + 1] {
                                let r = rowsOfLabel[k]
                                for i in offsets[r]..<offsets[r + 1] { row[Int(idx[i])] += val[i] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds one document: its values to the totals and to the totals of each of its labels, in that order.
    @inline(__always)
    private mutating func add(_ x: SparseVector, labels: some Collection<Int>) {
        x.indices.withUnsafeBufferPointer { idx in
            x.values.withUnsafeBufferPointer { val in add(idx, val, labels: labels) }
        }
    }

    @inline(__always)
    private mutating func add(_ idx: UnsafeBufferPointer<Int32>, _ val: UnsafeBufferPointer<Double>, labels: some Collection<Int>) {
        let V = featureCount
        documents += 1
        totals.withUnsafeMutableBufferPointer { tot in
            for i in 0..<idx.count { tot[Int(idx[i])] += val[i] }
        }
        labelTotals.withUnsafeMutableBufferPointer { lt in
            for l in labels {
                labelDocuments[l] += 1
                let base = l * V
                for i in 0..<idx.count { lt[base + Int(idx[i])] += val[i] }
            }
        }
    }

    static func - (a: NaiveBayesStatistics, b: NaiveBayesStatistics) -> NaiveBayesStatistics {
        var r = a
        for i in r.labelTotals.indices { r.labelTotals[i] = max(0, a.labelTotals[i] - b.labelTotals[i]) }
        for i in r.totals.indices { r.totals[i] = max(0, a.totals[i] - b.totals[i]) }
        for i in r.labelDocuments.indices { r.labelDocuments[i] = a.labelDocuments[i] - b.labelDocuments[i] }
        r.documents = a.documents - b.documents
        return r
    }

    /// The smoothed log term distributions of every label (log θ_l) and of its complement (log θ_¬l), label-major.
    /// Shared by all variants with the same `alpha`.
    struct LogTables {
        var logTheta: [Double]
        var logComplement: [Double]
    }

    func logTables(alpha: Double) -> LogTables {
        let L = labelCount, V = featureCount
        var logTheta = [Double](repeating: 0, count: L * V), logComp = [Double](repeating: 0, count: L * V)
        var allSum = 0.0
        for t in 0..<V { allSum += totals[t] }
        // Most (label, term) sums are 0 (a term occurs under few labels): then log(f + α) is log α and the
        // complement's log(max(0, total − f) + α) is the term's log(max(0, total) + α), the same for every label.
        // Both are taken once instead of per label: the same values, far fewer logs.
        let logAlpha = log(alpha)
        var logTotal = [Double](repeating: 0, count: V)
        for t in 0..<V { logTotal[t] = log(max(0, totals[t]) + alpha) }
        labelTotals.withUnsafeBufferPointer { lt in
            totals.withUnsafeBufferPointer { tot in
                logTheta.withUnsafeMutableBufferPointer { theta in
                    logComp.withUnsafeMutableBufferPointer { comp in
                        for l in 0..<L {
                            let base = l * V
                            var labelSum = 0.0
                            for t in 0..<V { labelSum += lt[base + t] }
                            let compSum = max(0, allSum - labelSum)
                            let dl = log(labelSum + alpha * Double(V)), dc = log(compSum + alpha * Double(V))
                            for t in 0..<V {
                                let f = lt[base + t]
                                if f == 0 {
                                    theta[base + t] = logAlpha - dl
                                    comp[base + t] = logTotal[t] - dc
                                } else {
                                    theta[base + t] = log(f + alpha) - dl
                                    comp[base + t] = log(max(0, tot[t] - f) + alpha) - dc
                                }
                            }
                        }
                    }
                }
            }
        }
        return LogTables(logTheta: logTheta, logComplement: logComp)
    }

    /// Fits one variant with additive smoothing `alpha`.
    func scorer(_ variant: NaiveBayesVariant, alpha: Double) -> LinearScorer {
        scorer(variant, tables: logTables(alpha: alpha))
    }

    func scorer(_ variant: NaiveBayesVariant, tables: LogTables) -> LinearScorer {
        let L = labelCount, V = featureCount
        var weights = [Double](repeating: 0, count: L * V)
        var bias = [Double](repeating: 0, count: L)
        let n = Double(documents)
        for l in 0..<L {
            let base = l * V
            let nl = Double(labelDocuments[l])
            switch variant {
            case .multinomialOneVsRest:
                for t in 0..<V { weights[t * L + l] = tables.logTheta[base + t] - tables.logComplement[base + t] }
                bias[l] = log((nl + 1) / (n - nl + 1))
            case .multinomial:
                for t in 0..<V { weights[t * L + l] = tables.logTheta[base + t] }
                bias[l] = log((nl + 1) / (n + Double(L)))
            case .complement:
                for t in 0..<V { weights[t * L + l] = -tables.logComplement[base + t] }
            case .complementNormalized:
                var s = 0.0
                for t in 0..<V { s += abs(tables.logComplement[base + t]) }
                for t in 0..<V { weights[t * L + l] = s > 0 ? -tables.logComplement[base + t] / s : 0 }
            case .logistic:
                preconditionFailure("logistic regression is fitted by LogisticRegression, not from naive Bayes statistics")
            }
        }
        if variant == .complement || variant == .complementNormalized {
            // Complement NB decides by comparing labels on the same document; centring each term's weights across
            // labels keeps that comparison and removes what all labels share (document length, common terms), so
            // one label's score also ranks documents and can be calibrated and thresholded on its own.
            for t in 0..<V {
                var mean = 0.0
                for l in 0..<L { mean += weights[t * L + l] }
                mean /= Double(L)
                for l in 0..<L { weights[t * L + l] -= mean }
            }
        }
        return LinearScorer(labelCount: L, featureCount: V, weights: weights, bias: bias)
    }
}
