import Corpus

/// Renders tagged records as JSONL or CSV, one row at a time (CSV rows through `CorpusWriter`, so quoting and
/// value encoding are the corpus's own).
public struct TagOutputWriter {
    public let format: CorpusFormat
    /// CSV output: delimiter and byte-order mark (cells always get the formula guard, `CSVFormulaGuard`).
    public let csvOptions: CSVOptions
    public static let addedFields = ["predicted", "scores", "evidence", "why", "no_theme"]
    private var columns: [String]?
    /// CSV from JSONL: fields of later records that the header (the first record's fields) has no column for, each
    /// with the first line it came on — the caller says so, since the rows cannot carry them.
    public private(set) var droppedFields: [(field: String, line: Int)] = []
    private var dropped: Set<String> = []

    public init(format: CorpusFormat, csvOptions: CSVOptions = CSVOptions()) {
        self.format = format
        self.csvOptions = csvOptions
    }

    /// The bytes for one tagged record (with the CSV header before the first row).
    /// JSONL keeps the input line's fields in their order (re-encoded by Corpus's JSON writer); plain-text input
    /// gives `line` and `text`. CSV keeps the input's columns (or, for JSONL input, the first record's fields),
    /// then the added ones.
    public mutating func row(_ item: TagInput.Item, prediction: ThemePrediction, csvHeader: [String]) -> [UInt8] {
        prediction.withView { row(item, prediction: $0, csvHeader: csvHeader) }
    }

    /// `row` of a prediction read in place (what `postulaty tag` writes).
    public mutating func row(_ item: TagInput.Item, prediction: PredictionView, csvHeader: [String]) -> [UInt8] {
        switch format {
        case .jsonl:
            var out: [UInt8]
            if item.plainText {
                out = Array("{\"line\":\(item.line),\"text\":".utf8)
                JSONBytes.string(item.record.text, to: &out)
            } else {
                // The input's own fields, as they came (a record read from JSONL keeps only the fields it had;
                // nothing is invented, such as an empty `themes` that would read as "no theme").
                // Written straight into the row's bytes (a String per row, then its copy, cost a tenth of tagging);
                // a JSONL line's from its own bytes (writing the parsed values again cost as much as parsing them).
                out = []
                out.reserveCapacity(1024)
                if !item.appendCompactJSON(to: &out, dropping: Self.addedFields) {
                    out.removeAll(keepingCapacity: true)
                    var fields = item.complete().fields ?? item.record.jsonObject
                    fields.removeAll { Self.addedFields.contains($0.0) }
                    JSONValue.object(fields).appendJSON(to: &out)
                }
                if out.last == UInt8(ascii: "}") { out.removeLast() }
            }
            let mark = out.count
            Tagger.appendOutputFields(prediction, to: &out)
            // A record with no fields of its own (`{}`): the added fields come first, without their comma.
            if mark > 0, out[mark - 1] == UInt8(ascii: "{") { out.remove(at: mark) }
            out.append(UInt8(ascii: "}"))
            out.append(0x0A)
            return out
        case .csv:
            // Every field of the record (a JSONL line was read for the model's fields only).
            let item = item.complete()
            var record = item.record
            record.extra.removeAll { Self.addedFields.contains($0.0) }
            var out: [UInt8] = []
            let cols: [String]
            if let columns { cols = columns } else {
                let base = item.plainText ? ["line", "text"]
                    : (csvHeader.isEmpty ? (item.fields?.map(\.0) ?? Postulate.typedFields + record.extra.map(\.0)) : csvHeader)
                cols = base.filter { !Self.addedFields.contains($0) } + Self.addedFields
                columns = cols
                out = CorpusWriter.csvHeader(columns: cols, options: csvOptions)
            }
            if !item.plainText, csvHeader.isEmpty {
                for name in item.fields?.map(\.0) ?? record.extra.map(\.0)
                where !cols.contains(name) && !dropped.contains(name) && !Self.addedFields.contains(name) {
                    dropped.insert(name)
                    droppedFields.append((name, item.line))
                }
            }
            if item.plainText { record.extra.append(("line", .number(String(item.line)))) }
            record.extra += Tagger.csvFields(prediction)
            out += CorpusWriter.csvRow(record, columns: cols, options: csvOptions)
            return out
        }
    }

    /// Takes the dropped fields a worker's copy of this writer met (the earliest line of each), so the report of
    /// them does not depend on how rows were shared among workers.
    public mutating func absorbDropped(_ other: TagOutputWriter) {
        for d in other.droppedFields {
            if let i = droppedFields.firstIndex(where: { $0.field == d.field }) {
                droppedFields[i].line = min(droppedFields[i].line, d.line)
            } else {
                droppedFields.append(d)
                dropped.insert(d.field)
            }
        }
        droppedFields.sort { ($0.line, $0.field) < ($1.line, $1.field) }
    }

    /// Bytes still to write at the end (a CSV header when there was no row at all).
    public mutating func flush() -> [UInt8] {
        if format == .csv && columns == nil {
            columns = Self.addedFields
            return CorpusWriter.csvHeader(columns: Self.addedFields, options: csvOptions)
        }
        return []
    }
}
