/// Reads a corpus file one record at a time in constant memory (one chunk of the file and one record), for
/// files too large to hold: `tag` on 100 000 records, `corpus stats`, `corpus validate`.
///
/// After a bad JSONL line `next()` throws, and a following call goes on with the next line (so a validator can
/// report every bad line); after a CSV error the stream ends, since where the next record starts is unknown.
public final class CorpusStream {
    public let path: String
    public let format: CorpusFormat
    /// The line the last returned record starts on (1-based).
    public private(set) var line = 0
    /// The CSV delimiter read from the header (nil for JSONL).
    public private(set) var csvDelimiter: Character?
    /// The CSV header's column names (empty for JSONL).
    public private(set) var csvHeader: [String] = []
    /// JSONL: the last record's fields as written (a typed field such as `themes` reads as `[]` from a record
    /// that lacks it; this tells the two apart). Empty for CSV, whose columns are `csvHeader`.
    public private(set) var jsonFields: [(String, JSONValue)] = []

    private let reader: ByteReader
    private var lineBuffer: [UInt8] = []
    private var failed = false

    public init(path: String, format: CorpusFormat? = nil) throws {
        self.path = path
        reader = try ByteReader(path: path)
        reader.skipBOM()
        if let f = format ?? CorpusFormat.fromExtension(path) {
            self.format = f
        } else {
            self.format = reader.peekFirstNonBlank() == UInt8(ascii: "{") ? .jsonl : .csv
        }
        if self.format == .csv {
            guard let (cells, delim) = try CSVParser.readHeader(reader, file: path) else { return }
            csvDelimiter = Character(UnicodeScalar(delim))
            csvHeader = cells.map { PostulateCSV.fieldName(forHeader: $0.text.trimmingCharacters()) }
            var seen = Set<String>()
            for (i, h) in csvHeader.enumerated() where !h.isEmpty && !seen.insert(h).inserted {
                throw CorpusError(.csvShape, file: path, line: 1, field: h, "kolumna \(i + 1): nazwa kolumny powtórzona w nagłówku")
            }
        }
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> Postulate? {
        if failed { return nil }
        switch format {
        case .jsonl: return try nextJSONL()
        case .csv:
            do { return try nextCSV() } catch { failed = true; throw error }
        }
    }

    private func nextJSONL() throws -> Postulate? {
        while true {
            let lineNo = reader.line
            guard reader.nextLine(into: &lineBuffer) else {
                if reader.readError { throw CorpusError(.io, file: path, "błąd odczytu pliku") }
                return nil
            }
            if lineBuffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            line = lineNo
            let (fields, record) = try CorpusReader.fieldsAndRecord(jsonLine: lineBuffer, file: path, line: lineNo)
            jsonFields = fields
            return record
        }
    }

    private func nextCSV() throws -> Postulate? {
        guard let delim = csvDelimiter else { return nil }
        while true {
            guard let (cells, lineNo) = try CSVParser.readRecord(reader, delimiter: UInt8(delim.asciiValue!), file: path) else {
                return nil
            }
            if cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted { continue }
            if cells.count > csvHeader.count {
                throw CorpusError(.csvShape, file: path, line: lineNo,
                                  "\(cells.count) komórek, a nagłówek ma \(csvHeader.count) kolumn (brak cudzysłowu wokół tekstu z separatorem?)")
            }
            line = lineNo
            return PostulateCSV.record(cells: cells, header: csvHeader)
        }
    }
}
