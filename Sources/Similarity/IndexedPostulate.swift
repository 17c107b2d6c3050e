import Corpus

/// What a search result shows of a postulate: who asked, when, what, and what the city answered.
/// (The justification is vectorised but not stored: results never print it.)
public struct IndexedPostulate: Sendable, Equatable {
    public var id: String
    public var year: Int?
    public var meeting: String
    public var organisation: String
    public var text: String
    public var response: String
    public var respondent: String

    public init(id: String, year: Int?, meeting: String, organisation: String, text: String, response: String,
                respondent: String) {
        self.id = id; self.year = year; self.meeting = meeting; self.organisation = organisation
        self.text = text; self.response = response; self.respondent = respondent
    }

    public init(_ p: Postulate) {
        self.init(id: p.id, year: p.year, meeting: p.meeting, organisation: p.organisation, text: p.text,
                  response: p.response, respondent: p.respondent)
    }
}
