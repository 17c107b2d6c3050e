import Corpus

/// Refuses labelled data that would train a degenerate model, before anything is trained or written, with a
/// message a user can act on; and lists what deserves a warning. `train` and `eval` both run it, so they refuse
/// the same data in the same words.
///
/// The rules (documented in docs/themes.md, "Training data"):
/// - at least one record with a label (`LabelColumn` names how many lacked the field or had it empty);
/// - labels of a themes model trained with a taxonomy are all in the taxonomy: a code outside it ("securty") is
///   an error naming every such code with its count (a typo, or a theme to add to the taxonomy first);
/// - a label is *learnable* with at least `minimumExamples` records with it and, multi-label, as many without it;
///   a model needs at least `minimumLabels` learnable labels (one label tells nothing apart: a yes/no detector is a
///   single-label field with two values). Labels short of examples are warned about by name, with their counts;
/// - at least one feature survives the vocabulary's document-frequency limits (`noFeatures`).
public enum TrainingCheck {
    /// Records a label needs with it (and, multi-label, without it) to be learnt.
    public static let minimumExamples = 2
    /// Learnable labels a model needs.
    public static let minimumLabels = 2

    /// Checks `labels` (read from `field`); `taxonomy`: the taxonomy's codes when a themes model is trained with
    /// one (nil: no taxonomy), read from `taxonomyPath`. Returns the warnings, one sentence each.
    public static func check(_ labels: LabelColumn, field: String, taxonomy: [String]? = nil,
                             taxonomyPath: String = Taxonomy.defaultPath) throws -> [String] {
        let mode = labels.mode
        let used = try requireLabelled(labels, field: field)
        var positives: [String: Int] = [:]
        for v in used { for l in v { positives[l, default: 0] += 1 } }

        if let taxonomy, !taxonomy.isEmpty {
            let outside = positives.filter { !taxonomy.contains($0.key) }
            if !outside.isEmpty {
                let list = outside.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .map { label, count -> String in
                        let records = counted(count, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))
                        guard let near = closest(label, in: taxonomy) else { return "\(label) (\(records))" }
                        return tr("\(label) (\(records); może \(near)?)", "\(label) (\(records); \(near)?)")
                    }.joined(separator: ", ")
                throw ThemesError.invalidTrainingData(tr(
                    "etykiety spoza taksonomii \(taxonomyPath) w polu „\(field)”: \(list); "
                        + "popraw je w danych albo dopisz te tematy do taksonomii; tematy taksonomii: \(taxonomy.joined(separator: ", "))",
                    "labels outside the taxonomy \(taxonomyPath) in field \"\(field)\": \(list); "
                        + "correct them in the data or add the themes to the taxonomy; its themes: \(taxonomy.joined(separator: ", "))"))
            }
        }

        let n = used.count
        let universe = Array(Set(positives.keys).union(taxonomy ?? [])).sorted()
        func learnable(_ l: String) -> Bool {
            let p = positives[l] ?? 0
            return p >= minimumExamples && (mode == .singleLabel || n - p >= minimumExamples)
        }
        func counts(_ l: String) -> String {
            let p = positives[l] ?? 0
            return mode == .singleLabel ? "\(l) \(p)" : tr("\(l): \(p) z etykietą, \(n - p) bez", "\(l): \(p) with, \(n - p) without")
        }
        let good = universe.filter(learnable)
        let usedText = counted(n, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))
        if good.count < minimumLabels {
            var message: String
            if positives.isEmpty {
                message = tr("brak przykładów: każdy z użytych rekordów (\(usedText)) ma puste pole „\(field)” (bez etykiety), "
                                 + "więc model nie ma się czego uczyć",
                             "no examples: every record used (\(usedText)) has an empty \"\(field)\" (no label), "
                                 + "so the model has nothing to learn")
            } else if positives.count == 1, let only = positives.first {
                message = tr("w polu „\(field)” jest tylko jedna etykieta (\(only.key)): "
                                 + "model nie ma czego rozróżniać",
                             "field \"\(field)\" holds one label only (\(only.key)): "
                                 + "the model has nothing to tell apart")
            } else {
                message = mode == .singleLabel
                    ? tr("za mało przykładów w polu „\(field)”: model jednej etykiety potrzebuje co najmniej \(minimumLabels) klas "
                             + "po co najmniej \(minimumExamples) rekordy",
                         "too few examples in field \"\(field)\": a single-label model needs at least \(minimumLabels) classes "
                             + "of at least \(minimumExamples) records each")
                    : tr("za mało przykładów w polu „\(field)”: model potrzebuje co najmniej \(minimumLabels) etykiet, każdej "
                             + "z co najmniej \(minimumExamples) rekordami z nią i \(minimumExamples) bez niej",
                         "too few examples in field \"\(field)\": a model needs at least \(minimumLabels) labels, each with at "
                             + "least \(minimumExamples) records with it and \(minimumExamples) without it")
            }
            if !positives.isEmpty {
                message += tr("; użyte rekordy: \(n); etykiety: ", "; records used: \(n); labels: ")
                    + universe.prefix(12).map(counts).joined(separator: ", ") + (universe.count > 12 ? ", …" : "")
            }
            throw ThemesError.invalidTrainingData(message)
        }

        var warnings: [String] = []
        if labels.missing > 0 {
            warnings.append(tr("\(counted(labels.missing, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))) "
                                   + "bez pola „\(field)” pominięto w nauce",
                               "\(counted(labels.missing, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))) "
                                   + "without the field \"\(field)\" left out of training"))
        }
        if labels.empty > 0 {
            warnings.append(tr("\(counted(labels.empty, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))) "
                                   + "z pustym polem „\(field)” pominięto w nauce",
                               "\(counted(labels.empty, pl: ("rekord", "rekordy", "rekordów"), en: ("record", "records"))) "
                                   + "with an empty \"\(field)\" left out of training"))
        }
        for l in universe where !learnable(l) {
            if positives[l] == nil {
                warnings.append(tr("temat „\(l)” z taksonomii nie ma ani jednego przykładu: model nigdy go nie przypisze",
                                   "theme \"\(l)\" of the taxonomy has no example: the model will never assign it"))
            } else {
                warnings.append(tr("za mało przykładów etykiety „\(l)” (\(counts(l)); potrzeba co najmniej \(minimumExamples)"
                                       + (mode == .multiLabel ? " z i \(minimumExamples) bez" : "") + "): model rzadko albo nigdy jej nie przypisze",
                                   "too few examples of label \"\(l)\" (\(counts(l)); at least \(minimumExamples)"
                                       + (mode == .multiLabel ? " with and \(minimumExamples) without" : "") + " needed): the model will seldom or never assign it"))
            }
        }
        return warnings
    }

    /// The taxonomy code a label is most likely a typo of: the nearest by edit distance, at most 2 edits (or a
    /// different case) away.
    static func closest(_ label: String, in codes: [String]) -> String? {
        var best: (code: String, distance: Int)?
        for c in codes {
            let d = c.lowercased() == label.lowercased() ? 0 : editDistance(Array(label), Array(c))
            if d <= 2, best == nil || d < best!.distance { best = (c, d) }
        }
        return best?.code
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }

    /// The records' labels that training (or testing) uses; refuses a column where no record has one, saying how
    /// many records lacked the field and how many had it empty.
    @discardableResult
    public static func requireLabelled(_ labels: LabelColumn, field: String) throws -> [[String]] {
        let used = labels.values.compactMap { v -> [String]? in
            guard let v, labels.mode == .multiLabel || v.count == 1 else { return nil }
            return v
        }
        guard !used.isEmpty else {
            throw ThemesError.invalidTrainingData(LabelColumn.noLabelsMessage(field: field, records: labels.values.count,
                                                                              missing: labels.missing, empty: labels.empty))
        }
        return used
    }

    /// Refuses a vocabulary without features (every term cut by the document-frequency limits).
    public static func checkFeatures(count: Int, documents: Int, configuration: VectorizerConfiguration) throws {
        guard count == 0 else { return }
        let docs = counted(documents, pl: ("dokument", "dokumenty", "dokumentów"), en: ("document", "documents"))
        let maxDF = Int((configuration.maxDocumentFrequencyRatio * 100).rounded())
        let fields = configuration.fields.map(\.field).joined(separator: ", ")
        let hint = configuration.minDocumentFrequency > 1
            ? tr("przy tak małym korpusie spróbuj --min-df 1", "with so small a corpus try --min-df 1")
            : tr("teksty w polach \(fields) są puste albo za krótkie? sprawdź --fields", "are the texts of fields \(fields) empty or too short? check --fields")
        throw ThemesError.invalidTrainingData(tr(
            "słownik modelu jest pusty: żadne słowo ani para słów (\(docs)) nie przeszły progów --min-df \(configuration.minDocumentFrequency) "
                + "(co najmniej tyle dokumentów) i \(maxDF)% dokumentów (najwyżej); \(hint)",
            "the model's vocabulary is empty: no word or word pair (\(docs)) passed --min-df \(configuration.minDocumentFrequency) "
                + "(at least that many documents) and \(maxDF)% of documents (at most); \(hint)"))
    }

    /// `checkFeatures` of the vocabulary training would fit on these documents (the labelled ones, as
    /// `ThemeTrainer.train` keeps them): what `eval` checks before its folds.
    public static func checkFeatures(documents: [FieldTerms], labels: [[String]?], mode: LabelMode,
                                     configuration: VectorizerConfiguration) throws {
        var docs: [FieldTerms] = []
        for (d, l) in zip(documents, labels) {
            guard let l, mode == .multiLabel || l.count == 1 else { continue }
            docs.append(d)
        }
        let vectorizer = try TfidfVectorizer.fit(docs, configuration: configuration)
        try checkFeatures(count: vectorizer.featureCount, documents: docs.count, configuration: configuration)
    }
}
