/// RFC 4180 CSV as spreadsheets write it: a header row, `,` or `;` between cells (the one the header uses),
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
    /// Reads the header record, choosing the delimiter it uses (`;` when it has more of them than `,`).
    static func readHeader(_ src: ByteReader, file: String) throws(CorpusError) -> (cells: [CSVCell], delimiter: UInt8)? {
        var raw: [UInt8] = []
        var inQuotes = false
        var commas = 0, semicolons = 0
        let startLine = src.line
        while let c = src.nextByte() {
            if c == 0x22 { inQuotes.toggle() }
            if !inQuotes {
                if c == 0x0A { break }
                if c == UInt8(ascii: ",") { commas += 1 }
                if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            raw.append(c)
        }
        if raw.last == 0x0D { raw.removeLast() }
        if raw.isEmpty && src.peekByte() == nil { return nil }
        let delimiter = semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let source = ArrayByteSource(raw, line: startLine)
        guard let rec = try readRecord(source, delimiter: delimiter, file: file) else { return nil }
        return (rec.cells, delimiter)
    }

    /// The next record and the line it starts on, or nil at the end of the input.
    static func readRecord(_ src: ByteSource, delimiter: UInt8, file: String) throws(CorpusError) -> (cells: [CSVCell], line: Int)? {
        guard src.peekByte() != nil else { return nil }
        let startLine = src.line
        var cells: [CSVCell] = []
        var field: [UInt8] = []
        var quoted = false
        func finish() throws(CorpusError) {
            guard let s = String(validating: field, as: UTF8.self) else {
                throw CorpusError(.encoding, file: file, line: startLine, "komórka \(cells.count + 1): tekst nie jest poprawnym UTF-8 (plik z Excela? zapisz go jako „CSV UTF-8”)")
            }
            cells.append(CSVCell(text: s, quoted: quoted))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        while true {
            guard let c = src.nextByte() else { try finish(); return (cells, startLine) }
            if c == 0x22 && field.isEmpty && !quoted {
                quoted = true
                // Inside quotes until a lone closing quote.
                while true {
                    guard let q = src.nextByte() else {
                        throw CorpusError(.truncated, file: file, line: startLine,
                                          "komórka \(cells.count + 1): brak zamykającego cudzysłowu (plik urwany?)")
                    }
                    if q == 0x22 {
                        if src.peekByte() == 0x22 { _ = src.nextByte(); field.append(0x22); continue }
                        break
                    }
                    field.append(q)
                }
                // After the closing quote only a delimiter or the end of the record may follow.
                let n = src.peekByte()
                if n == nil || n == delimiter || n == 0x0A || n == 0x0D { continue }
                throw CorpusError(.syntax, file: file, line: startLine,
                                  "komórka \(cells.count + 1): tekst po zamykającym cudzysłowie (cudzysłów wewnątrz komórki trzeba podwoić)")
            }
            if c == delimiter { try finish(); continue }
            if c == 0x0D && src.peekByte() == 0x0A { continue }
            if c == 0x0A { try finish(); return (cells, startLine) }
            if c == 0x0D && src.peekByte() == nil { continue }
            field.append(c)
        }
    }

    /// One cell, quoted when needed (always when `forceQuote`, used for an empty string that must stay one).
    static func appendCell(_ s: String, delimiter: UInt8, forceQuote: Bool, to out: inout [UInt8]) {
        var needs = forceQuote
        if !needs {
            for c in s.utf8 where c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D { needs = true; break }
        }
        if !needs { out.append(contentsOf: s.utf8); return }
        out.append(0x22)
        for c in s.utf8 {
            if c == 0x22 { out.append(0x22) }
            out.append(c)
        }
        out.append(0x22)
    }
}
