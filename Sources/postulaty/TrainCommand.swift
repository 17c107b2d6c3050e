import ArgumentParser
import Corpus
import Foundation
import Store
import Themes

/// Options shared by `train` and `eval`: what to read and how to vectorise and train.
struct ThemeTrainingOptions: ParsableArguments {
    @Argument(help: "Corpus files, JSONL or CSV (default: Corpora/*.jsonl, and for training the records of Corpora/training/*.jsonl that carry the label field).")
    var files: [String] = []

    @Option(name: .long, help: "The label field: an array of labels (multi-label) or a string (single-label).")
    var labels = "themes"

    @Option(name: .long, help: "Text fields and their weights, e.g. text:1,justification:0.5; default: text and justification, the justification's weight (0.25, 0.5 or 1) chosen by the inner cross-validation.")
    var fields: String?

    /// The fields when --fields is not given.
    static let defaultFields = "text:1,justification:0.5"

    @Flag(name: .long, help: "Unigrams only (no term bigrams); default: bigrams or not, chosen by the inner cross-validation.")
    var noBigrams = false

    @Option(name: .long, help: "Drop features seen in fewer documents than this; default: 1 or 2, chosen by the inner cross-validation.")
    var minDf: Int?

    @Flag(name: .customLong("fixed-vectorizer"), help: "No choice of vectoriser settings: min_df 2 (or --min-df), bigrams on (or --no-bigrams), the fields' weights as given (or the default ones).")
    var fixedVectorizer = false

    @Option(name: .long, help: "How much each training-only record (\(Defaults.trainingDirectory)/) counts in logistic regression's fit, relative to a corpus record (1: the same).")
    var trainingOnlyWeight = 0.5

    @Option(name: .long, help: "Folds of the internal cross-validation (variant choice, calibration, thresholds).")
    var innerFolds = 5

    @Option(name: .long, help: "Variants to try, comma-separated (naive Bayes: multinomial-ovr, multinomial, complement, complement-normalized; logistic: logistic regression, up to 20 000 documents); default: all suited to the labels.")
    var variants: String?

    @Option(name: .long, help: "Field naming resubmission groups: a group stays in one cross-validation fold (records without it are their own group).")
    var groupField = "group"

    @Option(name: .long, help: "Seed of the fold assignment.")
    var seed: UInt64 = 20260617

    @Flag(name: .long, help: "The text fields are already analysed: terms are their space-separated pieces (benchmarks).")
    var pretokenized = false

    @Option(name: .long, help: "Also write the records with each text field replaced by its terms (space-separated), as JSONL: the exact tokens the model sees, e.g. to feed another classifier.")
    var dumpTerms: String?

    @Option(name: .long, help: "Taxonomy recorded in a themes model (used when --labels is themes and the file exists; default: Models/taxonomy.json, else the one installed with the tool).")
    var taxonomy: String?

    @Option(name: .long, help: "Stop words: default (the project's list, right for themes) or none (keeps words such as \"nie\", \"już\", \"zostać\" that carry e.g. a response's stance). Recorded in the model, whose users analyse text the same way.")
    var stopWords: StopWordsChoice = .default

    func termAnalyzer() throws -> any TermAnalyzing {
        if pretokenized { return WhitespaceTerms() }
        switch stopWords {
        case .default: return try Defaults.analyzer()
        case .none: return try Defaults.analyzer(stopWords: nil)
        }
    }

    /// Writes `--dump-terms` when asked.
    func dumpTermsIfAsked(_ corpus: LabelledCorpus, fields: [FieldWeight]) throws {
        guard let dumpTerms else { return }
        let records = zip(corpus.records, corpus.documents).map { record, terms in
            var r = record
            for (f, t) in zip(fields, terms) { r.setField(f.field, to: t.joined(separator: " ")) }
            return r
        }
        try CorpusWriter.write(records, to: dumpTerms, format: .jsonl)
    }

    @OptionGroup var badRecords: BadRecordOptions

    @OptionGroup var language: LanguageOption

    func corpusFiles() throws -> [String] {
        let found = files.isEmpty ? try Defaults.corpusFiles() : files
        guard !found.isEmpty else {
            throw ToolError(tr("brak plików korpusu: podaj PLIKI albo umieść pliki *.jsonl w \(Defaults.corporaDirectory)/",
                               "no corpus files: give FILES or put *.jsonl files in \(Defaults.corporaDirectory)/"))
        }
        return found
    }

    /// Refuses labelled data that would train a degenerate model (`TrainingCheck`: no labelled record, labels
    /// outside the taxonomy, fewer than two learnable labels) and prints its warnings on stderr. `train` and
    /// `eval` both call it before training, so neither writes anything for such data.
    func checkTrainingData(_ corpus: LabelledCorpus, taxonomy: [ThemeDescription]) throws {
        let warnings = try TrainingCheck.check(corpus.labels, field: labels,
                                               taxonomy: taxonomy.isEmpty ? nil : taxonomy.map(\.code), taxonomyPath: taxonomyPath)
        for w in warnings { printError(tr("uwaga: ", "warning: ") + w) }
    }

    /// The labelled corpus of `files` (default: the command's own), read under the bad-record policy, each field's
    /// text through the model's `filter`.
    func labelledCorpus(_ files: [String]? = nil, analyzer: any TermAnalyzing, vectorizer: VectorizerConfiguration, jobs: Int = 1) throws -> LabelledCorpus {
        try LabelledCorpus.load(files: try files ?? corpusFiles(), labelField: labels, fields: vectorizer.fields, analyzer: analyzer,
                                groupField: groupField, badRecords: badRecords.policy, filter: vectorizer.textFilter, jobs: jobs,
                                skipped: { badRecords.reportSkipped($0, read: $1) })
    }

    /// The training-only records (`Corpora/training/*.jsonl`) that carry the label field, when no FILES were given;
    /// nil when there are none (e.g. for `--labels response_stance`: those records have no stance). `train` adds
    /// them to the corpus; `eval` adds them to every fold's training side and never tests them.
    func trainingOnlyCorpus(analyzer: any TermAnalyzing, vectorizer: VectorizerConfiguration, jobs: Int = 1) throws -> LabelledCorpus? {
        guard files.isEmpty else { return nil }
        let found = try Defaults.trainingFiles()
        guard !found.isEmpty else { return nil }
        let load = try CorpusLoad.read(found, policy: badRecords.policy, requireRecords: false, presenceOf: labels)
        badRecords.reportSkipped(load.skipped, read: load.records.count)
        let present = load.fieldPresent ?? []
        let kept = load.records.indices.filter { present[$0] }.map { load.records[$0] }
        guard !kept.isEmpty else { return nil }
        return try LabelledCorpus.make(records: kept, labelField: labels, fields: vectorizer.fields, analyzer: analyzer,
                                       groupField: groupField, filter: vectorizer.textFilter, jobs: jobs)
    }

    func trainingOptions() throws -> TrainingOptions {
        var weights: [FieldWeight] = []
        for part in (fields ?? Self.defaultFields).split(separator: ",") {
            let kv = part.split(separator: ":")
            guard kv.count <= 2, let name = kv.first.map(String.init), !name.isEmpty,
                  let w = kv.count == 2 ? Double(kv[1]) : 1, w > 0 else {
                throw ValidationError(tr("--fields: „\(part)” to nie POLE ani POLE:WAGA z dodatnią wagą",
                                         "--fields: \"\(part)\" is not FIELD or FIELD:WEIGHT with a positive weight"))
            }
            weights.append(FieldWeight(name, w))
        }
        var vec = VectorizerConfiguration(fields: weights)
        // Theme models read text without cost tables and form headings: the taxonomy says a project's own costs
        // are not `funding` (FormBoilerplate). Other label fields (the stance of a response) read it whole.
        if labels == "themes" { vec.textFilter = .formBoilerplate }
        vec.bigrams = !noBigrams
        vec.minDocumentFrequency = minDf ?? 2
        var opts = TrainingOptions(vectorizer: vec, folds: innerFolds, seed: seed)
        // What the user did not fix is chosen by the inner cross-validation, with the classifier (docs/themes.md).
        if !fixedVectorizer {
            for minimum in minDf.map({ [$0] }) ?? [2, 1] {
                for bigrams in noBigrams ? [false] : [true, false] {
                    var v = vec
                    v.minDocumentFrequency = minimum; v.bigrams = bigrams
                    if v != vec { opts.vectorizerCandidates.append(v) }
                }
            }
            // Field weights the user did not give: each field after the first at half and at twice its weight
            // (only relative weights matter: vectors are l2-normalised), tried from the best setting above.
            if fields == nil {
                for i in weights.indices.dropFirst() {
                    for factor in [0.5, 2.0] {
                        var w = weights
                        w[i].weight *= factor
                        opts.fieldWeightCandidates.append(w)
                    }
                }
            }
        }
        guard trainingOnlyWeight > 0, trainingOnlyWeight.isFinite else {
            throw ValidationError(tr("--training-only-weight: waga musi być dodatnia (jest \(trainingOnlyWeight))",
                                     "--training-only-weight: the weight must be positive (got \(trainingOnlyWeight))"))
        }
        opts.trainingOnlyWeight = trainingOnlyWeight
        if let variants {
            opts.variants = try variants.split(separator: ",").map {
                guard let v = ClassifierKind(rawValue: String($0)) else { throw ValidationError(tr("--variants: nieznany wariant \($0)", "--variants: unknown variant \($0)")) }
                return v
            }
        }
        return opts
    }

    /// `--taxonomy`, else the shipped one (./Models first, then the data folder).
    var taxonomyPath: String { taxonomy ?? Defaults.shipped("taxonomy.json").orDefault }

    func themeDescriptions() throws -> [ThemeDescription] {
        guard labels == "themes" else { return [] }
        // A taxonomy named by --taxonomy must be there; only the default one may be missing.
        if let explicit = taxonomy { return try Taxonomy.load(path: explicit).themes.map(ThemeDescription.init) }
        let shipped = taxonomyPath
        guard FileManager.default.fileExists(atPath: shipped) else { return [] }
        return try Taxonomy.load(path: shipped).themes.map(ThemeDescription.init)
    }
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a theme (or any label) model: TF-IDF + naive Bayes (or logistic regression), calibrated, with per-label thresholds.",
        discussion: """
        Reads labelled postulates, chooses the naive Bayes variant and smoothing (or logistic regression and its \
        penalty, when that scores higher) by cross-validation, calibrates the \
        scores on held-out folds, picks a threshold per label and writes the model (deterministic: the same data \
        and options give the same bytes). An array label field trains a multi-label model; a string field a \
        single-label one. Timings go to stderr.

        Refuses, before writing anything, data that would give a degenerate model: no record, no labelled record, \
        labels outside the taxonomy (themes), fewer than two labels with at least 2 examples each (and 2 without, \
        multi-label), no feature left after --min-df. Labels short of examples are warned about by name. See \
        docs/themes.md, "Training data".

        Examples:
          postulaty train
          postulaty train Corpora/*.jsonl --labels response_stance -o Models/stance.model
          postulaty train wroclaw-train.jsonl --labels categories --fields text -o /tmp/wroclaw.model
        """
    )

    @OptionGroup var options: ThemeTrainingOptions

    @Option(name: [.short, .customLong("output")], help: "The model file to write (default: Models/themes.model, for --labels themes only).")
    var outputOption: String?

    /// Only a themes model may go to the default path: a model of other labels there would replace the one
    /// `report`, `tag` and `serve` read, and the folder's next report would fail.
    var output: String {
        get throws {
            if let outputOption { return outputOption }
            guard options.labels == "themes" else {
                throw ToolError(tr("--labels \(options.labels): podaj -o PLIK — bez -o model zastąpiłby model tematów \(Defaults.themeModel), którego używają report, tag i serve",
                                   "--labels \(options.labels): give -o FILE — without -o the model would replace the themes model \(Defaults.themeModel) that report, tag and serve read"))
            }
            return Defaults.themeModel
        }
    }

    @OptionGroup var jobs: JobsOption

    @Option(help: "Also learn from the staff's reviews in this store: reviewed themes replace the corpus's, reviewed postulates the corpus lacks are added (docs/store.md).")
    var store: String?

    func run() throws {
        let output = try self.output
        let inputs: [String?] = try options.corpusFiles() + [options.taxonomyPath, store]
        try checkOutput(output, inputs: inputs)
        try checkOutput(options.dumpTerms, inputs: inputs + [output])
        let clock = ContinuousClock()
        let t0 = clock.now
        let analyzer = try options.termAnalyzer()
        let opts = try options.trainingOptions()
        let corpus: LabelledCorpus
        var extraCount = 0
        if let store {
            // The corpus with the reviews applied, read back from one temporary JSONL file.
            let base = try options.badRecords.load(try options.corpusFiles()).records
            let merged: TrainingRecords
            do {
                let s = try ReviewStore(path: store, readOnly: true)
                defer { try? s.close() }
                merged = try s.trainingRecords(corpus: base)
            } catch { throw storeFailure(error) }
            printError(tr("z magazynu \(store): postulaty z recenzją tematów — zastąpione w korpusie: \(merged.replaced), dodane: \(merged.added)",
                          "from the store \(store): postulates with reviewed themes — replaced in the corpus: \(merged.replaced), added: \(merged.added)"))
            let temp = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-train-\(ProcessInfo.processInfo.processIdentifier).jsonl").path
            defer { try? FileManager.default.removeItem(atPath: temp) }
            try AtomicFile.write(CorpusWriter.jsonl(merged.records), to: temp)
            let extra = try options.trainingOnlyCorpus(analyzer: analyzer, vectorizer: opts.vectorizer, jobs: jobs.count)
            extraCount = extra?.documents.count ?? 0
            corpus = try options.labelledCorpus([temp], analyzer: analyzer, vectorizer: opts.vectorizer, jobs: jobs.count)
                .appending(extra)
        } else {
            let extra = try options.trainingOnlyCorpus(analyzer: analyzer, vectorizer: opts.vectorizer, jobs: jobs.count)
            extraCount = extra?.documents.count ?? 0
            corpus = try options.labelledCorpus(analyzer: analyzer, vectorizer: opts.vectorizer, jobs: jobs.count)
                .appending(extra)
        }
        let taxonomy = try options.themeDescriptions()
        try options.checkTrainingData(corpus, taxonomy: taxonomy)
        try options.dumpTermsIfAsked(corpus, fields: opts.vectorizer.fields)
        let t1 = clock.now
        let model = try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values,
                                           mode: corpus.labels.mode, labelField: options.labels,
                                           analyzer: analyzer.configuration, taxonomy: taxonomy,
                                           options: opts, groups: corpus.foldGroups, trainingOnlyCount: extraCount)
        let t2 = clock.now
        try ModelFile.save(model, path: try Defaults.preparingOutput(output))
        let t3 = clock.now
        let labelCount = counted(model.labels.count, pl: ("etykieta", "etykiety", "etykiet"), en: ("label", "labels"))
        let features = counted(model.vectorizer.featureCount, pl: ("cecha", "cechy", "cech"), en: ("feature", "features"))
        let records = counted(corpus.records.count, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))
        printError(tr("przeczytano i przeanalizowano \(records) w \(seconds(t1 - t0)) s; "
                      + "wytrenowano na \(model.training.documents) (\(model.mode.rawValue), \(labelCount), \(features)) w \(seconds(t2 - t1)) s; "
                      + "zapisano \(output) w \(seconds(t3 - t2)) s",
                      "read and analysed \(records) in \(seconds(t1 - t0)) s; "
                      + "trained on \(model.training.documents) (\(model.mode.rawValue), \(labelCount), \(features)) in \(seconds(t2 - t1)) s; "
                      + "wrote \(output) in \(seconds(t3 - t2)) s"))
        let f1 = zip(model.labels, model.training.labelF1).map { "\($0) \(fixed3($1))" }.joined(separator: ", ")
        printError(tr("wybrano: \(model.variant.rawValue), alfa \(model.alpha); F1 poza foldem dla etykiet: \(f1)",
                      "chosen: \(model.variant.rawValue), alpha \(model.alpha); out-of-fold F1 per label: \(f1)"))
    }
}

/// Seconds for a message: three decimals, with the decimal comma in a Polish run.
func seconds(_ d: Duration) -> String {
    let s = fixed3(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    return tr(s.replacingOccurrences(of: ".", with: ","), s)
}

/// Three decimals, locale-free (Corpus's `fixed`, the one fixed-decimal rule).
func fixed3(_ v: Double) -> String { fixed(v, 3) }
