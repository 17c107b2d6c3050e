import Foundation

/// A fitted linear scorer: weights stored term-major (`weights[t * labelCount + l]`) so scoring a document is one
/// pass over its non-zeros.
public struct LinearScorer: Codable, Sendable, Equatable {
    public var labelCount: Int
    public var featureCount: Int
    public var weights: [Double]
    public var bias: [Double]

    /// The raw score of every label: `scores(_:into:)` as an array.
    public func scores(_ x: SparseVector) -> [Double] {
        var s = [Double](repeating: 0, count: labelCount)
        s.withUnsafeMutableBufferPointer { scores(x, into: $0) }
        return s
    }

    public func weight(feature t: Int, label l: Int) -> Double { weights[t * labelCount + l] }

    /// Writes the scores of `x` into `out` (labelCount values), without allocating: bias, then each feature's
    /// products added in feature order (the training's scores; `scores(ids:values:count:into:)` adds the same
    /// products in the same order, four labels at a time).
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
