import Corpus
import Dispatch
import PolishText

/// Building an index on several cores with the bytes of a one-core build.
///
/// Why this split: analysing a postulate (the costly part) needs only an analyzer and the settings, so workers do
/// it (`ParallelAnalysis`); interning features into the vocabulary assigns ids in first-seen order, so it stays on
/// one thread, in input order. A worker hands over each feature once, in first-occurrence order, with its
/// weighted count summed in occurrence order — the same additions `add(_:)` makes, so the same Float counts.
///
/// Why local ids: hashing a feature string is the costly part of interning, so each worker numbers the features
/// it meets itself (term → local id, cached) and the interning thread hashes a feature only the first time a
/// worker hands it over; after that it is an array lookup. While the interning thread adds one batch, the workers
/// already analyse the next.
extension SimilarityIndex {
    /// A postulate's analysed features, ready for `add(_:prepared:locals:)`.
    struct PreparedTerms: Sendable {
        /// The worker that analysed it: its feature ids are that worker's local ids.
        var worker: Int
        /// (local feature id, weighted count), each feature once, in order of first occurrence (text, then
        /// justification).
        var features: [(UInt32, Float)]
        /// The features this worker numbered while analysing this postulate, in local-id order: the worker
        /// analyses its postulates in input order, so the interning thread meets them in this order too.
        var newFeatures: [String]
    }

    /// One worker's numbering of features; touched by that worker only.
    final class WorkerFeatures: @unchecked Sendable {
        let settings: SimilarityIndexSettings
        let limit: Int
        /// term bytes → local id (`TermIDTable`: asked for every term, so not a SipHash `Dictionary`)
        private var termIDs = TermIDTable()
        private var featureIDs: [String: UInt32] = [:]
        private var next: UInt32 = 0
        private var fresh: [String] = []
        /// Beyond this many terms both tables start afresh (between postulates): a feature seen again just
        /// gets a new local id that interns to the same vocabulary id. Memory stays bounded on any corpus.
        static let limit = 400_000

        init(settings: SimilarityIndexSettings, limit: Int = WorkerFeatures.limit) {
            self.settings = settings
            self.limit = limit
        }

        private func id(_ term: String) -> UInt32 {
            var bytes = term
            return bytes.withUTF8 { b in
                let h = TermIDTable.hash(b)
                if let id = termIDs.id(b, hash: h) { return id }
                let f = settings.feature(of: term)
                let id: UInt32
                if let known = featureIDs[f] { id = known } else {
                    id = next; next += 1
                    featureIDs[f] = id
                    fresh.append(f)
                }
                termIDs.insert(b, hash: h, id: id)
                return id
            }
        }

        /// The features of `p` as `add(_:)` would count them.
        func prepare(_ p: Postulate, analyzer: any TextAnalyzing, worker: Int) -> PreparedTerms {
            if termIDs.count > limit || featureIDs.count > limit {
                termIDs.removeAll(); featureIDs.removeAll(keepingCapacity: true)
            }
            var counts = TermCounts()
            analyzer.forEachTerm(in: p.text) { counts.add(id($0), 1) }
            let w = Float(settings.justificationWeight)
            if w > 0, !p.justification.isEmpty { analyzer.forEachTerm(in: p.justification) { counts.add(id($0), w) } }
            let new = fresh
            fresh = []
            return PreparedTerms(worker: worker, features: counts.inOrder, newFeatures: new)
        }
    }

    /// Adds a postulate prepared by worker `prepared.worker`; `locals[w]` maps that worker's local feature ids to
    /// vocabulary ids and grows here. The same result as `add(_:)` on it.
    func add(_ p: Postulate, prepared: PreparedTerms, locals: inout [[UInt32]]) throws {
        let w = prepared.worker
        for f in prepared.newFeatures { locals[w].append(vocabulary.intern(f)) }
        var terms: [(key: UInt32, value: Float)] = []
        terms.reserveCapacity(prepared.features.count)
        locals[w].withUnsafeBufferPointer { global in
            for (l, c) in prepared.features { terms.append((key: global[Int(l)], value: c)) }
        }
        terms.sort { $0.key < $1.key }
        try add(IndexedPostulate(p), terms: terms)
    }

    /// Adds `postulates` in order, analysing them on `workers` (a block at a time, so memory stays bounded).
    /// `onError(i, error)` may turn the error of postulate `i` (a duplicate id) into another; nothing after it is
    /// added. With an analyzer that is not an `Analyzer`, this is `add(_:)` in a loop.
    public func add(_ postulates: [Postulate], jobs: Int,
                    onError: (Int, Error) -> Error = { $1 }) throws {
        try add(postulates, jobs: jobs, featureLimit: WorkerFeatures.limit, onError: onError)
    }

    /// `featureLimit`: when workers start their numbering afresh (tests make it small).
    func add(_ postulates: [Postulate], jobs: Int, featureLimit: Int,
             onError: (Int, Error) -> Error = { $1 }) throws {
        guard let own = analyzer as? Analyzer else {
            for (i, p) in postulates.enumerated() {
                do { try add(p) } catch { throw onError(i, error) }
            }
            return
        }
        let jobs = max(1, jobs)
        let workers = try ParallelAnalysis(analyzer: own, jobs: jobs)
        let settings = self.settings
        let features = (0..<jobs).map { _ in WorkerFeatures(settings: settings, limit: featureLimit) }
        let shared = Shared((postulates, workers, features))
        @Sendable func analyse(_ range: Range<Int>) -> [PreparedTerms] {
            let (postulates, workers, features) = shared.value
            return workers.mapByWorker(range) { w, a, i in features[w].prepare(postulates[i], analyzer: a, worker: w) }
        }
        var locals = [[UInt32]](repeating: [], count: jobs)
        let batch = 16 * ParallelAnalysis.block * jobs
        var start = 0
        var prepared = analyse(0..<min(postulates.count, batch))
        while start < postulates.count {
            let end = min(postulates.count, start + batch)
            // With more than one job the workers analyse the next batch while this thread adds this one.
            let ahead = jobs > 1 && end < postulates.count ? Ahead(analyse, end..<min(postulates.count, end + batch)) : nil
            for i in start..<end {
                do { try add(postulates[i], prepared: prepared[i - start], locals: &locals) } catch {
                    ahead?.wait()
                    throw onError(i, error)
                }
            }
            prepared = ahead?.wait() ?? (end < postulates.count ? analyse(end..<min(postulates.count, end + batch)) : [])
            start = end
        }
    }
}

/// A batch analysed on another thread while this one works; `wait` returns it.
final class Ahead<Input, Output>: @unchecked Sendable {
    private var result: [Output] = []
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable (Input) -> [Output], _ input: Input) {
        let input = Shared(input)
        done.enter()
        DispatchQueue.global().async { [self] in
            result = work(input.value)
            done.leave()
        }
    }

    @discardableResult func wait() -> [Output] {
        done.wait()
        return result
    }
}

/// Carries the read-only inputs (and the workers, each touched by its own thread only) into the analysing thread.
struct Shared<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}

/// A postulate's term counts while it is analysed: ids in first-occurrence order with their counts summed in
/// occurrence order. Linear search while small (a title has a dozen terms), a hash table past that.
struct TermCounts {
    private(set) var ids: [UInt32] = []
    private var counts: [Float] = []
    private var at: [UInt32: Int] = [:]
    static let linear = 32

    mutating func add(_ id: UInt32, _ w: Float) {
        if ids.count <= Self.linear {
            for i in ids.indices where ids[i] == id { counts[i] += w; return }
        } else if let i = at[id] {
            counts[i] += w; return
        }
        ids.append(id); counts.append(0 + w)
        if ids.count > Self.linear {
            if at.isEmpty { for (i, t) in ids.enumerated() { at[t] = i } } else { at[id] = ids.count - 1 }
        }
    }

    /// (id, count) in first-occurrence order.
    var inOrder: [(UInt32, Float)] { Array(zip(ids, counts)) }

    /// (id, count) by ascending id.
    func sorted() -> [(key: UInt32, value: Float)] {
        zip(ids, counts).map { (key: $0.0, value: $0.1) }.sorted { $0.key < $1.key }
    }
}
