import Corpus
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders tagged records as JSONL or CSV, one row at a time (CSV rows through `CorpusWriter`, so quoting and
/// value encoding are the corpus's own).
public struct TagOutputWriter {
    public let format: CorpusFormat
    /// CSV output: delimiter and byte-order mark (cells always get the formula guard, `CSVFormulaGuard`).
    public let csvOptions: CSVOptions
    public static let addedFields = ["predicted", "scores", "evidence", "why", "no_theme"]
    private var columns: [String]?

    public init(format: CorpusFormat, csvOptions: CSVOptions = CSVOptions()) {
        self.format = format
        self.csvOptions = csvOptions
    }

    /// The bytes for one tagged record (with the CSV header before the first row).
    /// JSONL keeps the input line's fields in their order (re-encoded by Corpus's JSON writer); plain-text input
    /// gives `line` and `text`. CSV keeps the input's columns (or, for JSONL input, the first record's fields),
    /// then the added ones.
    public mutating func row(_ item: TagInput.Item, prediction: ThemePrediction, csvHeader: [String]) -> [UInt8] {
        prediction.withView { row(item, prediction: $0, csvHeader: csvHeader) }
    }

    /// `row` of a prediction read in place (what `postulaty tag` writes).
    public mutating func row(_ item: TagInput.Item, prediction: PredictionView, csvHeader: [String]) -> [UInt8] {
        var record = item.record
        record.extra.removeAll { Self.addedFields.contains($0.0) }
        switch format {
        case .jsonl:
            var out: [UInt8]
            if item.plainText {
                out = Array("{\"line\":\(item.line),\"text\":".utf8)
                JSONBytes.string(record.text, to: &out)
            } else {
                // The input's own fields, as they came (a record read from JSONL keeps only the fields it had;
                // nothing is invented, such as an empty `themes` that would read as "no theme").
                var fields = item.fields ?? record.jsonObject
                fields.removeAll { Self.addedFields.contains($0.0) }
                out = Array(JSONValue.object(fields).jsonText.utf8)
                if out.last == UInt8(ascii: "}") { out.removeLast() }
            }
            Tagger.appendOutputFields(prediction, to: &out)
            out.append(UInt8(ascii: "}"))
            out.append(0x0A)
            return out
        case .csv:
            var out: [UInt8] = []
            let cols: [String]
            if let columns { cols = columns } else {
                let base = item.plainText ? ["line", "text"]
                    : (csvHeader.isEmpty ? (item.fields?.map(\.0) ?? Postulate.typedFields + record.extra.map(\.0)) : csvHeader)
                cols = base.filter { !Self.addedFields.contains($0) } + Self.addedFields
                columns = cols
                out = CorpusWriter.csvHeader(columns: cols, options: csvOptions)
            }
            if item.plainText { record.extra.append(("line", .number(String(item.line)))) }
            record.extra += Tagger.csvFields(prediction)
            out += CorpusWriter.csvRow(record, columns: cols, options: csvOptions)
            return out
        }
    }

    /// Bytes still to write at the end (a CSV header when there was no row at all).
    public mutating func flush() -> [UInt8] {
        if format == .csv && columns == nil {
            columns = Self.addedFields
            return CorpusWriter.csvHeader(columns: Self.addedFields, options: csvOptions)
        }
        return []
    }
}

/// Where tagged output goes: standard output (buffered) or a file written atomically through `AtomicFile`.
public final class OutputSink {
    public let path: String?
    public init(path: String?) { self.path = path == "-" ? nil : path }

    /// Runs `body` with an `emit` function; for a file, the file appears only if `body` returns.
    public func run(_ body: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        if let path {
            try AtomicFile.write(to: path) { w in try body { try w.write($0) } }
        } else {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 16)
            func drain() {
                writeAll(1, buffer)
                buffer.removeAll(keepingCapacity: true)
            }
            try body { bytes in
                buffer.append(contentsOf: bytes)
                if buffer.count >= 1 << 16 { drain() }
            }
            drain()
        }
    }
}

/// Progress on stderr for large inputs (5 000 records or more), at most twice a second.
public final class ProgressReporter {
    private let start = ContinuousClock.now
    private var last = ContinuousClock.now
    private var shown = false

    public init() {}

    public func tick(_ count: Int) {
        guard count % 1000 == 0, count >= 5000 else { return }
        let now = ContinuousClock.now
        guard now - last > .milliseconds(500) else { return }
        last = now
        shown = true
        emit("tagged \(count) records…")
    }

    public func done(_ count: Int) {
        let d = ContinuousClock.now - start
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        if shown || count >= 5000 { emit("tagged \(count) records in \(fixed(s, 2)) s") }
    }

    private func emit(_ s: String) { writeAll(2, Array((s + "\n").utf8)) }
}

/// Writes every byte to a file descriptor (retrying short writes and EINTR).
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        var off = 0
        while off < raw.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
            #else
            let n = Darwin.write(fd, raw.baseAddress! + off, raw.count - off)
            #endif
            if n < 0 { if errno == EINTR { continue }; return }
            off += n
        }
    }
}
