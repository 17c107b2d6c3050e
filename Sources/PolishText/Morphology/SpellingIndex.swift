/// `MorfologikDictionary`'s spelling tables (which lexicon letters an input letter may match) as flat arrays
/// indexed by scalar value: the first-sight walk reads a letter's spellings without hashing a scalar or
/// retaining an array.
struct SpellingIndex: Sendable {
    typealias Spelling = MorfologikDictionary.Spelling
    /// Scalars below this have an entry; the tables cover the Latin letters (U+0041–U+024F).
    static let limit = 0x250
    /// For scalar v < limit: `spellings[start[v] ..< start[v + 1]]`; an empty range means "only itself".
    let start: [UInt16]
    let spellings: [Spelling]
    /// The most spellings any scalar has (sizes the walk's buffers).
    let widest: Int

    init(_ table: [Unicode.Scalar: [Spelling]]) {
        var start: [UInt16] = [0]
        var spellings: [Spelling] = []
        var widest = 1
        for v in 0..<Self.limit {
            if let u = Unicode.Scalar(UInt32(v)), let s = table[u] {
                spellings += s
                widest = max(widest, s.count)
            }
            start.append(UInt16(spellings.count))
        }
        self.start = start
        self.spellings = spellings
        self.widest = widest
    }

    static let exact = SpellingIndex([:])
    static let anyCase = SpellingIndex(MorfologikDictionary.anyCase)
    static let restoreSameCase = SpellingIndex(MorfologikDictionary.restoreSameCase)
    static let restoreAnyCase = SpellingIndex(MorfologikDictionary.restoreAnyCase)

    static func forMatching(_ m: MorfologikDictionary.Matching) -> SpellingIndex {
        m.contains(.restoreDiacritics) ? (m.contains(.caseInsensitive) ? restoreAnyCase : restoreSameCase)
                                       : (m.contains(.caseInsensitive) ? anyCase : exact)
    }
}
