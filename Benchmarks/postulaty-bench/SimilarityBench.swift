import Corpus
import Foundation
import PolishText
import Similarity

/// The Swift side of Benchmarks/similarity/bench.py: build, save, load, top-10 queries and the ≥ T join on one
/// corpus file, one core; figures as one JSON line on stdout, results in files for the script's recall checks.
///
/// usage: postulaty-bench similarity CORPUS.jsonl OUTDIR [--queries N] [--threshold T] [--no-join] [--identity]
/// Queries are the texts of N postulates spread evenly over the corpus (row i·n/N). Times are the thread's CPU
/// time (CLOCK_THREAD_CPUTIME_ID): on the shared 2-core machine wall time also counts other processes.
/// Writes OUTDIR/terms.tsv (each postulate's terms, tab-separated, for the anchors' identical TF-IDF),
/// OUTDIR/topk.tsv (query row, rank, result row, score) and OUTDIR/pairs.tsv (row a, row b, score).
/// `--identity` uses lower-cased forms instead of the default lemmatiser (same index code; other terms).
enum SimilarityBench {


    static func run(_ args: [String]) throws {
        var positional: [String] = []
        var queries = 1000, threshold = 0.8, join = true, identity = false
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--queries": queries = Int(args[i + 1]) ?? queries; i += 2
            case "--threshold": threshold = Double(args[i + 1]) ?? threshold; i += 2
            case "--no-join": join = false; i += 1
            case "--identity": identity = true; i += 1
            default: positional.append(args[i]); i += 1
            }
        }
        guard positional.count == 2 else { throw BenchError("usage: similarity CORPUS.jsonl OUTDIR [--queries N] [--threshold T] [--no-join]") }
        let (corpus, dir) = (positional[0], positional[1])
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var m: [(String, String)] = []
        func put(_ k: String, _ v: Double) { m.append((k, String(format: "%.4f", v))) }

        var t0 = cpu()
        let records = try CorpusReader.read(path: corpus)
        put("read_s", cpu() - t0)
        m.append(("documents", String(records.count)))
        let analyzer = identity ? try Analyzer(lemmatizer: IdentityLemmatizer()) : try DefaultAnalyzer.make()
        m.append(("lemmatizer", "\"\(analyzer.configuration.lemmatizer.prefix(40))\""))
        let rssBefore = peakMiB()
        t0 = cpu()
        let index = try SimilarityIndex(analyzer: analyzer, settings: SimilarityIndexSettings(), postulates: records)
        put("build_s", cpu() - t0)
        put("peak_rss_after_build_mib", peakMiB())
        put("rss_before_build_mib", rssBefore)
        m.append(("terms", String(index.vocabularySize)))
        m.append(("entries", String(index.postingCount)))
        let path = dir + "/similarity.index"
        t0 = cpu()
        try index.save(to: path)
        put("save_s", cpu() - t0)
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        m.append(("index_bytes", String(size)))
        t0 = cpu()
        let loaded = try SimilarityIndex.load(path: path, analyzer: analyzer)
        put("load_s", cpu() - t0)
        guard loaded.count == index.count else { throw BenchError("reloaded index differs in size") }

        // Indexed features for the anchors (same analyzer and features, same counts: titles have no justification).
        var terms = ""
        for r in records {
            terms += analyzer.terms(r.text).map { index.settings.feature(of: $0) }.joined(separator: "\t") + "\n"
        }
        try terms.write(toFile: dir + "/terms.tsv", atomically: true, encoding: .utf8)

        // Top-10 queries, one at a time (analysis of the query text included).
        let n = records.count
        let rows = (0..<min(queries, n)).map { $0 * n / min(queries, n) }
        let rowOf = Dictionary(uniqueKeysWithValues: records.enumerated().map { ($1.id, $0) })
        var times: [Double] = []
        var topk = ""
        for _ in 0..<2 {  // first pass warms caches; the second is measured
            times.removeAll(); topk = ""
            for q in rows {
                let s = cpu()
                let hits = loaded.similar(to: records[q].text, top: 10)
                times.append(cpu() - s)
                for (rank, h) in hits.enumerated() { topk += "\(q)\t\(rank + 1)\t\(rowOf[h.postulate.id]!)\t\(h.score)\n" }
            }
        }
        try topk.write(toFile: dir + "/topk.tsv", atomically: true, encoding: .utf8)
        times.sort()
        put("query_p50_ms", times[times.count / 2] * 1000)
        // The same queries reading every posting (no max-score): the A/B of the pruning, same results.
        loaded.usesEarlyTermination = false
        var full: [Double] = []
        for q in rows {
            let s = cpu()
            _ = loaded.similar(to: records[q].text, top: 10)
            full.append(cpu() - s)
        }
        loaded.usesEarlyTermination = true
        full.sort()
        put("query_p50_no_pruning_ms", full[full.count / 2] * 1000)
        put("query_p95_no_pruning_ms", full[full.count * 95 / 100] * 1000)
        put("query_p95_ms", times[times.count * 95 / 100] * 1000)
        put("query_mean_ms", times.reduce(0, +) / Double(times.count) * 1000)
        m.append(("queries", String(times.count)))

        if join {
            let (vectors, _) = loaded.documentVectors()
            t0 = cpu()
            // One thread: this benchmark reports one core's CPU time (the join uses every core by default).
            let pairs = NearDuplicateJoin.pairs(vectors, threshold: threshold, threads: 1)
            put("join_s", cpu() - t0)
            m.append(("pairs", String(pairs.count)))
            t0 = cpu()
            let clusters = DuplicateClustering.clusters(vectors, pairs: pairs, linkThreshold: threshold)
            put("cluster_s", cpu() - t0)
            m.append(("clusters", String(clusters.count)))
            var out = ""
            out.reserveCapacity(pairs.count * 24)
            for p in pairs { out += "\(p.a)\t\(p.b)\t\(p.score)\n" }
            try out.write(toFile: dir + "/pairs.tsv", atomically: true, encoding: .utf8)
        }
        put("peak_rss_mib", peakMiB())
        print("{" + m.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
    }
}

/// `postulaty-bench similarity-load INDEX [--identity]`: load time and peak memory of a saved index alone, in a
/// fresh process (what `postulaty similar` pays before its first query), then one query.
enum SimilarityLoadBench {
    static func run(_ args: [String]) throws {
        guard let path = args.first else { throw BenchError("usage: similarity-load INDEX [--identity]") }
        let analyzer = args.contains("--identity") ? try Analyzer(lemmatizer: IdentityLemmatizer()) : try DefaultAnalyzer.make()
        let before = peakMiB()
        let t0 = cpu()
        let index = try SimilarityIndex.load(path: path, analyzer: analyzer)
        let load = cpu() - t0
        let t1 = cpu()
        _ = index.similar(to: "remont chodnika przy szkole", top: 10)
        let first = cpu() - t1
        print(String(format: "{\"postulates\": %d, \"load_s\": %.4f, \"first_query_ms\": %.3f, \"rss_before_mib\": %.1f, \"peak_rss_mib\": %.1f}",
                     index.count, load, first * 1000, before, peakMiB()))
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
