/// Writing corpus files. JSONL: one compact record a line, "\n" after each, fields in the order of
/// `Postulate.jsonObject`. CSV: a header row, then one row per record, CRLF line ends (RFC 4180).
/// Files are always written through `AtomicFile`.
public enum CorpusWriter {
    /// JSONL bytes for the records.
    public static func jsonl<S: Sequence>(_ records: S) -> [UInt8] where S.Element == Postulate {
        var out: [UInt8] = []
        for r in records {
            JSONWriter.append(.object(r.jsonObject), to: &out)
            out.append(0x0A)
        }
        return out
    }

    /// CSV bytes for the records (columns: the typed fields, then every other field in first-seen order).
    public static func csv(_ records: [Postulate], options: CSVOptions = CSVOptions()) -> [UInt8] {
        csv(records, columns: PostulateCSV.columns(for: records), options: options)
    }

    /// CSV bytes with the given columns (a column a record lacks is left empty).
    public static func csv(_ records: [Postulate], columns: [String], options: CSVOptions = CSVOptions()) -> [UInt8] {
        var out = csvHeader(columns: columns, options: options)
        for r in records { PostulateCSV.appendRow(r, columns: columns, delimiter: options.delimiterByte, to: &out) }
        return out
    }

    /// The start of a CSV file: the byte-order mark when asked for, then the header row.
    public static func csvHeader(columns: [String], options: CSVOptions = CSVOptions()) -> [UInt8] {
        var out: [UInt8] = options.byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        let d = options.delimiterByte
        for (i, c) in columns.enumerated() {
            if i > 0 { out.append(d) }
            CSVParser.appendCell(c, delimiter: d, forceQuote: false, to: &out)
        }
        out.append(0x0D); out.append(0x0A)
        return out
    }

    /// One CSV row (no header) for a record, for writers that stream.
    public static func csvRow(_ record: Postulate, columns: [String], options: CSVOptions = CSVOptions()) -> [UInt8] {
        var out: [UInt8] = []
        PostulateCSV.appendRow(record, columns: columns, delimiter: options.delimiterByte, to: &out)
        return out
    }

    /// Writes the records to `path` atomically, as JSONL or CSV (by `format`, else by the extension, else JSONL).
    public static func write(_ records: [Postulate], to path: String, format: CorpusFormat? = nil,
                             csvOptions: CSVOptions = CSVOptions()) throws {
        let f = format ?? CorpusFormat.fromExtension(path) ?? .jsonl
        try AtomicFile.write(f == .csv ? csv(records, options: csvOptions) : jsonl(records), to: path)
    }

    /// Appends one record as a JSONL line to a streaming writer (for outputs too large to hold).
    public static func appendJSONL(_ record: Postulate, to writer: AtomicFile.Writer) throws {
        var out: [UInt8] = []
        JSONWriter.append(.object(record.jsonObject), to: &out)
        out.append(0x0A)
        try writer.write(out)
    }
}
