/// Precision, recall and F1 of one label.
public struct LabelMetrics: Sendable, Equatable {
    public var label: String
    /// Gold documents with the label.
    public var support: Int
    public var predictedCount: Int
    public var truePositives: Int
    public var precision: Double { predictedCount == 0 ? 0 : Double(truePositives) / Double(predictedCount) }
    public var recall: Double { support == 0 ? 0 : Double(truePositives) / Double(support) }
    public var f1: Double {
        support + predictedCount == 0 ? 0 : 2 * Double(truePositives) / Double(support + predictedCount)
    }
}

/// A frequent mistake: gold label (or "(none)") taken for a predicted label (or "(none)").
public struct Confusion: Sendable, Equatable {
    public var gold: String
    public var predicted: String
    public var count: Int
}

/// The figures of an evaluation. Macro-F1 averages the labels that occur in the gold data (a label absent from the
/// gold set has no defined recall); micro-F1 pools every decision.
public struct EvaluationReport: Sendable, Equatable {
    public var documents: Int
    public var perLabel: [LabelMetrics]
    public var microF1: Double
    public var macroF1: Double
    /// Documents whose predicted set equals the gold set.
    public var exactMatch: Double
    public var confusions: [Confusion]

    public static let none = "(none)"

    /// - Parameters: gold and predicted label indices per document; `labels` names them.
    public static func compute(gold: [[Int]], predicted: [[Int]], labels: [String], topConfusions: Int = 10) -> EvaluationReport {
        precondition(gold.count == predicted.count)
        let L = labels.count
        var support = [Int](repeating: 0, count: L), pred = [Int](repeating: 0, count: L), tp = [Int](repeating: 0, count: L)
        var confusion: [String: Int] = [:]
        var exact = 0
        for (g, p) in zip(gold, predicted) {
            if g == p { exact += 1 }
            for l in g { support[l] += 1 }
            for l in p { pred[l] += 1; if g.contains(l) { tp[l] += 1 } }
            guard g != p, topConfusions > 0 else { continue }
            let missed = g.filter { !p.contains($0) }, wrong = p.filter { !g.contains($0) }
            let missedNames = missed.isEmpty ? (wrong.isEmpty ? [] : [none]) : missed.map { labels[$0] }
            let wrongNames = wrong.isEmpty ? (missed.isEmpty ? [] : [none]) : wrong.map { labels[$0] }
            for m in missedNames { for w in wrongNames { confusion[m + "\u{1}" + w, default: 0] += 1 } }
        }
        let per = (0..<L).map { LabelMetrics(label: labels[$0], support: support[$0], predictedCount: pred[$0], truePositives: tp[$0]) }
        let present = per.filter { $0.support > 0 }
        let macro = present.isEmpty ? 0 : present.map(\.f1).reduce(0, +) / Double(present.count)
        let sTP = tp.reduce(0, +), sSupport = support.reduce(0, +), sPred = pred.reduce(0, +)
        let micro = sSupport + sPred == 0 ? 0 : 2 * Double(sTP) / Double(sSupport + sPred)
        var conf = confusion.map { kv -> Confusion in
            let parts = kv.key.split(separator: "\u{1}", omittingEmptySubsequences: false)
            return Confusion(gold: String(parts[0]), predicted: String(parts[1]), count: kv.value)
        }
        conf.sort { $0.count != $1.count ? $0.count > $1.count : ($0.gold, $0.predicted) < ($1.gold, $1.predicted) }
        return EvaluationReport(documents: gold.count, perLabel: per, microF1: micro, macroF1: macro,
                                exactMatch: gold.isEmpty ? 0 : Double(exact) / Double(gold.count),
                                confusions: Array(conf.prefix(topConfusions)))
    }
}
