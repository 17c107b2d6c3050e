import Corpus
import Foundation
import PolishText
import Similarity
import Themes

/// Plugs the default models into a `ReportBuilder`: the theme model (themes, scores and the terms behind them),
/// the stance model (the same naive Bayes engine, single-label, trained on `response_stance`), and the
/// near-duplicate join of Similarity for recurring demands.
///
/// Why fall back instead of failing: the report is the README's first command; a missing or stale model (e.g.
/// trained with another analyzer configuration) must not stop it. The report then uses the analysts' labels for
/// that part, says so in its header, and a warning naming the file goes to stderr.
///
/// Why fail on some: a file that is there but is not a usable model of the right kind (damaged, empty, a folder,
/// a stance model given as the theme model) is a mistake to fix, not a model to do without; the error names the
/// file, what it is and what was needed, and nothing is written.
public enum ReportModels {
    /// - Parameter jobs: threads for the labelling and the join (nil: the labelling on this thread, the join alongside
    ///   it on every core; 1: everything on this thread, one after the other).
    static func attach(to builder: inout ReportBuilder, analyzer: Analyzer, themeModel: String, stanceModel: String,
                              recurring: Bool = true, same: [String] = SameFields.places, jobs: Int? = nil,
                              notice: (String) -> Void) throws {
        let themeTagger = try loadTagger(themeModel, analyzer: analyzer, expecting: .themes(taxonomy: builder.themes.map(\.code)),
                                         what: .themes, notice: notice)
        let stanceTagger = try loadTagger(stanceModel, analyzer: analyzer, expecting: .stance, what: .stance, notice: notice)
        if let themeTagger {
            builder.themeTagger = themes(themeTagger)
            // after the labelling, on this thread: the tagger's analyzer is free again
            builder.termLabeller = { terms, texts in TermLabels(for: terms, in: texts, analyzer: themeTagger.analyzer) }
            builder.themeValidation = validation(of: themeTagger.model)
        }
        if let stanceTagger {
            builder.stanceClassifier = stance(stanceTagger)
            builder.stanceValidation = validation(of: stanceTagger.model)
        }
        // More labelling workers: the same models, each worker with analyzers of its own on the shared lemmatiser.
        while builder.moreLabellers.count + 1 < (jobs ?? 1) {
            var own: [AnalyzerConfiguration: Analyzer] = [:]
            func ownAnalyzer(like a: any TermAnalyzing) throws -> Analyzer {
                if let made = own[a.configuration] { return made }
                let made = try Analyzer(lemmatizer: analyzer.lemmatizer, configuration: a.configuration)
                own[a.configuration] = made
                return made
            }
            var worker = ReportBuilder.Labellers()
            if let themeTagger {
                worker.theme = themes(try Tagger(model: themeTagger.model, analyzer: try ownAnalyzer(like: themeTagger.analyzer)))
            }
            if let stanceTagger {
                worker.stance = stance(try Tagger(model: stanceTagger.model, analyzer: try ownAnalyzer(like: stanceTagger.analyzer)))
            }
            builder.moreLabellers.append(worker)
        }
        if recurring {
            let shared = OneThreadAnalyzer(analyzer)
            builder.clusterer = { records in try recurringClusters(records, analyzer: shared.analyzer, same: same, jobs: jobs) }
            // On a large corpus the join runs alongside the labelling, with an analyzer of its own (an analyzer's
            // caches are not thread-safe; the Polish lemmatiser's tables are read-only and shared). Not with one job.
            if let polish = analyzer.lemmatizer as? PolishLemmatizer, jobs != 1 {
                let configuration = analyzer.configuration
                builder.alongsideClusterer = { records in
                    try recurringClusters(records, analyzer: try Analyzer(lemmatizer: polish, configuration: configuration),
                                          same: same, jobs: jobs)
                }
            }
        }
    }

    /// The theme model as the report asks it: themes, every label's score, the assigned labels' terms (read from
    /// the prediction in place).
    static func themes(_ tagger: Tagger) -> ReportBuilder.ThemeTagger {
        { p in
            tagger.withTag(p) { v in
                var scores: [String: Double] = [:]
                scores.reserveCapacity(v.labelNames.count)
                for l in v.labelNames.indices { scores[v.labelNames[l]] = v.scores[l] }
                var evidence: [String: [WeightedTerm]] = [:]
                v.forEachAssigned { l in
                    evidence[v.labelNames[l]] = v.label(l).terms.map { WeightedTerm(term: $0.term, weight: $0.weight) }
                }
                return ThemeTagging(themes: v.predicted, scores: scores, evidence: evidence)
            }
        }
    }

    /// The stance model: its one assigned label.
    static func stance(_ tagger: Tagger) -> ReportBuilder.StanceClassifier {
        { p in tagger.withTag(p) { v in v.predicted.first } }
    }

    /// The out-of-fold F1 per label the model's training recorded (nil for a model file without them).
    static func validation(of model: ThemeModel) -> ModelValidation? {
        let t = model.training
        guard t.labelF1.count == model.labels.count, !t.labelF1.isEmpty else { return nil }
        return ModelValidation(documents: t.documents, folds: t.folds,
                               labels: zip(model.labels, t.labelF1).map { ModelValidation.Label(code: $0, f1: $1) })
    }

    /// The recurring-demand clusters the report shows (ids, in year order), also what `postulaty serve` shows on a
    /// postulate's page: one clustering for both.
    /// `same`: blocking fields (default: city and district — one idea filed in every district is not one demand
    /// recurring; a record without them agrees with any). `jobs`: threads for its analysis and join (nil: analysis
    /// on this thread, the join on every core).
    public static func recurringClusters(_ records: [Postulate], analyzer: Analyzer, same: [String] = SameFields.places,
                                         jobs: Int? = nil) throws -> [[String]] {
        let found = try RecurringDemands.find(in: records, analyzer: analyzer, same: same, jobs: jobs)
        return found.clusters.map { $0.map { found.postulates[$0].id } }
    }

    /// The model at `path` through `Tagger.load` (the one way the CLI and the report load a model), analysing
    /// text with the model's own switches on the shared lemmatiser. A missing file or a model from another
    /// analyzer configuration: nil and a notice (the analysts' labels are used). A file that is not a usable model
    /// of the kind expected: an error naming it.
    static func loadTagger(_ path: String, analyzer: Analyzer, expecting: ModelExpectation, what: ModelExpectation.Kind,
                           notice: (String) -> Void) throws -> Tagger? {
        let part = what == .stance ? tr("stanowiska", "stances") : tr("tematy", "themes")
        guard FileManager.default.fileExists(atPath: path) else {
            notice(tr("\(path): nie ma pliku: \(part) z etykiet analityków (wytrenuj model poleceniem `postulaty train`)",
                      "\(path) not found: \(part) from the analysts' labels (train it with `postulaty train`)"))
            return nil
        }
        do {
            return try Tagger.load(path: path, expecting: expecting) { saved in
                // The model's own analysis switches (e.g. a stance model without stop words), on the shared lemmatiser.
                let own = DefaultAnalyzer.reproducible(saved, with: analyzer.lemmatizer)
                return own == analyzer.configuration ? analyzer : try Analyzer(lemmatizer: analyzer.lemmatizer, configuration: own)
            }
        } catch ThemesError.modelFile(_, .analyzer(let differences)) {
            let why = ModelFileProblem.analyzer(differences).description
            notice(tr("uwaga: \(path) nie może być użyty (\(why)): \(part) z etykiet analityków",
                      "warning: \(path) cannot be used (\(why)): \(part) from the analysts' labels"))
            return nil
        }
    }
}

/// The taggers' analyzer handed to `clusterer`, which runs after the labelling on the same thread: one thread at a
/// time uses it, which is what makes the box safe.
private struct OneThreadAnalyzer: @unchecked Sendable {
    let analyzer: Analyzer
    init(_ analyzer: Analyzer) { self.analyzer = analyzer }
}
