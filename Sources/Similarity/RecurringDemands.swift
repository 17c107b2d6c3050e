import Corpus
import PolishText

/// The near-duplicate join applied to postulates: pairs of (nearly) the same demand and clusters of a demand
/// recurring over the years — what `postulaty dedupe` prints.
public struct RecurringDemands: Sendable {
    /// Default cosine threshold for a pair, chosen on the authored resubmission groups of `Corpora/`
    /// (see docs/similarity.md and Benchmarks/RESULTS.md for the precision/recall behind it).
    public static let defaultThreshold = 0.5

    /// The postulates, in input order; pair and cluster members are indexes into it.
    public var postulates: [IndexedPostulate]
    /// Pairs with cosine ≥ threshold, sorted by (a, b), a < b in input order.
    public var pairs: [DuplicatePair]
    /// Clusters of ≥ 2 postulates: members in year order (then input order), clusters by their first member.
    public var clusters: [[Int]]

    /// - Parameters:
    ///   - linkThreshold: the average-link guard against chaining (default: the pair threshold).
    ///   - acrossYears: keep only pairs of postulates from different years (recurring, not repeated at one meeting).
    ///   - same: blocking (`SameFields`): only postulates agreeing on every one of these fields are compared, so
    ///     pairs and clusters stay inside one block (one district, one city).
    public static func find(in records: [Postulate], analyzer: any TextAnalyzing,
                            settings: SimilarityIndexSettings = SimilarityIndexSettings(),
                            threshold: Double = defaultThreshold, linkThreshold: Double? = nil,
                            acrossYears: Bool = false, same: [String] = [], jobs: Int? = nil) throws -> RecurringDemands {
        // jobs: analysis and join threads (nil: analysis on this thread, the join on every core, as before).
        let index = SimilarityIndex(analyzer: analyzer, settings: settings)
        try index.add(records, jobs: jobs ?? 1)
        index.refresh()
        let (vectors, postulates) = index.documentVectors()
        let years = postulates.map(\.year)
        // Blocks as small integers: the join asks `accept` for every candidate pair, before any score.
        let blocking = SameFields(same)
        var blockOf: [Int] = []
        if !blocking.isEmpty {
            var ids: [String: Int] = [:]
            blockOf = postulates.map { p in
                let k = blocking.key(of: p.record)
                if let id = ids[k] { return id }
                ids[k] = ids.count
                return ids.count - 1
            }
        }
        let blocks = blockOf
        let accept: (@Sendable (Int, Int) -> Bool)?
        switch (acrossYears, blocking.isEmpty) {
        case (false, true): accept = nil
        case (true, true): accept = { @Sendable a, b in years[a] != years[b] }
        case (false, false): accept = { @Sendable a, b in blocks[a] == blocks[b] }
        case (true, false): accept = { @Sendable a, b in years[a] != years[b] && blocks[a] == blocks[b] }
        }
        let cosinePairs = NearDuplicateJoin.pairs(vectors, threshold: threshold, accept: accept,
                                                  threads: jobs ?? NearDuplicateJoin.defaultThreads)
        // Names and numbers that differ lower a pair's score (`NameMismatch`); the join found every pair whose
        // cosine reaches the threshold, and the penalty only lowers scores, so the result stays exact.
        var marks: [Int: NameMismatch.Marks] = [:]
        func mark(_ row: Int) -> NameMismatch.Marks {
            if let m = marks[row] { return m }
            var m = NameMismatch.Marks()
            for k in vectors.row(row) { m.add(index.term(vectors.terms[k])) }
            marks[row] = m
            return m
        }
        var pairs: [DuplicatePair] = []
        pairs.reserveCapacity(cosinePairs.count)
        for p in cosinePairs {
            let factor = NameMismatch.compare(mark(p.a), mark(p.b)).factor
            if factor == 1 { pairs.append(p); continue }
            let score = p.score * factor
            if score >= threshold { pairs.append(DuplicatePair(a: p.a, b: p.b, score: score)) }
        }
        let raw = DuplicateClustering.clusters(vectors, pairs: pairs, linkThreshold: linkThreshold ?? threshold)
        let clusters = raw.map { members in
            members.sorted { (years[$0] ?? Int.max, $0) < (years[$1] ?? Int.max, $1) }
        }.sorted { $0.min()! < $1.min()! }
        return RecurringDemands(postulates: postulates, pairs: pairs, clusters: clusters)
    }
}
