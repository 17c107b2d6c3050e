import Corpus
import PolishText

/// A theme of the taxonomy as recorded in a model (so a model file says what its codes mean without the taxonomy).
public struct ThemeDescription: Codable, Sendable, Equatable {
    public var code: String
    public var namePL: String
    public var nameEN: String
    public var description: String
    public init(code: String, namePL: String = "", nameEN: String = "", description: String = "") {
        self.code = code; self.namePL = namePL; self.nameEN = nameEN; self.description = description
    }
}

extension ThemeDescription {
    /// The model's record of a taxonomy theme.
    public init(_ theme: Theme) {
        self.init(code: theme.code, namePL: theme.labelPL, nameEN: theme.labelEN, description: theme.descriptionPL)
    }
}

/// One candidate (classifier kind, smoothing or penalty) measured by the trainer's cross-validation, kept in the
/// model so it says why its method was chosen.
public struct CandidateScore: Codable, Sendable, Equatable {
    /// The kind of classifier (stored as `variant`, its name in the model file).
    public var variant: ClassifierKind
    /// Naive Bayes: the additive smoothing α; logistic regression: the penalty C.
    public var alpha: Double
    /// Mean over labels of the out-of-fold F1 at each label's best threshold (multi-label) or of the arg-max
    /// decision (single-label).
    public var macroF1: Double
}

/// What the model was trained on and how it was chosen.
public struct TrainingSummary: Codable, Sendable, Equatable {
    public var documents: Int
    /// Documents per label, in label order.
    public var labelDocuments: [Int]
    /// Documents without any label (multi-label) or skipped for lack of one (single-label).
    public var unlabelledDocuments: Int
    public var folds: Int
    public var seed: UInt64
    /// Out-of-fold figures of every candidate, in the order tried; the chosen one has the best macro-F1.
    public var candidates: [CandidateScore]
    /// Out-of-fold F1 of each label with the chosen method, calibration and thresholds.
    public var labelF1: [Double]

    /// Mean of `labelF1` over the labels with training documents: the out-of-fold macro-F1 of the decisions.
    public var decisionMacroF1: Double {
        let present = zip(labelF1, labelDocuments).filter { $0.1 > 0 }.map(\.0)
        return present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
    }
}

/// A trained theme (or any label) model: vectoriser, naive Bayes scorer, calibration and decision rules.
/// Immutable once trained: predicting never changes it.
public struct ThemeModel: Sendable {
    public static let formatName = "postulaty-themes-model"
    /// The newest format version: 2 stores the support gate (`support`).
    public static let formatVersion = 2
    /// Models without a support gate are written as version 1, byte for byte as before it existed.
    public static let formatVersionWithoutSupport = 1

    public var analyzer: AnalyzerConfiguration
    /// The record field the labels came from ("themes", "response_stance", "categories"…).
    public var labelField: String
    public var mode: LabelMode
    /// Label codes in weight-column order (sorted).
    public var labels: [String]
    public var taxonomy: [ThemeDescription]
    public var vectorizer: TfidfVectorizer
    /// The chosen kind of classifier (a naive Bayes variant or logistic regression; stored as `variant`).
    public var variant: ClassifierKind
    /// Naive Bayes: the additive smoothing α; logistic regression: the penalty C.
    public var alpha: Double
    public var scorer: LinearScorer
    /// Multi-label: one Platt scaling per label. Empty in single-label mode.
    public var platt: [PlattScaling]
    /// Single-label: softmax temperature. Nil in multi-label mode.
    public var temperature: TemperatureScaling?
    /// Multi-label: a label is assigned when its calibrated score ≥ its threshold.
    public var thresholds: [Double]
    /// Multi-label: at most this many labels are assigned, those furthest above their thresholds (score ÷
    /// threshold); 0 means no limit. Chosen by cross-validation: 1 when the data are in fact single-label.
    public var maxLabels: Int
    /// Multi-label: when no label passes its threshold, the label closest to its threshold is still assigned if
    /// score ÷ threshold ≥ this (chosen by cross-validation; > 1 means never: the postulate gets an explicit
    /// "no theme").
    public var fallbackRatio: Double
    public var training: TrainingSummary
    /// Multi-label: the support gate (a label carried by words not specific to it is not assigned); nil: none
    /// (single-label models, and themes models whose cross-validation chose no gate).
    public var support: EvidenceSupport? = nil

    /// How many terms `evidence` lists per label.
    public static let evidenceTerms = 5

    /// What training chose, for `eval`'s "method per model": the classifier, the vectoriser setting, the field
    /// weights, the decision rule and the support gate (e.g. "logistic α=10.0, min_df 2, bigrams,
    /// justification 1.0, max 2 labels, gate 0.5"). Why all of it: the inner cross-validation chooses each, and an
    /// outer fold's figure moves with any of them.
    public var methodDescription: String {
        let c = vectorizer.configuration
        var parts = ["\(variant.rawValue) α=\(alpha)", "min_df \(c.minDocumentFrequency)", c.bigrams ? "bigrams" : "no bigrams"]
        parts += c.fields.dropFirst().map { "\($0.field) \($0.weight)" }
        if mode == .multiLabel {
            parts.append(maxLabels == 0 ? "no label cap" : "max \(maxLabels) labels")
            if let support { parts.append("gate \(support.minimum)") }
        }
        return parts.joined(separator: ", ")
    }

    /// Refuses an analyzer whose configuration differs from the one the model was trained with.
    public func check(analyzer current: AnalyzerConfiguration) throws {
        if current.hash != analyzer.hash || current != analyzer {
            var diffs = analyzer.differences(from: current)
            if diffs.isEmpty { diffs = ["hash: \(analyzer.hash) vs \(current.hash)"] }
            throw ThemesError.analyzerMismatch(diffs)
        }
    }

    /// The text of each configured field of a record, analysed into terms.
    public func fieldTerms(of record: Postulate, analyzer: any TermAnalyzing) -> FieldTerms {
        FieldText.terms(of: record, fields: vectorizer.configuration.fields, analyzer: analyzer,
                        filter: vectorizer.configuration.textFilter)
    }

    // MARK: prediction

    /// Calibrated scores (in [0, 1]) for every label, in label order: `probabilities(ids:values:count:scratch:)`
    /// (the one computation, which tagging runs in place) as an array.
    public func probabilities(_ x: SparseVector) -> [Double] {
        let scratch = Scratch()
        return x.indices.withUnsafeBufferPointer { ids in
            x.values.withUnsafeBufferPointer { values in
                // (An empty vector's arrays may have no buffer: the scratch's own then stands in, never read.)
                Array(probabilities(ids: ids.baseAddress ?? UnsafePointer(scratch.vector.ids),
                                    values: values.baseAddress ?? UnsafePointer(scratch.vector.tf),
                                    count: x.indices.count, scratch: scratch))
            }
        }
    }

    /// The labels assigned to scores `p` (label indices, ascending): `decide(_:scratch:)`, the one decision rule
    /// (see there), as an array.
    public func decide(_ p: [Double], scratch: Scratch = Scratch()) -> [Int] {
        p.withUnsafeBufferPointer { p in
            let k = decide(p, scratch: scratch)
            return Array(UnsafeBufferPointer(start: scratch.assigned, count: k))
        }
    }

    public func predict(_ document: FieldTerms) -> ThemePrediction {
        predict(document, scratch: Scratch())
    }

    /// `predict` reusing `scratch`'s buffers (for streams): only the prediction itself is allocated.
    public func predict(_ document: FieldTerms, scratch: Scratch) -> ThemePrediction {
        prediction(probabilities(document, scratch: scratch), scratch: scratch)
    }

    /// `predict` of a record, its fields analysed as they are read (see `probabilities(record:analyzer:scratch:)`).
    public func predict(record: Postulate, analyzer: any TermAnalyzing, scratch: Scratch) -> ThemePrediction {
        prediction(probabilities(record: record, analyzer: analyzer, scratch: scratch), scratch: scratch)
    }

    /// `predict` of a record, read in place: `body` gets the prediction as a view of `scratch` and of the model's
    /// arrays, valid during the call only. Why: `postulaty tag` writes each prediction once and drops it; building
    /// a `ThemePrediction` (three arrays) cost it a tenth of its time.
    /// Inlinable so that callers in other modules specialise it: unspecialised, its generic result made the
    /// runtime look up type metadata on every prediction.
    @inlinable
    public func withPrediction<R>(record: Postulate, analyzer: any TermAnalyzing, scratch: Scratch,
                                  _ body: (PredictionView) throws -> R) rethrows -> R {
        var result: R?
        try view(probabilities(record: record, analyzer: analyzer, scratch: scratch), scratch: scratch) { result = try body($0) }
        return result!
    }

    /// `withPrediction` of a document already analysed.
    @inlinable
    public func withPrediction<R>(_ document: FieldTerms, scratch: Scratch, _ body: (PredictionView) throws -> R) rethrows -> R {
        var result: R?
        try view(probabilities(document, scratch: scratch), scratch: scratch) { result = try body($0) }
        return result!
    }

    /// Decides and gathers evidence for the document just scored in `scratch` (scores `p`), and calls `body` with
    /// the result in place.
    @usableFromInline
    func view(_ p: UnsafeBufferPointer<Double>, scratch: Scratch, _ body: (PredictionView) throws -> Void) rethrows {
        let (fallback, cut) = decideWithEvidence(p, scratch: scratch)
        try labels.withUnsafeBufferPointer { names in
            try thresholds.withUnsafeBufferPointer { th in
                try vectorizer.vocabulary.withUnsafeBufferPointer { vocabulary in
                    try body(PredictionView(labelNames: names, scores: p,
                                            thresholds: mode == .multiLabel ? th : UnsafeBufferPointer(start: nil, count: 0),
                                            singleLabelCut: cut,
                                            evidence: UnsafeBufferPointer(start: scratch.evidence, count: scratch.evidenceCount),
                                            vocabulary: vocabulary, viaFallback: fallback,
                                            support: scratch.gated ? UnsafeBufferPointer(start: scratch.support, count: p.count)
                                                                   : UnsafeBufferPointer(start: nil, count: 0),
                                            supportMinimum: support?.minimum ?? 0,
                                            refused: UnsafeBufferPointer(start: scratch.refused, count: scratch.refusedCount)))
                }
            }
        }
    }

    /// Decides the labels of the document just scored in `scratch` (scores `p`) and leaves their evidence in
    /// `scratch.evidence`. Returns whether the fallback rule assigned the label, and (single-label) the cut.
    /// A label that reached its threshold but was refused by the support gate gets its evidence too, in
    /// `scratch.refused` (what `why` shows for it).
    private func decideWithEvidence(_ p: UnsafeBufferPointer<Double>, scratch: Scratch) -> (fallback: Bool, cut: Double?) {
        let k = decideGated(p, scratch: scratch)
        let assigned = scratch.assigned
        scratch.evidenceCount = 0
        scratch.refusedCount = 0
        if let support, scratch.gated {
            for l in 0..<min(p.count, thresholds.count) where p[l] >= thresholds[l] && scratch.support[l] < support.minimum {
                let start = scratch.evidenceCount
                evidence(scratch: scratch, label: l)
                scratch.moveEvidenceToRefused(from: start)
            }
        }
        for i in 0..<k { evidence(scratch: scratch, label: assigned[i]) }
        let fallback = mode == .multiLabel && k == 1 && p[assigned[0]] < thresholds[assigned[0]]
        return (fallback, mode == .singleLabel ? (k > 0 ? p[assigned[0]] : 1) : nil)
    }

    /// Decisions and evidence for the document just scored in `scratch`.
    private func prediction(_ p: UnsafeBufferPointer<Double>, scratch: Scratch) -> ThemePrediction {
        let (fallback, cut) = decideWithEvidence(p, scratch: scratch)
        let evidence = Array(UnsafeBufferPointer(start: scratch.evidence, count: scratch.evidenceCount))
        var predicted: [String] = []
        for e in evidence where e.feature < 0 { predicted.append(labels[Int(e.label)]) }
        return ThemePrediction(predicted: predicted, viaFallback: fallback, labelNames: labels, scores: Array(p),
                               thresholds: mode == .multiLabel ? thresholds : [], singleLabelCut: cut,
                               evidence: evidence, vocabulary: vectorizer.vocabulary,
                               support: scratch.gated ? Array(UnsafeBufferPointer(start: scratch.support, count: p.count)) : [],
                               supportMinimum: support?.minimum ?? 0,
                               refused: Array(UnsafeBufferPointer(start: scratch.refused, count: scratch.refusedCount)))
    }

    /// The features that pushed label `l` up most, with their contribution x_t · e_lt. For the one-vs-rest
    /// variants e = w (a log-likelihood ratio, or a logistic regression weight); for the others e = w − mean over labels of w, i.e. how much the term
    /// favours this label over an average one (complement weights are stored centred already).
    public func topTerms(_ x: SparseVector, label l: Int, count: Int = ThemeModel.evidenceTerms) -> [TermContribution] {
        evidence(x, label: l, count: count).terms
    }

    /// The top terms and the sum of all positive contributions (so a term's share can be shown):
    /// `evidence(ids:values:count:label:count:scratch:)`, the one computation, as an array.
    func evidence(_ x: SparseVector, label l: Int, count: Int = ThemeModel.evidenceTerms) -> (terms: [TermContribution], total: Double) {
        let scratch = Scratch()
        x.indices.withUnsafeBufferPointer { ids in
            x.values.withUnsafeBufferPointer { values in
                scratch.evidenceCount = 0
                evidence(ids: ids.baseAddress ?? UnsafePointer(scratch.vector.ids),
                         values: values.baseAddress ?? UnsafePointer(scratch.vector.tf), count: x.indices.count, label: l, terms: count,
                         scratch: scratch)
            }
        }
        let entries = UnsafeBufferPointer(start: scratch.evidence, count: scratch.evidenceCount)
        return (entries.dropFirst().map { TermContribution(term: vectorizer.vocabulary[Int($0.feature)], weight: $0.weight) },
                entries[0].weight)
    }
}

/// One term's push towards a label.
public struct TermContribution: Sendable, Equatable {
    public var term: String
    public var weight: Double
}

/// A label's score, its threshold and (when assigned) the terms behind it.
public struct LabelEvidence: Sendable, Equatable {
    public var label: String
    public var score: Double
    /// Multi-label: the label's threshold. Single-label: the winning label's score (a label is assigned only when
    /// it is the best one).
    public var threshold: Double
    public var assigned: Bool
    public var terms: [TermContribution]
    /// Sum of the positive contributions of all the document's terms to this label (assigned labels only).
    public var evidenceTotal: Double = 0
    /// The label's evidence support (`EvidenceSupport`), when the model has a support gate.
    public var support: Double? = nil
    /// The gate's minimum (when `support` is set).
    public var supportMinimum: Double = 0
    /// Reached its threshold but was refused by the support gate: `terms` are then the words that carried it.
    public var refused: Bool = false
    /// How `why` shows names among `terms` (see `PredictionView.termLabels`); `terms` keep the keys.
    public var termLabels = TermLabels()

    /// A term's share of the label's positive evidence, in per cent (what `why` shows: raw contributions of
    /// complement NB are tiny numbers that mean nothing to a reader).
    public func share(_ t: TermContribution) -> Double { Self.share(t.weight, of: evidenceTotal) }

    /// `weight` as a percentage of `total` (0 when there is no positive evidence).
    static func share(_ weight: Double, of total: Double) -> Double { total > 0 ? 100 * weight / total : 0 }

    /// Why, in one line: "0.910 ≥ 0.420: senior 41%, klub senior 22%" (each term's share of the label's positive
    /// evidence) or "0.210 < 0.450"; for a label the support gate refused, "0.740 ≥ 0.420, carried by one generic
    /// term (specificity 0.37 < 0.50), not assigned: ulica 100%".
    public var why: String {
        var out: [UInt8] = []
        Self.appendWhy(score: score, threshold: threshold, assigned: assigned, termCount: terms.count,
                       term: { termLabels.label(terms[$0].term) }, share: { share(terms[$0]) }, json: false,
                       support: support, supportMinimum: supportMinimum, refused: refused, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The one rule of `why`, as bytes: `LabelEvidence.why` and the tag writer (`PredictionView.appendWhy`, from
    /// the view, no `LabelEvidence` built) both call it. `term(i)`/`share(i)`: the assigned label's i-th term and
    /// its share in per cent; `json`: the terms escaped for a JSON string (the caller writes the quotes).
    /// With `termsEscaped`, `escapedTerm(i, &out)` writes the i-th term as `json` would (its bytes made once per
    /// model, `TagOutputBytes`).
    @inline(__always)
    static func appendWhy(score: Double, threshold: Double, assigned: Bool, termCount: Int,
                          term: (Int) -> String, share: (Int) -> Double, json: Bool,
                          termsEscaped: Bool = false, escapedTerm: (Int, inout [UInt8]) -> Void = { _, _ in },
                          support: Double?, supportMinimum: Double, refused: Bool, to out: inout [UInt8]) {
        JSONBytes.fixed(score, 3, to: &out)
        if assigned || refused {
            JSONBytes.literal(score >= threshold ? " ≥ " : " < ", to: &out)
            JSONBytes.fixed(threshold, 3, to: &out)
            // The words are the run's language (a Polish analyst reads them in the spreadsheet); the figures are not.
            if score < threshold { out.append(contentsOf: tr(", najbliższa etykieta", ", closest label").utf8) }
            if refused, let support {
                out.append(contentsOf: tr(", niesiona przez jeden ogólny termin (swoistość ", ", carried by one generic term (specificity ").utf8)
                JSONBytes.fixed(support, 2, to: &out)
                JSONBytes.literal(" < ", to: &out); JSONBytes.fixed(supportMinimum, 2, to: &out)
                out.append(contentsOf: tr("), nie przypisano", "), not assigned").utf8)
            }
            for i in 0..<termCount {
                JSONBytes.literal(i == 0 ? ": " : ", ", to: &out)
                if termsEscaped { escapedTerm(i, &out) } else if json { JSONBytes.escaped(term(i), to: &out) } else {
                    out.append(contentsOf: term(i).utf8)
                }
                out.append(0x20)
                JSONBytes.fixed(share(i), 0, to: &out)
                out.append(UInt8(ascii: "%"))
            }
        } else if score < threshold {
            JSONBytes.literal(" < ", to: &out); JSONBytes.fixed(threshold, 3, to: &out)
        } else {
            JSONBytes.literal(" ≥ ", to: &out); JSONBytes.fixed(threshold, 3, to: &out)
            out.append(contentsOf: tr(", inne etykiety silniejsze", ", other labels stronger").utf8)
        }
    }
}

/// The result of tagging one record: the assigned labels, every label's calibrated score and, for each assigned
/// label, its strongest terms. Kept compact (scores, label indices, evidence as feature ids and weights, sharing
/// the model's label, threshold and vocabulary arrays): the per-label records of `labels`, with their strings, are
/// built when read. Why: tagging a stream of short postulates otherwise spends as long building ten records
/// per postulate as it does scoring it.
public struct ThemePrediction: Sendable, Equatable {
    /// Assigned labels (empty: explicit "no theme").
    public var predicted: [String]
    /// Multi-label: no label passed its threshold and the best one was assigned by the fallback rule.
    public var viaFallback: Bool
    public var noTheme: Bool { predicted.isEmpty }

    /// An assigned label's entry (`feature` −1, `weight` the sum of its positive contributions) or one of its
    /// terms (feature id and contribution); each label's entry precedes its terms.
    struct EvidenceTerm: Sendable, Equatable {
        var label: Int32
        var feature: Int32
        var weight: Double
    }
    let labelNames: [String]
    let scores: [Double]
    /// Multi-label: the model's thresholds. Single-label: empty (see `singleLabelCut`).
    let thresholds: [Double]
    /// Single-label: every label's `threshold` (the winning label's score).
    let singleLabelCut: Double?
    /// The assigned labels (ascending), each with its top terms, strongest first.
    let evidence: [EvidenceTerm]
    let vocabulary: [String]
    /// Every label's evidence support when the model has a support gate, else empty.
    let support: [Double]
    let supportMinimum: Double
    /// Labels refused by the support gate, laid out as `evidence`.
    let refused: [EvidenceTerm]

    /// Every label of the model, in label order: score, threshold, whether assigned and (assigned labels) the
    /// terms behind it. Built on each read: read it once per prediction.
    public var labels: [LabelEvidence] { withView { $0.labels } }

    /// Calls `body` with the prediction as a `PredictionView` (what the tag writers read).
    public func withView<R>(_ body: (PredictionView) throws -> R) rethrows -> R {
        try labelNames.withUnsafeBufferPointer { names in
            try scores.withUnsafeBufferPointer { scores in
                try thresholds.withUnsafeBufferPointer { th in
                    try evidence.withUnsafeBufferPointer { evidence in
                        try vocabulary.withUnsafeBufferPointer { vocabulary in
                            try support.withUnsafeBufferPointer { support in
                                try refused.withUnsafeBufferPointer { refused in
                                    try body(PredictionView(labelNames: names, scores: scores, thresholds: th,
                                                            singleLabelCut: singleLabelCut, evidence: evidence,
                                                            vocabulary: vocabulary, viaFallback: viaFallback,
                                                            support: support, supportMinimum: supportMinimum,
                                                            refused: refused))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A prediction read in place: the buffers of a `ThemeModel.Scratch` and of the model (from
/// `ThemeModel.withPrediction`), or of a `ThemePrediction` (`withView`). Valid only during the call that gives it.
public struct PredictionView {
    /// Every label of the model, in label order.
    public let labelNames: UnsafeBufferPointer<String>
    /// Calibrated score of every label, in label order.
    public let scores: UnsafeBufferPointer<Double>
    /// Multi-label: the model's thresholds. Single-label: empty (see `singleLabelCut`).
    let thresholds: UnsafeBufferPointer<Double>
    let singleLabelCut: Double?
    /// Assigned labels (ascending), each its entry then its top terms (see `ThemePrediction.EvidenceTerm`).
    let evidence: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>
    let vocabulary: UnsafeBufferPointer<String>
    /// Multi-label: no label passed its threshold and the best one was assigned by the fallback rule.
    public let viaFallback: Bool
    /// Every label's evidence support when the model has a support gate, else empty.
    let support: UnsafeBufferPointer<Double>
    let supportMinimum: Double
    /// Labels refused by the support gate, laid out as `evidence`.
    let refused: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>
    /// How `why` (a sentence for people) shows the names among its terms: as the record writes them, not as their
    /// keys ("Piłsudskiego", not "Pilsudst"). `evidence` keeps the terms. Empty: terms as they are.
    public var termLabels = TermLabels()
    /// The model's labels and terms as JSON bytes (`TagOutputBytes`), when the tagger has made them: the tag writer
    /// copies them instead of escaping the Strings again. Nil: escaped as they are written.
    public var outputBytes: TagOutputBytes? = nil

    /// Whether a term of `why` (assigned or refused labels' evidence) holds a name, whose key would be shown.
    public var whyHasName: Bool {
        func holdsName(_ list: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>) -> Bool {
            for e in list where e.feature >= 0 && Self.holdsName(vocabulary[Int(e.feature)]) { return true }
            return false
        }
        return holdsName(evidence) || holdsName(refused)
    }

    /// `whyHasName` read from a table of the model's features (`nameFeatures[f]`: whether feature f holds a name).
    public func whyHasName(nameFeatures: [Bool]) -> Bool {
        nameFeatures.withUnsafeBufferPointer { named in
            func holdsName(_ list: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>) -> Bool {
                for e in list where e.feature >= 0 && named[Int(e.feature)] { return true }
                return false
            }
            return holdsName(evidence) || holdsName(refused)
        }
    }

    /// Whether a part of `term` is a name (`TermKind.name`), without a String per part: a part starting with an
    /// ASCII letter is told by that byte (every record's `why` is asked, a million a `tag` run).
    public static func holdsName(_ term: String) -> Bool {
        var atStart = true
        for b in term.utf8 {
            if atStart {
                if b >= 0x41 && b <= 0x5A { return true }
                if b >= 0x80 { return term.split(separator: " ").contains { TermKind.of(String($0)) == .name } }
            }
            atStart = b == 0x20
        }
        return false
    }

    /// The terms of `why`, as keys (what `termLabels` is made for).
    public var whyTerms: [String] {
        (Array(evidence) + Array(refused)).filter { $0.feature >= 0 }.map { vocabulary[Int($0.feature)] }
    }

    /// Nothing assigned: an explicit "no theme" (every assigned label has an evidence entry).
    public var noTheme: Bool { evidence.isEmpty }

    /// Label `l`'s threshold (single-label: the winning label's score).
    public func threshold(_ l: Int) -> Double { singleLabelCut ?? thresholds[l] }

    /// Number of assigned labels.
    public var assignedCount: Int {
        var n = 0
        for e in evidence where e.feature < 0 { n += 1 }
        return n
    }

    /// Indices of the assigned labels, ascending.
    public func forEachAssigned(_ body: (Int) throws -> Void) rethrows {
        for e in evidence where e.feature < 0 { try body(Int(e.label)) }
    }

    /// The assigned labels' codes.
    public var predicted: [String] {
        var out: [String] = []
        forEachAssigned { out.append(labelNames[$0]) }
        return out
    }

    /// Where label `l`'s evidence is: its entry's index and the end of its terms, or nil when `l` is not assigned.
    func evidenceRange(label l: Int) -> Range<Int>? { Self.range(of: l, in: evidence) }

    /// Where label `l`'s entries are in `list` (assigned or refused labels, ascending, each its entry then its terms).
    static func range(of l: Int, in list: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>) -> Range<Int>? {
        var e = 0
        while e < list.count {
            if list[e].feature < 0 && Int(list[e].label) >= l { break }
            e += 1
        }
        guard e < list.count, Int(list[e].label) == l else { return nil }
        var end = e + 1
        while end < list.count && list[end].feature >= 0 { end += 1 }
        return e..<end
    }

    /// Label `l`'s entries: in `evidence` when assigned, in `refused` when the support gate refused it.
    func entries(label l: Int) -> (list: UnsafeBufferPointer<ThemePrediction.EvidenceTerm>, range: Range<Int>, refused: Bool)? {
        if let r = evidenceRange(label: l) { return (evidence, r, false) }
        if let r = Self.range(of: l, in: refused) { return (refused, r, true) }
        return nil
    }

    /// Label `l`'s evidence support, when the model has a support gate.
    func support(_ l: Int) -> Double? { l < support.count ? support[l] : nil }

    /// Label `l`'s score, threshold, whether assigned and (if so, or if the support gate refused it) the terms
    /// behind it.
    public func label(_ l: Int) -> LabelEvidence {
        var terms: [TermContribution] = [], total = 0.0
        let found = entries(label: l)
        if let found {
            total = found.list[found.range.lowerBound].weight
            for e in found.list[(found.range.lowerBound + 1)..<found.range.upperBound] {
                terms.append(TermContribution(term: vocabulary[Int(e.feature)], weight: e.weight))
            }
        }
        return LabelEvidence(label: labelNames[l], score: scores[l], threshold: threshold(l),
                             assigned: found.map { !$0.refused } ?? false,
                             terms: terms, evidenceTotal: total, support: support(l), supportMinimum: supportMinimum,
                             refused: found?.refused ?? false, termLabels: termLabels)
    }

    /// Every label, in label order (see `label(_:)`).
    public var labels: [LabelEvidence] { labelNames.indices.map { label($0) } }
}

extension PredictionView {
    /// `label(l).why` written as the content of a JSON string (terms escaped), read from the view.
    func appendWhy(label l: Int, to out: inout [UInt8]) {
        let found = entries(label: l)
        let list = found?.list ?? evidence
        let total = found.map { list[$0.range.lowerBound].weight } ?? 0
        let first = (found?.range.lowerBound ?? 0) + 1
        let bytes = outputBytes
        LabelEvidence.appendWhy(score: scores[l], threshold: threshold(l), assigned: found.map { !$0.refused } ?? false,
                                termCount: found.map { $0.range.count - 1 } ?? 0,
                                term: { termLabels.label(vocabulary[Int(list[first + $0].feature)]) },
                                share: { LabelEvidence.share(list[first + $0].weight, of: total) },
                                json: true,
                                termsEscaped: bytes != nil && termLabels.words.isEmpty,
                                escapedTerm: { i, out in bytes?.appendEscapedFeature(Int(list[first + i].feature), to: &out) },
                                support: support(l), supportMinimum: supportMinimum,
                                refused: found?.refused ?? false, to: &out)
    }
}
