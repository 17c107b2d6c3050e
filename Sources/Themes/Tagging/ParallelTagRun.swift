import Corpus
import Dispatch
import Foundation
import PolishText

/// `TagRun.run` on several taggers (one per thread): the same rows in the same order as one tagger writes.
///
/// Records are read in batches on the calling thread (JSON lines unparsed); each batch is parsed, tagged and rendered by the workers, each with
/// its own tagger (analyzer and scratch) and its own copy of the writer, while the calling thread writes the rows
/// of the batch before and reads the next one; rows are emitted in input order. The
/// writer's only state is the CSV column list, fixed by the first row, so that row is written on the calling
/// thread before any copy is made.
extension TagRun {
    /// Records per batch and worker: bounds the memory of rows waiting to be written.
    static let batchPerWorker = 2048

    @discardableResult
    public static func run(_ input: TagInput, taggers: [Tagger], writer: inout TagOutputWriter,
                           bad: (TagInputError) -> Void, tagged: (Int) -> Void = { _ in },
                           emit: ([UInt8]) throws -> Void) throws -> Int {
        try run(input, taggers: taggers, perWorker: batchPerWorker, writer: &writer, bad: bad, tagged: tagged, emit: emit)
    }

    /// `run` with batches of `perWorker` records a worker (the tests make them small, so that many go by).
    static func run(_ input: TagInput, taggers: [Tagger], perWorker: Int, writer: inout TagOutputWriter,
                    bad: (TagInputError) -> Void, tagged: (Int) -> Void = { _ in },
                    emit: ([UInt8]) throws -> Void) throws -> Int {
        guard taggers.count > 1 else {
            return try run(input, tagger: taggers[0], writer: &writer, bad: bad, tagged: tagged, emit: emit)
        }
        var count = 0
        let limit = max(1, perWorker) * taggers.count
        var done = false
        /// The next batch of lines, read on this thread (the first record is tagged here: it fixes the writer).
        func read() throws -> [TagInput.Unparsed] {
            var batch: [TagInput.Unparsed] = []
            batch.reserveCapacity(limit)
            while !done && batch.count < limit {
                guard let next = input.nextUnparsed() else { done = true; break }
                if count == 0 && batch.isEmpty {
                    // The first row fixes the writer's state (CSV columns): written here, before copies.
                    switch resolve(next) {
                    case .failure(let error): bad(error)
                    case .success(let rec):
                        try emit(taggers[0].withTag(rec.record) { writer.row(rec, prediction: $0, csvHeader: input.csvHeader) })
                        count += 1
                        tagged(count)
                    }
                } else {
                    batch.append(next)
                }
            }
            return batch
        }
        func emitRows(_ rows: [Result<[UInt8], TagInputError>]) throws {
            for row in rows {
                switch row {
                case .failure(let error): bad(error)
                case .success(let bytes):
                    try emit(bytes)
                    count += 1
                    tagged(count)
                }
            }
        }
        // A pipeline: while the workers tag batch k (on other threads), this thread writes the rows of batch k − 1
        // and reads batch k + 1. Why: reading the lines and writing the rows are a sixth of the work; done between
        // the batches, they left the workers (and the second core) idle that long. Rows are still written in
        // input order, and only this thread calls `emit`, `bad` and `tagged`.
        let header = input.csvHeader
        let work = BatchWork(taggers: taggers)
        var batch = try read()
        var rows: [Result<[UInt8], TagInputError>] = []
        while true {
            let started = !batch.isEmpty
            if started { work.start(batch, writer: writer, header: header) }
            do {
                try emitRows(rows)
                batch = started ? try read() : []
            } catch {
                // The workers hold this frame's values: let them finish before leaving.
                if started { _ = work.finish() }
                throw error
            }
            guard started else { break }
            let (batchRows, writers) = work.finish()
            rows = batchRows
            for w in writers { writer.absorbDropped(w) }
        }
        return count
    }

    /// The record read, or the JSON line parsed.
    fileprivate static func resolve(_ next: TagInput.Unparsed) -> Result<TagInput.Item, TagInputError> {
        switch next {
        case .read(let result): return result
        case .line(let line): return TagInput.parse(line)
        }
    }
}

/// One batch tagged by the workers (`SharedBlocks.orderedMap`, each worker its own tagger and copy of the
/// writer) on a background thread, while the calling thread goes on until `finish`; one batch at a time.
/// Why unchecked: the calling thread touches `rows` and `writers` only after `finish` has waited for the batch.
private final class BatchWork: @unchecked Sendable {
    private let taggers: [Tagger]
    private var rows: [Result<[UInt8], TagInputError>] = []
    private var writers: [TagOutputWriter] = []
    private let group = DispatchGroup()

    init(taggers: [Tagger]) { self.taggers = taggers }

    /// Starts tagging `items` (JSON lines parsed by the workers too: on one reading thread, parsing was most of
    /// the reading).
    func start(_ items: [TagInput.Unparsed], writer: TagOutputWriter, header: [String]) {
        writers = [TagOutputWriter](repeating: writer, count: taggers.count)
        DispatchQueue.global().async(group: group) { [self] in
            let taggers = self.taggers
            rows = writers.withUnsafeMutableBufferPointer { w in
                SharedBlocks.orderedMap(items.count, workers: taggers.count) { worker, i -> Result<[UInt8], TagInputError> in
                    TagRun.resolve(items[i]).map { rec in
                        taggers[worker].withTag(rec.record) { w[worker].row(rec, prediction: $0, csvHeader: header) }
                    }
                }
            }
        }
    }

    /// Waits for the batch; its rows in input order and the workers' copies of the writer.
    func finish() -> ([Result<[UInt8], TagInputError>], [TagOutputWriter]) {
        group.wait()
        defer { rows = []; writers = [] }
        return (rows, writers)
    }
}

/// `body(worker, i)` for every `i` in `0..<n` on `workers` threads, results in index order, blocks of items taken by
/// whichever worker is free next (not dealt out in a fixed order as `ParallelAnalysis.orderedMap` deals them).
///
/// Why: `tag`'s calling thread reads and writes while the workers tag, so on two cores one worker at a time shares
/// its core with it; with a fixed deal, the other worker then finished its half early and waited at the end of every
/// batch. Which worker tags an item changes only its analyzer's cache (speed), never a row: the rows land at their
/// item's position, so the output is the same for any sharing.
enum SharedBlocks {
    static let block = 64

    static func orderedMap<T>(_ n: Int, workers requested: Int, block: Int = block, _ body: (Int, Int) -> T) -> [T] {
        let blocks = (n + block - 1) / block
        let workers = min(requested, blocks)
        if workers <= 1 { return (0..<n).map { body(0, $0) } }
        let next = BlockCounter()
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            withoutActuallyEscaping(body) { body in
                let shared = UncheckedShare((body, out.baseAddress!))
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let (body, out) = shared.value
                    while true {
                        let b = next.take()
                        guard b < blocks else { break }
                        let lo = b * block, hi = min(n, lo + block)
                        for k in lo..<hi { (out + k).initialize(to: body(w, k)) }
                    }
                }
            }
            initialized = n
        }
    }
}

/// The next block to take, shared by the workers of one `SharedBlocks.orderedMap`.
private final class BlockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }
}

/// Carries the body and the output into `concurrentPerform`'s closure: each worker writes only the items of the
/// blocks it took and uses only its own tagger, which the compiler cannot see.
private struct UncheckedShare<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
