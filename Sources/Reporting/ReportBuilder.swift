import Corpus

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

    func build(_ records: [Postulate], name: String, sources: [String], years: ClosedRange<Int>? = nil) throws -> ReportData {
        let selected = years.map { r in records.filter { $0.year.map(r.contains) ?? false } } ?? records
        let alongside = clusterer != nil && selected.count >= alongsideMinimum
            ? alongsideClusterer.map { c in BackgroundJob { try c(selected) } } : nil
        var out: [ReportPostulate] = []
        out.reserveCapacity(selected.count)
        let step = max(1, selected.count / 20)
        var evidence: [String: [String: Double]] = [:]
        for (i, p) in selected.enumerated() {
            let labelled = ReportBuilder.isLabelled(p)
            let stance = (p.responseStance ?? "").isEmpty ? nil : p.responseStance
            var rp = ReportPostulate(p, goldThemes: labelled ? p.themes : nil, goldStance: stance)
            if let tag = themeTagger {
                let r = tag(p)
                rp.predictedThemes = r.themes
                rp.themeScores = r.scores
                for (label, terms) in r.evidence {
                    var sums = evidence[label, default: [:]]
                    for t in terms { sums[t.term, default: 0] += t.weight }
                    evidence[label] = sums
                }
            } else {
                rp.predictedThemes = p.themes
            }
            if let classify = stanceClassifier, !Escape.isBlank(p.response) {
                rp.predictedStance = classify(p)
            }
            out.append(rp)
            if let progress, (i + 1) % step == 0 || i + 1 == selected.count { progress(i + 1, selected.count) }
        }
        phase?("labelled")
        let clusters = try alongside?.wait() ?? clusterer.map { try $0(selected) } ?? []
        if clusterer != nil { phase?("recurring demands") }
        var terms = characteristicTerms
        for (label, sums) in evidence where terms[label] == nil {
            terms[label] = sums.map { WeightedTerm(term: $0.key, weight: $0.value) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
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
