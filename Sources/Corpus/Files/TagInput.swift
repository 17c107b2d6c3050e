/// The records to tag (`postulaty tag`'s input), read one at a time (constant memory) from JSONL, CSV or plain text (one postulate a line).
/// JSONL lines are parsed by Corpus (`CorpusReader.record(jsonLine:)`), CSV by `CorpusStream`; this type only
/// chooses the format and turns plain-text lines into records.
public final class TagInput {
    public enum Kind: String, Sendable {
        case jsonl, csv, text
        /// Decided at the first non-blank line: "{" → JSONL, anything else → plain text.
        case sniff

        /// From an explicit --input-format, else the extension (.jsonl/.ndjson/.json, .csv, .txt), else sniffed.
        public init(explicit: String?, path: String) throws {
            if let explicit {
                guard let k = Kind(rawValue: explicit), k != .sniff else {
                    throw CorpusError(.io, file: path, tr("nieznany format wejścia \(explicit) (jsonl, csv albo text)",
                                                          "unknown input format \(explicit) (jsonl, csv or text)"))
                }
                self = k
                return
            }
            let lower = path.lowercased()
            if let f = CorpusFormat.fromExtension(lower) { self = f == .csv ? .csv : .jsonl }
            else if lower.hasSuffix(".txt") { self = .text }
            else { self = .sniff }
        }
    }

    /// One input record: the record, the line it starts on, and whether it came from plain text.
    public struct Item: Sendable {
        public var record: Postulate
        public var line: Int
        public var plainText: Bool
        /// JSONL input: the line's fields as written, which the output keeps (nil for CSV and plain text, and for a
        /// `partial` item until `complete()`).
        public var fields: [(String, JSONValue)]? = nil
        /// JSONL input: the line's bytes (what `appendCompactJSON` writes from).
        var jsonLine: [UInt8]? = nil
        /// JSONL input read by `JSONLineScan`: the line's compact spelling and its top-level fields.
        var scanned: ScannedLine? = nil

        /// `record` holds only the fields the model reads (and `text` and `justification`, which `why` quotes), and
        /// `fields` is nil: what `TagInput.parse` gives for a JSONL line, whose other fields a JSONL row writes from
        /// the line itself. `complete()` reads the rest.
        public var partial: Bool { scanned != nil }

        /// The item with every field of its line read (`record` whole, `fields` set): itself unless `partial`.
        public func complete() -> Item {
            guard partial, let jsonLine else { return self }
            do {
                let (fields, record) = try CorpusReader.fieldsAndRecord(jsonLine: jsonLine, file: "-", line: line, utf8Checked: true)
                return Item(record: record, line: line, plainText: false, fields: fields, jsonLine: jsonLine)
            } catch {
                // Not reached: the line was scanned as the parser reads it and had no repeated name.
                return self
            }
        }

        /// JSONL input: the line's object spelt as `JSONValue.object(fields)` writes it, without the fields named in
        /// `dropping`, straight from the line's bytes (`JSONCompact`, or the compact spelling `JSONLineScan` made
        /// while reading). False (nothing to use in `out`) for other input.
        public func appendCompactJSON(to out: inout [UInt8], dropping names: [String]) -> Bool {
            guard let jsonLine else { return false }
            if let scanned { return scanned.appendObject(to: &out, line: jsonLine, dropping: names) }
            return jsonLine.withUnsafeBufferPointer { line in
                JSONCompact.appendObject(line, to: &out) { key in
                    names.contains { $0.utf8.count == key.count && $0.utf8.elementsEqual(key) }
                }
            }
        }
    }

    /// A JSONL line's compact spelling and top-level fields (`JSONLineScan`), kept with its item until its row is
    /// written. No field name has escapes (a line with one is parsed whole).
    struct ScannedLine: Sendable {
        var compact: [UInt8]
        var fields: [JSONLineScan.Field]

        /// The compact object without the fields named in `names` (the whole spelling, copied, when none is there).
        func appendObject(to out: inout [UInt8], line: [UInt8], dropping names: [String]) -> Bool {
            line.withUnsafeBufferPointer { b in
                func named(_ f: JSONLineScan.Field) -> Bool {
                    let name = UnsafeBufferPointer(rebasing: b[f.name])
                    return names.contains { $0.utf8.count == name.count && $0.utf8.elementsEqual(name) }
                }
                compact.withUnsafeBufferPointer { c in
                    guard fields.contains(where: named) else { out.append(contentsOf: c); return }
                    out.append(UInt8(ascii: "{"))
                    var first = true
                    for f in fields where !named(f) {
                        if !first { out.append(UInt8(ascii: ",")) }
                        first = false
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: c[f.compact]))
                    }
                    out.append(UInt8(ascii: "}"))
                }
            }
            return true
        }
    }

    public let path: String
    public private(set) var kind: Kind
    /// The fields the model reads (`text` and `justification` for the themes model, `response` for the stance
    /// model): a record with all of them blank has nothing to tag (`requireText`).
    public let readFields: [String]
    /// CSV input: the header's columns (the output keeps them, in order).
    public var csvHeader: [String] { stream?.csvHeader ?? [] }
    private var lines: LineReader?
    private var stream: CorpusStream?

    public init(path: String, kind: Kind, readFields: [String] = ["text", "justification"]) throws {
        self.path = path
        self.kind = kind
        self.readFields = readFields
        if kind == .csv { stream = try CorpusStream(path: path, format: .csv) } else { lines = try LineReader(path: path) }
    }

    /// The next record, a failure naming the file and line (the caller reports it and goes on), or nil at the end.
    /// A bad CSV row does not end the input (the stream goes on with the next record); a CSV quote that is never
    /// closed does, and its message says the rest of the file could not be read.
    public func next() -> Result<Item, TagInputError>? {
        switch nextUnparsed() {
        case nil: return nil
        case .read(let result)?: return result
        case .line(let line)?: return TagInput.parse(line)
        }
    }

    /// A JSONL line read and checked for UTF-8 but not parsed yet: `parse(_:)` may run on another thread.
    public struct JSONLine: Sendable {
        /// Checked to be UTF-8 when made (so not settable outside: `parse` relies on it).
        public private(set) var bytes: [UInt8]
        public var line: Int
        let file: String
        let readFields: [String]
    }

    /// What `nextUnparsed` gives: a record read (or a failure), or a JSONL line still to parse.
    public enum Unparsed: Sendable {
        case read(Result<Item, TagInputError>)
        case line(JSONLine)
    }

    /// `next()` without parsing JSON: what the parallel tagging reads on its one reading thread, leaving the
    /// parsing (the larger part of reading) to the workers.
    public func nextUnparsed() -> Unparsed? {
        if let stream {
            do {
                guard let r = try stream.next() else { return nil }
                return .read(Self.requireText(Item(record: r, line: stream.line, plainText: false),
                                              file: path == "-" ? "stdin" : path, fields: readFields))
            } catch {
                return .read(.failure(TagInputError(message: "\(error)")))
            }
        }
        guard let lines else { return nil }
        while let bytes = lines.next() {
            let n = lines.line
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if kind == .sniff { kind = bytes.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "{") ? .jsonl : .text }
            let name = path == "-" ? "stdin" : path
            if kind == .jsonl {
                guard Self.isValidUTF8(bytes) else {
                    return .read(.failure(TagInputError(message: "\(name):\(n): " + TextEncodingSniffer.hint(forInvalidLine: bytes))))
                }
                return .line(JSONLine(bytes: bytes, line: n, file: name, readFields: readFields))
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .read(.failure(TagInputError(message: "\(name):\(n): " + TextEncodingSniffer.hint(forInvalidLine: bytes))))
            }
            return .read(.success(Item(record: Postulate(id: "", text: text), line: n, plainText: true)))
        }
        return nil
    }

    /// The record of a JSONL line, or a failure naming its file and line. A `partial` item (`scan`) when the line
    /// is an object with a text to tag; anything else — a broken line, a repeated or escaped field name, nothing to
    /// tag — is parsed whole, which gives the error message.
    public static func parse(_ line: JSONLine) -> Result<Item, TagInputError> {
        if let item = scan(line) { return .success(item) }
        return parseWhole(line)
    }

    /// The fields `tag` reads besides the model's: `text` and `justification` (the words `why` quotes are found in
    /// them, `Tagger.withTag`).
    static let alwaysRead = ["text", "justification"]

    /// A partial item of a JSONL line (see `Item.partial`): the line checked and spelt compact in one pass
    /// (`JSONLineScan`), only the values of the fields read parsed. Nil when the line must be parsed whole.
    static func scan(_ line: JSONLine) -> Item? {
        var compact: [UInt8] = []
        compact.reserveCapacity(line.bytes.count + 1024)
        var fields: [JSONLineScan.Field] = []
        fields.reserveCapacity(16)
        let read: [(String, JSONValue)]? = line.bytes.withUnsafeBufferPointer { b in
            guard JSONLineScan.scan(b, into: &compact, fields: &fields) else { return nil }
            func wanted(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
                let isRead = { (f: String) in f.utf8.count == name.count && f.utf8.elementsEqual(name) }
                return alwaysRead.contains(where: isRead) || line.readFields.contains(where: isRead)
            }
            var read: [(String, JSONValue)] = []
            for (k, f) in fields.enumerated() {
                // A repeated name is an error (`Postulate(jsonObject:)` names it), an escaped one rare: parsed whole.
                guard !f.nameEscaped else { return nil }
                let name = UnsafeBufferPointer(rebasing: b[f.name])
                for j in 0..<k where fields[j].name.count == name.count
                    && UnsafeBufferPointer(rebasing: b[fields[j].name]).elementsEqual(name) { return nil }
                guard wanted(name) else { continue }
                var c = JSONParser.Cursor(b: b, i: f.value.lowerBound, utf8Checked: true)
                guard let v = try? c.value(depth: 1) else { return nil }
                read.append((String(decoding: name, as: UTF8.self), v))
            }
            return read
        }
        guard let read, let record = try? Postulate(jsonObject: read) else { return nil }
        let item = Item(record: record, line: line.line, plainText: false, jsonLine: line.bytes,
                        scanned: ScannedLine(compact: compact, fields: fields))
        guard case .success = requireText(item, file: line.file, fields: line.readFields) else { return nil }
        return item
    }

    /// `parse` of the whole line (every field's value, `JSONParser`).
    static func parseWhole(_ line: JSONLine) -> Result<Item, TagInputError> {
        do {
            // `nextUnparsed` made a JSONLine only of a line it had checked to be UTF-8.
            let (fields, record) = try CorpusReader.fieldsAndRecord(jsonLine: line.bytes, file: line.file, line: line.line,
                                                                    utf8Checked: true)
            return requireText(Item(record: record, line: line.line, plainText: false, fields: fields, jsonLine: line.bytes),
                               file: line.file, fields: line.readFields)
        } catch {
            return .failure(TagInputError(message: "\(error)"))
        }
    }

    /// A record whose fields the model reads are all blank has nothing to tag: without this check its row would
    /// claim "no theme" from the priors alone, which a reader takes for a judgement of an empty row. It is a bad
    /// record (reported with its file, line and field, skipped, counted) like any other.
    static func requireText(_ item: Item, file: String, fields: [String]) -> Result<Item, TagInputError> {
        let r = item.record
        let blank = fields.allSatisfy { f in
            switch r.value(of: f) {
            case nil, .null?: return true
            case .string(let s)?: return s.allSatisfy(\.isWhitespace)
            default: return false
            }
        }
        if blank {
            let names = fields.map { "„\($0)”" }.joined(separator: tr(", ", ", "))
            let error = CorpusError(.syntax, file: file, line: item.line, field: fields.first ?? "text",
                                    tr("brak treści postulatu (puste pola czytane przez model: \(names)): nie ma czego oznaczyć",
                                       "the postulate has no text (the fields the model reads are empty: \(names)): nothing to tag")
                                        + r.textUnderAnotherName)
            return .failure(TagInputError(message: "\(error)"))
        }
        return .success(item)
    }

    /// Whether `bytes` are UTF-8 (`UTF8Check`).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) }
    }
}

public struct TagInputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
