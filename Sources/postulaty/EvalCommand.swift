import ArgumentParser
import Corpus
import Foundation
import Similarity
import Store
import Themes

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure a theme model: precision, recall, F1 per label, micro and macro F1, frequent confusions.",
        discussion: """
        With --folds K (default 5) the whole training procedure is cross-validated: each fold is tagged by a model \
        trained on the other folds only. With --test FILE a model is trained on FILES and tested on FILE. \
        Macro-F1 averages the labels present in the gold data. Calibration: Brier score and expected calibration \
        error of all scores. Refuses the data `train` refuses, in the same words.

        Examples:
          postulaty eval
          postulaty eval --labels response_stance --folds 5
          postulaty eval wroclaw-train.jsonl --labels categories --fields text --test wroclaw-test.jsonl
        """
    )

    @OptionGroup var options: ThemeTrainingOptions

    @Option(name: .long, help: "K-fold cross-validation.")
    var folds: Int?

    @Option(name: .long, help: "Train on FILES, test on this labelled file (JSONL or CSV).")
    var test: String?

    @Flag(name: .long, help: "One JSON object instead of the table.")
    var json = false

    @Option(help: "Also test a model trained on FILES on the store's reviewed real postulates (those the corpus lacks), reported apart from the authored ones, and score dedupe against the store's reviewed same_as links beside the corpus's groups (docs/store.md).")
    var store: String?

    func validate() throws {
        if folds != nil && test != nil { throw ValidationError(tr("użyj --folds albo --test, nie obu", "use either --folds or --test, not both")) }
        if store != nil && (json || test != nil) {
            throw ValidationError(tr("--store działa bez --json i --test", "--store works without --json and --test"))
        }
        if let folds, folds < 2 { throw ValidationError(tr("--folds musi być co najmniej 2", "--folds must be at least 2")) }
    }

    func run() throws {
        try checkOutput(options.dumpTerms, inputs: try options.corpusFiles() + [test, options.taxonomy].compactMap { $0 })
        let analyzer = try options.termAnalyzer()
        let opts = try options.trainingOptions()
        let corpus = try options.labelledCorpus(analyzer: analyzer, vectorizer: opts.vectorizer)
        let taxonomy = try options.themeDescriptions()
        try options.checkTrainingData(corpus, taxonomy: taxonomy)
        try options.dumpTermsIfAsked(corpus, fields: opts.vectorizer.fields)
        let extra = try options.trainingOnlyCorpus(analyzer: analyzer, vectorizer: opts.vectorizer)
        let training = try corpus.appending(extra)
        let result: EvaluationResult
        let how: String, howText: String
        if let test {
            let testCorpus = try options.labelledCorpus([test], analyzer: analyzer, vectorizer: opts.vectorizer)
            try TrainingCheck.requireLabelled(testCorpus.labels, field: options.labels)
            let model = try ThemeTrainer.train(documents: training.documents, labels: training.labels.values,
                                               mode: training.labels.mode, labelField: options.labels,
                                               analyzer: analyzer.configuration, taxonomy: taxonomy,
                                               options: opts, groups: training.foldGroups,
                                               trainingOnlyCount: extra?.documents.count ?? 0)
            result = ThemeEvaluation.test(model: model, documents: testCorpus.documents, labels: testCorpus.labels.values)
            how = "trained on \(model.training.documents), tested on \(test)"
            howText = tr("wytrenowano na \(model.training.documents), sprawdzono na \(test)", how)
        } else {
            let k = folds ?? 5
            result = try ThemeEvaluation.crossValidate(documents: corpus.documents, labels: corpus.labels.values,
                                                       mode: corpus.labels.mode, labelField: options.labels,
                                                       analyzer: analyzer.configuration,
                                                       taxonomy: taxonomy, options: opts, folds: k,
                                                       groups: corpus.foldGroups,
                                                       extra: extra.map { ($0.documents, $0.labels.values, $0.groups) })
            let added = extra.map { counted($0.labelledCount, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records")) }
            how = "\(k)-fold cross-validation" + (corpus.foldGroups == nil ? "" : " (a \(options.groupField) stays in one fold)")
                + (added.map { "; \($0) of \(Defaults.trainingDirectory)/ added to every fold's training, never tested" } ?? "")
            howText = tr("walidacja krzyżowa w \(k) częściach" + (corpus.foldGroups == nil ? "" : " (jedna grupa „\(options.groupField)” w jednej części)")
                         + (added.map { "; \($0) z \(Defaults.trainingDirectory)/ dodane do uczenia w każdej części, nigdy nie sprawdzane" } ?? ""), how)
        }
        // JSON is for programs: its words stay English whatever the run's language; the text is for people.
        try StandardOutput.write(json ? jsonReport(result, how: how) : textReport(result, how: howText))
        if let store {
            try reviewedReal(store, corpus: training, trainingOnlyCount: extra?.documents.count ?? 0, analyzer: analyzer,
                             opts: opts, taxonomy: taxonomy)
        }
    }

    /// The reviewed real postulates of the store, tested apart: a model trained on the corpus (authored) is
    /// tested on them, so the figure says how the authored training transfers to the year's real submissions.
    private func reviewedReal(_ store: String, corpus: LabelledCorpus, trainingOnlyCount: Int, analyzer: any TermAnalyzing, opts: TrainingOptions,
                              taxonomy: [ThemeDescription]) throws {
        let base = try options.badRecords.load(try options.corpusFiles()).records
        let merged: TrainingRecords
        let stored: [Postulate]
        do {
            let s = try ReviewStore(path: store, readOnly: true)
            defer { try? s.close() }
            merged = try s.trainingRecords(corpus: base)
            stored = try s.all().map(\.reviewed)
        } catch { throw storeFailure(error) }
        let real = merged.records.filter { $0.value(of: "reviewed_real") == .bool(true) }
        if real.isEmpty {
            try StandardOutput.write(tr("\n\(store): brak zrecenzowanych postulatów spoza korpusu\n", "\n\(store): no reviewed postulates outside the corpus\n"))
        } else {
            try themesOnReal(real, store: store, corpus: corpus, trainingOnlyCount: trainingOnlyCount, analyzer: analyzer,
                             opts: opts, taxonomy: taxonomy)
        }
        try StandardOutput.write("\n" + duplicateFigures(corpus: base, stored: stored, store: store))
    }

    /// `dedupe` at its default settings, scored on the corpus files against their authored groups and on the
    /// store's postulates (reviewed fields applied, as `store export` writes them) against the reviewed links —
    /// the same figures `dedupe EXPORT --gold` gives for the reviewed part.
    private func duplicateFigures(corpus: [Postulate], stored: [Postulate], store: String) throws -> String {
        let analyzer = try Defaults.analyzer()
        let threshold = RecurringDemands.defaultThreshold
        let onCorpus = try RecurringDemands.find(in: corpus, analyzer: analyzer, threshold: threshold)
        let onStore = try RecurringDemands.find(in: stored, analyzer: analyzer, threshold: threshold)
        let authored = DuplicateGold.groups(in: corpus), reviewed = DuplicateGold.reviewedLinks(in: stored)
        return DuplicateFigures.text(threshold: threshold, authored: (authored, authored.score(onCorpus)),
                                     reviewed: (reviewed, reviewed.score(onStore)), reviewedSource: store)
    }

    private func themesOnReal(_ real: [Postulate], store: String, corpus: LabelledCorpus, trainingOnlyCount: Int,
                              analyzer: any TermAnalyzing,
                              opts: TrainingOptions, taxonomy: [ThemeDescription]) throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-eval-\(ProcessInfo.processInfo.processIdentifier).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        try AtomicFile.write(CorpusWriter.jsonl(real), to: temp)
        let testCorpus = try options.labelledCorpus([temp], analyzer: analyzer, vectorizer: opts.vectorizer)
        let model = try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values,
                                           mode: corpus.labels.mode, labelField: options.labels,
                                           analyzer: analyzer.configuration, taxonomy: taxonomy,
                                           options: opts, groups: corpus.foldGroups, trainingOnlyCount: trainingOnlyCount)
        let r = ThemeEvaluation.test(model: model, documents: testCorpus.documents, labels: testCorpus.labels.values)
        let how = tr("zrecenzowane prawdziwe postulaty z \(store) (\(real.count)), model wytrenowany na korpusie (\(model.training.documents))",
                     "reviewed real postulates from \(store) (\(real.count)), model trained on the corpus (\(model.training.documents))")
        try StandardOutput.write("\n" + textReport(r, how: how))
    }

    private func textReport(_ r: EvaluationResult, how: String) -> String {
        let rep = r.report
        let documents = counted(rep.documents, pl: ("dokument z etykietą", "dokumenty z etykietami", "dokumentów z etykietami"),
                                en: ("labelled document", "labelled documents"))
        var s = "\(options.labels): \(documents), \(how)\n"
        s += tr("metoda w każdym modelu: ", "method per model: ") + r.methods.joined(separator: "; ") + "\n\n"
        s += pad(tr("etykieta", "label"), 32) + pad(tr("wsparcie", "support"), 9) + pad(tr("przew.", "pred"), 7)
            + pad("P", 8) + pad("R", 8) + "F1\n"
        for m in rep.perLabel {
            s += pad(m.label, 32) + pad(String(m.support), 9) + pad(String(m.predictedCount), 7)
                + pad(fixed3(m.precision), 8) + pad(fixed3(m.recall), 8) + fixed3(m.f1) + "\n"
        }
        s += "\nmicro-F1 \(fixed3(rep.microF1))  macro-F1 \(fixed3(rep.macroF1))  " + tr("pełna zgodność", "exact match")
            + " \(fixed3(rep.exactMatch))\n"
        s += tr("kalibracja", "calibration") + ": Brier \(fixed3(r.calibration.brier)), ECE \(fixed3(r.calibration.expectedCalibrationError))\n"
        if !rep.confusions.isEmpty {
            s += tr("\nnajczęstsze pomyłki (wzorzec → przewidziano zamiast):\n", "\nmost frequent confusions (gold → predicted instead):\n")
            for c in rep.confusions { s += "  \(c.count)\t\(c.gold) → \(c.predicted)\n" }
        }
        return s
    }

    private func jsonReport(_ r: EvaluationResult, how: String) -> String {
        let rep = r.report
        let obj: JSONValue = .object([
            ("labels_field", .string(options.labels)), ("documents", .number(String(rep.documents))),
            ("evaluation", .string(how)), ("methods", .array(r.methods.map { .string($0) })),
            ("per_label", .array(rep.perLabel.map { m in
                .object([("label", .string(m.label)), ("support", .number(String(m.support))),
                         ("predicted", .number(String(m.predictedCount))), ("precision", .number(fixed3(m.precision))),
                         ("recall", .number(fixed3(m.recall))), ("f1", .number(fixed3(m.f1)))])
            })),
            ("micro_f1", .number(fixed3(rep.microF1))), ("macro_f1", .number(fixed3(rep.macroF1))),
            ("exact_match", .number(fixed3(rep.exactMatch))),
            ("brier", .number(fixed3(r.calibration.brier))), ("ece", .number(fixed3(r.calibration.expectedCalibrationError))),
            ("confusions", .array(rep.confusions.map { c in
                .object([("gold", .string(c.gold)), ("predicted", .string(c.predicted)), ("count", .number(String(c.count)))])
            })),
        ])
        return obj.jsonText + "\n"
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
}
