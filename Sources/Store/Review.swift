import Corpus

/// A staff review of one postulate as stored: each part optional (nil: not reviewed, the record's own value stands).
public struct Review: Sendable, Equatable {
    public var themes: [String]?
    /// Earlier postulates this one repeats (ids in the store).
    public var sameAs: [String]
    /// The city's answer as recorded by staff, and its stance (`ResponseStance`).
    public var response: String?
    public var stance: String?
    public var note: String?
    public var reviewer: String
    /// ISO 8601, UTC, milliseconds.
    public var reviewedAt: String

    public init(themes: [String]? = nil, sameAs: [String] = [], response: String? = nil, stance: String? = nil,
                note: String? = nil, reviewer: String, reviewedAt: String) {
        self.themes = themes; self.sameAs = sameAs; self.response = response; self.stance = stance; self.note = note
        self.reviewer = reviewer; self.reviewedAt = reviewedAt
    }

    /// Whether both record the same decision (themes, links, response, stance, note), whoever made it and when.
    func sameDecision(as other: Review) -> Bool {
        themes == other.themes && Set(sameAs) == Set(other.sameAs) && response == other.response && stance == other.stance
            && note == other.note
    }

    /// The review as JSON (the API's answer, the audit's before and after): every key, null when not set.
    public var json: JSONValue {
        .object([
            ("themes", themes.map { .array($0.map { .string($0) }) } ?? .null),
            ("same_as", .array(sameAs.map { .string($0) })),
            ("response", response.map { .string($0) } ?? .null),
            ("stance", stance.map { .string($0) } ?? .null),
            ("note", note.map { .string($0) } ?? .null),
            ("reviewer", .string(reviewer)),
            ("reviewed_at", .string(reviewedAt)),
        ])
    }
}

/// A change to a review as a request gives it: a part left nil keeps the stored value; JSON null clears it.
public struct ReviewChange: Sendable, Equatable {
    public enum Part<T: Sendable & Equatable>: Sendable, Equatable {
        case keep, clear, set(T)
    }
    public var themes: Part<[String]> = .keep
    public var sameAs: Part<[String]> = .keep
    public var response: Part<String> = .keep
    public var stance: Part<String> = .keep
    public var note: Part<String> = .keep

    public init() {}

    /// Reads `{"themes": […], "same_as": [ids], "response": "…", "stance": "…", "note": "…"}` (each optional,
    /// null clears). Unknown keys and wrong types are refused, naming the key.
    /// The longest response or note a review takes (a city's answer runs to a few thousand characters).
    public static let maxCharacters = 20_000

    public init(json: JSONValue) throws(StoreError) {
        guard case .object(let fields) = json else {
            throw StoreError(.invalid, tr("recenzja musi być obiektem JSON {…}", "a review must be a JSON object {…}"))
        }
        func strings(_ key: String, _ v: JSONValue) throws(StoreError) -> Part<[String]> {
            if v.isNull { return .clear }
            guard let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) else {
                throw StoreError(.invalid, tr("pole „\(key)”: oczekiwano listy tekstów, jest \(v.jsonText)",
                                              "field \"\(key)\": expected a list of strings, found \(v.jsonText)"), field: key)
            }
            return .set(a.compactMap(\.stringValue))
        }
        func string(_ key: String, _ v: JSONValue) throws(StoreError) -> Part<String> {
            if v.isNull { return .clear }
            guard let s = v.stringValue else {
                throw StoreError(.invalid, tr("pole „\(key)”: oczekiwano tekstu, jest \(v.jsonText)",
                                              "field \"\(key)\": expected a string, found \(v.jsonText)"), field: key)
            }
            return .set(s)
        }
        var seen = Set<String>()
        for (key, value) in fields {
            guard seen.insert(key).inserted else {
                throw StoreError(.invalid, tr("pole „\(key)” powtórzone", "field \"\(key)\" repeated"), field: key)
            }
            switch key {
            case "themes": themes = try strings(key, value)
            case "same_as": sameAs = try strings(key, value)
            case "response": response = try string(key, value)
            case "stance": stance = try string(key, value)
            case "note": note = try string(key, value)
            default:
                throw StoreError(.invalid, tr("nieznane pole recenzji „\(key)” (dozwolone: themes, same_as, response, stance, note)",
                                              "unknown review field \"\(key)\" (allowed: themes, same_as, response, stance, note)"), field: key)
            }
        }
    }

    /// The stored review after this change (`old` nil: none yet).
    func applied(to old: Review?, reviewer: String, at time: String) -> Review {
        func pick<T>(_ part: Part<T>, _ old: T?) -> T? {
            switch part { case .keep: return old; case .clear: return nil; case .set(let v): return v }
        }
        return Review(themes: pick(themes, old?.themes), sameAs: pick(sameAs, old?.sameAs) ?? [],
                      response: pick(response, old?.response), stance: pick(stance, old?.stance),
                      note: pick(note, old?.note), reviewer: reviewer, reviewedAt: time)
    }
}

/// One audit entry: who changed which postulate when, and the state before and after (JSON).
public struct AuditEntry: Sendable, Equatable {
    public var seq: Int
    public var at: String
    public var who: String
    /// `add` (a new postulate) or `review`.
    public var action: String
    public var postulateID: String
    public var before: JSONValue?
    public var after: JSONValue

    public var json: JSONValue {
        .object([("seq", .number(String(seq))), ("at", .string(at)), ("who", .string(who)), ("action", .string(action)),
                 ("id", .string(postulateID)), ("before", before ?? .null), ("after", after)])
    }
}

/// A postulate of the store with its review (nil: not reviewed yet).
public struct StoredPostulate: Sendable {
    public var record: Postulate
    public var review: Review?

    /// The record with the reviewed fields applied: what `store export` writes and training reads. Themes and the
    /// response replace the record's; the stance becomes `response_stance`; the links, note and reviewer are
    /// added as `same_as`, `review_note`, `reviewed_by`, `reviewed_at`.
    public var reviewed: Postulate {
        guard let review else { return record }
        var p = record
        func put(_ key: String, _ value: JSONValue) {
            if let i = p.extra.firstIndex(where: { $0.0 == key }) { p.extra[i].1 = value } else { p.extra.append((key, value)) }
        }
        if let t = review.themes { p.themes = t }
        if let r = review.response { p.response = r }
        if let s = review.stance { put("response_stance", .string(s)) }
        if !review.sameAs.isEmpty { put("same_as", .array(review.sameAs.map { .string($0) })) }
        if let n = review.note { put("review_note", .string(n)) }
        put("reviewed_by", .string(review.reviewer))
        put("reviewed_at", .string(review.reviewedAt))
        return p
    }
}
