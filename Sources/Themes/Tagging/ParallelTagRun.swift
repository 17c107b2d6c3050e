import Corpus
import PolishText

/// `TagRun.run` on several taggers (one per thread): the same rows in the same order as one tagger writes.
///
/// Records are read in batches on the calling thread (JSON lines unparsed); each batch is parsed, tagged and rendered by the workers, each with
/// its own tagger (analyzer and scratch) and its own copy of the writer; rows are emitted in input order. The
/// writer's only state is the CSV column list, fixed by the first row, so that row is written on the calling
/// thread before any copy is made.
extension TagRun {
    /// Records per batch and worker: bounds the memory of rows waiting to be written.
    static let batchPerWorker = 2048

    @discardableResult
    public static func run(_ input: TagInput, taggers: [Tagger], writer: inout TagOutputWriter,
                           bad: (TagInputError) -> Void, tagged: (Int) -> Void = { _ in },
                           emit: ([UInt8]) throws -> Void) rethrows -> Int {
        guard taggers.count > 1 else {
            return try run(input, tagger: taggers[0], writer: &writer, bad: bad, tagged: tagged, emit: emit)
        }
        var count = 0
        var batch: [TagInput.Unparsed] = []
        let limit = batchPerWorker * taggers.count
        var done = false
        while !done {
            batch.removeAll(keepingCapacity: true)
            while batch.count < limit {
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
            if batch.isEmpty { continue }
            var writers = [TagOutputWriter](repeating: writer, count: taggers.count)
            let header = input.csvHeader
            let items = batch
            // JSON lines are parsed by the workers too: on one reading thread, parsing was most of the reading.
            let rows = writers.withUnsafeMutableBufferPointer { w in
                ParallelAnalysis.orderedMap(0..<items.count, workers: taggers.count) { worker, i -> Result<[UInt8], TagInputError> in
                    resolve(items[i]).map { rec in
                        taggers[worker].withTag(rec.record) { w[worker].row(rec, prediction: $0, csvHeader: header) }
                    }
                }
            }
            for w in writers { writer.absorbDropped(w) }
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
        return count
    }

    /// The record read, or the JSON line parsed.
    private static func resolve(_ next: TagInput.Unparsed) -> Result<TagInput.Item, TagInputError> {
        switch next {
        case .read(let result): return result
        case .line(let line): return TagInput.parse(line)
        }
    }
}
