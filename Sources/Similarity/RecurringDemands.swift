import Corpus
import PolishText

/// The near-duplicate join applied to postulates: pairs of (nearly) the same demand and clusters of a demand
/// recurring over the years — what `postulaty dedupe` prints.
public struct RecurringDemands: Sendable {
    /// Default cosine threshold for a pair, chosen on the authored resubmission groups of `Corpora/` and kept on
    /// the judged real cross-year pairs (issue 15: at 0.5 recall 0.88 of resubmissions with `--same district` and
    /// 4.4 % of judged non-duplicates paired, recall 0.76 at 0.55; see docs/similarity.md and Benchmarks/RESULTS.md).
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
    ///   - same: blocking (`SameFields`): only postulates agreeing on every one of these fields are compared (a
    ///     value that is unknown — missing, the whole city, a size category — agrees with any), so neither a pair
    ///     nor a cluster joins two districts.
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
        // Blocking values as small integers per field (-1: unknown, agrees with any): the join asks `accept` for
        // every candidate pair, before any score.
        let blocking = SameFields(same)
        var blockOf: [[Int32]] = []
        if !blocking.isEmpty {
            var ids: [String: Int32] = [:]
            blockOf = postulates.map { p in
                blocking.values(of: p.record).enumerated().map { (i, v) -> Int32 in
                    guard let v else { return -1 }
                    let k = "\(i)\u{1F}" + v
                    if let id = ids[k] { return id }
                    let id = Int32(ids.count)
                    ids[k] = id
                    return id
                }
            }
        }
        // Blocking on a place field (not `city`, the area every record of a block shares) turns `PlaceEvidence` on;
        // a record with a known value there names its place even when its text does not.
        let cityColumn = blocking.fields.firstIndex(of: "city")
        let byField = blockOf.map { row in row.indices.contains { $0 != cityColumn && row[$0] >= 0 } }
        let placedByField = byField.contains(true) ? byField : nil
        // A field no record knows (the report's default place fields on data without them) could never refuse a
        // pair nor place a record: dropped, so the join runs without a per-candidate check and the result is the
        // same as without blocking.
        if let width = blockOf.first?.count {
            let informative = (0..<width).filter { f in blockOf.contains { $0[f] >= 0 } }
            if informative.isEmpty { blockOf = [] }
            else if informative.count < width { blockOf = blockOf.map { row in informative.map { row[$0] } } }
        }
        let blocks = blockOf
        @Sendable func agree(_ a: Int, _ b: Int) -> Bool {
            for (x, y) in zip(blocks[a], blocks[b]) where x != y && x >= 0 && y >= 0 { return false }
            return true
        }
        let accept: (@Sendable (Int, Int) -> Bool)?
        switch (acrossYears, blocks.isEmpty) {
        case (false, true): accept = nil
        case (true, true): accept = { @Sendable a, b in years[a] != years[b] }
        case (false, false): accept = { @Sendable a, b in agree(a, b) }
        case (true, false): accept = { @Sendable a, b in years[a] != years[b] && agree(a, b) }
        }
        let cosinePairs = NearDuplicateJoin.pairs(vectors, threshold: threshold, accept: accept,
                                                  threads: jobs ?? NearDuplicateJoin.defaultThreads)
        // Names and numbers that differ lower a pair's score (`NameMismatch`; under place blocking also names that
        // mostly differ and a place named on one side only, `PlaceEvidence`), and so does little shared evidence
        // (`SharedEvidence`); the join found every pair whose cosine reaches the threshold, and every factor only
        // lowers scores, so the result stays exact. The factors come from numbers prepared once per row (`PairEvidence`).
        let evidence = PairEvidence(vectors, idf: index.idf, documents: index.count, placedByField: placedByField,
                                    term: index.term)
        // Pairs whose shared name carries the score while each side asks for another object are lowered too
        // (`OtherObject`).
        // Under place blocking, a capitalised word next to a shared name in both texts is part of the name.
        let analyzer = analyzer
        let sequence: ((Int) -> [(term: String, capital: Bool)])? = placedByField == nil ? nil : { r in
            let text = postulates[r].text
            var out: [(term: String, capital: Bool)] = []
            analyzer.forEachTermSpan(in: text) { term, span in
                let u = text.utf8
                let start = u.index(u.startIndex, offsetBy: span.lowerBound, limitedBy: u.endIndex) ?? u.endIndex
                out.append((settings.feature(of: term), text[start...].first?.isUppercase ?? false))
            }
            return out
        }
        let otherObject = OtherObject(vectors: vectors, term: index.term,
                                      placeWords: Set(TermKind.placeWords.map(settings.feature(of:))),
                                      sequence: sequence)
        // On the join's threads (the same pairs, in the same order, for any number) — but one thread when
        // `sequence` analyses texts again: the one analyzer is not to be shared between threads.
        var pairs = PairFactorPass.apply(cosinePairs, threshold: threshold, evidence: evidence, otherObject: otherObject,
                                         threads: sequence == nil ? (jobs ?? NearDuplicateJoin.defaultThreads) : 1)
        // A record of unknown place keeps only its links to the one place it resembles most (`UnknownPlaceLinks`).
        pairs = UnknownPlaceLinks.resolve(pairs, blocks: blocks)
        let raw = DuplicateClustering.clusters(vectors, pairs: pairs, linkThreshold: linkThreshold ?? threshold,
                                               blocks: blocks, years: acrossYears ? years : [])
        let clusters = raw.map { members in
            members.sorted { (years[$0] ?? Int.max, $0) < (years[$1] ?? Int.max, $1) }
        }.sorted { $0.min()! < $1.min()! }
        return RecurringDemands(postulates: postulates, pairs: pairs, clusters: clusters)
    }
}
