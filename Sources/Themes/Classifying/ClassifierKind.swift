import Foundation

/// The kinds of linear classifier the trainer measures (and chooses between by cross-validation): four naive Bayes
/// variants and, as their discriminative counterpart, logistic regression (see `LogisticRegression`). The raw
/// values are what a model file stores under `variant` (and `train --variants` takes), unchanged.
///
/// All are linear in the TF-IDF vector x: score_l(x) = bias_l + Σ_t x_t · w_lt, so one scorer type serves them all.
/// θ_l is the smoothed term distribution of the documents with label l, θ_¬l of the documents without it (its
/// complement), α the additive smoothing.
public enum ClassifierKind: String, Codable, CaseIterable, Sendable {
    /// One-vs-rest multinomial NB: w = log θ_l − log θ_¬l, bias = prior log-odds. A binary NB per label: the natural
    /// multi-label model, and its weights are directly the per-term evidence.
    case multinomialOneVsRest = "multinomial-ovr"
    /// Multi-class multinomial NB (scikit-learn's MultinomialNB): w = log θ_l, bias = log prior.
    case multinomial = "multinomial"
    /// Complement NB (Rennie et al. 2003; scikit-learn's ComplementNB): w = −log θ_¬l, no prior, then centred
    /// across labels per term (which leaves the arg-max unchanged). Estimates from the (larger) complement, which
    /// helps small, unbalanced labels.
    case complement = "complement"
    /// Complement NB with Rennie's weight normalisation: w = −log θ_¬l / Σ_t |log θ_¬l,t|.
    case complementNormalized = "complement-normalized"
    /// L2-regularised logistic regression per label (one-vs-rest), fitted on the same vectors; `alpha` holds its
    /// penalty C. Like one-vs-rest NB, its weights are directly each term's evidence for the label.
    case logistic = "logistic"

    /// Whether this is one of the naive Bayes variants (fitted from counts; `logistic` is fitted by L-BFGS).
    public var isNaiveBayes: Bool { self != .logistic }

    /// The kinds that make sense for a mode (multinomial multi-class needs exactly one label per document).
    public static func candidates(for mode: LabelMode) -> [ClassifierKind] {
        switch mode {
        case .multiLabel: return [.multinomialOneVsRest, .complement, .complementNormalized, .logistic]
        case .singleLabel: return [.multinomial, .complement, .complementNormalized, .multinomialOneVsRest, .logistic]
        }
    }

    /// Whether each label's weights are a binary model's own evidence (no comparison with the other labels needed).
    public var isPerLabelBinary: Bool { self == .multinomialOneVsRest || self == .logistic }
}
