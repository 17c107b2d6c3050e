/// Tagging's scoring kernel: the rows of the weights a document touches, loaded together, then summed four labels at
/// a time. (The linear model itself is `Classifying/LinearScorer.swift`.)
extension LinearScorer {
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
}
