import Corpus
import PolishText

/// `TagRun.run` on several taggers (one per thread): the same rows in the same order as one tagger writes.
///
/// Records are read in batches on the calling thread; each batch is tagged and rendered by the workers, each with
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
        var batch: [TagInput.Item] = []
        let limit = batchPerWorker * taggers.count
        var done = false
        while !done {
            batch.removeAll(keepingCapacity: true)
            while batch.count < limit {
                guard let item = input.next() else { done = true; break }
                switch item {
                case .failure(let error): bad(error)
                case .success(let rec):
                    if count == 0 && batch.isEmpty {
                        // The first row fixes the writer's state (CSV columns): written here, before copies.
                        try emit(taggers[0].withTag(rec.record) { writer.row(rec, prediction: $0, csvHeader: input.csvHeader) })
                        count += 1
                        tagged(count)
                    } else {
                        batch.append(rec)
                    }
                }
            }
            if batch.isEmpty { continue }
            var writers = [TagOutputWriter](repeating: writer, count: taggers.count)
            let header = input.csvHeader
            let items = batch
            let rows = writers.withUnsafeMutableBufferPointer { w in
                ParallelAnalysis.orderedMap(0..<items.count, workers: taggers.count) { worker, i in
                    taggers[worker].withTag(items[i].record) { w[worker].row(items[i], prediction: $0, csvHeader: header) }
                }
            }
            for row in rows {
                try emit(row)
                count += 1
                tagged(count)
            }
        }
        return count
    }
}
