/// Groups of recurring demands from the duplicate pairs, guarded against chaining.
///
/// Plain connected components chain: A≈B and B≈C put A and C together even when A and C say different things.
/// Here pairs are merged best first (Kruskal order), and two clusters join only when their *average link* —
/// the mean cosine over all cross pairs, computed exactly from the clusters' summed vectors — reaches
/// `linkThreshold`. A member therefore resembles the cluster as a whole, not just one neighbour.
/// With blocking (`blocks`: per row, a value id per `--same` field, -1 unknown), two clusters also join only when
/// no field has two different known values among their members: a record without a district may pair with a
/// record of Obłuże and one of Dąbrowa, but it does not put the two districts into one cluster.
/// With `years` (`dedupe --across-years`), two clusters also join only when no year is in both: records of one
/// year were never compared there, so nothing says they are the same demand, and three districts' copies of a
/// 2020 template must not become one "recurring demand" through the one 2023 record each resembles.
///
/// A cluster's summed vector is kept as term ids ascending with their sums: the average link's dot product adds the
/// products of the shared terms in ascending term id (a merge walk, or a binary search per term of the smaller
/// vector when the other is much longer), and merging adds two sorted lists; no hashing, no sorting per pair.
public enum DuplicateClustering {
    /// Clusters of ≥ 2 rows: members ascending, clusters ordered by their first member.
    public static func clusters(_ v: SparseVectors, pairs: [DuplicatePair], linkThreshold: Double,
                                blocks: [[Int32]] = [], years: [Int?] = []) -> [[Int]] {
        let n = v.count
        var known = blocks   // per root: the known value of each field among its members (-1: none yet)
        // per root, when `years` is given: the known years of its members, ascending
        var yearsOf: [[Int]] = years.map { $0.map { [$0] } ?? [] }
        var parent = [Int](repeating: -1, count: n)      // -1: not in any pair yet
        var members = [[Int]](repeating: [], count: n)
        var keys = [[UInt32]](repeating: [], count: n)   // the summed vector of a root's cluster
        var sums = [[Double]](repeating: [], count: n)

        func find(_ x: Int) -> Int {
            var r = x
            while parent[r] != r { r = parent[r] }
            var c = x
            while parent[c] != r { let next = parent[c]; parent[c] = r; c = next }
            return r
        }
        func ensure(_ x: Int) {
            guard parent[x] < 0 else { return }
            parent[x] = x
            members[x] = [x]
            keys[x] = Array(v.terms[v.row(x)])                 // ascending within a row
            sums[x] = v.row(x).map { Double(v.weights[$0]) }
        }

        let ordered = pairs.sorted { $0.score != $1.score ? $0.score > $1.score : ($0.a != $1.a ? $0.a < $1.a : $0.b < $1.b) }
        for p in ordered {
            ensure(p.a); ensure(p.b)
            let ra = find(p.a), rb = find(p.b)
            if ra == rb { continue }
            if !known.isEmpty, zip(known[ra], known[rb]).contains(where: { $0 >= 0 && $1 >= 0 && $0 != $1 }) { continue }
            if !yearsOf.isEmpty, sharesAYear(yearsOf[ra], yearsOf[rb]) { continue }
            let (small, large) = keys[ra].count <= keys[rb].count ? (ra, rb) : (rb, ra)
            let dot = sharedDot(keys[small], sums[small], keys[large], sums[large])
            let size = Double(members[ra].count * members[rb].count)
            guard dot / size >= linkThreshold else { continue }
            let (keep, drop) = members[ra].count >= members[rb].count ? (ra, rb) : (rb, ra)
            parent[drop] = keep
            members[keep].append(contentsOf: members[drop])
            members[drop] = []
            (keys[keep], sums[keep]) = merged(keys[keep], sums[keep], keys[drop], sums[drop])
            keys[drop] = []; sums[drop] = []
            if !known.isEmpty {
                for f in known[keep].indices where known[keep][f] < 0 { known[keep][f] = known[drop][f] }
            }
            if !yearsOf.isEmpty {
                yearsOf[keep] = (yearsOf[keep] + yearsOf[drop]).sorted()
                yearsOf[drop] = []
            }
        }
        var out: [[Int]] = []
        for x in 0..<n where parent[x] == x && members[x].count > 1 { out.append(members[x].sorted()) }
        return out.sorted { $0[0] < $1[0] }
    }

    /// Whether two ascending lists of years have one in common.
    static func sharesAYear(_ a: [Int], _ b: [Int]) -> Bool {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// Σ small·large over the shared terms, in ascending term id (the terms of `small` that `large` holds).
    static func sharedDot(_ sk: [UInt32], _ sv: [Double], _ lk: [UInt32], _ lv: [Double]) -> Double {
        var dot = 0.0
        if sk.count * 16 < lk.count {
            var lo = 0
            for i in sk.indices {
                var a = lo, b = lk.count
                while a < b { let m = (a + b) >> 1; if lk[m] < sk[i] { a = m + 1 } else { b = m } }
                lo = a
                if a < lk.count && lk[a] == sk[i] { dot += sv[i] * lv[a] }
            }
            return dot
        }
        var i = 0, j = 0
        while i < sk.count && j < lk.count {
            if sk[i] == lk[j] { dot += sv[i] * lv[j]; i += 1; j += 1 }
            else if sk[i] < lk[j] { i += 1 } else { j += 1 }
        }
        return dot
    }

    /// The sum of two sorted sparse vectors (a shared term gets keep + drop).
    static func merged(_ ak: [UInt32], _ av: [Double], _ bk: [UInt32], _ bv: [Double]) -> ([UInt32], [Double]) {
        var keys: [UInt32] = [], values: [Double] = []
        keys.reserveCapacity(ak.count + bk.count); values.reserveCapacity(ak.count + bk.count)
        var i = 0, j = 0
        while i < ak.count || j < bk.count {
            if j == bk.count || (i < ak.count && ak[i] < bk[j]) { keys.append(ak[i]); values.append(av[i]); i += 1 }
            else if i == ak.count || bk[j] < ak[i] { keys.append(bk[j]); values.append(bv[j]); j += 1 }
            else { keys.append(ak[i]); values.append(av[i] + bv[j]); i += 1; j += 1 }
        }
        return (keys, values)
    }
}
