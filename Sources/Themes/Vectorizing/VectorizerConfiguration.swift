/// One text field of a record and how much its terms count. Why weights: the postulate itself says what is asked;
/// the justification adds context but also generic argument, so it counts less by default.
public struct FieldWeight: Codable, Hashable, Sendable {
    public var field: String
    public var weight: Double
    public init(_ field: String, _ weight: Double) { self.field = field; self.weight = weight }
}

/// Every setting of the TF-IDF vectoriser. Stored in the model file, so tagging uses exactly what training used.
public struct VectorizerConfiguration: Codable, Hashable, Sendable {
    /// Text fields read from each record, with their weights (term frequency of a field is multiplied by it).
    public var fields: [FieldWeight]
    /// Add term bigrams (two adjacent terms of one field, after stop-word removal) as features.
    public var bigrams: Bool
    /// Drop features seen in fewer documents than this (they cannot generalise and only add noise).
    public var minDocumentFrequency: Int
    /// Drop features seen in more than this share of documents (they say nothing about any label).
    public var maxDocumentFrequencyRatio: Double
    /// tf = 1 + ln(count) instead of count: the tenth repetition of a word adds little.
    public var sublinearTF: Bool
    /// idf = ln((1 + n) / (1 + df)) + 1 (scikit-learn's smoothing: no zero division, no negative idf).
    public var smoothIDF: Bool
    /// Scale each vector to unit Euclidean length, so long and short postulates weigh the same.
    public var l2Normalize: Bool
    /// What is removed from each field's text before analysis (`TextFilter`); nil: nothing. Optional so that a
    /// model without it (the stance model, models trained before it) keeps its bytes and reads text whole.
    public var textFilter: TextFilter?

    public init(fields: [FieldWeight] = [FieldWeight("text", 1.0), FieldWeight("justification", 0.5)],
                bigrams: Bool = true, minDocumentFrequency: Int = 2, maxDocumentFrequencyRatio: Double = 0.5,
                sublinearTF: Bool = true, smoothIDF: Bool = true, l2Normalize: Bool = true,
                textFilter: TextFilter? = nil) {
        self.fields = fields
        self.bigrams = bigrams
        self.minDocumentFrequency = minDocumentFrequency
        self.maxDocumentFrequencyRatio = maxDocumentFrequencyRatio
        self.sublinearTF = sublinearTF
        self.smoothIDF = smoothIDF
        self.l2Normalize = l2Normalize
        self.textFilter = textFilter
    }
}

/// The terms of one document, one array per configured field (same order as `VectorizerConfiguration.fields`).
public typealias FieldTerms = [[String]]
