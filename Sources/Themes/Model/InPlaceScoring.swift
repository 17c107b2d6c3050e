import Corpus
import Foundation

/// Scoring a document without allocating: the vector, raw scores, calibrated scores, decisions and evidence
/// candidates live in a caller-owned `ThemeModel.Scratch`. Why: tagging 100 000 short postulates is dominated by
/// per-document arrays and reference counting, not arithmetic. The arithmetic is the same, in the same order, as
/// `probabilities(_:)`, `decide(_:)` and `evidence(_:label:)` on arrays, so scores and tagged output are
/// bit-identical.
extension ThemeModel {
    /// Calibrated scores of `document` for every label (in label order), computed in `scratch`: what
    /// `probabilities(vectorizer.transform(document))` gives, without its arrays.
    public func probabilities(_ document: FieldTerms, scratch: Scratch) -> UnsafeBufferPointer<Double> {
        probabilities(vectorized: vectorizer.vectorize(document, into: scratch.vector), scratch: scratch)
    }

    /// The same for a record whose configured fields are analysed as they are read (no array of terms is built):
    /// what tagging uses.
    public func probabilities(record: Postulate, analyzer: any TermAnalyzing, scratch: Scratch) -> UnsafeBufferPointer<Double> {
        probabilities(vectorized: vectorizer.vectorize(record: record, analyzer: analyzer, into: scratch.vector), scratch: scratch)
    }

    /// Scores of the vector just left in `scratch.vector` (`n` features).
    private func probabilities(vectorized n: Int, scratch: Scratch) -> UnsafeBufferPointer<Double> {
        scratch.count = n
        return probabilities(ids: scratch.vector.ids, values: scratch.vector.tf, count: n, scratch: scratch)
    }

    /// Calibrated scores of the vector (`ids`, `values`: `n` features), in `scratch`: raw linear scores, then Platt
    /// per label (multi-label) or the softmax with the fitted temperature (single-label).
    func probabilities(ids: UnsafePointer<Int32>, values: UnsafePointer<Double>, count n: Int,
                       scratch: Scratch) -> UnsafeBufferPointer<Double> {
        let L = scorer.labelCount
        scratch.reserve(labels: max(L, labels.count) + 1)
        let raw = scratch.raw, p = scratch.probabilities
        scorer.scores(ids: ids, values: values, count: n, into: raw)
        switch mode {
        case .multiLabel:
            let m = min(L, platt.count)
            platt.withUnsafeBufferPointer { platt in
                for l in 0..<m { p[l] = platt[l].probability(raw[l]) }
            }
            scratch.gated = false
            if let support {
                supportValues(ids: ids, values: values, count: n, support: support, into: scratch.support)
                scratch.gated = true
            }
            return UnsafeBufferPointer(start: p, count: m)
        case .singleLabel:
            scratch.gated = false
            (temperature ?? TemperatureScaling(k: 1)).probabilities(UnsafeBufferPointer(start: raw, count: L), into: p)
            return UnsafeBufferPointer(start: p, count: L)
        }
    }

    /// Every label's `EvidenceSupport.support` of the vector (`ids`, `values`: `n` features), into `out`.
    func supportValues(ids: UnsafePointer<Int32>, values: UnsafePointer<Double>, count n: Int, support: EvidenceSupport,
                       into out: UnsafeMutablePointer<Double>) {
        let L = scorer.labelCount, centre = !variant.isPerLabelBinary && L > 1
        scorer.weights.withUnsafeBufferPointer { w in
            support.labelDocumentFrequency.withUnsafeBufferPointer { labelDF in
                vectorizer.documentFrequency.withUnsafeBufferPointer { df in
                    for l in 0..<L {
                        out[l] = EvidenceSupport.support(ids: ids, values: values, count: n, label: l, weights: w, stride: L,
                                                         centre: centre, labelDF: labelDF, df: df,
                                                         rate: support.baseRate[l], prior: support.prior,
                                                         dominantShare: support.dominantShare)
                    }
                }
            }
        }
    }

    /// `decide` of the document just scored in `scratch` (scores `p`), with the support gate when the model has
    /// one: a label whose support is below the minimum counts as scoring −1 (it neither passes its threshold nor
    /// is the fallback).
    func decideGated(_ p: UnsafeBufferPointer<Double>, scratch: Scratch) -> Int {
        guard let support, scratch.gated else { return decide(p, scratch: scratch) }
        let masked = scratch.masked
        for l in 0..<p.count { masked[l] = scratch.support[l] >= support.minimum ? p[l] : -1 }
        return decide(UnsafeBufferPointer(start: masked, count: p.count), scratch: scratch)
    }

    /// `decide(_:)` into `scratch.assigned` (label indices, ascending); returns how many.
    func decide(_ p: UnsafeBufferPointer<Double>, scratch: Scratch) -> Int {
        let L = p.count
        guard L > 0 else { return 0 }
        scratch.reserve(labels: L)
        let out = scratch.assigned
        switch mode {
        case .singleLabel:
            var best = 0
            for l in 1..<L where p[l] > p[best] { best = l }
            out[0] = best
            return 1
        case .multiLabel:
            let ratio = scratch.ratio
            var passing = 0
            thresholds.withUnsafeBufferPointer { th in
                for l in 0..<L where p[l] >= th[l] { out[passing] = l; passing += 1 }
            }
            // Score ÷ threshold only matters when nothing passes (fallback) or too many do: the divisions are
            // skipped otherwise.
            guard passing == 0 || (maxLabels > 0 && passing > maxLabels) else { return passing }
            thresholds.withUnsafeBufferPointer { th in
                for l in 0..<L { ratio[l] = th[l] > 0 ? p[l] / th[l] : .infinity }
            }
            if passing == 0 {
                var best = 0
                for l in 0..<L where ratio[l] > ratio[best] { best = l }
                if ratio[best] >= fallbackRatio { out[0] = best; return 1 }
                return 0
            }
            // The maxLabels furthest above their thresholds (ties to the lower index), then ascending.
            func before(_ a: Int, _ b: Int) -> Bool { ratio[a] != ratio[b] ? ratio[a] > ratio[b] : a < b }
            for i in 1..<passing {
                let x = out[i]
                var j = i - 1
                while j >= 0 && before(x, out[j]) { out[j + 1] = out[j]; j -= 1 }
                out[j + 1] = x
            }
            for i in 1..<maxLabels {
                let x = out[i]
                var j = i - 1
                while j >= 0 && out[j] > x { out[j + 1] = out[j]; j -= 1 }
                out[j + 1] = x
            }
            return maxLabels
        }
    }

    /// The evidence for label `l` of the document last scored in `scratch`, appended to `scratch.evidence` (see
    /// `evidence(ids:values:count:label:terms:scratch:)`).
    func evidence(scratch: Scratch, label l: Int, count: Int = ThemeModel.evidenceTerms) {
        evidence(ids: scratch.vector.ids, values: scratch.vector.tf, count: scratch.count, label: l, terms: count,
                 scratch: scratch)
    }

    /// The features of the vector (`ids`, `values`: `n` features) that pushed label `l` up most, appended to
    /// `scratch.evidence`: the label's entry (with the sum of all positive contributions, in feature order), then
    /// its top `count` terms as feature ids and contributions x_t · e_lt, strongest first (ties by term). For the
    /// one-vs-rest kinds e = w (a log-likelihood ratio, or a logistic regression weight); for the others
    /// e = w − mean over labels of w, i.e. how much the term favours this label over an average one.
    func evidence(ids: UnsafePointer<Int32>, values: UnsafePointer<Double>, count n: Int, label l: Int,
                  terms count: Int, scratch: Scratch) {
        let L = labels.count
        scratch.reserve(terms: max(count, 1))
        let terms = scratch.terms, weights = scratch.weights
        let centre = !variant.isPerLabelBinary && L > 1
        let stride = scorer.labelCount
        let vocabulary = vectorizer.vocabulary
        // The `count` strongest kept in order as the features come (highest contribution first, ties by term: a
        // total order, so the same terms as sorting all of them), and the total of the positive contributions in
        // feature order. Why not sort them all: the sort's mispredicted comparisons cost more than the scoring.
        var total = 0.0, kept = 0
        scorer.weights.withUnsafeBufferPointer { w in
            for i in 0..<n {
                let t = Int(ids[i])
                let c = values[i] * EvidenceSupport.termEffect(w, term: t, label: l, stride: stride, centre: centre, labels: L)
                guard c > 0 else { continue }
                total += c
                guard count > 0 else { continue }
                @inline(__always) func stronger(_ j: Int) -> Bool {
                    c != weights[j] ? c > weights[j] : vocabulary[t] < vocabulary[Int(terms[j])]
                }
                if kept == count && !stronger(count - 1) { continue }
                var j = kept < count ? kept : count - 1
                if kept < count { kept += 1 }
                while j > 0 && stronger(j - 1) { terms[j] = terms[j - 1]; weights[j] = weights[j - 1]; j -= 1 }
                terms[j] = Int32(t); weights[j] = c
            }
        }
        scratch.appendEvidence(ThemePrediction.EvidenceTerm(label: Int32(l), feature: -1, weight: total))
        for i in 0..<kept {
            scratch.appendEvidence(ThemePrediction.EvidenceTerm(label: Int32(l), feature: terms[i], weight: weights[i]))
        }
    }
}
