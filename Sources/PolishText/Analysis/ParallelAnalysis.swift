import Dispatch

/// Runs analysis over many items on several threads with the results of one thread.
///
/// Why it can: an `Analyzer`'s mutable state (ICU break iterator, per-form cache) is per analyzer, and what they
/// share (the lemmatiser's dictionary, priors and guesser) is read-only; the form cache changes speed, never a
/// term. So each worker gets an analyzer of its own with the same lemmatiser and configuration, items are cut
/// into blocks dealt out in a fixed interleaved order, and results land at their item's position: the output is
/// the same bytes for any number of workers. Workers persist across calls, so their caches warm up over a corpus.
public final class ParallelAnalysis: @unchecked Sendable {
    /// Worker count (≥ 1); 1 runs everything on the calling thread with the given analyzer, as before.
    public let jobs: Int
    private let analyzers: [Analyzer]
    /// Items per block: small enough to balance the workers, large enough that dealing them costs nothing.
    public static let block = 128

    /// - Parameter analyzer: worker 0's analyzer (the caller's); the others are built with its lemmatiser and
    ///   configuration.
    public init(analyzer: Analyzer, jobs: Int) throws {
        self.jobs = max(1, jobs)
        var all = [analyzer]
        while all.count < self.jobs {
            all.append(try Analyzer(lemmatizer: analyzer.lemmatizer, configuration: analyzer.configuration))
        }
        analyzers = all
    }

    /// `body(analyzer, i)` for each `i` in `range`, results in index order. `body` must not touch shared mutable
    /// state; it gets the analyzer of the worker running it.
    public func map<T>(_ range: Range<Int>, _ body: (Analyzer, Int) -> T) -> [T] {
        let analyzers = self.analyzers
        return Self.orderedMap(range, workers: jobs) { w, i in body(analyzers[w], i) }
    }

    /// `body(worker, analyzer, i)`: as `map`, also naming the worker (0 ..< jobs), for state kept per worker.
    public func mapByWorker<T>(_ range: Range<Int>, _ body: (Int, Analyzer, Int) -> T) -> [T] {
        let analyzers = self.analyzers
        return Self.orderedMap(range, workers: jobs) { w, i in body(w, analyzers[w], i) }
    }

    /// `body(worker, i)` for each `i` in `range` on up to `workers` threads, results in index order: blocks of
    /// `block` items are dealt to the workers in a fixed interleaved order, and each result is written at its
    /// item's position. `body` may use per-worker state indexed by `worker` (0 ..< workers) and nothing else
    /// mutable. One worker, or one block, runs on the calling thread.
    public static func orderedMap<T>(_ range: Range<Int>, workers requested: Int, block: Int = block,
                                     _ body: (Int, Int) -> T) -> [T] {
        let n = range.count
        if requested <= 1 || n <= block {
            return range.map { body(0, $0) }
        }
        let blocks = (n + block - 1) / block
        let workers = min(requested, blocks)
        return [T](unsafeUninitializedCapacity: n) { out, initialized in
            withoutActuallyEscaping(body) { body in
                let shared = Unchecked((body, out.baseAddress!))
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let (body, out) = shared.value
                    for b in stride(from: w, to: blocks, by: workers) {
                        let lo = b * block, hi = min(n, lo + block)
                        for k in lo..<hi { (out + k).initialize(to: body(w, range.lowerBound + k)) }
                    }
                }
            }
            initialized = n
        }
    }
}

/// Carries values into `concurrentPerform`'s closure: each worker writes only its own items and uses only its own
/// analyzer, which the compiler cannot see.
private struct Unchecked<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
