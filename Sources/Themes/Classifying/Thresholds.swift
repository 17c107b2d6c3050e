/// Per-label decision thresholds chosen on held-out probabilities to maximise that label's F1.
///
/// Why per label: a rare label's calibrated probability rarely reaches 0.5 even when it is the right one; the
/// F1-optimal cut differs by label. The threshold is placed midway between the two held-out probabilities that
/// bound the best cut, so it does not sit on a training point.
enum ThresholdSearch {
    /// The F1-optimal threshold for one label and that F1. With no positive example the threshold is above 1
    /// (the label is never assigned).
    static func best(probabilities: [Double], positives: [Bool]) -> (threshold: Double, f1: Double) {
        let nPos = positives.reduce(0) { $0 + ($1 ? 1 : 0) }
        guard nPos > 0 else { return (1.01, 0) }
        var pairs = zip(probabilities, positives).map { Pair(value: $0, positive: $1) }
        pairs.sort { $0.value > $1.value }
        var tp = 0, fp = 0
        var bestF1 = -1.0, bestCut = 1.01
        var i = 0
        while i < pairs.count {
            // every document tied at this value goes in together
            let p = pairs[i].value
            var j = i
            while j < pairs.count && pairs[j].value == p {
                if pairs[j].positive { tp += 1 } else { fp += 1 }
                j += 1
            }
            let f1 = 2 * Double(tp) / Double(tp + fp + nPos)
            if f1 > bestF1 {
                bestF1 = f1
                let next = j < pairs.count ? pairs[j].value : min(0, p - 1)
                bestCut = (p + next) / 2
            }
            i = j
        }
        return (bestCut, bestF1)
    }

    /// The best F1 over cuts at `bins` equal-width steps of the value range: O(n), for comparing candidate models
    /// on large training sets, where the exact search would sort every column of every candidate.
    static func approximateBestF1(values: UnsafeBufferPointer<Double>, step: Int, offset: Int, count n: Int,
                                  positives: [Bool], bins: Int = 4096) -> Double {
        var lo = Double.infinity, hi = -Double.infinity
        for r in 0..<n { let v = values[r * step + offset]; lo = min(lo, v); hi = max(hi, v) }
        var pos = [Int](repeating: 0, count: bins), neg = [Int](repeating: 0, count: bins)
        let scale = hi > lo ? Double(bins - 1) / (hi - lo) : 0
        var nPos = 0
        for r in 0..<n {
            let b = Int((values[r * step + offset] - lo) * scale)
            if positives[r] { pos[b] += 1; nPos += 1 } else { neg[b] += 1 }
        }
        guard nPos > 0 else { return 0 }
        var tp = 0, fp = 0, best = 0.0
        for b in stride(from: bins - 1, through: 0, by: -1) {
            tp += pos[b]; fp += neg[b]
            best = max(best, 2 * Double(tp) / Double(tp + fp + nPos))
        }
        return best
    }

    private struct Pair { var value: Double; var positive: Bool }
}
