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
    public struct Item {
        public var record: Postulate
        public var line: Int
        public var plainText: Bool
        /// JSONL input: the line's fields as written, which the output keeps (nil for CSV and plain text).
        public var fields: [(String, JSONValue)]? = nil
    }

    public let path: String
    public private(set) var kind: Kind
    /// CSV input: the header's columns (the output keeps them, in order).
    public var csvHeader: [String] { stream?.csvHeader ?? [] }
    private var lines: LineReader?
    private var stream: CorpusStream?

    public init(path: String, kind: Kind) throws {
        self.path = path
        self.kind = kind
        if kind == .csv { stream = try CorpusStream(path: path, format: .csv) } else { lines = try LineReader(path: path) }
    }

    /// The next record, a failure naming the file and line (the caller reports it and goes on), or nil at the end.
    /// A bad CSV row does not end the input (the stream goes on with the next record); a CSV quote that is never
    /// closed does, and its message says the rest of the file could not be read.
    public func next() -> Result<Item, TagInputError>? {
        if let stream {
            do {
                guard let r = try stream.next() else { return nil }
                return .success(Item(record: r, line: stream.line, plainText: false))
            } catch {
                return .failure(TagInputError(message: "\(error)"))
            }
        }
        guard let lines else { return nil }
        while let bytes = lines.next() {
            let n = lines.line
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            if kind == .sniff { kind = bytes.first { $0 != 0x20 && $0 != 0x09 } == UInt8(ascii: "{") ? .jsonl : .text }
            let name = path == "-" ? "stdin" : path
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(TagInputError(message: "\(name):\(n): " + TextEncodingSniffer.hint(forInvalidLine: bytes)))
            }
            if kind == .jsonl {
                do {
                    let (fields, record) = try CorpusReader.fieldsAndRecord(jsonLine: text, file: name, line: n)
                    return .success(Item(record: record, line: n, plainText: false, fields: fields))
                }
                catch { return .failure(TagInputError(message: "\(error)")) }
            }
            return .success(Item(record: Postulate(id: "", text: text), line: n, plainText: true))
        }
        return nil
    }
}

public struct TagInputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
