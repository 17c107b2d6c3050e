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
    public static func find(in records: [Postulate], analyzer: any TextAnalyzing,
                            settings: SimilarityIndexSettings = SimilarityIndexSettings(),
                            threshold: Double = defaultThreshold, linkThreshold: Double? = nil,
                            acrossYears: Bool = false, jobs: Int? = nil) throws -> RecurringDemands {
        // jobs: analysis and join threads (nil: analysis on this thread, the join on every core, as before).
        let index = SimilarityIndex(analyzer: analyzer, settings: settings)
        try index.add(records, jobs: jobs ?? 1)
        index.refresh()
        let (vectors, postulates) = index.documentVectors()
        let years = postulates.map(\.year)
        let accept: (@Sendable (Int, Int) -> Bool)? = acrossYears ? { @Sendable a, b in years[a] != years[b] } : nil
        let pairs = NearDuplicateJoin.pairs(vectors, threshold: threshold, accept: accept,
                                            threads: jobs ?? NearDuplicateJoin.defaultThreads)
        let raw = DuplicateClustering.clusters(vectors, pairs: pairs, linkThreshold: linkThreshold ?? threshold)
        let clusters = raw.map { members in
            members.sorted { (years[$0] ?? Int.max, $0) < (years[$1] ?? Int.max, $1) }
        }.sorted { $0.min()! < $1.min()! }
        return RecurringDemands(postulates: postulates, pairs: pairs, clusters: clusters)
    }
}
