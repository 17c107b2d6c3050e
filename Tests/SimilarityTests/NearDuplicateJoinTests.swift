import Corpus
import XCTest
@testable import Similarity

final class NearDuplicateJoinTests: XCTestCase {
    private func vectors(_ size: Int, seed: UInt64) throws -> SparseVectors {
        try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: Fixtures.corpus(size: size, vocabulary: 60, seed: seed))
            .documentVectors().vectors
    }

    func testJoinEqualsBruteForceAtEveryThreshold() throws {
        for seed in UInt64(1)...3 {
            let v = try vectors(500, seed: seed)
            for t in [0.3, 0.5, 0.8, 0.9, 0.99] {
                let got = NearDuplicateJoin.pairs(v, threshold: t)
                let want = NearDuplicateJoin.bruteForce(v, threshold: t)
                XCTAssertEqual(got, want, "seed \(seed) threshold \(t)")
                if t == 0.8 { XCTAssertGreaterThan(want.count, 20, "the corpus must hold near-duplicates") }
            }
        }
    }

    func testAcceptPredicateRestrictsPairs() throws {
        let v = try vectors(300, seed: 9)
        let even: @Sendable (Int, Int) -> Bool = { ($0 + $1) % 2 == 0 }
        XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: 0.6, accept: even),
                       NearDuplicateJoin.bruteForce(v, threshold: 0.6, accept: even))
    }

    /// The number of worker threads changes nothing: chunks of rows are probed independently, pairs sorted after.
    func testThreadCountDoesNotChangePairs() throws {
        let v = try vectors(700, seed: 4)
        for t in [0.3, 0.5, 0.8] {
            let want = NearDuplicateJoin.bruteForce(v, threshold: t)
            for threads in [1, 2, 3, 16] {
                XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, threads: threads), want, "threshold \(t), \(threads) threads")
            }
        }
    }

    /// A small vocabulary with long rows (text and justification): every term is frequent, prefixes are short
    /// and most candidates are settled by the bound on y's prefix or by the prefix estimate, the paths the
    /// synthetic 100k benchmark lives on.
    func testSmallVocabularyLongRowsEqualBruteForce() throws {
        var rng = SplitMix64(seed: 77)
        var records: [Postulate] = []
        for i in 0..<400 {
            func words(_ count: Int) -> String {
                (0..<count).map { _ in Fixtures.word(min(rng.int(40), rng.int(40))) }.joined(separator: " ")
            }
            let text = i > 0 && rng.int(5) == 0 ? records[rng.int(records.count)].text + " " + words(1) : words(8 + rng.int(12))
            records.append(Postulate(id: "s\(i)", year: 2020 + rng.int(5), text: text, justification: words(rng.int(15))))
        }
        let v = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: records).documentVectors().vectors
        for t in [0.3, 0.5, 0.8] {
            let want = NearDuplicateJoin.bruteForce(v, threshold: t)
            if t == 0.5 { XCTAssertGreaterThan(want.count, 50) }
            XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, threads: 1), want, "threshold \(t)")
            XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, threads: 2), want, "threshold \(t), 2 threads")
        }
    }

    /// Rows are probed block by block (`JoinBlocks`); with blocks of a few dozen rows a small corpus spans many,
    /// rows are probed against blocks they lie in and blocks before them, and units of work end inside blocks.
    func testSmallBlocksEqualBruteForce() throws {
        for seed in UInt64(5)...6 {
            let v = try vectors(500, seed: seed)
            for t in [0.3, 0.5, 0.8] {
                let want = NearDuplicateJoin.bruteForce(v, threshold: t)
                if t == 0.5 { XCTAssertGreaterThan(want.count, 20) }
                for (threads, size) in [(1, 1), (1, 37), (2, 64), (3, 128)] {
                    XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, accept: nil, threads: threads, rowsPerBlock: size), want,
                                   "seed \(seed), threshold \(t), \(threads) threads, blocks of \(size)")
                }
            }
        }
    }

    /// The across-years filter (`dedupe --across-years`) is asked before any score: the pairs must still be
    /// exactly the brute force's among the accepted ones.
    func testAcrossYearsFilterEqualsBruteForce() throws {
        let records = Fixtures.corpus(size: 600, vocabulary: 50, seed: 12)
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: records)
        let (v, postulates) = index.documentVectors()
        let years = postulates.map(\.year)
        let acrossYears: @Sendable (Int, Int) -> Bool = { years[$0] != years[$1] }
        for t in [0.3, 0.5, 0.8] {
            let want = NearDuplicateJoin.bruteForce(v, threshold: t, accept: acrossYears)
            XCTAssertLessThan(want.count, NearDuplicateJoin.bruteForce(v, threshold: t).count, "the filter must matter")
            for threads in [1, 2] {
                XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, accept: acrossYears, threads: threads), want,
                               "threshold \(t), \(threads) threads")
            }
        }
    }

    /// Identical rows, an empty row and single-term rows at the extreme thresholds.
    func testEdgeRows() {
        var v = SparseVectors()
        v.append([(0, 0.6), (1, 0.8)])
        v.append([(0, 0.6), (1, 0.8)])
        v.append([])
        v.append([(2, 1)])
        v.append([(2, 1)])
        v.append([(0, 0.8), (1, 0.6)])
        for t in [0.01, 0.5, 0.96, 0.99, 1.0] {
            XCTAssertEqual(NearDuplicateJoin.pairs(v, threshold: t, threads: 1), NearDuplicateJoin.bruteForce(v, threshold: t), "threshold \(t)")
        }
        XCTAssertEqual(NearDuplicateJoin.pairs(SparseVectors(), threshold: 0.5), [])
    }

    func testClustersDoNotChain() {
        // a ≈ b and b ≈ c, but a and c share little: connected components would merge all three.
        var v = SparseVectors()
        func unit(_ pairs: [(UInt32, Float)]) -> [(UInt32, Float)] {
            let n = pairs.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
            return pairs.map { ($0.0, $0.1 / n) }
        }
        v.append(unit([(0, 1), (1, 1), (2, 1)]))            // a
        v.append(unit([(1, 1), (2, 1), (3, 1)]))            // b
        v.append(unit([(2, 1), (3, 1), (4, 1)]))            // c
        v.append(unit([(0, 1), (1, 1), (2, 1), (5, 0.2)]))  // a'
        let t = 0.6
        let pairs = NearDuplicateJoin.pairs(v, threshold: t)
        XCTAssertTrue(pairs.contains { $0.a == 0 && $0.b == 1 } && pairs.contains { $0.a == 1 && $0.b == 2 })
        XCTAssertFalse(pairs.contains { $0.a == 0 && $0.b == 2 })
        let clusters = DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: t)
        XCTAssertFalse(clusters.contains { $0.contains(0) && $0.contains(2) }, "\(clusters)")
        XCTAssertTrue(clusters.contains { $0.contains(0) && $0.contains(3) })
    }

    /// Across years, records of one year were never compared: three near-identical 2020 records that each pair
    /// with one 2023 record do not become one cluster through it (only the best-linked one joins it); without
    /// `years` the average link alone decides and all four are one cluster.
    func testAcrossYearsAClusterHoldsOneRecordAYear() {
        var v = SparseVectors()
        let s = Float(1) / Float(3).squareRoot()
        v.append([(0, s), (1, s), (2, s)])              // 2020, district A
        v.append([(0, s), (1, s), (3, s)])              // 2020, district B
        v.append([(0, s), (1, s), (4, s)])              // 2020, district C
        v.append([(0, 0.5), (1, 0.5), (2, 0.5), (5, 0.5)])  // 2023
        let pairs = [DuplicatePair(a: 0, b: 3, score: 0.87), DuplicatePair(a: 1, b: 3, score: 0.58), DuplicatePair(a: 2, b: 3, score: 0.58)]
        XCTAssertEqual(DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: 0.5), [[0, 1, 2, 3]])
        XCTAssertEqual(DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: 0.5, years: [2020, 2020, 2020, 2023]), [[0, 3]])
        // unknown years never conflict
        XCTAssertEqual(DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: 0.5, years: [2020, nil, 2020, 2023]), [[0, 1, 3]])
    }

    /// The clustering's sorted-list sums give the clusters of a plain dictionary implementation (the previous
    /// one, kept here as the reference) at low thresholds, where clusters grow large and many links are refused.
    func testClustersEqualDictionaryReference() throws {
        for seed in UInt64(21)...23 {
            let v = try vectors(600, seed: seed)
            for (t, link) in [(0.2, 0.2), (0.3, 0.15), (0.5, 0.5)] {
                let pairs = NearDuplicateJoin.pairs(v, threshold: t)
                let got = DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: link)
                XCTAssertEqual(got, referenceClusters(v, pairs: pairs, linkThreshold: link), "seed \(seed), \(t)/\(link)")
                if t == 0.2 { XCTAssertTrue(got.contains { $0.count > 5 }, "large clusters must occur") }
            }
        }
    }

    private func referenceClusters(_ v: SparseVectors, pairs: [DuplicatePair], linkThreshold: Double) -> [[Int]] {
        var parent: [Int: Int] = [:], members: [Int: [Int]] = [:], sums: [Int: [UInt32: Double]] = [:]
        func find(_ x: Int) -> Int { var r = x; while let p = parent[r], p != r { r = p }; return r }
        func ensure(_ x: Int) {
            guard parent[x] == nil else { return }
            parent[x] = x; members[x] = [x]
            var s: [UInt32: Double] = [:]
            for k in v.row(x) { s[v.terms[k]] = Double(v.weights[k]) }
            sums[x] = s
        }
        for p in pairs.sorted(by: { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }) {
            ensure(p.a); ensure(p.b)
            let ra = find(p.a), rb = find(p.b)
            if ra == rb { continue }
            let sa = sums[ra]!, sb = sums[rb]!
            let (small, large) = sa.count <= sb.count ? (sa, sb) : (sb, sa)
            var dot = 0.0
            for key in small.keys.sorted() { if let w = large[key] { dot += small[key]! * w } }
            guard dot / Double(members[ra]!.count * members[rb]!.count) >= linkThreshold else { continue }
            let (keep, drop) = members[ra]!.count >= members[rb]!.count ? (ra, rb) : (rb, ra)
            parent[drop] = keep
            members[keep]!.append(contentsOf: members.removeValue(forKey: drop)!)
            var merged = sums.removeValue(forKey: keep)!
            for (key, w) in sums.removeValue(forKey: drop)! { merged[key, default: 0] += w }
            sums[keep] = merged
        }
        return members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    func testClusterOfTrueDuplicatesStaysWhole() throws {
        let index = try SimilarityIndex(analyzer: Fixtures.analyzer(), postulates: [
            Postulate(id: "a", year: 2019, text: "remont chodnika na ulicy długiej przy szkole"),
            Postulate(id: "b", year: 2020, text: "remont chodnika na ulicy długiej przy szkole podstawowej"),
            Postulate(id: "c", year: 2021, text: "remont chodnika ulicy długiej przy szkole"),
            Postulate(id: "d", year: 2021, text: "nowe ławki w parku jordana"),
            Postulate(id: "e", year: 2022, text: "ławki w parku jordana i kosze"),
        ])
        let v = index.documentVectors().vectors
        let pairs = NearDuplicateJoin.pairs(v, threshold: 0.6)
        XCTAssertEqual(DuplicateClustering.clusters(v, pairs: pairs, linkThreshold: 0.6), [[0, 1, 2], [3, 4]])
    }
}
