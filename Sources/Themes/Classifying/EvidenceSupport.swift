/// Whether a label is carried by one generic word: "organizacja", "klub", "numer" must not carry a theme on
/// their own.
///
/// Why: a linear scorer adds up each word's push, so one word that leans towards a theme in the training data
/// (half the training records with "organizacja" are about NGOs cooperating) can lift a title such as "Organizacja
/// występu zespołu" over the threshold alone. A word that is nearly always that theme ("oświetlenie", "senior",
/// "zabawa") may; a word that is as often something else may not, unless other words back it.
/// The specificity of term t for label l is the share of training documents holding t that carry l, pulled
/// towards l's base rate π_l by `prior` pseudo-documents:
///   spec(t, l) = (n_tl + prior · π_l) / (n_t + prior)
/// (n_t: training documents holding t — every labelled record, "no theme" ones included —, n_tl: those with l).
/// A label is *carried by one term* in a document when that term's positive contribution c_t = x_t · e_tl (the
/// contributions `evidence` lists) is at least `dominantShare` of all its positive contributions. The label's
/// support is then spec(t, l) of that term, else 1 (several words carry it, or none: nothing to refuse):
/// a label whose support is below `minimum` is not assigned, whatever its score. The trainer chooses `minimum` by
/// the same inner cross-validation as the thresholds (0: no gate, and then the model stores none).
/// The counts are stored (integers; the specificities are derived), so a model says why a term is generic.
public struct EvidenceSupport: Codable, Sendable, Equatable {
    /// Pseudo-documents of the prior (how many documents a term needs before its own label share counts).
    public var prior: Double
    /// The least support an assigned label needs (the least specificity of a term that carries it alone).
    public var minimum: Double
    /// The share of a label's positive evidence from which one term carries the label.
    public var dominantShare: Double
    /// Share of training documents carrying each label, in label order (π_l).
    public var baseRate: [Double]
    /// Training documents holding feature t and carrying label l: `labelDocumentFrequency[t · L + l]`.
    public var labelDocumentFrequency: [Int]

    /// Pseudo-documents of the prior the trainer uses.
    public static let defaultPrior = 2.0
    /// A term carries a label alone from half its positive evidence (a majority of it).
    public static let defaultDominantShare = 0.5
    /// Support minimums the trainer tries (0: no gate).
    static let minimums: [Double] = [0, 0.5, 0.6, 0.7, 0.8, 0.9]

    public init(prior: Double, minimum: Double, dominantShare: Double, baseRate: [Double], labelDocumentFrequency: [Int]) {
        self.prior = prior; self.minimum = minimum; self.dominantShare = dominantShare; self.baseRate = baseRate
        self.labelDocumentFrequency = labelDocumentFrequency
    }

    /// spec(t, l) for a feature held by `documentFrequency` training documents, `labelDocuments` of them with l.
    @inline(__always)
    static func specificity(labelDocuments: Int, documentFrequency: Int, baseRate: Double, prior: Double) -> Double {
        (Double(labelDocuments) + prior * baseRate) / (Double(documentFrequency) + prior)
    }

    /// Term t's weight for label l, less its mean over the labels when the scorer is centred (a softmax's
    /// weights say something only relative to the other labels'): what a term contributes per unit of its value.
    /// The one rule for evidence (`InPlaceScoring`) and support alike.
    @inline(__always)
    static func termEffect(_ w: UnsafeBufferPointer<Double>, term t: Int, label l: Int, stride: Int, centre: Bool,
                           labels: Int? = nil) -> Double {
        var e = w[t * stride + l]
        if centre {
            let L = labels ?? stride
            var mean = 0.0
            for j in 0..<L { mean += w[t * stride + j] }
            e -= mean / Double(L)
        }
        return e
    }

    /// support(l) of the vector (`ids`, `values`: `n` features) under a scorer's weights (`weights`, term-major
    /// with `stride` labels; centred across labels as `evidence` centres them when `centre`), with the label
    /// counts `labelDF` (t · L + l), document frequencies `df` and base rate `rate` of label l: the specificity
    /// of the term carrying at least `dominantShare` of the label's positive evidence, else 1. The strongest term
    /// is the one `evidence` lists first (ties: the lower feature id, i.e. the term first in sorting). The one
    /// computation: training's out-of-fold support and tagging's both call it.
    @inline(__always)
    static func support(ids: UnsafePointer<Int32>, values: UnsafePointer<Double>, count n: Int, label l: Int,
                        weights w: UnsafeBufferPointer<Double>, stride: Int, centre: Bool,
                        labelDF: UnsafeBufferPointer<Int>, df: UnsafeBufferPointer<Int>, rate: Double, prior: Double,
                        dominantShare: Double) -> Double {
        var total = 0.0, top = 0.0, topTerm = -1
        for i in 0..<n {
            let t = Int(ids[i])
            let c = values[i] * termEffect(w, term: t, label: l, stride: stride, centre: centre)
            guard c > 0 else { continue }
            total += c
            if c > top { top = c; topTerm = t }
        }
        guard topTerm >= 0, top >= dominantShare * total else { return 1 }
        return specificity(labelDocuments: labelDF[topTerm * stride + l], documentFrequency: df[topTerm],
                           baseRate: rate, prior: prior)
    }
}
