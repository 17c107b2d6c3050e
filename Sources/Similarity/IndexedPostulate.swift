import Corpus

/// What a search result shows of a postulate: who asked, when, what, and what the city answered. It is the
/// `Postulate` itself, holding only what an index stores (id, year, meeting, organisation, text, response,
/// respondent and the record's extra fields, such as `city` or `district`, which `--same FIELD` blocks on and ties
/// are broken by): the justification is vectorised but not stored, since results never print it; gold themes stay
/// in the corpus. Its fields are read as the record's (`hit.postulate.text`), not copied into fields of its own.
@dynamicMemberLookup
public struct IndexedPostulate: Sendable, Equatable {
    /// The stored part of the record.
    public private(set) var record: Postulate

    public init(id: String, year: Int?, meeting: String, organisation: String, text: String, response: String,
                respondent: String, extra: [(String, JSONValue)] = []) {
        record = Postulate(id: id, year: year, meeting: meeting, organisation: organisation, text: text,
                           response: response, respondent: respondent, extra: extra)
    }

    /// The part of `p` an index stores.
    public init(_ p: Postulate) {
        self.init(id: p.id, year: p.year, meeting: p.meeting, organisation: p.organisation, text: p.text,
                  response: p.response, respondent: p.respondent, extra: p.extra)
    }

    public subscript<T>(dynamicMember field: KeyPath<Postulate, T>) -> T { record[keyPath: field] }

    public subscript<T>(dynamicMember field: WritableKeyPath<Postulate, T>) -> T {
        get { record[keyPath: field] }
        set { record[keyPath: field] = newValue }
    }
}
