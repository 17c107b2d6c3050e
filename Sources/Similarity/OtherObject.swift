import PolishText

/// Two projects at one named place are not one demand when each asks for another object there: "Oświetlenie Parku
/// Klecińskiego" and "Zielone ekrany akustyczne przy Parku Klecińskim", "Boisko do piłki nożnej Nowe Żerniki" and
/// "Fontanna na Nowych Żernikach". The rare shared name carries their cosine (and `SharedEvidence`) although what
/// the two ask for has nothing in common. A pair is lowered (× `penalty`) when
/// * it shares a name or an identifier and no word except the words that announce a place (`TermKind.placeWords`:
///   ulica, park, osiedle, …): the place is shared, no object is;
/// * each side has a word of its own (its object);
/// * and nothing relates the two sides' own terms: no two of them begin with the same `prefix` letters
///   ("rekreacyjno-wypoczynkowy" and "rekreacyjny", "Rowerem" and "rowerowa"), and no two of their words occur
///   together in at least `together` documents and at least `association` times as often as chance would have it
///   (the corpus's own associations: "miejsca postojowe" and "parking" are filed together, "oświetlenie" and "ekran"
///   are not).
/// A resubmission that rewords its object with a synonym the corpus never pairs is lowered too; that is the price.
/// Under place blocking (`sequence` given), a shared word written with a capital right next to a shared name in
/// both texts is part of that name, not an object ("ul. Szarych Szeregów" read as `Szar` + the word `szereg`,
/// "WRZESZCZ DOLNY" as `Wrzeszcz` + `dolny`, "ul. Piwnika Ponurego"): the analyser takes such a word for the common
/// word it also is, and without this the shared word would count as a shared object (Benchmarks/RESULTS.md, issue
/// 15, "Sixth round").
/// Chosen on half of the cities of the judged real pairs, checked on the other half and on a fresh sample
/// (Benchmarks/RESULTS.md, issue 15, "Another object at one place"). `dedupe` applies it beside `SharedEvidence`
/// (it only lowers scores, so the join stays exact); `similar` does not (a ranking for a reader).
///
/// Asked for every joined pair (hundreds of thousands on a 100k corpus), so a term's class and stem are numbered
/// once per term id, a pair's shared and own terms come from one merge walk of the two rows (term ids ascend), and
/// an association is counted once per pair of words; the answers are those of the sets of terms the rule is stated
/// with (`OtherObjectTests` holds it to that statement on random rows).
struct OtherObject {
    static let penalty = 0.5
    static let prefix = 5
    static let together = 2
    static let association = 5.0

    let vectors: SparseVectors
    /// Per term id: 0 a word that can name an object, 1 a word that announces a place, 2 a name or an identifier.
    private let kinds: [UInt8]
    /// Per term id: the number of its first `prefix` letters in lower case (-1 when shorter).
    private let stems: [Int32]
    /// Per term id, the number of rows holding it.
    private let frequency: [Int32]
    /// Per term id, the rows holding it (ascending); built on the first pair that needs it.
    private var rowsOf: [[Int32]]? = nil
    /// Associations already counted, by (u << 32 | v) (`PairMemo`: asked for every lowered pair's own words).
    private var known = PairMemo()
    /// One pair's own terms and shared object words, reused.
    private var ownA: [UInt32] = [], ownB: [UInt32] = [], sharedObjects: [UInt32] = []
    /// Per row, its terms in text order with whether each was written with a capital (nil: the rule is off).
    private let sequence: ((Int) -> [(term: String, capital: Bool)])?
    /// Term ids by feature, for `sequence` (empty when it is off).
    private var idOf: [String: UInt32] = [:]
    /// `sequence` as term ids (-1: not a term of the vectors), by row, computed on first use.
    private var sequences: [Int: [(term: Int64, capital: Bool)]] = [:]

    static let object: UInt8 = 0, placeWord: UInt8 = 1, place: UInt8 = 2

    /// Whether answering analyses texts again (`sequence`): then one thread only, since the analyzer behind it is
    /// not shared between threads.
    var analysesTexts: Bool { sequence != nil }

    /// - Parameters:
    ///   - term: the indexed feature of a term id (`SimilarityIndex.term`).
    ///   - placeWords: the place words as indexed features (`SimilarityIndexSettings.feature(of:)`).
    ///   - sequence: a row's terms in text order (as indexed features) and whether each was written with a capital;
    ///     nil turns the capitalised-neighbour rule off.
    init(vectors: SparseVectors, term: (UInt32) -> String, placeWords: Set<String>,
         sequence: ((Int) -> [(term: String, capital: Bool)])? = nil) {
        self.vectors = vectors
        self.sequence = sequence
        var kinds: [UInt8] = [], stems: [Int32] = []
        kinds.reserveCapacity(vectors.dimension); stems.reserveCapacity(vectors.dimension)
        var stemIDs: [String: Int32] = [:]
        for id in 0..<vectors.dimension {
            let t = term(UInt32(id))
            if sequence != nil { idOf[t] = UInt32(id) }
            switch TermKind.of(t) {
            case .word: kinds.append(placeWords.contains(t) ? Self.placeWord : Self.object)
            case .name, .identifier: kinds.append(Self.place)
            }
            let lower = t.lowercased()
            if lower.count >= Self.prefix {
                let stem = String(lower.prefix(Self.prefix))
                if let s = stemIDs[stem] { stems.append(s) } else {
                    let s = Int32(stemIDs.count)
                    stemIDs[stem] = s
                    stems.append(s)
                }
            } else { stems.append(-1) }
        }
        var frequency = [Int32](repeating: 0, count: vectors.dimension)
        for t in vectors.terms { frequency[Int(t)] += 1 }
        self.kinds = kinds; self.stems = stems; self.frequency = frequency
    }

    /// The factor for rows a and b: `penalty` or 1.
    mutating func factor(_ a: Int, _ b: Int) -> Double {
        let v = vectors
        var i = v.start[a], j = v.start[b]
        let ie = v.start[a + 1], je = v.start[b + 1]
        var sharesPlace = false
        ownA.removeAll(keepingCapacity: true); ownB.removeAll(keepingCapacity: true)
        sharedObjects.removeAll(keepingCapacity: true)
        var objectA = false, objectB = false
        // One walk: a shared object word settles it; otherwise each side's own terms are kept.
        while i < ie || j < je {
            if j == je || (i < ie && v.terms[i] < v.terms[j]) {
                let t = v.terms[i]; ownA.append(t); objectA = objectA || kinds[Int(t)] == Self.object; i += 1
            } else if i == ie || v.terms[j] < v.terms[i] {
                let t = v.terms[j]; ownB.append(t); objectB = objectB || kinds[Int(t)] == Self.object; j += 1
            } else {
                switch kinds[Int(v.terms[i])] {
                case Self.object:
                    if sequence == nil { return 1 }
                    sharedObjects.append(v.terms[i])
                case Self.place: sharesPlace = true
                default: break
                }
                i += 1; j += 1
            }
        }
        guard sharesPlace, objectA, objectB else { return 1 }
        if !sharedObjects.isEmpty {
            let na = capitalNeighbours(a, of: b), nb = capitalNeighbours(b, of: a)
            for t in sharedObjects where !na.contains(t) || !nb.contains(t) { return 1 }
        }
        for x in ownA where stems[Int(x)] >= 0 {
            for y in ownB where stems[Int(y)] == stems[Int(x)] { return 1 }
        }
        for u in ownA where kinds[Int(u)] == Self.object {
            for w in ownB where kinds[Int(w)] == Self.object && associated(u, w) { return 1 }
        }
        return Self.penalty
    }

    /// The terms of row `r` written with a capital right next to a name or identifier that row `other` holds too.
    private mutating func capitalNeighbours(_ r: Int, of other: Int) -> Set<UInt32> {
        let seq: [(term: Int64, capital: Bool)]
        if let known = sequences[r] { seq = known } else {
            seq = (sequence?(r) ?? []).map { (idOf[$0.term].map(Int64.init) ?? -1, $0.capital) }
            sequences[r] = seq
        }
        let v = vectors
        func shared(_ t: Int64) -> Bool {
            guard t >= 0, kinds[Int(t)] == Self.place else { return false }
            return v.row(other).contains { v.terms[$0] == UInt32(t) }
        }
        var out: Set<UInt32> = []
        for (k, x) in seq.enumerated() where shared(x.term) {
            if k > 0, seq[k - 1].capital, seq[k - 1].term >= 0 { out.insert(UInt32(seq[k - 1].term)) }
            if k + 1 < seq.count, seq[k + 1].capital, seq[k + 1].term >= 0 { out.insert(UInt32(seq[k + 1].term)) }
        }
        return out
    }

    /// Whether two words occur together in at least `together` rows and `association` times chance.
    private mutating func associated(_ u: UInt32, _ v: UInt32) -> Bool {
        let fu = Double(frequency[Int(u)]), fv = Double(frequency[Int(v)])
        let n = Double(vectors.count)
        // The rows holding both are at most the rarer word's rows: when even that many fall short, nothing to count.
        let most = min(fu, fv)
        if most < Double(Self.together) || most * n < Self.association * fu * fv { return false }
        let key = UInt64(u) << 32 | UInt64(v)
        if let k = known.answer(key) { return k }
        if rowsOf == nil { rowsOf = Self.invert(vectors) }
        guard let rowsOf else { return false }
        let ru = rowsOf[Int(u)], rv = rowsOf[Int(v)]
        var i = 0, j = 0, both = 0
        while i < ru.count && j < rv.count {
            if ru[i] == rv[j] { both += 1; i += 1; j += 1 } else if ru[i] < rv[j] { i += 1 } else { j += 1 }
        }
        let answer = both >= Self.together && Double(both) * n >= Self.association * fu * fv
        known.set(key, answer)
        return answer
    }

    static func invert(_ v: SparseVectors) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: v.dimension)
        for r in 0..<v.count {
            for k in v.row(r) { out[Int(v.terms[k])].append(Int32(r)) }
        }
        return out
    }
}
