import Corpus
import Foundation
import PolishText

/// Labelled documents read from corpus files and analysed: what `train` and `eval` start from.
public struct LabelledCorpus {
    public var records: [Postulate]
    public var documents: [FieldTerms]
    public var labels: LabelColumn
    public var labelField: String
    /// Per record, the value of the group field (resubmissions of one demand), nil when absent.
    public var groups: [String?]

    /// Reads every file (JSONL or CSV, via Corpus), takes the labels from `labelField` and analyses the
    /// configured text fields. Records without the label field are kept but not used for training (a CSV without
    /// the column, a JSONL record without the key: also for `themes`, which a record without it reads as `[]`).
    /// Files are read under the bad-record policy (`CorpusLoad`): a folder or a file without a single record is
    /// refused, naming it, so an empty corpus never trains (or replaces) a model. `skipped` receives the records
    /// skipped under `BadRecordPolicy.skip` and how many were read.
    public static func load(files: [String], labelField: String, fields: [FieldWeight], analyzer: any TermAnalyzing,
                            groupField: String = "group", badRecords: BadRecordPolicy = .fail, filter: TextFilter? = nil,
                            jobs: Int = 1,
                            skipped: ([CorpusError], Int) -> Void = { _, _ in }) throws -> LabelledCorpus {
        let load = try CorpusLoad.read(files, policy: badRecords, presenceOf: labelField)
        skipped(load.skipped, load.records.count)
        return try make(records: load.records, labelField: labelField, fields: fields, analyzer: analyzer,
                        groupField: groupField, present: load.fieldPresent, filter: filter, jobs: jobs)
    }

    /// `present`: per record, whether its source had the label field (see `LabelColumn.read`); nil: as the
    /// records say.
    public static func make(records: [Postulate], labelField: String, fields: [FieldWeight], analyzer: any TermAnalyzing,
                            groupField: String = "group", present: [Bool]? = nil,
                            filter: TextFilter? = nil, jobs: Int = 1) throws -> LabelledCorpus {
        guard !records.isEmpty else {
            throw ThemesError.invalidTrainingData(tr("brak rekordów: korpus jest pusty", "no records: the corpus is empty"))
        }
        let labels = try LabelColumn.read(records, field: labelField, present: present)
        // `jobs` > 1: analysed on that many threads, each with an analyzer of its own (`ParallelAnalysis`); the
        // same terms in the same order.
        let docs: [FieldTerms]
        if jobs > 1, let polish = analyzer as? Analyzer {
            docs = try ParallelAnalysis(analyzer: polish, jobs: jobs).map(records.indices) { a, i in
                FieldText.terms(of: records[i], fields: fields, analyzer: a, filter: filter)
            }
        } else {
            docs = records.map { FieldText.terms(of: $0, fields: fields, analyzer: analyzer, filter: filter) }
        }
        let groups = records.map { r -> String? in
            guard let g = r.value(of: groupField)?.stringValue, !g.isEmpty else { return nil }
            return g
        }
        return LabelledCorpus(records: records, documents: docs, labels: labels, labelField: labelField, groups: groups)
    }

    /// This corpus followed by `other`'s records (e.g. the training-only records, `Corpora/training/`), which must
    /// be labelled the same way (both multi-label or both single-label).
    public func appending(_ other: LabelledCorpus?) throws -> LabelledCorpus {
        guard let other else { return self }
        guard other.labels.mode == labels.mode else {
            throw ThemesError.invalidTrainingData(tr("pole „\(labelField)” jest w części plików listą, a w części tekstem",
                                                     "field \(labelField) is an array in some files and a string in others"))
        }
        var column = labels
        column.values += other.labels.values
        column.missing += other.labels.missing
        column.empty += other.labels.empty
        return LabelledCorpus(records: records + other.records, documents: documents + other.documents, labels: column,
                              labelField: labelField, groups: groups + other.groups)
    }

    /// The groups when any record has one (nil: plain stratified folds).
    public var foldGroups: [String?]? { groups.contains { $0 != nil } ? groups : nil }

    /// Records whose label is usable.
    public var labelledCount: Int { labels.values.filter { $0 != nil }.count }
}
