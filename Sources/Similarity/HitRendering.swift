import Corpus

/// One way to render a similar postulate for programs, shared by `postulaty similar` (JSON lines) and the service
/// (`/api/similar`): the same fields, the same rounding, so the two never drift apart.
extension SimilarityHit {
    /// Scores rounded to 6 decimals: stable output, more precision than anyone reads.
    public static func rounded(_ s: Double) -> Double { (s * 1_000_000).rounded() / 1_000_000 }

    /// The hit as `postulaty similar --format jsonl` writes it: rank, id, score, year, meeting, `city` and
    /// `district` (only when the record has them), organisation, text, response, respondent, shared_terms, and
    /// `differing_terms` ({"query": [...], "postulate": [...]}) only when the two name different places or numbers.
    public func json(rank: Int) -> JSONValue {
        let p = postulate
        var fields: [(String, JSONValue)] = [
            ("rank", .number(String(rank))), ("id", .string(p.id)), ("score", Self.rounded(score).isFinite ? .number(String(Self.rounded(score))) : .null),
            ("year", p.year.map { .number(String($0)) } ?? .null), ("meeting", .string(p.meeting)),
        ] + PlaceLabel.jsonFields(p.record) + [
            ("organisation", .string(p.organisation)), ("text", .string(p.text)),
            ("response", .string(p.response)), ("respondent", .string(p.respondent)),
            ("shared_terms", .array(sharedTerms.map { .string($0) })),
        ]
        if !differingQueryTerms.isEmpty || !differingTerms.isEmpty {
            fields.append(("differing_terms", .object([("query", .array(differingQueryTerms.map { .string($0) })),
                                                       ("postulate", .array(differingTerms.map { .string($0) }))])))
        }
        return .object(fields)
    }
}

extension SimilarityIndex {
    /// The UTF-8 byte ranges of the words of `text` that stand for one of `terms` (shared terms as a hit shows
    /// them): what a page marks so a reader sees why two postulates match. Compared by the index's feature (folded
    /// diacritics), so "seniorow" in a query marks "seniorów" in a hit.
    public func spans(of terms: [String], in text: String) -> [Range<Int>] {
        let wanted = Set(terms.map { feature($0) })
        guard !wanted.isEmpty else { return [] }
        var spans: [Range<Int>] = []
        analyzer.forEachTermSpan(in: text) { term, span in if wanted.contains(feature(term)) { spans.append(span) } }
        return spans
    }
}
