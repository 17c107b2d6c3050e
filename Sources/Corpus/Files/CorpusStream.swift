/// Reads a corpus file one record at a time in constant memory (one chunk of the file and one record), for
/// files too large to hold: `tag` on 100 000 records, `corpus stats`, `corpus validate`.
///
/// After a bad record `next()` throws, and a following call goes on with the next one (so a validator can report
/// every bad line and `tag` loses no good row): a bad JSONL line, a CSV row with more cells than the header, bad
/// UTF-8 or a stray quote in a CSV cell (the CSV record was read to its end). Only a CSV quote that is never closed
/// ends the stream, since where the next record would start is unknown; its message says so.
///
/// A CSV must have a column for the postulate's text (`text` in any case, or a Polish alias such as `treść`):
/// without one, opening the stream fails with the columns seen and the names accepted.
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
                throw CorpusError(.csvShape, file: path, line: 1, field: h,
                                  tr("kolumna \(i + 1): nazwa kolumny powtórzona w nagłówku",
                                     "column \(i + 1): the header names the column twice"))
            }
            if !seen.contains("text") {
                let columns = cells.map { "„\($0.text)”" }.joined(separator: ", ")
                let accepted = PostulateCSV.acceptedNames(for: "text").joined(separator: ", ")
                throw CorpusError(.csvShape, file: path, line: 1,
                                  tr("brak kolumny z treścią postulatu; kolumny w nagłówku: \(columns); przyjmowane nazwy (wielkość liter bez znaczenia): \(accepted)",
                                     "no column with the postulate's text; columns in the header: \(columns); names accepted (in any case): \(accepted)"))
            }
        }
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> Postulate? {
        if failed { return nil }
        switch format {
        case .jsonl: return try nextJSONL()
        case .csv:
            do { return try nextCSV() } catch {
                if error.kind == .truncated || error.kind == .io { failed = true }
                throw error
            }
        }
    }

    /// `next()` without the record's source fields (`jsonFields` stays empty): a JSONL line goes straight into its
    /// record (`JSONRecordScan`), the general parser only where that path declines. Same records, same errors.
    /// For readers that keep only the records (`CorpusLoad.read` without `presenceOf`).
    public func nextRecord() throws -> Postulate? {
        guard format == .jsonl, !failed else { return try next() }
        guard let lineNo = try nextJSONLLine() else { return nil }
        if !jsonFields.isEmpty { jsonFields = [] }
        if let record = lineBuffer.withUnsafeBufferPointer({ JSONRecordScan.record($0) }) { return record }
        return try CorpusReader.fieldsAndRecord(jsonLine: lineBuffer, file: path, line: lineNo).record
    }

    /// The next JSONL line that is not blank, into `lineBuffer`, `line` set to its number (returned); nil at the end.
    /// A read error ends the stream (`failed`): it would repeat, and be reported forever.
    private func nextJSONLLine() throws(CorpusError) -> Int? {
        while true {
            let lineNo = reader.line
            guard reader.nextLine(into: &lineBuffer) else {
                if reader.readError {
                    failed = true
                    throw CorpusError(.io, file: path, tr("błąd odczytu pliku", "read error"))
                }
                return nil
            }
            if lineBuffer.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            line = lineNo
            return lineNo
        }
    }

    private func nextJSONL() throws -> Postulate? {
        guard let lineNo = try nextJSONLLine() else { return nil }
        let (fields, record) = try CorpusReader.fieldsAndRecord(jsonLine: lineBuffer, file: path, line: lineNo)
        jsonFields = fields
        return record
    }

    /// `next()` leaving a JSONL line unparsed (`PendingRecord.record()` parses it, on any thread): what a pipeline
    /// reads on its one reading thread, so that parsing, the larger part of reading, runs on the workers. A CSV
    /// record is parsed here. Errors, blank lines and line numbers as `next()`.
    public func nextPending() throws(CorpusError) -> PendingRecord? {
        if failed { return nil }
        switch format {
        case .jsonl:
            guard let lineNo = try nextJSONLLine() else { return nil }
            return PendingRecord(origin: CorpusLoad.Origin(file: path, line: lineNo), content: .jsonLine(lineBuffer))
        case .csv:
            do {
                guard let p = try nextCSV() else { return nil }
                return PendingRecord(origin: CorpusLoad.Origin(file: path, line: line), content: .record(p))
            } catch {
                if error.kind == .truncated || error.kind == .io { failed = true }
                if error.kind == .io { throw error }
                return PendingRecord(origin: CorpusLoad.Origin(file: path, line: line), content: .failed(error))
            }
        }
    }

    private func nextCSV() throws(CorpusError) -> Postulate? {
        guard let delim = csvDelimiter else { return nil }
        while true {
            guard let (cells, lineNo) = try CSVParser.readRecord(reader, delimiter: delim.asciiValue ?? UInt8(ascii: ","), file: path) else {
                return nil
            }
            if cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted { continue }
            if cells.count > csvHeader.count {
                line = lineNo
                let cellCount = counted(cells.count, pl: ("komórkę", "komórki", "komórek"), en: ("cell", "cells"))
                let columnCount = counted(csvHeader.count, pl: ("kolumnę", "kolumny", "kolumn"), en: ("column", "columns"))
                throw CorpusError(.csvShape, file: path, line: lineNo,
                                  tr("wiersz ma \(cellCount), a nagłówek \(columnCount) (brak cudzysłowu wokół tekstu z separatorem?)",
                                     "the row has \(cellCount) and the header \(columnCount) (text holding the delimiter not in quotes?)"))
            }
            line = lineNo
            return PostulateCSV.record(cells: cells, header: csvHeader)
        }
    }
}
