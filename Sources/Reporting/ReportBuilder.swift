import Corpus
import PolishText

/// Turns corpus records into `ReportData` with whichever models are available: a theme tagger, a stance
/// classifier and a duplicate clusterer are plugged in as functions, so the report falls back to the analysts'
/// labels (and says so) when a model is missing, and tests can plug in stand-ins.
struct ReportBuilder {
    /// Theme model: the themes a postulate gets, the score of every theme, the terms behind each assigned theme.
    typealias ThemeTagger = (Postulate) -> ThemeTagging
    /// Stance model: the stance of the record's response (never called when the response is empty).
    typealias StanceClassifier = (Postulate) -> String?
    /// Near-duplicate clusters over the postulates (ids).
    typealias Clusterer = @Sendable ([Postulate]) throws -> [[String]]

    var themes: [ReportTheme]
    var themeTagger: ThemeTagger?
    var stanceClassifier: StanceClassifier?
    var clusterer: Clusterer?
    /// The same clusters from a clusterer that shares no mutable state with the taggers (e.g. an analyzer of its
    /// own), so it may run on another thread while the postulates are labelled. Used instead of `clusterer` from
    /// `alongsideMinimum` postulates on: below that the join takes milliseconds and a fresh analyzer's cold
    /// caches cost more than the overlap saves.
    var alongsideClusterer: Clusterer?
    var alongsideMinimum = 5_000
    /// Characteristic terms given from outside; for a theme not given here they are the model's evidence terms
    /// summed over the postulates it tagged with the theme (what drove the model's decisions in this corpus).
    var characteristicTerms: [String: [WeightedTerm]] = [:]
    /// The models' own cross-validated figures, passed on to the report (see `ModelValidation`).
    var themeValidation: ModelValidation?
    var stanceValidation: ModelValidation?
    /// Labelling workers beyond the first (whose models are `themeTagger` and `stanceClassifier`): each with models
    /// of its own (an analyzer's caches are not thread-safe). Empty: the postulates are labelled on this thread.
    var moreLabellers: [Labellers] = []
    /// Reads how the names among the characteristic terms are written in the texts that gave them (terms, texts):
    /// a name's term is a key ("Dlud") that reads as a typo. Nil: terms shown as they are.
    var termLabeller: (([String], [String]) -> TermLabels)?
    /// Texts kept per name term for `termLabeller`: a few spellings are enough to find the usual one.
    static let textsPerName = 8
    /// Characteristic terms labelled per theme: more than a report shows (`ReportLimits`).
    static let labelledTermsPerTheme = 50
    /// Called with (done, total) while labelling, for progress on stderr.
    var progress: ((Int, Int) -> Void)?
    /// Called when a phase has finished ("labelled", "recurring demands"), for progress and timings on stderr.
    var phase: ((String) -> Void)?

    init(themes: [ReportTheme]) { self.themes = themes }

    init(taxonomy: Taxonomy) {
        self.themes = taxonomy.themes.map { ReportTheme(code: $0.code, labelPL: $0.labelPL, labelEN: $0.labelEN) }
    }

    /// Whether a record carries analyst labels: themes given, or a stance given (an analyst who labels a record
    /// and finds no theme leaves `themes` empty but fills the stance). A freshly imported meeting has neither.
    static func isLabelled(_ p: Postulate) -> Bool {
        !p.themes.isEmpty || !(p.responseStance ?? "").isEmpty
    }

    /// Whether the staff reviewed the record (`reviewed_by`, which a review adds to the record in the store).
    static func isReviewed(_ p: Postulate) -> Bool {
        p.extra.contains { $0.0 == "reviewed_by" && !($0.1.stringValue ?? "").isEmpty }
    }

    func build(_ records: [Postulate], name: String, sources: [String], years: ClosedRange<Int>? = nil) throws -> ReportData {
        let selected = years.map { r in records.filter { $0.year.map(r.contains) ?? false } } ?? records
        let alongside = clusterer != nil && selected.count >= alongsideMinimum
            ? alongsideClusterer.map { c in BackgroundJob { try c(selected) } } : nil
        var out: [ReportPostulate] = []
        out.reserveCapacity(selected.count)
        let step = max(1, selected.count / 20)
        var evidence: [String: [String: Double]] = [:]
        // name term → the records (input order) whose evidence held it, for showing the name as written
        var nameSources: [String: [Int]] = [:]
        // The models run on the workers in batches; the results are gathered in input order, so the evidence sums
        // below add the same numbers in the same order for any number of workers.
        let workers = [Labellers(theme: themeTagger, stance: stanceClassifier)] + moreLabellers
        let batch = Self.batchPerWorker * workers.count
        var start = 0
        while start < selected.count {
            let end = min(selected.count, start + batch)
            let labels = ParallelAnalysis.orderedMap(start..<end, workers: workers.count) { w, i in
                workers[w].label(selected[i])
            }
            for i in start..<end {
                let p = selected[i]
                let labelled = ReportBuilder.isLabelled(p)
                let stance = (p.responseStance ?? "").isEmpty ? nil : p.responseStance
                var rp = ReportPostulate(p, goldThemes: labelled ? p.themes : nil, goldStance: stance)
                rp.reviewed = ReportBuilder.isReviewed(p)
                let (theme, predictedStance) = labels[i - start]
                if let r = theme {
                    rp.predictedThemes = r.themes
                    rp.themeScores = r.scores
                    for (label, terms) in r.evidence {
                        // In place: copying the label's sums out and back copied the whole table per postulate.
                        for t in terms {
                            evidence[label, default: [:]][t.term, default: 0] += t.weight
                            if termLabeller != nil, t.term.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                                var sources = nameSources[t.term, default: []]
                                if sources.count < Self.textsPerName, sources.last != i { sources.append(i); nameSources[t.term] = sources }
                            }
                        }
                    }
                } else {
                    rp.predictedThemes = p.themes
                }
                rp.predictedStance = predictedStance
                out.append(rp)
                if let progress, (i + 1) % step == 0 || i + 1 == selected.count { progress(i + 1, selected.count) }
            }
            start = end
        }
        phase?("labelled")
        let clusters = try alongside?.wait() ?? clusterer.map { try $0(selected) } ?? []
        if clusterer != nil { phase?("recurring demands") }
        var terms = characteristicTerms
        for (label, sums) in evidence where terms[label] == nil {
            terms[label] = sums.map { WeightedTerm(term: $0.key, weight: $0.value) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        }
        if let termLabeller, !nameSources.isEmpty {
            Self.label(&terms, sources: nameSources, records: selected, with: termLabeller)
        }
        var data = ReportData(name: name, sources: sources, themes: themes, postulates: out,
                              characteristicTerms: terms, clusters: clusters,
                              themeSource: themeTagger == nil ? .analyst : .model,
                              stanceSource: stanceClassifier == nil ? .analyst : .model,
                              clustersAvailable: clusterer != nil, yearFilter: years)
        data.themeValidation = themeTagger == nil ? nil : themeValidation
        data.stanceValidation = stanceClassifier == nil ? nil : stanceValidation
        return data
    }
}

extension ReportBuilder {
    /// Sets `shown` on the leading characteristic terms that hold a name, from the texts of the records whose
    /// evidence held them (in input order, so the same for any number of workers).
    static func label(_ terms: inout [String: [WeightedTerm]], sources: [String: [Int]], records: [Postulate],
                      with labeller: ([String], [String]) -> TermLabels) {
        let named = terms.values.flatMap { $0.prefix(labelledTermsPerTheme).map(\.term) }.filter { sources[$0] != nil }
        guard !named.isEmpty else { return }
        let rows = Set(named.flatMap { sources[$0] ?? [] }).sorted()
        let labels = labeller(named, rows.flatMap { [records[$0].text, records[$0].justification] })
        for (code, list) in terms {
            terms[code] = list.enumerated().map { i, w in
                guard i < labelledTermsPerTheme, sources[w.term] != nil else { return w }
                let shown = labels.label(w.term)
                return shown == w.term ? w : WeightedTerm(term: w.term, weight: w.weight, shown: shown)
            }
        }
    }

    /// Postulates per batch and worker: bounds the results waiting to be gathered, keeps progress moving.
    static let batchPerWorker = 2048

    /// One labelling worker's models.
    struct Labellers {
        var theme: ThemeTagger?
        var stance: StanceClassifier?

        /// The theme model's answer (nil without a model) and the stance model's (nil without a model or for a
        /// blank response).
        func label(_ p: Postulate) -> (ThemeTagging?, String?) {
            let t = theme.map { $0(p) }
            guard let stance, !Escape.isBlank(p.response) else { return (t, nil) }
            return (t, stance(p))
        }
    }
}

/// What the theme model says about one postulate.
struct ThemeTagging: Sendable {
    var themes: [String]
    var scores: [String: Double]
    /// Assigned theme → the terms that pushed the postulate into it, with their contribution.
    var evidence: [String: [WeightedTerm]]

    init(themes: [String], scores: [String: Double] = [:], evidence: [String: [WeightedTerm]] = [:]) {
        self.themes = themes; self.scores = scores; self.evidence = evidence
    }
}
