import Corpus
import Similarity
import Store
import Themes

/// The JSON API's bodies, built from Corpus's `JSONValue` (keys in a fixed order: the same answer gives the same
/// bytes). A hit is the one `postulaty similar --format jsonl` writes (`SimilarityHit.json`) plus its stance; the
/// themes are the fields `postulaty tag` writes (`Tagger.outputFields`).
enum ServiceJSON {
    static func similar(_ a: SearchAnswer) -> JSONValue {
        .object([
            ("query", .object([("text", .string(a.query.text)), ("terms", .array(a.terms.map { .string($0) })),
                               ("themes", themes(a.themes))])),
            ("results", .array(a.results.map(hit))),
        ])
    }

    /// With a store, `review` (null until reviewed) follows the stance.
    static func postulate(_ a: PostulateAnswer, review: Review?) -> JSONValue {
        guard case .object(var fields) = postulate(a) else { return .null }
        fields.insert(("review", review?.json ?? .null), at: 3)
        return .object(fields)
    }

    static func postulate(_ a: PostulateAnswer) -> JSONValue {
        .object([
            ("record", .object(a.record.jsonObject)),
            ("themes", themes(a.themes, gold: a.record.themes)),
            ("stance", a.stance.map { .string($0) } ?? .null),
            ("cluster", .array(a.cluster.map { m in
                .object([("id", .string(m.record.id)), ("year", m.record.year.map { .number(String($0)) } ?? .null)]
                        + PlaceLabel.jsonFields(m.record) + [
                         ("organisation", .string(m.record.organisation)), ("text", .string(m.record.text)),
                         ("response", .string(m.record.response)), ("stance", m.stance.map { .string($0) } ?? .null)])
            })),
            ("earlier", .array(a.earlier.map(hit))),
        ])
    }

    /// `{"predicted", "scores", "evidence"}` (and `gold` first when given), as `postulaty tag` writes them.
    static func themes(_ p: ThemePrediction, gold: [String]? = nil) -> JSONValue {
        let keep: Set<String> = ["predicted", "scores", "evidence"]
        var fields = Tagger.outputFields(p).filter { keep.contains($0.0) }
        if let gold { fields.insert(("gold", .array(gold.map { .string($0) })), at: 0) }
        return .object(fields)
    }

    static func hit(_ f: FoundPostulate) -> JSONValue {
        guard case .object(var fields) = f.hit.json(rank: f.rank) else { return .null }
        let at = (fields.firstIndex { $0.0 == "response" } ?? fields.count - 1) + 1
        fields.insert(("stance", f.stance.map { .string($0) } ?? .null), at: at)
        // A reviewed hit says so: its response and stance come from the review of `reviewed_by` at `reviewed_at`.
        for key in ["reviewed_by", "reviewed_at"] {
            if let v = f.hit.postulate.record.value(of: key) { fields.append((key, v)) }
        }
        return .object(fields)
    }

    static func error(_ e: ServiceError) -> JSONValue {
        var fields: [(String, JSONValue)] = [("status", .number(String(e.status.code))), ("message", .string(e.message))]
        if let field = e.field { fields.append(("field", .string(field))) }
        if !e.problems.isEmpty {
            fields.append(("problems", .array(e.problems.map { p in
                var o: [(String, JSONValue)] = []
                if let line = p.line { o.append(("line", .number(String(line)))) }
                if let field = p.field { o.append(("field", .string(field))) }
                o.append(("message", .string(p.message)))
                return .object(o)
            })))
        }
        return .object([("error", .object(fields))])
    }

    static func health(_ s: CorpusSummary) -> JSONValue {
        .object([("status", .string("ok")), ("postulates", .number(String(s.postulates))),
                 ("indexed", .number(String(s.indexed)))])
    }
}
