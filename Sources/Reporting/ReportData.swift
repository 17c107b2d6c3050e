import Corpus
import Similarity
/// The report's input: postulates with their gold and predicted labels, the themes, the model's characteristic
/// terms and the clusters of recurring demands. Kept independent of how the labels were obtained (theme model,
/// stance model, similarity join, or analyst labels) so rendering can be tested on hand-made data and the
/// command can fill it from whichever models exist.
public struct ReportData: Sendable {
    /// Short name of the report (the folder name), shown in the title unless `title` is set.
    public var name: String
    /// What the report is about, as a reader writes it ("Kraków"); nil: `name`; empty: nothing (the heading is
    /// then only "Raport tematyczny", rather than a made-up folder name such as "report").
    public var title: String?
    /// The heading's subject: `title`, else `name`; empty when there is none to say.
    public var subject: String { title ?? name }
    /// Input files as given on the command line (relative paths; never machine paths).
    public var sources: [String]
    /// Themes in taxonomy order; codes found in labels but missing here are appended by the analysis.
    public var themes: [ReportTheme]
    public var postulates: [ReportPostulate]
    /// Per theme code, the terms that characterise the theme in the model, strongest first.
    public var characteristicTerms: [String: [WeightedTerm]]
    /// Clusters of near-duplicate postulates (ids). Only those spanning two or more years are reported.
    public var clusters: [[String]]
    /// Where `ReportPostulate.predictedThemes` came from.
    public var themeSource: LabelSource
    /// Where the shown stances came from (`.model`: the stance model; `.analyst`: gold labels only).
    public var stanceSource: LabelSource
    /// Whether `clusters` were computed (false: the similarity join was unavailable).
    public var clustersAvailable: Bool
    /// The year filter the command applied, shown in the header.
    public var yearFilter: ClosedRange<Int>?
    /// The models' own cross-validated figures (from their files), shown next to the agreement with the analysts.
    public var themeValidation: ModelValidation?
    public var stanceValidation: ModelValidation?

    public init(name: String, sources: [String] = [], themes: [ReportTheme], postulates: [ReportPostulate],
                characteristicTerms: [String: [WeightedTerm]] = [:], clusters: [[String]] = [],
                themeSource: LabelSource = .model, stanceSource: LabelSource = .model,
                clustersAvailable: Bool = true, yearFilter: ClosedRange<Int>? = nil) {
        self.name = name; self.sources = sources; self.themes = themes; self.postulates = postulates
        self.characteristicTerms = characteristicTerms; self.clusters = clusters
        self.themeSource = themeSource; self.stanceSource = stanceSource
        self.clustersAvailable = clustersAvailable; self.yearFilter = yearFilter
    }
}

/// Report language: Polish for the city's clerks by default, English on request.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case pl, en
}

/// Where a set of labels came from; the report says so, because model output and analyst judgement are read
/// differently.
public enum LabelSource: String, Sendable {
    case model, analyst, none
}

public struct ReportTheme: Sendable, Equatable {
    public var code: String
    public var labelPL: String
    public var labelEN: String

    public init(code: String, labelPL: String, labelEN: String) {
        self.code = code; self.labelPL = labelPL; self.labelEN = labelEN
    }

    /// The label in `language`, first letter capitalised for headings and legends ("bezpieczeństwo" →
    /// "Bezpieczeństwo"); falls back to the other language, then the code, when a label is empty.
    public func label(_ language: ReportLanguage) -> String {
        let raw = language == .pl ? labelPL : labelEN
        let chosen = raw.isEmpty ? (labelPL.isEmpty ? (labelEN.isEmpty ? code : labelEN) : labelPL) : raw
        guard let first = chosen.first else { return chosen }
        return first.uppercased() + chosen.dropFirst()
    }
}

public struct WeightedTerm: Sendable, Equatable {
    public var term: String
    public var weight: Double
    /// How the term is shown when it is not its own spelling: a name's key as the corpus writes the name.
    public var shown: String?
    public init(term: String, weight: Double, shown: String? = nil) { self.term = term; self.weight = weight; self.shown = shown }
    /// The term as people read it (`TermLabels`).
    public var label: String { shown ?? term }
}

/// One postulate as the report needs it.
@dynamicMemberLookup
public struct ReportPostulate: Sendable, Equatable {
    /// The record's own fields (id, year, meeting, organisation, text, response, respondent), read through it
    /// (`p.text`), not copied into fields of this type.
    public private(set) var record: Postulate
    /// Analyst theme labels; nil when the record was never labelled (then it takes no part in the agreement check).
    public var goldThemes: [String]?
    /// Themes assigned by the theme model (or copied from `goldThemes` when no model is available).
    public var predictedThemes: [String]
    /// Theme code → model score in [0, 1]; used to pick representative postulates.
    public var themeScores: [String: Double]
    /// Analyst stance label (`response_stance`), when present.
    public var goldStance: String?
    /// Stance predicted by the stance model from the response text; nil when there is no response or no model.
    public var predictedStance: String?
    /// The staff reviewed the record in the store (it carries `reviewed_by`, as `store export` and the service
    /// write it): its labels are their decision, so the report counts them instead of the models'.
    public var reviewed = false

    /// The themes the report counts: a reviewed record's labels when it has some, else the model's.
    public var shownThemes: [String] {
        if reviewed, let gold = goldThemes, !gold.isEmpty { return gold }
        return predictedThemes
    }

    /// A report row of `record` (only the fields a report shows are kept: the justification and other fields are
    /// left out, as the report never prints them; `city` and `district` stay for `postulates.csv`).
    public init(_ record: Postulate, goldThemes: [String]? = nil, predictedThemes: [String] = [],
                themeScores: [String: Double] = [:], goldStance: String? = nil, predictedStance: String? = nil) {
        self.record = Postulate(id: record.id, year: record.year, meeting: record.meeting,
                                organisation: record.organisation, text: record.text, response: record.response,
                                respondent: record.respondent,
                                extra: record.extra.filter { PlaceLabel.fields.contains($0.0) })
        self.goldThemes = goldThemes; self.predictedThemes = predictedThemes; self.themeScores = themeScores
        self.goldStance = goldStance; self.predictedStance = predictedStance
    }

    public init(id: String, year: Int?, meeting: String = "", organisation: String, text: String,
                response: String = "", respondent: String = "", goldThemes: [String]? = nil,
                predictedThemes: [String] = [], themeScores: [String: Double] = [:],
                goldStance: String? = nil, predictedStance: String? = nil) {
        self.init(Postulate(id: id, year: year, meeting: meeting, organisation: organisation, text: text,
                            response: response, respondent: respondent),
                  goldThemes: goldThemes, predictedThemes: predictedThemes, themeScores: themeScores,
                  goldStance: goldStance, predictedStance: predictedStance)
    }

    public subscript<T>(dynamicMember field: KeyPath<Postulate, T>) -> T { record[keyPath: field] }

    public subscript<T>(dynamicMember field: WritableKeyPath<Postulate, T>) -> T {
        get { record[keyPath: field] }
        set { record[keyPath: field] = newValue }
    }
}

/// The five stances of a city's response, in the order the report shows them (most to least favourable).
public enum Stance {
    public static let all = ["accepted", "already_done", "budget_dependent", "referred", "rejected"]
    /// Bucket for postulates whose response is empty or could not be classified.
    public static let none = "none"
}

/// A model's cross-validated quality as its training measured it (out-of-fold F1 per label), read from the model
/// file. Why in the report: agreement with the analysts on the very records a model was trained on is optimistic
/// (a logistic model can fit them exactly); these figures are what to expect on new postulates.
public struct ModelValidation: Sendable, Equatable {
    public struct Label: Sendable, Equatable {
        public var code: String
        public var f1: Double
        public init(code: String, f1: Double) { self.code = code; self.f1 = f1 }
    }
    public var documents: Int
    public var folds: Int
    public var labels: [Label]
    public init(documents: Int, folds: Int, labels: [Label]) {
        self.documents = documents; self.folds = folds; self.labels = labels
    }
}
