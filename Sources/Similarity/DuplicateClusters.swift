/// Groups of recurring demands from the duplicate pairs, guarded against chaining.
///
/// Plain connected components chain: A≈B and B≈C put A and C together even when A and C say different things.
/// Here pairs are merged best first (Kruskal order), and two clusters join only when their *average link* —
/// the mean cosine over all cross pairs, computed exactly from the clusters' summed vectors — reaches
/// `linkThreshold`. A member therefore resembles the cluster as a whole, not just one neighbour.
public enum DuplicateClustering {
    /// Clusters of ≥ 2 rows: members ascending, clusters ordered by their first member.
    public static func clusters(_ v: SparseVectors, pairs: [DuplicatePair], linkThreshold: Double) -> [[Int]] {
        var parent: [Int: Int] = [:]
        var members: [Int: [Int]] = [:]
        var sums: [Int: [UInt32: Double]] = [:]

        func find(_ x: Int) -> Int {
            var r = x
            while let p = parent[r], p != r { r = p }
            var c = x
            while let p = parent[c], p != r { parent[c] = r; c = p }
            return r
        }
        func ensure(_ x: Int) {
            guard parent[x] == nil else { return }
            parent[x] = x
            members[x] = [x]
            var s: [UInt32: Double] = [:]
            for k in v.row(x) { s[v.terms[k]] = Double(v.weights[k]) }
            sums[x] = s
        }

        let ordered = pairs.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a != $1.a ? $0.a < $1.a : $0.b < $1.b) }
        for p in ordered {
            ensure(p.a); ensure(p.b)
            let ra = find(p.a), rb = find(p.b)
            if ra == rb { continue }
            let sa = sums[ra]!, sb = sums[rb]!
            let (small, large) = sa.count <= sb.count ? (sa, sb) : (sb, sa)
            var dot = 0.0
            for key in small.keys.sorted() { if let w = large[key] { dot += small[key]! * w } }
            let size = Double(members[ra]!.count * members[rb]!.count)
            guard dot / size >= linkThreshold else { continue }
            let (keep, drop) = members[ra]!.count >= members[rb]!.count ? (ra, rb) : (rb, ra)
            parent[drop] = keep
            members[keep]!.append(contentsOf: members.removeValue(forKey: drop)!)
            var merged = sums.removeValue(forKey: keep)!
            for (key, w) in sums.removeValue(forKey: drop)! { merged[key, default: 0] += w }
            sums[keep] = merged
        }
        return members.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}
