/// `ReadingClass` precomputed for the part-of-speech names of the NKJP tag set: a tag's POS bytes give a small
/// class number, and the number gives the class's tier, abbreviation flag, rank and name — no String per reading.
///
/// Why: the first lookup of a form reads every tag of every reading; building a String per tag alternative and
/// switching on it cost more than walking the automaton. A POS not listed here makes the caller fall back to the
/// String-based path, so an unexpected dictionary changes speed, never results.
struct ReadingClassTable: Sendable {
    struct Info: Sendable {
        /// "\t" + class name: the tail of a priors key.
        var keySuffix: [UInt8]
        var tier: Int
        var isAbbreviation: Bool
        var rank: Int
    }

    /// The part-of-speech names of PoliMorf's and NKJP's tag sets.
    static let knownPOS = [
        "adj", "adja", "adjc", "adjp", "adv", "aglt", "bedzie", "brev", "burk", "comp", "conj", "depr", "fin", "ger",
        "imps", "impt", "inf", "interj", "num", "numcol", "pact", "pant", "pcon", "ppas", "ppron12", "ppron3", "praet",
        "pred", "prep", "qub", "siebie", "subst", "winien", "xxx", "ign", "interp", "verb", "part", "cond", "numc",
        "frag", "dig", "romandig", "emo", "emoticon", "substa",
    ]

    /// POS name bytes, packed into a UInt64 (names are at most 8 bytes), and the class number of each.
    let posKeys: [UInt64]
    let posClass: [UInt8]
    let classes: [Info]
    /// Per class number, the first two keys of `PolishLemmatizer.ranksBefore` as one number (tier × 2, plus 1 for
    /// an abbreviation: lower ranks first), and the class rank (its fourth key): the first-sight choice reads
    /// these flat arrays instead of copying an `Info` (and retaining its key bytes) per candidate.
    let precedence: [Int]
    let ranks: [Int]
    /// The class numbers of "N", "A" and "brev" (what `nameReadings` asks about).
    let noun: Int, adjective: Int, abbreviation: Int

    static let shared = ReadingClassTable()

    init() {
        var names: [String] = []
        var keys: [UInt64] = [], cls: [UInt8] = []
        for pos in Self.knownPOS {
            let name = ReadingClass.of(pos: pos)
            if !names.contains(name) { names.append(name) }
            keys.append(Self.pack(Array(pos.utf8)[...]) ?? 0)
            cls.append(UInt8(names.firstIndex(of: name) ?? 0))
        }
        posKeys = keys
        posClass = cls
        classes = names.map { name in
            Info(keySuffix: [0x09] + Array(name.utf8), tier: ReadingClass.tier(name),
                 isAbbreviation: ReadingClass.isAbbreviation(name), rank: ReadingClass.rank(name))
        }
        precedence = classes.map { $0.tier * 2 + ($0.isAbbreviation ? 1 : 0) }
        ranks = classes.map(\.rank)
        noun = names.firstIndex(of: "N") ?? 0
        adjective = names.firstIndex(of: "A") ?? 0
        abbreviation = names.firstIndex(of: "brev") ?? 0
    }

    /// Up to 8 bytes as a little-endian integer with the length in no byte (names never contain 0); nil if longer.
    @inline(__always)
    static func pack<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
        guard bytes.count <= 8 else { return nil }
        var v: UInt64 = 0, shift: UInt64 = 0
        for b in bytes { v |= UInt64(b) << shift; shift += 8 }
        return v
    }

    /// The class number of the POS bytes `tag[start..<end]`, or nil when the name is not listed.
    @inline(__always)
    func classOf(_ tag: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start <= 8, end > start else { return nil }
        var v: UInt64 = 0, shift: UInt64 = 0
        for i in start..<end {
            if tag[i] == 0 { return nil }
            v |= UInt64(tag[i]) << shift
            shift += 8
        }
        return posKeys.withUnsafeBufferPointer { k in
            for i in 0..<k.count where k[i] == v { return Int(posClass[i]) }
            return nil
        }
    }
}
