import Corpus
import PolishText

/// What kind of model a caller needs: a themes model for the report's themes, a stance model for its stances, or
/// any model (`postulaty tag` tags with whatever model it is given, by design).
///
/// Why: a model file says which label field and labels it was trained on, and a stance model fed to the report as
/// its theme model would otherwise "tag" every postulate with a stance ("Najczęstszy temat: Already_done").
public struct ModelExpectation: Sendable, Equatable {
    /// Required labelling mode (nil: either).
    public var mode: LabelMode?
    /// The labels a model may have (every one of its labels must be among them; nil: any).
    public var labels: [String]?
    /// What is needed, for the message ("model tematów" / "a themes model").
    public var kind: Kind

    public enum Kind: Sendable, Equatable { case any, themes, stance }

    public init(kind: Kind, mode: LabelMode?, labels: [String]?) {
        self.kind = kind; self.mode = mode; self.labels = labels
    }

    /// Any model.
    public static var any: ModelExpectation { ModelExpectation(kind: .any, mode: nil, labels: nil) }

    /// A themes model: multi-label, its labels among the taxonomy's codes.
    public static func themes(taxonomy codes: [String]) -> ModelExpectation {
        ModelExpectation(kind: .themes, mode: .multiLabel, labels: codes)
    }

    /// A stance model: single-label, its labels among the response stances (`ResponseStance`).
    public static var stance: ModelExpectation {
        ModelExpectation(kind: .stance, mode: .singleLabel, labels: ResponseStance.allCases.map(\.rawValue))
    }

    /// Refuses a model of another mode or label set, naming what it is and what was needed.
    public func check(_ model: ThemeModel, path: String) throws {
        let modeFits = mode == nil || mode == model.mode
        let outside = labels.map { allowed in model.labels.filter { !allowed.contains($0) } } ?? []
        let noLabels = labels != nil && model.labels.isEmpty
        guard !modeFits || !outside.isEmpty || noLabels else { return }
        var found = ModelExpectation.describe(model)
        if !outside.isEmpty && outside.count < model.labels.count {
            found += tr("; etykiety spoza oczekiwanych: ", "; labels not expected: ") + outside.joined(separator: ", ")
        }
        throw ThemesError.modelFile(path: path, problem: .wrongKind(found: found, expected: description))
    }

    /// "model pola „response_stance” (jedna etykieta na postulat; etykiety: accepted, already_done, …)".
    public static func describe(_ model: ThemeModel) -> String {
        tr("model pola „\(model.labelField)” (\(modeText(model.mode)); etykiety: \(list(model.labels)))",
           "a model of field \"\(model.labelField)\" (\(modeText(model.mode)); labels \(list(model.labels)))")
    }

    /// What is expected, as the end of "…, a potrzebny jest …".
    public var description: String {
        let labelsText = labels.map { list($0) } ?? ""
        switch kind {
        case .any: return tr("dowolny model", "any model")
        case .themes:
            return tr("model tematów (\(Self.modeText(.multiLabel)); etykiety z taksonomii: \(labelsText))",
                      "a themes model (\(Self.modeText(.multiLabel)); labels from the taxonomy: \(labelsText))")
        case .stance:
            return tr("model stanowisk odpowiedzi (\(Self.modeText(.singleLabel)); etykiety: \(labelsText))",
                      "a response stance model (\(Self.modeText(.singleLabel)); labels \(labelsText))")
        }
    }

    static func modeText(_ mode: LabelMode) -> String {
        switch mode {
        case .multiLabel: return tr("wiele etykiet na postulat", "multi-label")
        case .singleLabel: return tr("jedna etykieta na postulat", "single-label")
        }
    }

    /// Up to eight labels, then "…".
    static func list(_ labels: [String]) -> String {
        labels.isEmpty ? tr("brak", "none") : labels.prefix(8).joined(separator: ", ") + (labels.count > 8 ? ", …" : "")
    }

    private func list(_ labels: [String]) -> String { Self.list(labels) }
}

extension Tagger {
    /// The one way to load a model for use, shared by `postulaty tag` and the report: reads the file (a plain
    /// message naming it when it is missing, not a regular file, empty, foreign or damaged), refuses a model of
    /// another kind than `expecting`, then builds the analyzer the model expects with `analyzer` (given the
    /// model's own analyzer configuration) and refuses one that differs.
    ///
    /// Every refusal is `ThemesError.modelFile(path:problem:)`; a model from another analyzer configuration is
    /// `problem: .analyzer` (the report falls back to the analysts' labels for that one, see `ReportModels`).
    public static func load(path: String, expecting: ModelExpectation = .any,
                            analyzer: (AnalyzerConfiguration) throws -> any TermAnalyzing) throws -> Tagger {
        let model = try ModelFile.load(path: path)
        try expecting.check(model, path: path)
        let termAnalyzer = try analyzer(model.analyzer)
        do { return try Tagger(model: model, analyzer: termAnalyzer) } catch ThemesError.analyzerMismatch(let d) {
            throw ThemesError.modelFile(path: path, problem: .analyzer(d))
        }
    }
}
