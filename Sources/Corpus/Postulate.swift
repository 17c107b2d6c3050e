/// One postulate: a demand filed by an organisation at a city's meeting, its justification, and the city's answer.
/// The fields of DESIGN.md are typed; any other field of the source record is kept in `extra`, in order, and
/// written back on a round trip.
public struct Postulate: Sendable, Equatable {
    public var id: String
    public var year: Int?
    public var meeting: String
    public var organisation: String
    public var text: String
    public var justification: String
    public var response: String
    public var respondent: String
    /// Gold theme labels (may be empty: "no theme").
    public var themes: [String]
    /// Fields not named above (e.g. `response_stance`, `group`, `authored`, `categories`), in source order.
    public var extra: [(String, JSONValue)]

    public init(id: String, year: Int? = nil, meeting: String = "", organisation: String = "", text: String,
                justification: String = "", response: String = "", respondent: String = "", themes: [String] = [],
                extra: [(String, JSONValue)] = []) {
        self.id = id; self.year = year; self.meeting = meeting; self.organisation = organisation; self.text = text
        self.justification = justification; self.response = response; self.respondent = respondent
        self.themes = themes; self.extra = extra
    }

    public static func == (a: Postulate, b: Postulate) -> Bool {
        a.id == b.id && a.year == b.year && a.meeting == b.meeting && a.organisation == b.organisation
            && a.text == b.text && a.justification == b.justification && a.response == b.response
            && a.respondent == b.respondent && a.themes == b.themes
            && JSONValue.object(a.extra) == JSONValue.object(b.extra)
    }

    /// Any field by name, typed fields included: what `--labels FIELD` reads.
    public func value(of field: String) -> JSONValue? {
        switch field {
        case "id": return .string(id)
        case "year": return year.map { .number(String($0)) }
        case "meeting": return .string(meeting)
        case "organisation": return .string(organisation)
        case "text": return .string(text)
        case "justification": return .string(justification)
        case "response": return .string(response)
        case "respondent": return .string(respondent)
        case "themes": return .array(themes.map { .string($0) })
        default: return extra.first { $0.0 == field }?.1
        }
    }

    /// The resubmission group id (`group` field), when the record has one.
    public var group: String? { value(of: "group")?.stringValue }
    /// The stance of the city's response (`response_stance` field), when labelled.
    public var responseStance: String? { value(of: "response_stance")?.stringValue }
}
