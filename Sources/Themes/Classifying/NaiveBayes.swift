import Foundation

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
    func scorer(_ variant: ClassifierKind, alpha: Double) -> LinearScorer {
        scorer(variant, tables: logTables(alpha: alpha))
    }

    func scorer(_ variant: ClassifierKind, tables: LogTables) -> LinearScorer {
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
