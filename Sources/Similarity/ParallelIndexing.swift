import Corpus
import PolishText

/// Building an index on several cores with the bytes of a one-core build.
///
/// Why this split: analysing a postulate (the costly part) needs only an analyzer and the settings, so workers do
/// it (`ParallelAnalysis`); interning features into the vocabulary assigns ids in first-seen order, so it stays on
/// one thread, in input order. A worker hands over each feature once, in first-occurrence order, with its
/// weighted count summed in occurrence order — the same additions `add(_:)` makes, so the same Float counts.
extension SimilarityIndex {
    /// A postulate's analysed features, ready for `add(_:prepared:)`.
    public struct PreparedTerms: Sendable {
        /// (feature, weighted count), each feature once, in order of first occurrence (text, then justification).
        var features: [(String, Float)]
    }

    /// The features of `p` as `add(_:)` would count them.
    public static func prepare(_ p: Postulate, analyzer: any TextAnalyzing, settings: SimilarityIndexSettings) -> PreparedTerms {
        var features: [(String, Float)] = []
        var at: [String: Int] = [:]
        func count(_ term: String, _ w: Float) {
            let f = settings.feature(of: term)
            if let i = at[f] { features[i].1 += w } else { at[f] = features.count; features.append((f, 0 + w)) }
        }
        analyzer.forEachTerm(in: p.text) { count($0, 1) }
        let w = Float(settings.justificationWeight)
        if w > 0, !p.justification.isEmpty { analyzer.forEachTerm(in: p.justification) { count($0, w) } }
        return PreparedTerms(features: features)
    }

    /// Adds a postulate analysed by `prepare` (same result as `add(_:)` on it).
    public func add(_ p: Postulate, prepared: PreparedTerms) throws {
        var terms: [(key: UInt32, value: Float)] = []
        terms.reserveCapacity(prepared.features.count)
        for (f, c) in prepared.features { terms.append((key: vocabulary.intern(f), value: c)) }
        terms.sort { $0.key < $1.key }
        try add(IndexedPostulate(p), terms: terms)
    }

    /// Adds `postulates` in order, analysing them on `workers` (a block at a time, so memory stays bounded).
    /// `onError(i, error)` may turn the error of postulate `i` (a duplicate id) into another; nothing after it is
    /// added. With one worker and an analyzer that is not an `Analyzer`, this is `add(_:)` in a loop.
    public func add(_ postulates: [Postulate], jobs: Int,
                    onError: (Int, Error) -> Error = { $1 }) throws {
        guard jobs > 1, let own = analyzer as? Analyzer else {
            for (i, p) in postulates.enumerated() {
                do { try add(p) } catch { throw onError(i, error) }
            }
            return
        }
        let workers = try ParallelAnalysis(analyzer: own, jobs: jobs)
        let settings = self.settings
        let batch = 16 * ParallelAnalysis.block * jobs
        var start = 0
        while start < postulates.count {
            let end = min(postulates.count, start + batch)
            let prepared = workers.map(start..<end) { a, i in Self.prepare(postulates[i], analyzer: a, settings: settings) }
            for i in start..<end {
                do { try add(postulates[i], prepared: prepared[i - start]) } catch { throw onError(i, error) }
            }
            start = end
        }
    }
}
