import Foundation

/// Platt scaling: p = σ(a·s + b), fitted on held-out (out-of-fold) scores, so a score of 0.8 means "about 80 % of
/// postulates scored like this carry the label". Uses Platt's smoothed targets and Newton's method with
/// backtracking (Lin, Lin & Weng 2007), which is stable even when the classes separate perfectly.
public struct PlattScaling: Codable, Sendable, Equatable {
    public var a: Double
    public var b: Double

    public init(a: Double, b: Double) { self.a = a; self.b = b }

    public func probability(_ s: Double) -> Double { sigmoid(a * s + b) }

    public static func fit(scores: [Double], positives: [Bool]) -> PlattScaling {
        let nPos = Double(positives.filter { $0 }.count), nNeg = Double(positives.count) - nPos
        guard nPos > 0, nNeg > 0 else { return PlattScaling(a: 0, b: nPos > 0 ? 20 : -20) }
        let hi = (nPos + 1) / (nPos + 2), lo = 1 / (nNeg + 2)
        let target = positives.map { $0 ? hi : lo }
        var a = 0.0, b = log((nPos + 1) / (nNeg + 1))
        func loss(_ a: Double, _ b: Double) -> Double {
            var f = 0.0
            for (s, t) in zip(scores, target) {
                let z = a * s + b
                // −[t·log σ(z) + (1−t)·log(1−σ(z))], computed stably
                f += z >= 0 ? t * log1p(exp(-z)) + (1 - t) * (z + log1p(exp(-z)))
                            : t * (-z + log1p(exp(z))) + (1 - t) * log1p(exp(z))
            }
            return f
        }
        var fval = loss(a, b)
        for _ in 0..<100 {
            var h11 = 1e-12, h22 = 1e-12, h21 = 0.0, g1 = 0.0, g2 = 0.0
            for (s, t) in zip(scores, target) {
                let p = sigmoid(a * s + b)
                let d2 = p * (1 - p), d1 = p - t
                h11 += s * s * d2; h22 += d2; h21 += s * d2
                g1 += s * d1; g2 += d1
            }
            if abs(g1) < 1e-9 && abs(g2) < 1e-9 { break }
            let det = h11 * h22 - h21 * h21
            guard det != 0 else { break }
            let da = -(h22 * g1 - h21 * g2) / det, db = -(-h21 * g1 + h11 * g2) / det
            let gd = g1 * da + g2 * db
            var step = 1.0, moved = false
            while step >= 1e-10 {
                let na = a + step * da, nb = b + step * db
                let nf = loss(na, nb)
                if nf < fval + 1e-4 * step * gd { a = na; b = nb; fval = nf; moved = true; break }
                step /= 2
            }
            if !moved { break }
        }
        return PlattScaling(a: a, b: b)
    }
}

/// Temperature scaling for single-label models: p = softmax(k·s). One parameter, fitted by minimising the log loss
/// of the held-out scores, so the most likely label keeps its rank and the probabilities become honest.
public struct TemperatureScaling: Codable, Sendable, Equatable {
    public var k: Double

    public init(k: Double) { self.k = k }

    public func probabilities(_ s: [Double]) -> [Double] {
        guard !s.isEmpty else { return [] }
        return [Double](unsafeUninitializedCapacity: s.count) { p, n in
            s.withUnsafeBufferPointer { probabilities($0, into: p.baseAddress!) }
            n = s.count
        }
    }

    /// softmax(k·s) into `p` (`s.count` values): the one computation, which tagging runs in place. The maximum is
    /// subtracted first (no overflow); the sum is taken in label order.
    func probabilities(_ s: UnsafeBufferPointer<Double>, into p: UnsafeMutablePointer<Double>) {
        let L = s.count
        guard L > 0 else { return }
        var m = s[0]
        for l in 1..<L where m < s[l] { m = s[l] }
        var z = 0.0
        for l in 0..<L { p[l] = exp(k * (s[l] - m)); z += p[l] }
        for l in 0..<L { p[l] /= z }
    }

    public static func fit(scores: [[Double]], gold: [Int]) -> TemperatureScaling {
        func nll(_ k: Double) -> Double {
            var f = 0.0
            for (s, g) in zip(scores, gold) {
                guard let m = s.max() else { continue }
                var z = 0.0
                for v in s { z += exp(k * (v - m)) }
                f += log(z) - k * (s[g] - m)
            }
            return f
        }
        // Golden-section search on log k: the log loss is convex in k.
        var lo = -12.0, hi = 12.0
        let r = (5.0.squareRoot() - 1) / 2
        var x1 = hi - r * (hi - lo), x2 = lo + r * (hi - lo)
        var f1 = nll(exp(x1)), f2 = nll(exp(x2))
        for _ in 0..<60 {
            if f1 < f2 { hi = x2; x2 = x1; f2 = f1; x1 = hi - r * (hi - lo); f1 = nll(exp(x1)) }
            else { lo = x1; x1 = x2; f1 = f2; x2 = lo + r * (hi - lo); f2 = nll(exp(x2)) }
        }
        return TemperatureScaling(k: exp((lo + hi) / 2))
    }
}

@inline(__always) func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }
