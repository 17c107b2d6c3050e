/// A record read from a corpus file but not parsed yet: a JSONL line, or a CSV record (parsed while read) or the
/// error reading it. Why: a pipeline reads on one thread and parses on its workers (`CorpusBatches`).
public struct PendingRecord: Sendable {
    public enum Content: Sendable {
        case jsonLine([UInt8])
        case record(Postulate)
        case failed(CorpusError)
    }

    public var origin: CorpusLoad.Origin
    public var content: Content

    /// The record, or the error naming file and line that reading it gives (`CorpusStream.next()`'s, byte for byte).
    public func record() -> Result<Postulate, CorpusError> {
        switch content {
        case .record(let p): return .success(p)
        case .failed(let e): return .failure(e)
        case .jsonLine(let bytes):
            do { return .success(try CorpusReader.record(jsonLine: bytes, file: origin.file, line: origin.line)) } catch {
                return .failure(error)
            }
        }
    }
}

/// `CorpusLoad.read` cut into batches of unparsed records, for a pipeline whose workers parse them: the same files
/// in the same order, the same refusals (an unreadable or empty file at once; bad records under `BadRecordPolicy`
/// at the end, through `finish`), without holding the whole corpus.
///
/// The caller parses each record (`PendingRecord.record()`) and tells the outcomes back in input order (`bad`,
/// `good`), then calls `finish`.
public final class CorpusBatches {
    public let files: [String]
    public let policy: BadRecordPolicy
    public let requireRecords: Bool
    private var next = 0
    private var stream: CorpusStream?
    private var inFile = 0
    private var badRecords: [CorpusError] = []
    public private(set) var good = 0

    public init(files: [String], policy: BadRecordPolicy, requireRecords: Bool = true) {
        self.files = files
        self.policy = policy
        self.requireRecords = requireRecords
    }

    /// Up to `limit` records in file order; empty at the end of the last file. Throws what `CorpusLoad.read`
    /// throws at once: a file that cannot be read as a whole, a read error, a file without a single record.
    public func batch(_ limit: Int) throws -> [PendingRecord] {
        var out: [PendingRecord] = []
        out.reserveCapacity(limit)
        while out.count < limit {
            if stream == nil {
                guard next < files.count else { break }
                stream = try CorpusStream(path: files[next])
                next += 1
                inFile = 0
            }
            guard let s = stream else { break }
            if let p = try s.nextPending() {
                out.append(p)
                inFile += 1
            } else {
                stream = nil
                if requireRecords && inFile == 0 {
                    throw CorpusError(.empty, file: s.path, tr("plik nie zawiera żadnego rekordu (pusty korpus)",
                                                               "the file holds no record (an empty corpus)"))
                }
            }
        }
        return out
    }

    /// A record that could not be read (in input order).
    public func bad(_ error: CorpusError) { badRecords.append(error) }
    /// A record read.
    public func counted() { good += 1 }

    /// After the last batch: under `.fail` the bad records are thrown (`BadRecords`), then a corpus without a good
    /// record is refused; returns the records skipped under `.skip`.
    public func finish() throws -> [CorpusError] {
        if policy == .fail && !badRecords.isEmpty { throw BadRecords(errors: badRecords, read: good) }
        if requireRecords && good == 0 {
            throw CorpusError(.empty, file: files.isEmpty ? "—" : files.joined(separator: ", "),
                              tr("brak poprawnych postulatów do przeczytania", "no good postulates to read"))
        }
        return badRecords
    }
}
