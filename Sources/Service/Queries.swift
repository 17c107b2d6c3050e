import Corpus
import PolishText
import Similarity
import Themes

/// A search as a request gives it (already checked by `QueryParameters`).
public struct SearchQuery: Sendable, Equatable {
    public var text: String
    public var top: Int
    public var before: Int?
    public var theme: String?

    public init(text: String, top: Int = 10, before: Int? = nil, theme: String? = nil) {
        self.text = text; self.top = top; self.before = before; self.theme = theme
    }
}

/// One earlier similar postulate with what a page needs besides the hit: the stance and where its text and
/// response hold the shared terms.
public struct FoundPostulate: Sendable {
    public var hit: SimilarityHit
    public var rank: Int
    public var stance: String?
    public var inCorpus: Bool
    /// UTF-8 ranges of the shared terms in the hit's text (only when asked for: pages mark them, JSON does not).
    public var textSpans: [Range<Int>] = []
    /// Names' words for the hit's terms, as the two texts write them (pages only; JSON keeps the terms).
    public var labels = TermLabels()
}

/// The answer to a search: the query's terms and predicted themes, and the hits best first.
public struct SearchAnswer: Sendable {
    public var query: SearchQuery
    public var terms: [String]
    public var themes: ThemePrediction
    public var results: [FoundPostulate]
    /// Names' words for the query's terms and the themes' evidence, as the query writes them (pages only).
    public var themeLabels = TermLabels()
}

/// One postulate with its themes, stance, recurring-demand cluster and nearest earlier postulates.
public struct PostulateAnswer: Sendable {
    public var record: Postulate
    public var themes: ThemePrediction
    public var stance: String?
    /// The cluster's members (this one among them), in year order; empty when it recurs nowhere.
    public var cluster: [Member]
    public var earlier: [FoundPostulate]
    /// Names' words for the themes' evidence, as the record writes them (pages only).
    public var themeLabels = TermLabels()

    public struct Member: Sendable {
        public var record: Postulate
        public var stance: String?
    }
}

extension ServiceEngine {
    /// The earlier postulates most similar to a text, best first, with the query's themes. `theme` keeps hits whose
    /// record has the theme (gold or predicted); the index is asked for more until `top` such hits are found or
    /// it has no more.
    public func search(_ q: SearchQuery, spans: Bool = false) -> SearchAnswer {
        pool.with { r in
            let terms = r.index.analyzer.terms(q.text)
            let themes = r.themes.tag(text: q.text)
            let filter = SimilarityFilter(before: q.before)
            var hits: [SimilarityHit]
            if let theme = q.theme {
                var k = q.top * 4
                while true {
                    let all = r.index.similar(to: q.text, top: k, filter: filter)
                    hits = all.filter { h in position[h.postulate.id].map { self.themes(of: $0).contains(theme) } ?? false }
                    if hits.count >= q.top || all.count < k || k >= r.index.count { break }
                    k *= 4
                }
                hits = Array(hits.prefix(q.top))
            } else {
                hits = r.index.similar(to: q.text, top: q.top, filter: filter)
            }
            let results = hits.enumerated().map { i, h in
                found(h, rank: i + 1, query: q.text, index: r.index, spans: spans)
            }
            return SearchAnswer(query: q, terms: terms, themes: themes, results: results,
                                themeLabels: spans ? Self.labels(themes, and: terms, in: q.text, r.index.analyzer) : TermLabels())
        }
    }

    /// A hit as served: a reviewed postulate's stored part is the served record's (the review's response and
    /// reviewer, not the index's copy from before the review); any other hit as the index has it.
    func served(_ h: SimilarityHit) -> SimilarityHit {
        guard store != nil, let slot = position[h.postulate.id], records[slot].value(of: "reviewed_by") != nil else { return h }
        var h = h
        h.postulate = IndexedPostulate(records[slot])
        return h
    }

    /// The postulate `id` of the corpus, or nil when there is none.
    public func postulate(_ id: String, earlier top: Int = 5, spans: Bool = false) -> PostulateAnswer? {
        guard let slot = position[id] else { return nil }
        let record = records[slot]
        let members = recurring.members(of: id)
        let cluster = members.compactMap { m in position[m].map { PostulateAnswer.Member(record: records[$0], stance: stances[$0]) } }
        let earlier: [FoundPostulate] = pool.with { r in
            guard r.index.contains(id: id) else { return [] }
            let hits = (try? r.index.similar(toID: id, top: top, filter: SimilarityFilter(before: record.year))) ?? []
            return hits.enumerated().map { i, h in found(h, rank: i + 1, query: record.text, index: r.index, spans: spans) }
        }
        let themeLabels = spans ? pool.with { r in Self.labels(predictions[slot], in: record.text, r.index.analyzer) } : TermLabels()
        return PostulateAnswer(record: record, themes: predictions[slot], stance: stances[slot], cluster: cluster, earlier: earlier,
                               themeLabels: themeLabels)
    }

    /// A hit as a result; for pages (`spans`) also where its text holds the shared terms and how names read.
    func found(_ h: SimilarityHit, rank: Int, query: String, index: SimilarityIndex, spans: Bool) -> FoundPostulate {
        var f = FoundPostulate(hit: served(h), rank: rank, stance: stance(ofID: h.postulate.id), inCorpus: position[h.postulate.id] != nil)
        if spans {
            f.textSpans = index.spans(of: h.sharedTerms, in: h.postulate.text)
            f.labels = TermLabels(for: h.sharedTerms, in: [h.postulate.text, query], analyzer: index.analyzer)
        }
        return f
    }

    /// Labels for the evidence terms of a prediction (and other `terms`), from the text it was made from.
    static func labels(_ p: ThemePrediction, and terms: [String] = [], in text: String, _ analyzer: any TextAnalyzing) -> TermLabels {
        TermLabels(for: p.labels.flatMap { $0.terms.map(\.term) } + terms, in: [text], analyzer: analyzer)
    }

    /// Tags an uploaded file with the theme model: the same records and fields, in the same format, as
    /// `postulaty tag` (see `TagUpload`).
    public func tag(_ upload: TagUpload) throws -> TagUpload.Output {
        try pool.with { r in try upload.run(tagger: r.themes) }
    }
}
