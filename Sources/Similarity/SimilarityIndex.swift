import Corpus
import PolishText

/// Settings that change the vectors; stored in the index file.
public struct SimilarityIndexSettings: Codable, Sendable, Equatable {
    /// Weight of a justification's term counts relative to the postulate's own text (0 ignores justifications).
    public var justificationWeight: Double
    /// Index the analyzer's terms with diacritics folded ("seniorow" meets "seniorów" whatever the lemmatiser did).
    public var foldDiacritics: Bool
    /// Index only the first N characters of each term (0: whole terms). Truncation is a robust second stemmer
    /// for Polish: inflected forms a lemmatiser misses still share their first letters.
    public var prefixLength: Int

    public init(justificationWeight: Double = 0.5, foldDiacritics: Bool = true, prefixLength: Int = 0) {
        self.justificationWeight = justificationWeight
        self.foldDiacritics = foldDiacritics
        self.prefixLength = prefixLength
    }

    /// The indexed feature of an analyzer term.
    public func feature(of term: String) -> String {
        let folded = foldDiacritics ? DiacriticFolding.fold(term) : term
        return prefixLength > 0 && folded.count > prefixLength ? String(folded.prefix(prefixLength)) : folded
    }
}

/// An inverted index of postulates for exact top-k cosine search.
///
/// What is stored: per postulate, its raw weighted term counts; per term, its postings (slots, ascending) and
/// document frequency. What is derived: idf, document norms and posting weights. Because idf depends on the
/// number of documents, every addition or removal changes every weight; rather than freeze idf at build time
/// (which would make "add, then query" differ from "rebuild, then query"), `add`/`remove` update counts and
/// counts in O(terms of the postulate) and mark everything derived stale; the first query after a change
/// recomputes postings (one counting sort over the vectors, slots ascending), weights and norms in O(postings)
/// passes over numbers — no text is re-analysed. Saving needs none of it (the file holds primary data only), so
/// `index build` never derives postings at all.
/// The result is, by construction and by test, identical to a rebuild.
///
/// Scores: a query's terms are summed in term-string order and norms in order-free fixed point, so scores are
/// bit-identical to the brute-force reference and between incremental and rebuilt indexes; ties rank by the
/// filter's `TieBreak` (place fields, nearest earlier year), then id.
/// Not thread-safe (the analyzer and the score accumulator are shared): one index per thread.
public final class SimilarityIndex {
    public let analyzer: any TextAnalyzing
    public let settings: SimilarityIndexSettings

    // Primary data.
    var vocabulary = Vocabulary()
    var df: [Int32] = []
    var docs: [IndexedPostulate] = []
    var alive: [Bool] = []
    var years: [Int32] = []
    var meetingOf: [Int32] = []
    var meetingIDs: [String: Int32] = [:]
    var docStart: [Int] = [0]
    var docTerms: [UInt32] = []
    var docCounts: [Float] = []
    var slotByID: [String: Int] = [:]
    // Derived (see `refresh`). Term t's postings are `postingSlots[postingStart[t]..<postingStart[t + 1]]` (live
    // slots ascending) with `postingWeights` alongside: flat arrays, one allocation each however many terms.
    var postingStart: [Int] = [0]
    var postingSlots: [UInt32] = []
    var postingWeights: [Float] = []
    var idf: [Double] = []
    var norms: [Double] = []
    /// Largest posting weight of each term: the bound max-score pruning needs.
    var maxWeight: [Float] = []
    var stale = false
    // Query scratch.
    private var accumulator: [Double] = []
    private var featureCache: [String: String] = [:]
    /// Analyzer term → vocabulary id of its feature, for `add(_:)`: one hash per term instead of three (feature
    /// cache, per-postulate counts, vocabulary). Ids never change (the vocabulary only grows), so it stays valid.
    private var termIDs: [String: UInt32] = [:]
    private var touched: [Int32] = []
    /// Blocking values of every slot per `SameFields` (cleared by any change): one pass per field list, not per query.
    private var blockValues: [[String]: [[String?]]] = [:]
    /// How many queries stopped reading postings early (max-score): lets tests see both paths run.
    var earlyTerminations = 0
    /// Max-score early termination on (default) or off (every posting read): for the benchmark's A/B; results are
    /// identical either way.
    public var usesEarlyTermination = true

    public private(set) var count = 0
    static let noYear = Int32.min

    public init(analyzer: any TextAnalyzing, settings: SimilarityIndexSettings = SimilarityIndexSettings()) {
        self.analyzer = analyzer
        self.settings = settings
    }

    /// Builds an index of `postulates` (ids must be unique).
    public convenience init(analyzer: any TextAnalyzing, settings: SimilarityIndexSettings = SimilarityIndexSettings(),
                            postulates: [Postulate]) throws {
        self.init(analyzer: analyzer, settings: settings)
        for p in postulates { try add(p) }
        refresh()
    }

    /// The index of stored data (`Storage`, already validated; `analyzer` must have its configuration, which
    /// `load` checks first). Postings, idf, norms and posting weights come from `refresh`, as after any change.
    init(analyzer: any TextAnalyzing, storage: Storage) {
        self.analyzer = analyzer
        self.settings = storage.settings
        let n = storage.postulates.count, v = storage.terms.count
        vocabulary = Vocabulary(terms: storage.terms)
        docs = storage.postulates
        alive = [Bool](repeating: true, count: n)
        years.reserveCapacity(n)
        meetingOf.reserveCapacity(n)
        for i in 0..<n {
            years.append(docs[i].year.map { Int32(clamping: $0) } ?? Self.noYear)
            meetingOf.append(internMeeting(docs[i].meeting))
        }
        slotByID = storage.positions
        docStart = storage.vectorStart
        docTerms = storage.vectorTerms
        docCounts = storage.vectorCounts
        df = [Int32](repeating: 0, count: v)
        for t in docTerms { df[Int(t)] += 1 }
        count = n
        stale = true
        refresh()
    }

    public var vocabularySize: Int { df.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
    public var postingCount: Int { df.reduce(0) { $0 + Int($1) } }
    public func contains(id: String) -> Bool { slotByID[id] != nil }

    /// The postulates in the index, in insertion order.
    public var postulates: [IndexedPostulate] { docs.indices.filter { alive[$0] }.map { docs[$0] } }

    // MARK: updates

    /// Adds a postulate; its text and (weighted) justification are analysed now.
    public func add(_ p: Postulate) throws {
        var counts = TermCounts()
        analyzer.forEachTerm(in: p.text) { counts.add(termID($0), 1) }
        let w = Float(settings.justificationWeight)
        if w > 0, !p.justification.isEmpty {
            analyzer.forEachTerm(in: p.justification) { counts.add(termID($0), w) }
        }
        try add(IndexedPostulate(p), terms: counts.sorted())
    }

    /// The vocabulary id of an analyzer term's feature (interned on first sight).
    private func termID(_ term: String) -> UInt32 {
        if let id = termIDs[term] { return id }
        let id = vocabulary.intern(feature(term))
        if termIDs.count > 200_000 { termIDs.removeAll(keepingCapacity: true) }
        termIDs[term] = id
        return id
    }

    /// Adds a postulate with its term counts already computed (term ids of this index's vocabulary, ascending).
    func add<C: Collection>(_ doc: IndexedPostulate, terms: C) throws where C.Element == (key: UInt32, value: Float) {
        guard slotByID[doc.id] == nil else { throw SimilarityError.duplicateID(doc.id) }
        let slot = docs.count
        docs.append(doc)
        alive.append(true)
        years.append(doc.year.map { Int32(clamping: $0) } ?? Self.noYear)
        meetingOf.append(internMeeting(doc.meeting))
        slotByID[doc.id] = slot
        if df.count < vocabulary.count { df.append(contentsOf: repeatElement(0, count: vocabulary.count - df.count)) }
        df.withUnsafeMutableBufferPointer { df in
            for (t, c) in terms {
                docTerms.append(t); docCounts.append(c)
                df[Int(t)] += 1
            }
        }
        docStart.append(docTerms.count)
        count += 1
        stale = true
        blockValues.removeAll()
    }

    /// Removes the postulate with this id (its slot stays as a tombstone until the index is saved).
    public func remove(id: String) throws {
        guard let slot = slotByID.removeValue(forKey: id) else { throw SimilarityError.unknownID(id) }
        alive[slot] = false
        for k in docStart[slot]..<docStart[slot + 1] { df[Int(docTerms[k])] -= 1 }
        count -= 1
        stale = true
        blockValues.removeAll()
    }

    /// The blocking values of every slot for `same`, computed once per field list.
    func blocking(_ same: SameFields) -> [[String?]] {
        if let k = blockValues[same.fields], k.count == docs.count { return k }
        let k = docs.map { same.values(of: $0.record) }
        blockValues[same.fields] = k
        return k
    }

    func feature(_ term: String) -> String {
        if let f = featureCache[term] { return f }
        let f = settings.feature(of: term)
        if featureCache.count > 200_000 { featureCache.removeAll(keepingCapacity: true) }
        featureCache[term] = f
        return f
    }

    /// Feature → the first term of `text` that produced it: how shared features are shown to people.
    func displayTerms(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        analyzer.forEachTerm(in: text) { t in
            let f = feature(t)
            if out[f] == nil { out[f] = t }
        }
        return out
    }

    private func internMeeting(_ m: String) -> Int32 {
        if m.isEmpty { return -1 }
        if let id = meetingIDs[m] { return id }
        let id = Int32(meetingIDs.count)
        meetingIDs[m] = id
        return id
    }

    /// The position of `x` in `a[range]` (ascending), if there.
    static func binarySearch(_ a: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, _ x: UInt32) -> Int? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo < range.upperBound && a[lo] == x ? lo : nil
    }

    // MARK: derived weights

    /// Recomputes postings, idf, norms and posting weights when anything changed since the last time.
    /// Postings come from one counting sort over the live vectors (slots ascending within a term), so an index
    /// after adds and removes and one rebuilt or loaded have the same postings.
    public func refresh() {
        guard stale else { return }
        let n = count, v = vocabulary.count
        // A postulate refused as a duplicate may have interned terms it never counted.
        if df.count < v { df.append(contentsOf: repeatElement(0, count: v - df.count)) }
        idf = df.map { TermWeighting.idf(documentFrequency: Int($0), documents: n) }
        var start = [Int](repeating: 0, count: v + 1)
        for t in 0..<v { start[t + 1] = start[t] + Int(df[t]) }
        var slots = [UInt32](repeating: 0, count: start[v])
        var weights = [Float](repeating: 0, count: start[v])
        var norms = [Double](repeating: 0, count: docs.count)
        var maxWeight = [Float](repeating: 0, count: v)
        var cursor = start
        for s in docs.indices where alive[s] {
            var sum: UInt64 = 0
            for k in docStart[s]..<docStart[s + 1] {
                sum &+= TermWeighting.fixedSquare(TermWeighting.sublinear(docCounts[k]) * idf[Int(docTerms[k])])
            }
            let norm = TermWeighting.norm(fromFixed: sum)
            norms[s] = norm
            for k in docStart[s]..<docStart[s + 1] {
                let t = Int(docTerms[k])
                let w = weight(count: docCounts[k], term: t, norm: norm)
                slots[cursor[t]] = UInt32(s)
                weights[cursor[t]] = w
                if w > maxWeight[t] { maxWeight[t] = w }
                cursor[t] += 1
            }
        }
        postingStart = start; postingSlots = slots; postingWeights = weights
        self.norms = norms; self.maxWeight = maxWeight
        stale = false
    }

    @inline(__always) func weight(count: Float, term t: Int, norm: Double) -> Float {
        Float(TermWeighting.sublinear(count) * idf[t] / norm)
    }

    /// The live postulates' unit vectors (rows in insertion order) and which postulate each row is.
    public func documentVectors() -> (vectors: SparseVectors, postulates: [IndexedPostulate]) {
        refresh()
        var v = SparseVectors()
        var out: [IndexedPostulate] = []
        v.terms.reserveCapacity(docTerms.count); v.weights.reserveCapacity(docTerms.count)
        for s in docs.indices where alive[s] {
            let norm = norms[s]
            for k in docStart[s]..<docStart[s + 1] {
                v.terms.append(docTerms[k]); v.weights.append(weight(count: docCounts[k], term: Int(docTerms[k]), norm: norm))
            }
            v.start.append(v.terms.count)
            out.append(docs[s])
        }
        v.dimension = vocabulary.count
        return (v, out)
    }

    /// The term string of a term id of `documentVectors()`.
    public func term(_ id: UInt32) -> String { vocabulary[id] }

    // MARK: queries

    /// The `k` postulates most similar to `text` that pass `filter`, best first.
    public func similar(to text: String, top k: Int = 10, filter: SimilarityFilter = SimilarityFilter()) -> [SimilarityHit] {
        refresh()
        var counts: [String: Float] = [:]
        analyzer.forEachTerm(in: text) { counts[feature($0), default: 0] += 1 }
        return run(queryVector(counts), display: displayTerms(text), k: k, filter: filter)
    }

    /// The `k` postulates most similar to a record that need not be in the index (a line of `similar --batch`):
    /// its text (and weighted justification, as indexed) is the query; its fields give the block of `filter.same`
    /// and the tie-break (its year, its place fields); the record itself is left out when indexed.
    public func similar(toRecord record: Postulate, top k: Int = 10, filter: SimilarityFilter = SimilarityFilter()) -> [SimilarityHit] {
        refresh()
        var counts: [String: Float] = [:]
        analyzer.forEachTerm(in: record.text) { counts[feature($0), default: 0] += 1 }
        let w = Float(settings.justificationWeight)
        if w > 0, !record.justification.isEmpty {
            analyzer.forEachTerm(in: record.justification) { counts[feature($0), default: 0] += w }
        }
        var f = filter
        f.excludeIDs.insert(record.id)
        if !f.same.isEmpty { f.blockValues = f.same.values(of: record) }
        f.tieBreak = TieBreak(query: record, before: filter.before, same: filter.same.fields)
        return run(queryVector(counts), display: displayTerms(record.text), k: k, filter: f)
    }

    /// The `k` postulates most similar to the indexed postulate `id`, excluding itself and, unless told otherwise,
    /// every postulate of its own meeting (they are not "earlier" demands).
    public func similar(toID id: String, top k: Int = 10, filter: SimilarityFilter = SimilarityFilter(),
                        excludeOwnMeeting: Bool = true) throws -> [SimilarityHit] {
        refresh()
        guard let slot = slotByID[id] else { throw SimilarityError.unknownID(id) }
        var counts: [String: Float] = [:]
        for k in docStart[slot]..<docStart[slot + 1] { counts[vocabulary[docTerms[k]]] = docCounts[k] }
        var f = filter
        f.excludeIDs.insert(id)
        if excludeOwnMeeting, !docs[slot].meeting.isEmpty { f.excludeMeetings.insert(docs[slot].meeting) }
        if !f.same.isEmpty { f.blockValues = f.same.values(of: docs[slot].record) }
        f.tieBreak = TieBreak(query: docs[slot].record, before: filter.before, same: filter.same.fields)
        return run(queryVector(counts), display: displayTerms(docs[slot].text), k: k, filter: f)
    }

    /// Unit query vector in term-string order; a term unknown to the index weighs as a term of frequency 0
    /// (it still lowers the cosine: the query says something no postulate says).
    func queryVector(_ counts: [String: Float]) -> QueryVector {
        var entries: [QueryVector.Entry] = []
        var sum: UInt64 = 0
        for (term, c) in counts.sorted(by: { $0.key < $1.key }) {
            let d = vocabulary.id(of: term).map { Int(df[Int($0)]) } ?? 0
            let w = TermWeighting.sublinear(c) * TermWeighting.idf(documentFrequency: d, documents: count)
            sum &+= TermWeighting.fixedSquare(w)
            entries.append(.init(term: term, weight: w))
        }
        let norm = TermWeighting.norm(fromFixed: sum)
        if norm > 0 { for i in entries.indices { entries[i].weight /= norm } }
        return QueryVector(entries: entries)
    }

    private func run(_ q: QueryVector, display: [String: String], k: Int, filter: SimilarityFilter) -> [SimilarityHit] {
        let top = nearTieSlots(q, k: k, filter: filter)
        let qm = marks(q)
        return top.map { (slot, score) in
            let outcome = NameMismatch.compare(qm, marks(slot: slot))
            return SimilarityHit(postulate: docs[slot], score: score,
                                 sharedTerms: sharedTerms(q, slot: slot).map { display[$0] ?? $0 },
                                 differingQueryTerms: outcome.query.map { display[$0] ?? $0 },
                                 differingTerms: outcome.postulate)
        }
    }

    /// The query's names and identifiers.
    func marks(_ q: QueryVector) -> NameMismatch.Marks {
        var m = NameMismatch.Marks()
        for e in q.entries { m.add(e.term) }
        return m
    }

    /// A postulate's names and identifiers (from its stored features).
    func marks(slot: Int) -> NameMismatch.Marks {
        var m = NameMismatch.Marks()
        for k in docStart[slot]..<docStart[slot + 1] { m.add(vocabulary[docTerms[k]]) }
        return m
    }

    /// Exact top-k of the final score, the cosine lowered by `NameMismatch`. The cosine's top k' is taken (k' = k,
    /// then ×4 while needed); the penalty only lowers scores, so once the k-th best final score is above the
    /// lowest cosine of those k' (or every candidate was seen), nothing outside them can enter the top k.
    func topSlots(_ q: QueryVector, k: Int, filter: SimilarityFilter) -> [(Int, Double)] {
        let qm = marks(q)
        if qm.isEmpty { return cosineTopSlots(q, k: k, filter: filter) }
        var kk = k
        while true {
            let found = cosineTopSlots(q, k: kk, filter: filter)
            var rescored = found.map { ($0.0, $0.1 * NameMismatch.compare(qm, marks(slot: $0.0)).factor) }
            sortRanked(&rescored, filter.tieBreak)
            let top = Array(rescored.prefix(k))
            guard found.count == kk, top.count == k, let lowest = found.last?.1, top[k - 1].1 <= lowest else { return top }
            kk = kk > Int.max / 4 ? Int.max : kk * 4
        }
    }

    /// `topSlots` with the results within `TieBreak.nearTie` of the best score ordered as ties (`TieBreak.key`: the
    /// same place first, then the nearest earlier year), the rest by score. Only when the query has a reference year
    /// (its own year or `--before`) and a known place (a value of `city`, `district` or a `--same` field): within
    /// one place the latest earlier filing is the demand looked for, while without a place a nearer year says
    /// nothing (on the authored corpus, which has no place fields, a nearer year's other demand would come first).
    /// The top is widened until it holds the whole band, so `--top 1` picks from all of it.
    func nearTieSlots(_ q: QueryVector, k: Int, filter: SimilarityFilter) -> [(Int, Double)] {
        var found = topSlots(q, k: k, filter: filter)
        guard filter.tieBreak.year != nil, filter.tieBreak.place.contains(where: { $0.value != nil }), k > 0,
              let best = found.first?.1 else { return found }
        let floor = best - TieBreak.nearTie
        var kk = k
        while found.count == kk, let last = found.last?.1, last >= floor, kk < Int.max / 2 {
            kk *= 2
            found = topSlots(q, k: kk, filter: filter)
        }
        let band = found.prefix { $0.1 >= floor }.sorted { a, b in
            let ka = filter.tieBreak.key(docs[a.0]), kb = filter.tieBreak.key(docs[b.0])
            return (ka.0, ka.1, ka.2, -a.1, docs[a.0].id) < (kb.0, kb.1, kb.2, -b.1, docs[b.0].id)
        }
        return Array((band + found.dropFirst(band.count)).prefix(k))
    }

    /// Best first; equal scores by the tie-break, then id.
    func sortRanked(_ ranked: inout [(Int, Double)], _ tie: TieBreak) {
        ranked.sort { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            let ka = tie.key(docs[a.0]), kb = tie.key(docs[b.0])
            if ka != kb { return ka < kb }
            return docs[a.0].id < docs[b.0].id
        }
    }

    /// Exact top-k by term-at-a-time accumulation with max-score early termination.
    ///
    /// Terms are taken by their largest possible contribution (query weight × the term's largest posting weight).
    /// Once the bounds of the terms not yet read add up to less than the k-th best partial score θ (scores only
    /// grow), no postulate not yet seen can enter the top k: the remaining terms then only complete the scores of
    /// candidates that can still reach θ, by binary search in their postings instead of reading them whole.
    /// The finalists (everything within 1e-9 of the k-th best) are rescored in the canonical term-string order,
    /// so scores are bit-identical to the brute force whatever order the terms were read in.
    func cosineTopSlots(_ q: QueryVector, k: Int, filter: SimilarityFilter) -> [(Int, Double)] {
        guard k > 0 else { return [] }
        var terms: [(t: Int, qw: Double, bound: Double)] = []
        for e in q.entries {
            guard let id = vocabulary.id(of: e.term).map(Int.init), id < df.count, df[id] > 0 else { continue }
            terms.append((id, e.weight, e.weight * Double(maxWeight[id])))
        }
        terms.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.t < $1.t }
        var remaining = [Double](repeating: 0, count: terms.count + 1)
        for i in stride(from: terms.count - 1, through: 0, by: -1) { remaining[i] = remaining[i + 1] + terms[i].bound }

        let lo = filter.after.map { Int32(clamping: $0) }, hi = filter.before.map { Int32(clamping: $0) }
        let excludedSlots = Set(filter.excludeIDs.compactMap { slotByID[$0] })
        let excludedMeetings = Set(filter.excludeMeetings.compactMap { meetingIDs[$0] })
        let block: (values: [[String?]], query: [String?])? = filter.same.isEmpty ? nil
            : (blocking(filter.same), filter.blockValues ?? filter.same.values(of: Postulate(id: "", text: "")))
        let allowed: (Int) -> Bool = { s in
            if let block, !SameFields.agree(block.values[s], block.query) { return false }
            if lo != nil || hi != nil {
                let y = self.years[s]
                if y == Self.noYear { return false }
                if let lo, y <= lo { return false }
                if let hi, y >= hi { return false }
            }
            if !excludedSlots.isEmpty && excludedSlots.contains(s) { return false }
            if !excludedMeetings.isEmpty && excludedMeetings.contains(self.meetingOf[s]) { return false }
            return true
        }
        let slack = 1e-9

        if accumulator.count < docs.count { accumulator = [Double](repeating: 0, count: docs.count) }
        var acc = accumulator; accumulator = []
        var hits = touched; touched = []
        hits.removeAll(keepingCapacity: true)
        var next = terms.count
        var theta = 0.0
        acc.withUnsafeMutableBufferPointer { a in
            var maxAcc = 0.0
            for (i, term) in terms.enumerated() {
                let qw = term.qw
                postingSlots.withUnsafeBufferPointer { p in
                    postingWeights.withUnsafeBufferPointer { w in
                        for j in postingStart[term.t]..<postingStart[term.t + 1] {
                            let s = Int(p[j])
                            let old = a[s]
                            if old == 0 { hits.append(Int32(s)) }
                            let new = old + qw * Double(w[j])
                            a[s] = new
                            if new > maxAcc { maxAcc = new }
                        }
                    }
                }
                // θ can only be reached if some partial score already exceeds what the rest could add.
                if usesEarlyTermination && i + 1 < terms.count && remaining[i + 1] < maxAcc {
                    // A lower bound of θ is enough to prune safely: take it over the postulates met first (by
                    // the rarest, most telling terms), so the check stays O(1) however long the postings are.
                    let base = UnsafeBufferPointer(a)
                    theta = Self.kthLargest(hits.prefix(4096).lazy.map(Int.init).filter(allowed).map { base[$0] }, k)
                    if remaining[i + 1] < theta - slack { next = i + 1; break }
                }
            }
        }
        var candidates: [Int]
        if next < terms.count {
            earlyTerminations += 1
            candidates = hits.map(Int.init).filter { allowed($0) && acc[$0] + remaining[next] >= theta - slack }
            postingSlots.withUnsafeBufferPointer { p in
                for term in terms[next...] {
                    let range = postingStart[term.t]..<postingStart[term.t + 1]
                    for c in candidates {
                        if let j = Self.binarySearch(p, range, UInt32(c)) { acc[c] += term.qw * Double(postingWeights[j]) }
                    }
                }
            }
        } else {
            candidates = hits.map(Int.init).filter(allowed)
        }
        let cut = Self.kthLargest(candidates.lazy.map { acc[$0] }, k)
        let ids = q.entries.map { vocabulary.id(of: $0.term) }
        var finalists = candidates.filter { acc[$0] >= cut - slack }.map { ($0, exactScore(q, ids: ids, slot: $0)) }
        for h in hits { acc[Int(h)] = 0 }
        accumulator = acc
        touched = hits
        sortRanked(&finalists, filter.tieBreak)
        return Array(finalists.prefix(k))
    }

    /// The k-th largest value (−∞ when there are fewer than k).
    static func kthLargest<S: Sequence>(_ values: S, _ k: Int) -> Double where S.Element == Double {
        var top: [Double] = []
        top.reserveCapacity(k + 1)
        for v in values {
            if top.count == k && v <= top[k - 1] { continue }
            var i = top.count
            while i > 0 && top[i - 1] < v { i -= 1 }
            top.insert(v, at: i)
            if top.count > k { top.removeLast() }
        }
        return top.count == k ? top[k - 1] : -.infinity
    }

    /// A postulate's cosine with the query, summed in the query's term-string order: the canonical score.
    func exactScore(_ q: QueryVector, ids: [UInt32?], slot: Int) -> Double {
        let range = docStart[slot]..<docStart[slot + 1]
        var score = 0.0
        for (e, id) in zip(q.entries, ids) {
            guard let t = id else { continue }
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi { let mid = (lo + hi) / 2; if docTerms[mid] < t { lo = mid + 1 } else { hi = mid } }
            if lo < range.upperBound && docTerms[lo] == t {
                score += e.weight * Double(weight(count: docCounts[lo], term: Int(t), norm: norms[slot]))
            }
        }
        return score
    }

    /// Features the query and the postulate share, by contribution to the cosine (ties by feature).
    func sharedTerms(_ q: QueryVector, slot: Int, limit: Int = 10) -> [String] {
        var shared: [(String, Double)] = []
        let range = docStart[slot]..<docStart[slot + 1]
        for e in q.entries {
            guard let t = vocabulary.id(of: e.term) else { continue }
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi { let mid = (lo + hi) / 2; if docTerms[mid] < t { lo = mid + 1 } else { hi = mid } }
            if lo < range.upperBound && docTerms[lo] == t {
                let w = Double(weight(count: docCounts[lo], term: Int(t), norm: norms[slot]))
                shared.append((e.term, e.weight * w))
            }
        }
        shared.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return shared.prefix(limit).map(\.0)
    }

    /// The brute-force reference: the same score for every allowed postulate, computed one postulate at a time
    /// (tests and the benchmark's recall check compare against it).
    func bruteForceScores(_ q: QueryVector) -> [(Int, Double)] {
        refresh()
        var out: [(Int, Double)] = []
        for s in docs.indices where alive[s] {
            var score = 0.0
            var any = false
            for e in q.entries {
                guard let t = vocabulary.id(of: e.term) else { continue }
                for k in docStart[s]..<docStart[s + 1] where docTerms[k] == t {
                    score += e.weight * Double(weight(count: docCounts[k], term: Int(t), norm: norms[s]))
                    any = true
                }
            }
            if any { out.append((s, score)) }
        }
        return out
    }
}
