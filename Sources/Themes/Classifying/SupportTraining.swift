/// The training side of `EvidenceSupport`: the label–document counts, and each training row's support for every
/// label as the fold model that did not see the row computes it (the counts, base rates and weights of the other
/// folds only), so the gate's minimum is chosen on supports a new document would get.
enum SupportTraining {
    /// Documents holding each feature (`df[t]`) and each feature with each label (`labelDF[t · L + l]`) among
    /// `rows`, and each label's documents.
    static func counts(x: [SparseVector], labels y: [[Int]], rows: some Sequence<Int>, labelCount L: Int,
                       featureCount V: Int) -> (df: [Int], labelDF: [Int], labelDocuments: [Int]) {
        var df = [Int](repeating: 0, count: V), labelDF = [Int](repeating: 0, count: V * L)
        var labelDocuments = [Int](repeating: 0, count: L)
        for r in rows {
            for l in y[r] { labelDocuments[l] += 1 }
            for t in x[r].indices {
                df[Int(t)] += 1
                for l in y[r] { labelDF[Int(t) * L + l] += 1 }
            }
        }
        return (df, labelDF, labelDocuments)
    }

    /// The model's gate: the counts of every training row and the chosen minimum.
    static func support(x: [SparseVector], labels y: [[Int]], labelCount L: Int, featureCount V: Int,
                        minimum: Double) -> EvidenceSupport {
        let c = counts(x: x, labels: y, rows: x.indices, labelCount: L, featureCount: V)
        return EvidenceSupport(prior: EvidenceSupport.defaultPrior, minimum: minimum,
                               dominantShare: EvidenceSupport.defaultDominantShare,
                               baseRate: c.labelDocuments.map { Double($0) / Double(max(x.count, 1)) },
                               labelDocumentFrequency: c.labelDF)
    }

    /// Out-of-fold support of every row and label (`[r · L + l]`): row r under the counts of the rows outside its
    /// fold and that fold's scorer.
    static func outOfFold(x: [SparseVector], labels y: [[Int]], labelCount L: Int, featureCount V: Int,
                          rowsOf: [[Int]], scorers: [LinearScorer], centre: Bool) -> [Double] {
        let n = x.count
        let total = counts(x: x, labels: y, rows: 0..<n, labelCount: L, featureCount: V)
        var out = [Double](repeating: 0, count: n * L)
        for (f, rows) in rowsOf.enumerated() where !rows.isEmpty {
            let held = counts(x: x, labels: y, rows: rows, labelCount: L, featureCount: V)
            let df = zip(total.df, held.df).map { $0 - $1 }
            let labelDF = zip(total.labelDF, held.labelDF).map { $0 - $1 }
            let trainingRows = Double(max(n - rows.count, 1))
            let rate = zip(total.labelDocuments, held.labelDocuments).map { Double($0 - $1) / trainingRows }
            scorers[f].weights.withUnsafeBufferPointer { w in
                labelDF.withUnsafeBufferPointer { labelDF in
                    df.withUnsafeBufferPointer { df in
                        for r in rows {
                            x[r].indices.withUnsafeBufferPointer { ids in
                                x[r].values.withUnsafeBufferPointer { values in
                                    guard let i = ids.baseAddress, let v = values.baseAddress else { return }
                                    for l in 0..<L {
                                        out[r * L + l] = EvidenceSupport.support(
                                            ids: i, values: v, count: ids.count, label: l, weights: w, stride: L,
                                            centre: centre, labelDF: labelDF, df: df, rate: rate[l],
                                            prior: EvidenceSupport.defaultPrior,
                                            dominantShare: EvidenceSupport.defaultDominantShare)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
