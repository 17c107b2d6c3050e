import Corpus
import PolishText

/// `index build` as one pipeline: reading, parsing, analysing and adding overlap, and the corpus is never held.
///
/// Why: reading the whole corpus first (parsing 1M JSON lines and checking their ids on one thread) left the second
/// core idle for a seventh of the run, and held every record until the end. Here the calling thread only splits
/// lines (`CorpusBatches`) and adds; the workers parse the JSON lines and analyse them (`prepare`), a batch ahead.
/// The records are added in input order through the same `add(_:prepared:locals:)` as `add(_:jobs:)`, so the index
/// (and its file) is the same bytes, for any number of jobs. What `CorpusLoad.read` and `requireIDs` refuse is
/// refused here with the same messages, in the same order of precedence.
extension SimilarityIndex {
    /// What a streamed build met besides the index.
    public struct StreamedBuild {
        /// Bad records skipped under `BadRecordPolicy.skip` (the caller reports them).
        public var skipped: [CorpusError]
        /// Records read.
        public var read: Int
        /// The first record without an id, or with an id read before (`CorpusLoad.requireIDs`'s error): the caller
        /// throws it after reporting the skipped records, as the reading-first path did. Nothing was added after it.
        public var idError: Error?
    }

    /// A record parsed (and analysed, when `Analyzer` workers can) on a worker.
    struct ParsedRecord: Sendable {
        var record: Result<Postulate, CorpusError>
        var terms: PreparedTerms?
        var lacksID = false
    }

    /// Adds the records of `source` in order; for an empty index, as `CorpusLoad.read` then `requireIDs(for:
    /// purpose)` then `add(_:jobs:)` would. Throws what reading throws (`CorpusBatches.batch`, `finish`).
    public func add(reading source: CorpusBatches, jobs: Int, purpose: (pl: String, en: String)) throws -> StreamedBuild {
        try add(reading: source, jobs: jobs, purpose: purpose, batch: 16 * ParallelAnalysis.block * max(1, jobs))
    }

    /// `batch`: records read at a time (the tests make it small, so that many go by).
    func add(reading source: CorpusBatches, jobs: Int, purpose: (pl: String, en: String), batch size: Int) throws -> StreamedBuild {
        let jobs = max(1, jobs), size = max(1, size)
        let own = analyzer as? Analyzer
        let workers = try own.map { try ParallelAnalysis(analyzer: $0, jobs: jobs) }
        let settings = self.settings
        let features = (0..<jobs).map { _ in WorkerFeatures(settings: settings) }
        let shared = Shared((workers, features))
        /// Parses a batch and, with `analyse`, analyses its records; on the workers.
        @Sendable func work(_ input: (batch: [PendingRecord], analyse: Bool)) -> [ParsedRecord] {
            let (workers, features) = shared.value
            let batch = input.batch
            func one(_ w: Int, _ a: Analyzer?, _ i: Int) -> ParsedRecord {
                switch batch[i].record() {
                case .failure(let e): return ParsedRecord(record: .failure(e))
                case .success(let p):
                    if CorpusLoad.lacksID(p) { return ParsedRecord(record: .success(p), lacksID: true) }
                    guard input.analyse, let a else { return ParsedRecord(record: .success(p)) }
                    return ParsedRecord(record: .success(p), terms: features[w].prepare(p, analyzer: a, worker: w))
                }
            }
            guard let workers else { return batch.indices.map { one(0, nil, $0) } }
            return workers.mapByWorker(batch.indices) { w, a, i in one(w, a, i) }
        }

        var locals = [[UInt32]](repeating: [], count: jobs)
        let base = docs.count
        // Where each added record came from, for the message of a repeated id: 8 bytes a record, not a path each.
        var fileNames: [String] = []
        var origins: [(file: Int32, line: Int32)] = []
        var idError: Error?
        /// Adds a parsed batch in input order (this thread only).
        func consume(_ batch: [PendingRecord], _ parsed: [ParsedRecord]) throws {
            for (item, r) in zip(batch, parsed) {
                switch r.record {
                case .failure(let e): source.bad(e)
                case .success(let p):
                    source.counted()
                    guard idError == nil else { continue }
                    if r.lacksID { idError = CorpusLoad.missingID(p, at: item.origin, for: purpose); continue }
                    do {
                        if let terms = r.terms { try add(p, prepared: terms, locals: &locals) } else { try add(p) }
                    } catch SimilarityError.duplicateID(let id) {
                        let slot = slotByID[id] ?? 0
                        if slot >= base && slot - base < origins.count {
                            let o = origins[slot - base]
                            let first = CorpusLoad.Origin(file: fileNames[Int(o.file)], line: Int(o.line))
                            idError = CorpusLoad.repeatedID(id, at: item.origin, first: first, for: purpose)
                        } else {
                            idError = SimilarityError.duplicateID(id)
                        }
                        continue
                    }
                    if fileNames.last != item.origin.file { fileNames.append(item.origin.file) }
                    origins.append((Int32(fileNames.count - 1), Int32(clamping: item.origin.line)))
                }
            }
        }

        var batch = try source.batch(size)
        var parsed = work((batch, true))
        var following = try source.batch(size)
        while !batch.isEmpty {
            // With more than one job the workers parse and analyse the next batch while this thread adds this one
            // and reads the one after.
            let analyse = idError == nil
            let ahead = jobs > 1 && !following.isEmpty ? Ahead(work, (following, analyse)) : nil
            let after: [PendingRecord]
            do {
                try consume(batch, parsed)
                after = following.isEmpty ? [] : try source.batch(size)
            } catch {
                ahead?.wait()
                throw error
            }
            parsed = ahead?.wait() ?? (following.isEmpty ? [] : work((following, analyse)))
            batch = following
            following = after
        }
        let skipped = try source.finish()
        return StreamedBuild(skipped: skipped, read: source.good, idError: idError)
    }
}
