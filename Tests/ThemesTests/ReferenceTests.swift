import Corpus
import XCTest
@testable import Themes

/// The one copy of each prediction rule (in place, `InPlaceScoring.swift`) against the plain array versions it
/// replaced, kept here as references (as Similarity's `bruteForceScores` is): calibrated probabilities bit for bit,
/// the decision rule, and the evidence terms with their total.
final class ReferenceTests: XCTestCase {
    /// The scores the scalar way: bias, then each feature's products in feature order.
    static func referenceScores(_ s: LinearScorer, _ x: SparseVector) -> [Double] {
        var out = s.bias
        for (t, v) in zip(x.indices, x.values) {
            for l in 0..<s.labelCount { out[l] += v * s.weights[Int(t) * s.labelCount + l] }
        }
        return out
    }

    static func referenceProbabilities(_ m: ThemeModel, _ x: SparseVector) -> [Double] {
        let raw = referenceScores(m.scorer, x)
        switch m.mode {
        case .multiLabel: return zip(raw, m.platt).map { $1.probability($0) }
        case .singleLabel:
            guard let top = raw.max() else { return [] }
            let k = (m.temperature ?? TemperatureScaling(k: 1)).k
            let e = raw.map { exp(k * ($0 - top)) }
            let z = e.reduce(0, +)
            return e.map { $0 / z }
        }
    }

    static func referenceDecide(_ m: ThemeModel, _ p: [Double]) -> [Int] {
        let L = p.count
        guard L > 0 else { return [] }
        if m.mode == .singleLabel {
            var best = 0
            for l in 1..<L where p[l] > p[best] { best = l }
            return [best]
        }
        let ratio = (0..<L).map { m.thresholds[$0] > 0 ? p[$0] / m.thresholds[$0] : .infinity }
        var passed = (0..<L).filter { p[$0] >= m.thresholds[$0] }
        if passed.isEmpty {
            var best = 0
            for l in 0..<L where ratio[l] > ratio[best] { best = l }
            return ratio[best] >= m.fallbackRatio ? [best] : []
        }
        if m.maxLabels > 0 && passed.count > m.maxLabels {
            passed.sort { ratio[$0] != ratio[$1] ? ratio[$0] > ratio[$1] : $0 < $1 }
            passed = Array(passed.prefix(m.maxLabels)).sorted()
        }
        return passed
    }

    static func referenceEvidence(_ m: ThemeModel, _ x: SparseVector, label l: Int) -> ([TermContribution], Double) {
        let L = m.labels.count
        var out: [TermContribution] = []
        for (t, v) in zip(x.indices, x.values) {
            var e = m.scorer.weight(feature: Int(t), label: l)
            if !m.variant.isPerLabelBinary && L > 1 {
                var mean = 0.0
                for j in 0..<L { mean += m.scorer.weight(feature: Int(t), label: j) }
                e -= mean / Double(L)
            }
            let c = v * e
            if c > 0 { out.append(TermContribution(term: m.vectorizer.vocabulary[Int(t)], weight: c)) }
        }
        var total = 0.0
        for c in out { total += c.weight }
        out.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        return (Array(out.prefix(ThemeModel.evidenceTerms)), total)
    }

    func testInPlaceRulesEqualTheArrayReferences() throws {
        let records = Fixtures.records(count: 120, seed: 7)
        for field in ["themes", "response_stance"] {
            for kind in [ClassifierKind.multinomialOneVsRest, .complement, .logistic] {
                var model = try Fixtures.model(field: field, records: records)
                let (vectorizer, scorer) = try ThemeTrainer.coreFit(
                    documents: records.map { model.fieldTerms(of: $0, analyzer: try Fixtures.analyzer()) },
                    labels: try LabelColumn.read(records, field: field).values, mode: model.mode,
                    options: TrainingOptions(), variant: kind, alpha: kind == .logistic ? 10 : 0.3)
                model.vectorizer = vectorizer; model.scorer = scorer; model.variant = kind
                var rng = SplitMix64(seed: 3)
                for r in records {
                    let x = vectorizer.transform(model.fieldTerms(of: r, analyzer: try Fixtures.analyzer()))
                    let p = model.probabilities(x)
                    XCTAssertEqual(p.map(\.bitPattern), Self.referenceProbabilities(model, x).map(\.bitPattern), "\(field) \(kind) \(r.id)")
                    for l in model.labels.indices {
                        let (terms, total) = model.evidence(x, label: l)
                        let (refTerms, refTotal) = Self.referenceEvidence(model, x, label: l)
                        XCTAssertEqual(terms, refTerms, "\(field) \(kind) \(r.id) label \(l)")
                        XCTAssertEqual(total.bitPattern, refTotal.bitPattern, "\(field) \(kind) \(r.id) label \(l)")
                    }
                    // The decision rule on these scores and on random ones, under every cap and fallback.
                    for cap in [0, 1, 2] {
                        for fallback in [2.0, 0.9, 0.0] {
                            model.maxLabels = cap; model.fallbackRatio = fallback
                            XCTAssertEqual(model.decide(p), Self.referenceDecide(model, p))
                            let q = p.map { _ in Double(rng.below(1000)) / 1000 }
                            XCTAssertEqual(model.decide(q), Self.referenceDecide(model, q), "\(q) cap \(cap) fallback \(fallback)")
                            let zero = p.map { _ in 0.0 }  // every ratio 0: the fallback's edge at 0
                            XCTAssertEqual(model.decide(zero), Self.referenceDecide(model, zero), "zeros cap \(cap) fallback \(fallback)")
                        }
                    }
                }
            }
        }
    }

    /// The trainer's search over decision rules applies its own fast form of the rule; the rule it picks is the
    /// earliest with the best macro-F1 when every rule is applied by `ThemeModel.decide`, the one copy.
    func testDecisionSearchPicksWhatDecideScoresBest() throws {
        var model = try Fixtures.model()
        let L = model.labels.count
        var rng = SplitMix64(seed: 11)
        for trial in 0..<20 {
            let n = 60
            model.thresholds = (0..<L).map { _ in Double(1 + rng.below(9)) / 10 }
            let p = (0..<(n * L)).map { _ in Double(rng.below(1000)) / 1000 }
            let gold: [[Int]] = (0..<n).map { _ in (0..<L).filter { _ in rng.below(3) == 0 } }
            let (cap, fallback) = DecisionSearch.bestRule(probabilities: p, thresholds: model.thresholds, gold: gold, labelCount: L)
            func f1(_ cap: Int, _ fallback: Double) -> Double {
                model.maxLabels = cap; model.fallbackRatio = fallback
                var support = [Int](repeating: 0, count: L), pred = support, tp = support
                for r in 0..<n {
                    let decided = model.decide(Array(p[(r * L)..<(r * L + L)]))
                    for l in gold[r] { support[l] += 1 }
                    for l in decided { pred[l] += 1; if gold[r].contains(l) { tp[l] += 1 } }
                }
                return DecisionSearch.macro(support: support, predicted: pred, truePositives: tp)
            }
            var best = -1.0, first: (Int, Double)?
            for c in [0, 3, 2, 1] {
                for step in stride(from: 21, through: 0, by: -1) {
                    let fb = step == 21 ? 2.0 : Double(step) / 20
                    let f = f1(c, fb)
                    if f > best + 1e-12 { best = f; first = (c, fb) }
                }
            }
            XCTAssertEqual(cap, first?.0, "trial \(trial)")
            XCTAssertEqual(fallback, first?.1, "trial \(trial)")
        }
    }
}
