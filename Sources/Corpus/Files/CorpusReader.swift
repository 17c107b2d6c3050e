/// Reading whole corpus files (JSONL or CSV). For files too large to hold, use `CorpusStream` or `forEach`.
public enum CorpusReader {
    /// All records of a file. The format comes from the extension (.jsonl/.ndjson/.json, .csv) or, failing that,
    /// from the first byte. Throws `CorpusError` naming the file and line of the first unreadable record.
    public static func read(path: String, format: CorpusFormat? = nil) throws -> [Postulate] {
        var out: [Postulate] = []
        try forEach(path: path, format: format) { p, _ in out.append(p) }
        return out
    }

    /// All records with the line each starts on (what error messages and the validator need).
    public static func readNumbered(path: String, format: CorpusFormat? = nil) throws -> [(record: Postulate, line: Int)] {
        var out: [(record: Postulate, line: Int)] = []
        try forEach(path: path, format: format) { p, l in out.append((p, l)) }
        return out
    }

    /// Streams the records one by one in constant memory; `body` gets each record and its line.
    public static func forEach(path: String, format: CorpusFormat? = nil,
                               _ body: (Postulate, Int) throws -> Void) throws {
        let stream = try CorpusStream(path: path, format: format)
        while let p = try stream.next() { try body(p, stream.line) }
    }

    /// Parses one JSONL line (without its newline) into a record.
    public static func record(jsonLine: String, file: String = "-", line: Int = 1) throws -> Postulate {
        try record(jsonLine: Array(jsonLine.utf8), file: file, line: line)
    }

    static func record(jsonLine bytes: [UInt8], file: String, line: Int) throws(CorpusError) -> Postulate {
        try fieldsAndRecord(jsonLine: bytes, file: file, line: line).record
    }

    /// A JSONL line's fields as written (names and values, in their order) and the record they make. Why both:
    /// `postulaty tag` writes a record back with the fields it came with (adding its own), not with every field a
    /// `Postulate` has.
    public static func fieldsAndRecord(jsonLine: String, file: String = "-", line: Int = 1) throws
        -> (fields: [(String, JSONValue)], record: Postulate) {
        try fieldsAndRecord(jsonLine: Array(jsonLine.utf8), file: file, line: line)
    }

    /// `utf8Checked`: the caller has checked that the line is UTF-8 (its strings are not validated again).
    static func fieldsAndRecord(jsonLine bytes: [UInt8], file: String, line: Int, utf8Checked: Bool = false) throws(CorpusError)
        -> (fields: [(String, JSONValue)], record: Postulate) {
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { b throws(JSONSyntaxError) in
                // The parser throws only JSONSyntaxError; anything else becomes one rather than a trap.
                do { return try JSONParser.parse(b, utf8Checked: utf8Checked) } catch let e as JSONSyntaxError { throw e } catch {
                    throw JSONSyntaxError(column: 1, message: "\(error)", truncated: false)
                }
            }
        } catch {
            if String(validating: bytes, as: UTF8.self) == nil {
                throw CorpusError(.encoding, file: file, line: line, TextEncodingSniffer.hint(forInvalidLine: bytes))
            }
            throw CorpusError(error.truncated ? .truncated : .syntax, file: file, line: line, error.description)
        }
        guard case .object(let fields) = value else {
            throw CorpusError(.notAnObject, file: file, line: line, "rekord musi być obiektem JSON {…}")
        }
        do {
            return (fields, try Postulate(jsonObject: fields))
        } catch {
            throw CorpusError(.duplicateField, file: file, line: line, field: error.field, error.message)
        }
    }
}
