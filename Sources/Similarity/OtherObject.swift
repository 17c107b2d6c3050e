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
/// Chosen on half of the cities of the judged real pairs, checked on the other half and on a fresh sample
/// (Benchmarks/RESULTS.md, issue 15, "Another object at one place"). `dedupe` applies it beside `SharedEvidence`
/// (it only lowers scores, so the join stays exact); `similar` does not (a ranking for a reader).
struct OtherObject {
    static let penalty = 0.5
    static let prefix = 5
    static let together = 2
    static let association = 5.0

    let vectors: SparseVectors
    /// Per term id: its kind, whether it announces a place, and its first `prefix` letters in lower case (nil when
    /// shorter).
    private let kinds: [TermKind]
    private let isPlaceWord: [Bool]
    private let stems: [String?]
    /// Per term id, the rows holding it (ascending); built on the first pair that needs it.
    private var rowsOf: [[Int32]]? = nil

    /// - Parameters:
    ///   - term: the indexed feature of a term id (`SimilarityIndex.term`).
    ///   - placeWords: the place words as indexed features (`SimilarityIndexSettings.feature(of:)`).
    init(vectors: SparseVectors, term: (UInt32) -> String, placeWords: Set<String>) {
        self.vectors = vectors
        var kinds: [TermKind] = [], place: [Bool] = [], stems: [String?] = []
        for id in 0..<vectors.dimension {
            let t = term(UInt32(id))
            kinds.append(TermKind.of(t)); place.append(placeWords.contains(t))
            let lower = t.lowercased()
            stems.append(lower.count >= Self.prefix ? String(lower.prefix(Self.prefix)) : nil)
        }
        self.kinds = kinds; isPlaceWord = place; self.stems = stems
    }

    /// The factor for rows a and b: `penalty` or 1.
    mutating func factor(_ a: Int, _ b: Int) -> Double {
        let ta = vectors.row(a).map { vectors.terms[$0] }, tb = vectors.row(b).map { vectors.terms[$0] }
        let sb = Set(tb), sa = Set(ta)
        var sharesPlace = false
        for t in ta where sb.contains(t) {
            switch kinds[Int(t)] {
            case .word: if !isPlaceWord[Int(t)] { return 1 }
            case .name, .identifier: sharesPlace = true
            }
        }
        guard sharesPlace else { return 1 }
        let ownA = ta.filter { !sb.contains($0) }, ownB = tb.filter { !sa.contains($0) }
        func object(_ t: UInt32) -> Bool { kinds[Int(t)] == .word && !isPlaceWord[Int(t)] }
        let objectsA = ownA.filter(object), objectsB = ownB.filter(object)
        guard !objectsA.isEmpty, !objectsB.isEmpty else { return 1 }
        let stemsA = Set(ownA.compactMap { stems[Int($0)] })
        if ownB.contains(where: { stems[Int($0)].map(stemsA.contains) ?? false }) { return 1 }
        for u in objectsA {
            for v in objectsB where associated(u, v) { return 1 }
        }
        return Self.penalty
    }

    /// Whether two words occur together in at least `together` rows and `association` times chance.
    private mutating func associated(_ u: UInt32, _ v: UInt32) -> Bool {
        if rowsOf == nil { rowsOf = Self.invert(vectors) }
        guard let rowsOf else { return false }
        let ru = rowsOf[Int(u)], rv = rowsOf[Int(v)]
        var i = 0, j = 0, both = 0
        while i < ru.count && j < rv.count {
            if ru[i] == rv[j] { both += 1; i += 1; j += 1 } else if ru[i] < rv[j] { i += 1 } else { j += 1 }
        }
        return both >= Self.together
            && Double(both) * Double(vectors.count) >= Self.association * Double(ru.count) * Double(rv.count)
    }

    static func invert(_ v: SparseVectors) -> [[Int32]] {
        var out = [[Int32]](repeating: [], count: v.dimension)
        for r in 0..<v.count {
            for k in v.row(r) { out[Int(v.terms[k])].append(Int32(r)) }
        }
        return out
    }
}
