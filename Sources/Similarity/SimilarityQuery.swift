/// Which postulates a query may return. Years are inclusive bounds' complements, as the flags read:
/// `before: 2024` keeps years < 2024; a postulate without a year is dropped whenever a year bound is set.
public struct SimilarityFilter: Sendable, Equatable {
    public var before: Int?
    public var after: Int?
    public var excludeIDs: Set<String>
    public var excludeMeetings: Set<String>
    /// Blocking: only postulates that agree with `blockValues` on these fields (see `SameFields`); `similar(toID:)`
    /// and record queries fill the values from the query record (nil: every value unknown, nothing is excluded).
    public var same: SameFields
    public var blockValues: [String?]?
    /// How equal scores are ordered (`TieBreak`); the default orders them by id.
    public var tieBreak: TieBreak

    public init(before: Int? = nil, after: Int? = nil, excludeIDs: Set<String> = [], excludeMeetings: Set<String> = [],
                same: [String] = [], tieBreak: TieBreak = TieBreak()) {
        self.before = before; self.after = after; self.excludeIDs = excludeIDs; self.excludeMeetings = excludeMeetings
        self.same = SameFields(same); self.tieBreak = tieBreak
    }
}

/// One ranked result: the postulate, its score (the cosine with the query, lowered when the two name different
/// places or numbers: `NameMismatch`), the shared terms in order of their contribution to that cosine (the "why"
/// of the match) and, when the score was lowered, the names and numbers that differ on each side.
public struct SimilarityHit: Sendable, Equatable {
    public var postulate: IndexedPostulate
    public var score: Double
    public var sharedTerms: [String]
    /// The query's names/identifiers that the postulate does not share (empty unless the score was lowered).
    public var differingQueryTerms: [String] = []
    /// The postulate's names/identifiers that the query does not share.
    public var differingTerms: [String] = []

    public init(postulate: IndexedPostulate, score: Double, sharedTerms: [String],
                differingQueryTerms: [String] = [], differingTerms: [String] = []) {
        self.postulate = postulate; self.score = score; self.sharedTerms = sharedTerms
        self.differingQueryTerms = differingQueryTerms; self.differingTerms = differingTerms
    }
}

/// A query as weighted terms, unit length, in term-string order: the order the scores are summed in, which
/// does not depend on the index's term ids.
struct QueryVector {
    struct Entry { var term: String; var weight: Double }
    var entries: [Entry]
}
