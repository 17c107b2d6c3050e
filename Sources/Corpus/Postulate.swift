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

    /// A field by name: one of the typed fields of DESIGN.md, or any other (kept in `extra`). The one place a
    /// field name is told apart: readers, writers and the models resolve a name once and switch on this.
    public enum Field: Hashable, Sendable {
        case id, year, meeting, organisation, text, justification, response, respondent, themes
        /// Any other field, by its name.
        case extra(String)

        public init(_ name: String) {
            switch name {
            case "id": self = .id
            case "year": self = .year
            case "meeting": self = .meeting
            case "organisation": self = .organisation
            case "text": self = .text
            case "justification": self = .justification
            case "response": self = .response
            case "respondent": self = .respondent
            case "themes": self = .themes
            default: self = .extra(name)
            }
        }

        /// The typed string fields other than `id`: `meeting` … `respondent` (read and written as plain text).
        public var isText: Bool {
            switch self {
            case .meeting, .organisation, .text, .justification, .response, .respondent: return true
            default: return false
            }
        }
    }

    /// A typed string field (`id` and the `isText` fields); nil for any other. Setting one of the others does
    /// nothing.
    public subscript(string field: Field) -> String? {
        get {
            switch field {
            case .id: return id
            case .meeting: return meeting
            case .organisation: return organisation
            case .text: return text
            case .justification: return justification
            case .response: return response
            case .respondent: return respondent
            case .year, .themes, .extra: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch field {
            case .id: id = newValue
            case .meeting: meeting = newValue
            case .organisation: organisation = newValue
            case .text: text = newValue
            case .justification: justification = newValue
            case .response: response = newValue
            case .respondent: respondent = newValue
            case .year, .themes, .extra: break
            }
        }
    }

    /// Any field by name, typed fields included: what `--labels FIELD` reads.
    public func value(of field: String) -> JSONValue? { value(of: Field(field)) }

    /// Any field, typed fields included.
    public func value(of field: Field) -> JSONValue? {
        switch field {
        case .year: return year.map { .number(String($0)) }
        case .themes: return .array(themes.map { .string($0) })
        case .extra(let name): return extra.first { $0.0 == name }?.1
        default: return self[string: field].map { .string($0) }
        }
    }

    /// The resubmission group id (`group` field), when the record has one.
    public var group: String? { value(of: "group")?.stringValue }
    /// The stance of the city's response (`response_stance` field), when labelled.
    public var responseStance: String? { value(of: "response_stance")?.stringValue }
}
