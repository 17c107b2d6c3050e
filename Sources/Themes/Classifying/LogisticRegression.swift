import Foundation

/// L2-regularised logistic regression, one binary model per label, on the same TF-IDF vectors as naive Bayes.
///
/// Why next to naive Bayes: NB and logistic regression are the generative/discriminative pair of the same linear
/// model (Ng & Jordan 2002). NB counts each term's evidence independently, so a theme spread over many common words
/// (networking: "spotkanie", "współpraca", "organizacja"…) collects evidence that other themes share; logistic
/// regression fits the weights jointly and discounts terms that other features already explain. It is one more
/// candidate of the trainer's cross-validation: chosen only when its out-of-fold macro-F1 beats every NB variant.
///
/// Per label, with y_i = ±1 and z_i = w·x_i + b, it minimises Σ_i log(1 + exp(−y_i z_i)) + ‖w‖² / (2C) (the bias is
/// not penalised), by L-BFGS (10 correction pairs) with a backtracking Armijo line search, stopping when the
/// objective falls by less than 10⁻⁶ of itself (the ranking of documents no longer changes in practice) or after 100
/// iterations. The arithmetic runs in a fixed order, so the same data give the same weights, bit for bit.
/// Cost: O(iterations × non-zeros) per label and penalty, far above naive Bayes' one pass, so the trainer tries it
/// only up to `maxTrainingRows` documents.
enum LogisticRegression {
    /// Penalty values C tried by the trainer (larger C: weaker regularisation). 1000 since the seventh round of issue
    /// 15: every outer fold of the Corpora CV chose 100, the grid's edge (Benchmarks/RESULTS.md).
    static let penalties: [Double] = [1, 10, 100, 1000]
    /// Above this many training documents the trainer does not try logistic regression: its fits would take minutes
    /// where naive Bayes takes seconds, and with that much data naive Bayes' estimates are no longer the weak point.
    static let maxTrainingRows = 20_000

    /// Fits one model per label on `rows` of `x`; `positives[l][r]` tells whether row r carries label l.
    /// `sampleWeights[r]`: how much row r's loss counts (nil: 1 each).
    static func scorer(_ x: [SparseVector], rows: [Int], positives: [[Bool]], featureCount V: Int, c: Double,
                       sampleWeights: [Double]? = nil) -> LinearScorer {
        let L = positives.count
        var weights = [Double](repeating: 0, count: L * V)
        var bias = [Double](repeating: 0, count: L)
        for l in 0..<L {
            let (w, b) = fit(x, rows: rows, positive: positives[l], featureCount: V, c: c, sampleWeights: sampleWeights)
            for t in 0..<V { weights[t * L + l] = w[t] }
            bias[l] = b
        }
        return LinearScorer(labelCount: L, featureCount: V, weights: weights, bias: bias)
    }

    /// One binary model: weights (V) and bias.
    static func fit(_ x: [SparseVector], rows: [Int], positive: [Bool], featureCount V: Int, c: Double,
                    maxIterations: Int = 100, sampleWeights: [Double]? = nil) -> (weights: [Double], bias: Double) {
        let n = V + 1  // parameters: weights, then the bias
        let nPos = rows.reduce(0) { $0 + (positive[$1] ? 1 : 0) }
        var theta = [Double](repeating: 0, count: n)
        if nPos == 0 || nPos == rows.count {
            // One class only: no weights can help; the bias says "always" or "never".
            theta[V] = nPos == 0 ? -20 : 20
            return (Array(theta[0..<V]), theta[V])
        }
        if let sw = sampleWeights {
            let pos = rows.reduce(0.0) { $0 + (positive[$1] ? sw[$1] : 0) }, all = rows.reduce(0.0) { $0 + sw[$1] }
            theta[V] = log(pos / (all - pos))
        } else {
            theta[V] = log(Double(nPos) / Double(rows.count - nPos))
        }

        /// The objective and its gradient at `p`.
        func evaluate(_ p: [Double], gradient g: inout [Double]) -> Double {
            var f = 0.0
            for t in 0..<V { g[t] = p[t] / c; f += p[t] * p[t] / (2 * c) }
            g[V] = 0
            p.withUnsafeBufferPointer { w in
                g.withUnsafeMutableBufferPointer { gr in
                    for r in rows {
                        let v = x[r]
                        var s = w[V]
                        v.indices.withUnsafeBufferPointer { idx in
                            v.values.withUnsafeBufferPointer { val in
                                for i in 0..<idx.count { s += w[Int(idx[i])] * val[i] }
                            }
                        }
                        let y = positive[r] ? 1.0 : -1.0
                        let m = y * s
                        // log(1 + e^−m) and its derivative −y·σ(−m), computed without overflow.
                        let weight = sampleWeights?[r] ?? 1
                        f += weight * (m > 0 ? log1p(exp(-m)) : -m + log1p(exp(m)))
                        let d = weight * (-y / (1 + exp(m)))
                        gr[V] += d
                        v.indices.withUnsafeBufferPointer { idx in
                            v.values.withUnsafeBufferPointer { val in
                                for i in 0..<idx.count { gr[Int(idx[i])] += d * val[i] }
                            }
                        }
                    }
                }
            }
            return f
        }

        var g = [Double](repeating: 0, count: n)
        var f = evaluate(theta, gradient: &g)
        let memory = 10
        var sHistory: [[Double]] = [], yHistory: [[Double]] = [], rho: [Double] = []
        var newG = [Double](repeating: 0, count: n)
        var candidate = [Double](repeating: 0, count: n)
        let g0 = g.reduce(0) { max($0, abs($1)) }
        for iteration in 0..<maxIterations {
            let gMax = g.reduce(0) { max($0, abs($1)) }
            if gMax <= 1e-4 * max(1, g0) { break }
            // Two-loop recursion: direction d = −H·g.
            var d = g.map { -$0 }
            var alphas = [Double](repeating: 0, count: sHistory.count)
            for k in stride(from: sHistory.count - 1, through: 0, by: -1) {
                var a = 0.0
                for i in 0..<n { a += sHistory[k][i] * d[i] }
                a *= rho[k]
                alphas[k] = a
                for i in 0..<n { d[i] -= a * yHistory[k][i] }
            }
            if let s = sHistory.last, let y = yHistory.last {
                var sy = 0.0, yy = 0.0
                for i in 0..<n { sy += s[i] * y[i]; yy += y[i] * y[i] }
                let gamma = yy > 0 ? sy / yy : 1
                for i in 0..<n { d[i] *= gamma }
            } else {
                let norm = g.reduce(0) { $0 + $1 * $1 }.squareRoot()
                for i in 0..<n { d[i] /= max(norm, 1) }
            }
            for k in 0..<sHistory.count {
                var b = 0.0
                for i in 0..<n { b += yHistory[k][i] * d[i] }
                b *= rho[k]
                for i in 0..<n { d[i] += sHistory[k][i] * (alphas[k] - b) }
            }
            var gd = 0.0
            for i in 0..<n { gd += g[i] * d[i] }
            if gd >= 0 {  // not a descent direction (rounding): restart from the gradient
                sHistory.removeAll(); yHistory.removeAll(); rho.removeAll()
                d = g.map { -$0 }
                gd = -g.reduce(0) { $0 + $1 * $1 }
            }
            var step = 1.0, newF = f, accepted = false
            while step >= 1e-12 {
                for i in 0..<n { candidate[i] = theta[i] + step * d[i] }
                newF = evaluate(candidate, gradient: &newG)
                if newF <= f + 1e-4 * step * gd { accepted = true; break }
                step /= 2
            }
            if !accepted { break }
            var s = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
            var sy = 0.0
            for i in 0..<n { s[i] = candidate[i] - theta[i]; y[i] = newG[i] - g[i]; sy += s[i] * y[i] }
            swap(&theta, &candidate)
            swap(&g, &newG)
            let decrease = f - newF
            f = newF
            if sy > 1e-12 {
                sHistory.append(s); yHistory.append(y); rho.append(1 / sy)
                if sHistory.count > memory { sHistory.removeFirst(); yHistory.removeFirst(); rho.removeFirst() }
            }
            if decrease <= 1e-6 * max(1, abs(f)) && iteration > 0 { break }
        }
        return (Array(theta[0..<V]), theta[V])
    }
}
