import Corpus
import Foundation
import PolishText
import Similarity

/// Quality of `dedupe` and `similar --before` on the authored resubmission groups (`group` field) of corpus files.
///
/// usage: postulaty-bench similarity-quality [--identity] [--justification-weight W] [--prefix N] [--no-fold] FILES...
/// Gold pairs: every two records with the same non-empty `group`. For thresholds 0.20…0.90 it prints the pairwise
/// precision and recall of the pairs (as `dedupe` writes them) and of the clusters (two records in one cluster),
/// then the share of group members with an earlier member for which `similar --id M --before YEAR(M)` ranks an
/// earlier member of the group first. `--identity` uses lower-cased forms instead of the default lemmatiser.
enum SimilarityQuality {
    static func run(_ args: [String]) throws {
        var files: [String] = []
        var identity = false
        var weight = SimilarityIndexSettings().justificationWeight
        var prefix = SimilarityIndexSettings().prefixLength
        var fold = SimilarityIndexSettings().foldDiacritics
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--identity": identity = true; i += 1
            case "--justification-weight": weight = Double(args[i + 1]) ?? weight; i += 2
            case "--prefix": prefix = Int(args[i + 1]) ?? prefix; i += 2
            case "--no-fold": fold = false; i += 1
            default: files.append(args[i]); i += 1
            }
        }
        var records: [Postulate] = []
        for f in files { records += try CorpusReader.read(path: f) }
        let analyzer = identity ? try Analyzer(lemmatizer: IdentityLemmatizer()) : try DefaultAnalyzer.make()
        let settings = SimilarityIndexSettings(justificationWeight: weight, foldDiacritics: fold, prefixLength: prefix)
        let group = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.group ?? "") })
        // The gold pairs `dedupe --gold` scores against (ids are ASCII, so the pair's byte order is `sorted()`'s).
        let gold = Set(DuplicateGold.groups(in: records).pairs.map { [$0.a, $0.b] })
        let byGroup = Dictionary(grouping: records.filter { ($0.group ?? "").isEmpty == false }, by: { $0.group! })
        print("records \(records.count)  groups \(byGroup.count)  gold pairs \(gold.count)  analyzer \(analyzer.configuration.lemmatizer)  justification weight \(weight)  fold \(fold)  prefix \(prefix)")
        print("threshold  pairs  P_pairs  R_pairs  F1_pairs  clusters  P_clusters  R_clusters")
        for t in stride(from: 0.20, through: 0.901, by: 0.05) {
            let r = try RecurringDemands.find(in: records, analyzer: analyzer, settings: settings, threshold: t)
            let predicted = Set(r.pairs.map { [r.postulates[$0.a].id, r.postulates[$0.b].id].sorted() })
            var clustered = Set<[String]>()
            for c in r.clusters {
                let ids = c.map { r.postulates[$0].id }
                for a in ids { for b in ids where a < b { clustered.insert([a, b]) } }
            }
            func pr(_ s: Set<[String]>) -> (Double, Double) {
                let hit = Double(s.intersection(gold).count)
                return (s.isEmpty ? 1 : hit / Double(s.count), gold.isEmpty ? 1 : hit / Double(gold.count))
            }
            let (p, rc) = pr(predicted), (cp, cr) = pr(clustered)
            if let show = ProcessInfo.processInfo.environment["SIM_SHOW"], abs(Double(show)! - t) < 0.01 {
                let text = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0.text) })
                for pair in predicted.subtracting(gold).sorted(by: { $0[0] < $1[0] }) {
                    print("  FALSE \(pair[0]) [\(group[pair[0]]!)] \(text[pair[0]]!.prefix(110))\n        \(pair[1]) [\(group[pair[1]]!)] \(text[pair[1]]!.prefix(110))")
                }
            }
            let f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0
            print(String(format: "%.2f  %6d  %.3f  %.3f  %.3f  %6d  %.3f  %.3f", t, predicted.count, p, rc, f1, r.clusters.count, cp, cr))
        }
        let index = try SimilarityIndex(analyzer: analyzer, settings: settings, postulates: records)
        var asked = 0, firstIsEarlier = 0, inTop3 = 0
        for p in records {
            guard let g = p.group, !g.isEmpty, let y = p.year,
                  byGroup[g]!.contains(where: { ($0.year ?? Int.max) < y }) else { continue }
            asked += 1
            let hits = try index.similar(toID: p.id, top: 3, filter: SimilarityFilter(before: y))
            if let first = hits.first, group[first.postulate.id] == g { firstIsEarlier += 1 }
            else if ProcessInfo.processInfo.environment["SIM_MISS"] != nil {
                print("  MISS \(p.id) [\(g)] \(p.text.prefix(100))")
                for h in hits.prefix(2) { print("     → \(h.postulate.id) [\(group[h.postulate.id]!)] \(String(format: "%.3f", h.score)) \(h.postulate.text.prefix(90)) {\(h.sharedTerms.joined(separator: ","))}") }
                let earlier = byGroup[g]!.filter { ($0.year ?? Int.max) < y }
                for e in earlier { print("     want \(e.id) \(e.text.prefix(90))") }
            }
            if hits.contains(where: { group[$0.postulate.id] == g }) { inTop3 += 1 }
        }
        print(String(format: "similar --before: %d members with an earlier member; earlier member ranked first %.1f%% (%d), in top 3 %.1f%%",
                     asked, 100 * Double(firstIsEarlier) / Double(max(asked, 1)), firstIsEarlier, 100 * Double(inTop3) / Double(max(asked, 1))))
    }
}
