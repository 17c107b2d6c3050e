/// Deterministic, stratified assignment of documents to cross-validation folds.
///
/// Documents are grouped by their rarest label (no label: its own group), each group is shuffled with a seeded
/// SplitMix64 and dealt round-robin, continuing the deal across groups, so every fold gets its share of every label,
/// rare ones included.
///
/// With `groups`, documents sharing a group (e.g. one demand resubmitted year after year) are dealt as one unit and
/// land in the same fold, so a near-copy of a test postulate is never in its training folds.
public enum Folds {
    public static func assign(labels: [[Int]], labelCount: Int, folds k: Int, seed: UInt64 = 20260617,
                              groups: [String?]? = nil) -> [Int] {
        precondition(k >= 2, "cross-validation needs at least 2 folds")
        if let groups {
            precondition(groups.count == labels.count)
            // one unit per group (ungrouped documents are their own unit), in first-seen order
            var unitOf: [String: Int] = [:]
            var units: [[Int]] = []
            for (i, g) in groups.enumerated() {
                if let g, let u = unitOf[g] { units[u].append(i); continue }
                if let g { unitOf[g] = units.count }
                units.append([i])
            }
            let unitLabels = units.map { members in Array(Set(members.flatMap { labels[$0] })).sorted() }
            let unitFold = assign(labels: unitLabels, labelCount: labelCount, folds: k, seed: seed)
            var fold = [Int](repeating: 0, count: labels.count)
            for (u, members) in units.enumerated() { for m in members { fold[m] = unitFold[u] } }
            return fold
        }
        var frequency = [Int](repeating: 0, count: labelCount)
        for ls in labels { for l in ls { frequency[l] += 1 } }
        var groups: [[Int]] = Array(repeating: [], count: labelCount + 1)
        for (i, ls) in labels.enumerated() {
            let rarest = ls.min { frequency[$0] != frequency[$1] ? frequency[$0] < frequency[$1] : $0 < $1 }
            groups[rarest.map { $0 + 1 } ?? 0].append(i)
        }
        var rng = SplitMix64(seed: seed)
        var fold = [Int](repeating: 0, count: labels.count)
        var next = 0
        // smallest groups first so their deal is the most even
        let order = groups.indices.sorted { groups[$0].count != groups[$1].count ? groups[$0].count < groups[$1].count : $0 < $1 }
        for g in order {
            var members = groups[g]
            rng.shuffle(&members)
            for m in members { fold[m] = next % k; next += 1 }
        }
        return fold
    }
}
