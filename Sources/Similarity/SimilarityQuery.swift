/// Which postulates a query may return. Years are inclusive bounds' complements, as the flags read:
/// `before: 2024` keeps years < 2024; a postulate without a year is dropped whenever a year bound is set.
public struct SimilarityFilter: Sendable, Equatable {
    public var before: Int?
    public var after: Int?
    public var excludeIDs: Set<String>
    public var excludeMeetings: Set<String>

    public init(before: Int? = nil, after: Int? = nil, excludeIDs: Set<String> = [], excludeMeetings: Set<String> = []) {
        self.before = before; self.after = after; self.excludeIDs = excludeIDs; self.excludeMeetings = excludeMeetings
    }
}

/// One ranked result: the postulate, its cosine with the query, and the shared terms in order of their
/// contribution to that cosine (the "why" of the match).
public struct SimilarityHit: Sendable, Equatable {
    public var postulate: IndexedPostulate
    public var score: Double
    public var sharedTerms: [String]
}

/// A query as weighted terms, unit length, in term-string order: the order the scores are summed in, which
/// does not depend on the index's term ids.
struct QueryVector {
    struct Entry { var term: String; var weight: Double }
    var entries: [Entry]
}
