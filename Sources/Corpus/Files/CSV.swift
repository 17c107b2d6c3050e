/// RFC 4180 CSV as spreadsheets write it: a header row, `,`, `;` or tab between cells (the one the header uses),
/// cells quoted with `"` when they hold the delimiter, a quote or a line break, `""` for a quote inside.
/// Records may span lines (a quoted line break), so this works on bytes, not on lines.
struct CSVCell: Equatable {
    var text: String
    /// Whether the cell was written in quotes: `""` (an empty string) differs from nothing at all.
    var quoted: Bool
}

protocol ByteSource: AnyObject {
    func nextByte() -> UInt8?
    func peekByte() -> UInt8?
    var line: Int { get }
}

extension ByteReader: ByteSource {}

final class ArrayByteSource: ByteSource {
    let bytes: [UInt8]
    var i = 0
    var line: Int
    init(_ bytes: [UInt8], line: Int) { self.bytes = bytes; self.line = line }
    func nextByte() -> UInt8? {
        guard i < bytes.count else { return nil }
        defer { i += 1 }
        if bytes[i] == 0x0A { line += 1 }
        return bytes[i]
    }
    func peekByte() -> UInt8? { i < bytes.count ? bytes[i] : nil }
}

enum CSVParser {
    /// Reads the header record, choosing the delimiter it uses: the most frequent of `,`, `;` and tab outside
    /// quotes (`,` on a tie or when there is none).
    static func readHeader(_ src: ByteReader, file: String) throws(CorpusError) -> (cells: [CSVCell], delimiter: UInt8)? {
        var raw: [UInt8] = []
        var inQuotes = false
        var commas = 0, semicolons = 0, tabs = 0
        let startLine = src.line
        while let c = src.nextByte() {
            if c == 0x22 { inQuotes.toggle() }
            if !inQuotes {
                if c == 0x0A { break }
                if c == UInt8(ascii: ",") { commas += 1 }
                if c == UInt8(ascii: ";") { semicolons += 1 }
                if c == 0x09 { tabs += 1 }
            }
            raw.append(c)
        }
        if raw.last == 0x0D { raw.removeLast() }
        if raw.isEmpty && src.peekByte() == nil { return nil }
        var delimiter = UInt8(ascii: ",")
        if semicolons > commas { delimiter = UInt8(ascii: ";") }
        if tabs > max(commas, semicolons) { delimiter = 0x09 }
        let source = ArrayByteSource(raw, line: startLine)
        guard let rec = try readRecord(source, delimiter: delimiter, file: file) else { return nil }
        return (rec.cells, delimiter)
    }

    /// The next record and the line it starts on, or nil at the end of the input. Each cell loses the formula
    /// guard a writer put on it (`CSVFormulaGuard.unguarded`).
    ///
    /// A bad cell (bytes that are not UTF-8, text after a closing quote) is reported only once the whole record is
    /// read, so the next call starts at the next record and no later row is lost. Only a quote that is never
    /// closed ends the input: where the record would end cannot be known, and the error says so.
    static func readRecord(_ src: ByteSource, delimiter: UInt8, file: String) throws(CorpusError) -> (cells: [CSVCell], line: Int)? {
        guard src.peekByte() != nil else { return nil }
        let startLine = src.line
        var cells: [CSVCell] = []
        var field: [UInt8] = []
        var quoted = false
        var problem: CorpusError?
        func finish() {
            if let s = String(validating: field, as: UTF8.self) {
                cells.append(CSVCell(text: CSVFormulaGuard.unguarded(s), quoted: quoted))
            } else {
                if problem == nil {
                    problem = CorpusError(.encoding, file: file, line: startLine,
                                          tr("komórka \(cells.count + 1): tekst nie jest poprawnym UTF-8 (plik z Excela? zapisz go jako „CSV UTF-8”)",
                                             "cell \(cells.count + 1): the text is not valid UTF-8 (a file from Excel? save it as \"CSV UTF-8\")"))
                }
                cells.append(CSVCell(text: "", quoted: quoted))
            }
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func end() throws(CorpusError) -> (cells: [CSVCell], line: Int) {
            finish()
            if let problem { throw problem }
            return (cells, startLine)
        }
        while true {
            guard let c = src.nextByte() else { return try end() }
            if c == 0x22 && field.isEmpty && !quoted {
                quoted = true
                // Inside quotes until a lone closing quote.
                while true {
                    guard let q = src.nextByte() else {
                        throw CorpusError(.truncated, file: file, line: startLine,
                                          tr("komórka \(cells.count + 1): brak zamykającego cudzysłowu (plik urwany?); dalszej części pliku nie można odczytać",
                                             "cell \(cells.count + 1): no closing quote (a truncated file?); the rest of the file could not be read"))
                    }
                    if q == 0x22 {
                        if src.peekByte() == 0x22 { _ = src.nextByte(); field.append(0x22); continue }
                        break
                    }
                    field.append(q)
                }
                // After the closing quote only a delimiter or the end of the record may follow; anything else is
                // read on as part of the cell (to find where the record ends) and reported with the record.
                let n = src.peekByte()
                if n == nil || n == delimiter || n == 0x0A || n == 0x0D { continue }
                if problem == nil {
                    problem = CorpusError(.syntax, file: file, line: startLine,
                                          tr("komórka \(cells.count + 1): tekst po zamykającym cudzysłowie (cudzysłów wewnątrz komórki trzeba podwoić)",
                                             "cell \(cells.count + 1): text after the closing quote (a quote inside a cell must be doubled)"))
                }
                continue
            }
            if c == delimiter { finish(); continue }
            if c == 0x0D && src.peekByte() == 0x0A { continue }
            if c == 0x0A { return try end() }
            if c == 0x0D && src.peekByte() == nil { continue }
            field.append(c)
        }
    }

    /// One cell, quoted when needed (always when `forceQuote`, used for an empty string that must stay one).
    /// Text that a spreadsheet would run as a formula gets a leading `'` (`CSVFormulaGuard`) unless
    /// `guardFormula` is false (a plain number in a numeric column).
    static func appendCell(_ s: String, delimiter: UInt8, forceQuote: Bool, guardFormula: Bool = true,
                           to out: inout [UInt8]) {
        let guarded = guardFormula && CSVFormulaGuard.needsGuard(s)
        var needs = forceQuote
        if !needs {
            for c in s.utf8 where c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D { needs = true; break }
        }
        if !needs {
            if guarded { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: s.utf8)
            return
        }
        out.append(0x22)
        if guarded { out.append(UInt8(ascii: "'")) }
        for c in s.utf8 {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
    }
}
