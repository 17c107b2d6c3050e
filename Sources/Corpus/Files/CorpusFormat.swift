/// The two corpus file formats. Chosen by the file's extension; for other names (or standard input) by its first
/// byte: a JSONL record starts with `{`, anything else is taken for a CSV header.
public enum CorpusFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv

    public static func fromExtension(_ path: String) -> CorpusFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") { return .jsonl }
        if lower.hasSuffix(".csv") { return .csv }
        return nil
    }
}

/// How CSV is written. Reading needs no options: the delimiter is read from the header, a BOM is skipped, the
/// formula guard (`CSVFormulaGuard`) is always written and always removed.
public struct CSVOptions: Sendable, Equatable {
    /// `,` (the RFC), `;` (what a Polish-locale spreadsheet writes and opens) or a tab.
    public var delimiter: Character
    /// A UTF-8 byte-order mark first, so spreadsheets on Windows recognise the encoding.
    public var byteOrderMark: Bool
    public init(delimiter: Character = ",", byteOrderMark: Bool = false) {
        self.delimiter = delimiter; self.byteOrderMark = byteOrderMark
    }

    /// The names `--delimiter` accepts.
    public static let delimiterNames = [",", ";", "tab"]

    /// The delimiter a `--delimiter` value names: `,`, `;`, or `tab` (also a tab character itself); nil otherwise.
    public static func delimiter(named name: String) -> Character? {
        switch name {
        case ",": return ","
        case ";": return ";"
        case "tab", "TAB", "\\t", "\t": return "\t"
        default: return nil
        }
    }

    /// The delimiter's byte.
    var delimiterByte: UInt8 { delimiter.asciiValue ?? UInt8(ascii: ",") }
}
