import Corpus

/// Gold pairs for the duplicate figures, and how a `dedupe` run scores against them. Two sources, reported apart:
/// the authored resubmission groups (`group` field: every record is judged, two records with the same group are a
/// pair) and the staff's reviewed `same_as` links (real postulates: only what the staff reviewed is judged).
///
/// Links are symmetric and transitive: a link says two postulates are one demand, so the linked postulates form
/// components (as `group` does) and every two members of a component are a gold pair — a 2026 postulate linked to
/// its 2025 filing, which was linked to the 2024 one, repeats the 2024 one too. Only links of reviewed records
/// (`reviewed_by` present, as `store export` writes them) count; a link to an id not among the records is ignored
/// and counted (`absentLinks`).
///
/// Judged pairs (the precision's denominator): for groups every pair; for links a pair of two reviewed postulates —
/// a reviewer who linked a postulate to none of the other reviewed ones judged it a different demand. A pair with an
/// unreviewed side is no judgement when unlinked, so the run's unlinked pairs with such a side are counted as not
/// judged and left out of the precision; the gold pairs (recall) are all the links give, reviewed or not.
public struct DuplicateGold: Sendable {
    /// A pair of ids, smaller first (byte order), so a pair compares equal whichever way it was found.
    public struct Pair: Hashable, Sendable, Comparable {
        public let a: String, b: String
        public init(_ x: String, _ y: String) {
            if x.utf8.lexicographicallyPrecedes(y.utf8) { a = x; b = y } else { a = y; b = x }
        }
        public static func < (l: Pair, r: Pair) -> Bool {
            l.a != r.a ? l.a.utf8.lexicographicallyPrecedes(r.a.utf8) : l.b.utf8.lexicographicallyPrecedes(r.b.utf8)
        }
    }

    /// Every gold pair (symmetric, transitive).
    public let pairs: Set<Pair>
    /// The postulates whose pairs are judged; nil: every record (authored groups).
    public let judged: Set<String>?
    /// Groups with at least two members, or direct links (each unordered link once).
    public let sources: Int
    /// Links to ids not among the records (ignored).
    public let absentLinks: Int
    /// The records, for the eligibility of a pair under `--across-years` and `--same`.
    let records: [String: Postulate]

    /// The authored resubmission groups: two records with the same non-empty `group` are a pair; all judged.
    public static func groups(in records: [Postulate]) -> DuplicateGold {
        var members: [String: [String]] = [:]
        for p in records { if let g = p.group, !g.isEmpty { members[g, default: []].append(p.id) } }
        var pairs = Set<Pair>()
        for ids in members.values { insertAllPairs(ids, into: &pairs) }
        return DuplicateGold(pairs: pairs, judged: nil, sources: members.values.filter { $0.count > 1 }.count,
                             absentLinks: 0, records: byID(records))
    }

    /// The reviewed `same_as` links of the records (a store's export, or `ReviewStore`'s reviewed records).
    public static func reviewedLinks(in records: [Postulate]) -> DuplicateGold {
        let known = byID(records)
        var parent: [String: String] = [:]
        func root(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            var y = x
            while let p = parent[y], p != r { parent[y] = r; y = p }   // path compression
            return r
        }
        var reviewed = Set<String>()
        var links = Set<Pair>()
        var absent = 0
        for p in records where p.value(of: "reviewed_by")?.stringValue != nil {
            reviewed.insert(p.id)
            for other in p.value(of: "same_as")?.arrayValue?.compactMap(\.stringValue) ?? [] where other != p.id {
                guard known[other] != nil else { absent += 1; continue }
                links.insert(Pair(p.id, other))
            }
        }
        for l in links.sorted() {
            let (ra, rb) = (root(l.a), root(l.b))
            if parent[ra] == nil { parent[ra] = ra }
            if parent[rb] == nil { parent[rb] = rb }
            if ra != rb { parent[ra] = rb }
        }
        var components: [String: [String]] = [:]
        for id in parent.keys { components[root(id), default: []].append(id) }
        var pairs = Set<Pair>()
        for ids in components.values { insertAllPairs(ids, into: &pairs) }
        return DuplicateGold(pairs: pairs, judged: reviewed, sources: links.count, absentLinks: absent, records: known)
    }

    private static func insertAllPairs(_ ids: [String], into pairs: inout Set<Pair>) {
        for i in ids.indices { for j in ids.indices where i < j { pairs.insert(Pair(ids[i], ids[j])) } }
    }

    private static func byID(_ records: [Postulate]) -> [String: Postulate] {
        var out: [String: Postulate] = [:]
        for p in records where out[p.id] == nil { out[p.id] = p }
        return out
    }

    /// How many postulates are judged (nil: all records).
    public var judgedCount: Int? { judged?.count }

    /// Scores the pairs of a `dedupe` run. Gold pairs the run could not report — same year under `acrossYears`,
    /// another block under `same` (`SameFields`) — are left out, so recall measures what the run was asked for.
    public func score(_ run: RecurringDemands, acrossYears: Bool = false, same: [String] = []) -> DuplicateScore {
        let blocking = SameFields(same)
        func eligible(_ p: Pair) -> Bool {
            guard let x = records[p.a], let y = records[p.b] else { return false }
            if acrossYears && x.year == y.year { return false }
            return blocking.isEmpty || SameFields.agree(blocking.values(of: x), blocking.values(of: y))
        }
        let gold = pairs.filter(eligible)
        let found = Set(run.pairs.map { Pair(run.postulates[$0.a].id, run.postulates[$0.b].id) })
        var s = DuplicateScore()
        s.goldPairs = gold.count
        s.found = gold.intersection(found).count
        s.missed = s.goldPairs - s.found
        for p in found {
            let isJudged = judged.map { $0.contains(p.a) && $0.contains(p.b) } ?? true
            switch (gold.contains(p), isJudged) {
            case (true, true): s.correct += 1
            case (false, true): s.spurious += 1
            case (false, false): s.unjudged += 1
            case (true, false): break   // a found gold pair with an unreviewed side: counted in `found` only
            }
        }
        return s
    }
}

/// A `dedupe` run against gold pairs: counts and the figures from them.
public struct DuplicateScore: Sendable, Equatable {
    /// Gold pairs the run could report.
    public var goldPairs = 0
    /// Gold pairs among the run's pairs, and the rest.
    public var found = 0
    public var missed = 0
    /// The run's judged pairs: gold (`correct`) or judged different (`spurious`).
    public var correct = 0
    public var spurious = 0
    /// The run's pairs that are not gold and have a side nobody judged (left out of the precision).
    public var unjudged = 0

    public init() {}

    /// Share of the run's judged pairs that are gold (nil: the run has no judged pair).
    public var precision: Double? { correct + spurious == 0 ? nil : Double(correct) / Double(correct + spurious) }
    /// Share of the gold pairs the run found (nil: no gold pair).
    public var recall: Double? { goldPairs == 0 ? nil : Double(found) / Double(goldPairs) }
    public var f1: Double? {
        guard let p = precision, let r = recall else { return nil }
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}
