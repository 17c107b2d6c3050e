import Corpus
import Foundation
import PolishText
import Similarity

/// Where `RecurringDemands.find` (the report's recurring demands, `dedupe`) spends its time, one thread, thread CPU
/// seconds: the analysis and vectors, the join, then the rest of `find` (pair factors, clustering) as its total
/// less the first two. The report calls `find` with the default settings and threshold; so does this.
///
/// usage: postulaty-bench recurring CORPUS.jsonl [--threshold T] [--vectors FILE]
/// `--vectors FILE` also writes the join's input (rows, dimension, then the CSR arrays, little-endian Int64 / UInt32 /
/// Float32) for experiments on the join alone.
enum RecurringBench {
    static func run(_ args: [String]) throws {
        var positional: [String] = []
        var threshold = RecurringDemands.defaultThreshold
        var vectorsPath: String?
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--threshold": threshold = Double(args[i + 1]) ?? threshold; i += 2
            case "--vectors": vectorsPath = args[i + 1]; i += 2
            default: positional.append(args[i]); i += 1
            }
        }
        guard positional.count == 1 else { throw BenchError("usage: recurring CORPUS.jsonl [--threshold T] [--vectors FILE]") }
        let records = try CorpusReader.read(path: positional[0])
        let analyzer = try DefaultAnalyzer.make()
        var m: [(String, String)] = [("documents", String(records.count))]
        func put(_ k: String, _ v: Double) { m.append((k, String(format: "%.3f", v))) }

        var t0 = cpu()
        let index = SimilarityIndex(analyzer: analyzer)
        try index.add(records, jobs: 1)
        index.refresh()
        let (vectors, _) = index.documentVectors()
        put("vectors_s", cpu() - t0)
        t0 = cpu()
        let pairs = NearDuplicateJoin.pairs(vectors, threshold: threshold, threads: 1)
        put("join_s", cpu() - t0)
        m.append(("cosine_pairs", String(pairs.count)))
        if let vectorsPath { try write(vectors, to: vectorsPath) }

        // A fresh analyzer: the first one's caches are warm now, which would flatter the total.
        let fresh = try DefaultAnalyzer.make()
        t0 = cpu()
        let found = try RecurringDemands.find(in: records, analyzer: fresh, jobs: 1)
        let total = cpu() - t0
        put("find_s", total)
        m.append(("pairs", String(found.pairs.count)))
        m.append(("clusters", String(found.clusters.count)))
        print("{" + m.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }

    static func write(_ v: SparseVectors, to path: String) throws {
        var d = Data()
        func put<T>(_ xs: [T]) { xs.withUnsafeBytes { d.append(contentsOf: $0) } }
        put([Int64(v.count), Int64(v.dimension)])
        put(v.start.map(Int64.init))
        put(v.terms)
        put(v.weights)
        try d.write(to: URL(fileURLWithPath: path))
    }
}
