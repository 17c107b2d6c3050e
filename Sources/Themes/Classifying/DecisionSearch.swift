/// Fast scoring of decision rules on out-of-fold probabilities (no per-document allocation), so the trainer can
/// try every rule on 100 000 documents in well under a second.
enum DecisionSearch {
    /// Macro-F1 of single-label predictions over the labels present in `gold`.
    static func macroF1(gold: [Int], predicted: [Int], labelCount L: Int) -> Double {
        var support = [Int](repeating: 0, count: L), pred = [Int](repeating: 0, count: L), tp = [Int](repeating: 0, count: L)
        for (g, p) in zip(gold, predicted) {
            support[g] += 1; pred[p] += 1
            if g == p { tp[g] += 1 }
        }
        return macro(support: support, predicted: pred, truePositives: tp)
    }

    static func macro(support: [Int], predicted: [Int], truePositives: [Int]) -> Double {
        var sum = 0.0, count = 0
        for l in support.indices where support[l] > 0 {
            sum += 2 * Double(truePositives[l]) / Double(support[l] + predicted[l]); count += 1
        }
        return count == 0 ? 0 : sum / Double(count)
    }

    /// The multi-label rule (label cap 0 = none, 3, 2, 1; fallback ratio never, 0.95 … 0) with the best macro-F1,
    /// applying exactly `ThemeModel.decide`. Ties keep the earlier rule, so "no cap" and "never fall back" (an
    /// explicit "no theme") win unless the alternative really helps.
    static func bestRule(probabilities p: [Double], thresholds: [Double], gold: [[Int]], labelCount L: Int) -> (Int, Double) {
        let n = gold.count
        // per document: labels by score ÷ threshold, descending (ties: lower index first), and the best ratio
        var order = [Int](repeating: 0, count: n * L)
        var bestRatio = [Double](repeating: 0, count: n)
        var ratio = [Double](repeating: 0, count: L)
        var idx = Array(0..<L)
        for r in 0..<n {
            for l in 0..<L { ratio[l] = thresholds[l] > 0 ? p[r * L + l] / thresholds[l] : .infinity }
            idx = Array(0..<L)
            idx.sort { ratio[$0] != ratio[$1] ? ratio[$0] > ratio[$1] : $0 < $1 }
            for j in 0..<L { order[r * L + j] = idx[j] }
            bestRatio[r] = ratio[idx[0]]
        }
        var isGold = [Bool](repeating: false, count: n * L)
        var support = [Int](repeating: 0, count: L)
        for (r, g) in gold.enumerated() { for l in g { isGold[r * L + l] = true; support[l] += 1 } }
        var best = (0, 2.0), bestF1 = -1.0
        var pred = [Int](repeating: 0, count: L), tp = [Int](repeating: 0, count: L)
        for cap in [0, 3, 2, 1] {
            for step in stride(from: 21, through: 0, by: -1) {
                let fallback = step == 21 ? 2.0 : Double(step) / 20
                for l in 0..<L { pred[l] = 0; tp[l] = 0 }
                for r in 0..<n {
                    var taken = 0
                    for j in 0..<L {
                        let l = order[r * L + j]
                        guard p[r * L + l] >= thresholds[l] else { continue }
                        if cap > 0 && taken == cap { break }
                        taken += 1
                        pred[l] += 1; if isGold[r * L + l] { tp[l] += 1 }
                    }
                    if taken == 0 && bestRatio[r] >= fallback {
                        let l = order[r * L]
                        pred[l] += 1; if isGold[r * L + l] { tp[l] += 1 }
                    }
                }
                let f1 = macro(support: support, predicted: pred, truePositives: tp)
                if f1 > bestF1 + 1e-12 { bestF1 = f1; best = (cap, fallback) }
            }
        }
        return best
    }
}
