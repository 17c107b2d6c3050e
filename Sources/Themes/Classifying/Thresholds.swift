/// Per-label decision thresholds chosen on held-out probabilities to maximise that label's F1.
///
/// Why per label: a rare label's calibrated probability rarely reaches 0.5 even when it is the right one; the
/// F1-optimal cut differs by label. The threshold is placed midway between the two held-out probabilities that
/// bound the best cut, so it does not sit on a training point.
enum ThresholdSearch {
    /// The F1-optimal threshold for one label and that F1. With no positive example the threshold is above 1
    /// (the label is never assigned).
    static func best(probabilities: [Double], positives: [Bool]) -> (threshold: Double, f1: Double) {
        let nPos = positives.filter { $0 }.count
        guard nPos > 0 else { return (1.01, 0) }
        let order = probabilities.indices.sorted {
            probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1
        }
        var tp = 0, fp = 0
        var bestF1 = -1.0, bestCut = 1.01
        var i = 0
        while i < order.count {
            // every document tied at this probability goes in together
            let p = probabilities[order[i]]
            var j = i
            while j < order.count && probabilities[order[j]] == p {
                if positives[order[j]] { tp += 1 } else { fp += 1 }
                j += 1
            }
            let f1 = 2 * Double(tp) / Double(tp + fp + nPos)
            if f1 > bestF1 {
                bestF1 = f1
                let next = j < order.count ? probabilities[order[j]] : 0
                bestCut = (p + next) / 2
            }
            i = j
        }
        return (bestCut, bestF1)
    }
}
