/// Why a corpus file could not be read or written, with the file, the line and the field when known, so the
/// message tells a clerk exactly where to look.
public struct CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file cannot be opened, read or written.
        case io
        /// A line is not valid JSON or CSV (`truncated` when it ends mid-record).
        case syntax
        case truncated
        /// Bytes that are not UTF-8.
        case encoding
        /// The same field twice in one record.
        case duplicateField
        /// A CSV row with more cells than its header, or a header naming one column twice.
        case csvShape
        /// A record that is not an object.
        case notAnObject
        /// A folder, FIFO or device named where a file is expected.
        case notAFile
        /// A file with no bytes, or no records at all where some are needed.
        case empty
        /// A record without an id, or with one already read, where records are linked by their ids.
        case missingId, duplicateId
    }

    public var kind: Kind
    public var file: String
    /// 1-based line number, 0 when the error concerns the whole file.
    public var line: Int
    public var field: String?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int = 0, field: String? = nil, _ message: String) {
        self.kind = kind; self.file = file; self.line = line; self.field = field; self.message = message
    }

    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if let field { s += tr(": pole „\(field)”", ": field \"\(field)\"") }
        return s + ": " + message
    }
}
