import Corpus
import PolishText

/// Labelled documents read from corpus files and analysed: what `train` and `eval` start from.
public struct LabelledCorpus {
    public var records: [Postulate]
    public var documents: [FieldTerms]
    public var labels: LabelColumn
    public var labelField: String

    /// Reads every file (JSONL or CSV, via Corpus), takes the labels from `labelField` and analyses the
    /// configured text fields. Records without the label field are kept but not used for training.
    public static func load(files: [String], labelField: String, fields: [FieldWeight], analyzer: any TermAnalyzing) throws -> LabelledCorpus {
        var records: [Postulate] = []
        for f in files { records += try CorpusReader.read(path: f) }
        return try make(records: records, labelField: labelField, fields: fields, analyzer: analyzer)
    }

    public static func make(records: [Postulate], labelField: String, fields: [FieldWeight], analyzer: any TermAnalyzing) throws -> LabelledCorpus {
        let labels = try LabelColumn.read(records, field: labelField)
        let docs = records.map { FieldText.terms(of: $0, fields: fields, analyzer: analyzer) }
        return LabelledCorpus(records: records, documents: docs, labels: labels, labelField: labelField)
    }

    /// Records whose label is usable.
    public var labelledCount: Int { labels.values.filter { $0 != nil }.count }
}
