import Corpus
import PolishText

/// Record fields two postulates must agree on to be compared at all (`--same FIELD`, repeatable): *blocking*, as
/// record-linkage tools do it. One idea filed in every district ("… na Obłużu", "… na Dąbrowie") is not a
/// resubmission, so on data with a `district` field the pairs worth reading are those inside one district.
///
/// Agreement: every named field has the same canonical value in both records. Strings compare after the analyzer's
/// normalisation (NFKC, case fold, typography) and trimming ("Obłuże " and "obłuże" agree); numbers as written
/// ("2020" and 2020 agree); arrays and objects by their compact JSON. A field that is missing or null is a value of
/// its own: two records without a district agree (one block of "no district"), a record without one never agrees
/// with one that has one. Any field of the record can be named, typed fields (`year`, `organisation`, …) included.
public struct SameFields: Sendable, Equatable {
    public let fields: [String]

    public init(_ fields: [String]) { self.fields = fields }

    public var isEmpty: Bool { fields.isEmpty }

    /// The record's block: equal keys ⇔ the records agree on every field.
    public func key(of p: Postulate) -> String {
        var out = ""
        for (i, f) in fields.enumerated() {
            if i > 0 { out.unicodeScalars.append("\u{1F}") }
            out += Self.canonical(p.value(of: f))
        }
        return out
    }

    /// One field's value as blocking compares it; "\u{0}" for a missing or null value.
    public static func canonical(_ v: JSONValue?) -> String {
        switch v {
        case nil, .null?: return "\u{0}"
        case .string(let s)?:
            let t = TextNormalizer.normalize(s).trimmingWhitespace()
            return t.isEmpty ? "\u{0}" : t
        case .number(let n)?: return n
        case .bool(let b)?: return b ? "true" : "false"
        case let other?: return other.jsonText
        }
    }

    /// Whether a canonical value is a real one (not missing, null or blank).
    static func isPresent(_ canonical: String) -> Bool { canonical != "\u{0}" }

    /// The named fields that no record carries (missing, null or blank in every one), and the fields the records
    /// do carry — typed fields first, then the others in the order first met. Blocking on a field nobody has puts
    /// every record in one block: the option would silently do nothing, so the commands refuse it.
    public func absent(in records: some Sequence<Postulate>) -> (absent: [String], seen: [String]) {
        let typed = ["id", "year", "meeting", "organisation", "text", "justification", "response", "respondent", "themes"]
        var seen = Set<String>()
        var others: [String] = []
        for p in records {
            for name in typed where !seen.contains(name) && Self.carried(p.value(of: name)) {
                seen.insert(name)
            }
            for (name, value) in p.extra where !seen.contains(name) && Self.carried(value) {
                seen.insert(name)
                others.append(name)
            }
        }
        return (fields.filter { !seen.contains($0) }, typed.filter(seen.contains) + others)
    }

    /// A real value: not missing, null, blank or an empty list (every record has `themes`, often empty).
    private static func carried(_ v: JSONValue?) -> Bool {
        if case .array(let a)? = v, a.isEmpty { return false }
        return isPresent(canonical(v))
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

/// How equal scores are ordered in `similar`: by what tells the right earlier postulate from another one with the
/// same words, not by id alone. In this order:
/// 1. agreement on the *place fields* (`placeFields`: `city`, `district` and every `--same` field) with the query
///    record: more fields agreeing (with a real value) first — the same project title filed in another district is
///    not the demand being looked for;
/// 2. the year: years before the reference year first, the nearest first (the latest earlier filing is the one
///    the city's latest answer refers to); then years from the reference on, nearest first; then no year. The
///    reference is the query record's own year (`--id`, a record line of `--batch`), else `--before`;
/// 3. the id (byte order), so the order is total and outputs are deterministic.
public struct TieBreak: Sendable, Equatable {
    /// Fields that name a place in real civic data (participatory-budget exports carry them).
    public static let defaultPlaceFields = ["city", "district"]

    /// The reference year (nil: the year step is skipped).
    public var year: Int?
    /// The query's canonical value of each place field (`SameFields.canonical`).
    public var place: [(field: String, value: String)]

    public init(year: Int? = nil, place: [(field: String, value: String)] = []) {
        self.year = year; self.place = place
    }

    /// The tie-break of a query record: its year (or `before`) and its values of the place fields and `same`.
    public init(query: Postulate?, before: Int?, same: [String]) {
        year = query?.year ?? before
        var fields = Self.defaultPlaceFields
        for f in same where !fields.contains(f) { fields.append(f) }
        place = query.map { q in fields.map { ($0, SameFields.canonical(q.value(of: $0))) } } ?? []
    }

    public static func == (a: TieBreak, b: TieBreak) -> Bool {
        a.year == b.year && a.place.count == b.place.count
            && zip(a.place, b.place).allSatisfy { $0.field == $1.field && $0.value == $1.value }
    }

    /// The sort key of a candidate among equal scores: smaller first.
    func key(_ p: IndexedPostulate) -> (Int, Int, Int) {
        var disagreeing = 0
        for (field, value) in place where SameFields.isPresent(value) {
            if SameFields.canonical(p.record.value(of: field)) != value { disagreeing += 1 }
        }
        guard let ref = year else { return (disagreeing, 0, 0) }
        guard let y = p.year else { return (disagreeing, 2, 0) }
        // Years come from records: a distance too large for Int is just "far".
        let d = y < ref ? ref.subtractingReportingOverflow(y) : y.subtractingReportingOverflow(ref)
        return (disagreeing, y < ref ? 0 : 1, d.overflow ? Int.max : d.partialValue)
    }
}
