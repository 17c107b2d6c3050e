import Corpus
import PolishText

/// Tags records with a model and renders the output fields `predicted`, `scores`, `evidence` (plus `why` and
/// `no_theme`). Why a class: it owns the analyzer (whose cache makes repeated words cheap), one per thread.
public final class Tagger {
    public let model: ThemeModel
    public let analyzer: any TermAnalyzing

    /// Refuses an analyzer other than the model's (`ThemesError.analyzerMismatch` names the setting).
    public init(model: ThemeModel, analyzer: any TermAnalyzing) throws {
        try model.check(analyzer: analyzer.configuration)
        self.model = model
        self.analyzer = analyzer
        nameFeatures = model.vectorizer.vocabulary.map(PredictionView.holdsName)
        outputBytes = TagOutputBytes(labels: model.labels, vocabulary: model.vectorizer.vocabulary)
    }

    @usableFromInline let scratch = ThemeModel.Scratch()
    /// Per feature of the model: whether a part of it is a name (`PredictionView.holdsName`), asked once per
    /// feature here instead of once per term of every record's `why`.
    @usableFromInline let nameFeatures: [Bool]
    /// The model's labels and terms as the rows write them (`TagOutputBytes`), handed to every view `withTag` gives.
    @usableFromInline let outputBytes: TagOutputBytes

    public func tag(_ record: Postulate) -> ThemePrediction {
        model.predict(record: record, analyzer: analyzer, scratch: scratch)
    }

    /// `tag` read in place: `body` gets the prediction as a view of the tagger's buffers, valid during the call
    /// only (what `postulaty tag` writes from; see `ThemeModel.withPrediction`).
    @inlinable
    public func withTag<R>(_ record: Postulate, _ body: (PredictionView) throws -> R) rethrows -> R {
        try model.withPrediction(record: record, analyzer: analyzer, scratch: scratch) { view in
            var view = view
            view.outputBytes = outputBytes
            // Names in `why` as the record writes them (rare: the record is analysed again only then).
            guard view.whyHasName(nameFeatures: nameFeatures) else { return try body(view) }
            view.termLabels = TermLabels(for: view.whyTerms, in: [record.text, record.justification], analyzer: analyzer)
            return try body(view)
        }
    }

    /// A bare text (plain-text input): read as the postulate's `text` field.
    public func tag(text: String) -> ThemePrediction {
        tag(Postulate(id: "", text: text))
    }

    /// The output fields in JSON form. `scores`: label → calibrated score (4 decimals), every label; `evidence`:
    /// assigned label → its top terms (base forms; bigrams as "a b"); `why`: label → one-line reason;
    /// `no_theme`: true when nothing was assigned.
    public static func outputFields(_ p: ThemePrediction) -> [(String, JSONValue)] {
        p.withView { outputFields($0) }
    }

    /// `outputFields` of a prediction read in place.
    public static func outputFields(_ p: PredictionView) -> [(String, JSONValue)] {
        let labels = p.labels
        return [
            ("predicted", .array(p.predicted.map { .string($0) })),
            ("scores", .object(labels.map { ($0.label, .number(fixed($0.score, 4))) })),
            ("evidence", .object(labels.filter(\.assigned).map { ($0.label, .array($0.terms.map { .string($0.term) })) })),
            ("why", .object(labels.map { ($0.label, .string($0.why)) })),
            ("no_theme", .bool(p.noTheme)),
        ]
    }

    /// The same fields for a CSV row (Corpus writes objects and booleans as compact JSON): `predicted` joined by
    /// "|" like the `themes` column, and left empty for "no theme".
    public static func csvFields(_ p: ThemePrediction) -> [(String, JSONValue)] {
        p.withView { csvFields($0) }
    }

    /// `csvFields` of a prediction read in place.
    public static func csvFields(_ p: PredictionView) -> [(String, JSONValue)] {
        let predicted = p.predicted
        return outputFields(p).compactMap { name, value in
            guard name == "predicted" else { return (name, value) }
            return predicted.isEmpty ? nil : (name, .string(predicted.joined(separator: "|")))
        }
    }

    /// `outputFields` written straight as JSON bytes: `,"predicted":[…],"scores":{…},"evidence":{…},"why":{…},
    /// "no_theme":…` (with the leading comma, to follow a record's own fields).
    public static func appendOutputFields(_ p: ThemePrediction, to out: inout [UInt8]) {
        p.withView { appendOutputFields($0, to: &out) }
    }

    /// `appendOutputFields` of a prediction read in place (no per-label records are built).
    public static func appendOutputFields(_ p: PredictionView, to out: inout [UInt8]) {
        let names = p.labelNames
        let bytes = p.outputBytes
        @inline(__always) func label(_ l: Int) {
            if let bytes { bytes.appendLabel(l, to: &out) } else { JSONBytes.string(names[l], to: &out) }
        }
        JSONBytes.literal(",\"predicted\":[", to: &out)
        var first = true
        p.forEachAssigned { l in
            if !first { out.append(0x2C) }
            first = false
            label(l)
        }
        JSONBytes.literal("],\"scores\":{", to: &out)
        for l in names.indices {
            if l > 0 { out.append(0x2C) }
            label(l); out.append(0x3A); JSONBytes.fixed(p.scores[l], 4, to: &out)
        }
        JSONBytes.literal("},\"evidence\":{", to: &out)
        first = true
        var e = 0
        let evidence = p.evidence
        while e < evidence.count {
            if !first { out.append(0x2C) }
            first = false
            label(Int(evidence[e].label)); JSONBytes.literal(":[", to: &out)
            e += 1
            var i = 0
            while e < evidence.count && evidence[e].feature >= 0 {
                if i > 0 { out.append(0x2C) }
                if let bytes {
                    out.append(0x22); bytes.appendEscapedFeature(Int(evidence[e].feature), to: &out); out.append(0x22)
                } else {
                    JSONBytes.string(p.vocabulary[Int(evidence[e].feature)], to: &out)
                }
                i += 1; e += 1
            }
            out.append(0x5D)
        }
        JSONBytes.literal("},\"why\":{", to: &out)
        for l in names.indices {
            if l > 0 { out.append(0x2C) }
            label(l); out.append(0x3A)
            out.append(0x22); p.appendWhy(label: l, to: &out); out.append(0x22)
        }
        JSONBytes.literal(p.noTheme ? "},\"no_theme\":true" : "},\"no_theme\":false", to: &out)
    }
}
