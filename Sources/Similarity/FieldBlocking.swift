import Corpus
import PolishText

/// Record fields two postulates must agree on to be compared at all (`--same FIELD`, repeatable): *blocking*, as
/// record-linkage tools do it. One idea filed in every district ("… na Obłużu", "… na Dąbrowie") is not a
/// resubmission, so on data with a `district` field the pairs worth reading are those inside one district.
///
/// Agreement: for every named field, the two values are equal, or at least one of them is *unknown*. A value is
/// compared as a label (`label(_:)`: case, diacritics, punctuation and spacing, a numbering prefix and a leading
/// "osiedle"/"os."/"dzielnica" do not count: "Szopienice-Burowiec" = "Szopienice - Burowiec", "13 - Jeżyce,
/// Św.Łazarz" = "13 - Jeżyce, św.Łazarz"); numbers as written ("2020" and 2020 agree); arrays and objects by their
/// compact JSON. Unknown (`value(of:_:)` is nil): a value that is missing, null or blank, one that names the record's
/// whole city, and a category that is not a place (`nonPlaces`: "local", "small"/"large", "Green Budget",
/// "ogólnomiejski", size bands such as "up to 150", "150 - 500", "from 500"). Why: real exports leave the district
/// out in some years and fill it with a project category in others; a resubmission filed once without a district
/// and once in it, or once as "local" and once in "Rejon nr 1", is still the same demand, and blocking on such a
/// value could only hide it. Agreement is therefore not transitive (an unknown agrees with every value): blocks are
/// tested pair by pair (`agree`), not as keys.
/// Any field of the record can be named, typed fields (`year`, `organisation`, …) included.
public struct SameFields: Sendable, Equatable {
    public let fields: [String]

    /// What the report and the service block on unless told otherwise: the same idea filed in another city or
    /// another district is not a recurring demand (issue 15). On data without these fields nothing changes.
    public static let places = ["city", "district"]

    public init(_ fields: [String]) { self.fields = fields }

    public var isEmpty: Bool { fields.isEmpty }

    /// The record's value of every field, in field order (nil: unknown).
    public func values(of p: Postulate) -> [String?] {
        fields.map { Self.value(of: p, $0) }
    }

    /// Whether two records' values (`values(of:)`) agree: on every field equal, or unknown on either side.
    public static func agree(_ a: [String?], _ b: [String?]) -> Bool {
        for (x, y) in zip(a, b) {
            if let x, let y, x != y { return false }
        }
        return true
    }

    /// One field's value of a record as blocking compares it; nil when it is unknown (see the type's comment).
    public static func value(of p: Postulate, _ field: String) -> String? {
        switch p.value(of: field) {
        case nil, .null?: return nil
        case .string(let s)?:
            guard let l = label(s), !nonPlaces.contains(l), !isSizeBand(l) else { return nil }
            if field != "city", case .string(let city)? = p.value(of: "city"), label(city) == l { return nil }
            return l
        case .number(let n)?: return n
        case .bool(let b)?: return b ? "true" : "false"
        case let other?: return other.jsonText
        }
    }

    /// A label as compared: normalised (NFKC, case fold, typography), diacritics folded, every run of characters
    /// other than letters and digits one space, then a leading number ("12 - Antoninek", "7- Morasko") or Roman
    /// numeral ("XIV Prądnik Czerwony") and a leading "osiedle", "os." or "dzielnica" dropped when a word follows.
    /// nil when nothing is left.
    public static func label(_ s: String) -> String? {
        let folded = DiacriticFolding.fold(TextNormalizer.normalize(s))
        var words: [Substring] = []
        var out = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty, out.last != " " { out.append(" ") }
        }
        words = out.split(separator: " ")
        if words.count > 1, isNumbering(words[0]), words[1].first?.isLetter == true { words.removeFirst() }
        if words.count > 1, ["osiedle", "os", "dzielnica"].contains(words[0]) { words.removeFirst() }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Labels (after `label`) that name no place: city-wide and thematic pools, project-size categories.
    public static let nonPlaces: Set<String> = [
        "local", "lokalny", "lokalne", "lokalna", "small", "large", "medium", "maly", "male", "mala", "duzy", "duze",
        "duza", "sredni", "srednie", "green budget", "zielony budzet", "cultural", "ogolnomiejski", "ogolnomiejskie",
        "ogolnomiejska", "city", "city wide", "citywide", "whole city", "cale miasto", "caly miasto", "miasto",
        "wszystkie", "all", "none", "brak", "nie dotyczy",
    ]

    static let sizeWords: Set<String> = ["up", "to", "from", "do", "od", "powyzej", "ponizej", "ponad", "above",
                                         "below", "over", "under", "tys", "zl", "pln", "k"]

    /// A project-size band: numbers and size words only, with a size word or a range ("150 500").
    static func isSizeBand(_ l: String) -> Bool {
        let words = l.split(separator: " ")
        let numbers = words.filter { $0.allSatisfy(\.isNumber) }.count
        guard numbers > 0, words.allSatisfy({ $0.allSatisfy(\.isNumber) || sizeWords.contains(String($0)) }) else { return false }
        return numbers < words.count || numbers >= 2
    }

    /// A numbering prefix: digits, or a Roman numeral (i, v, x, l, c, d, m only).
    static func isNumbering(_ w: Substring) -> Bool {
        w.allSatisfy(\.isNumber) || w.allSatisfy { "ivxlcdm".contains($0) }
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
/// Scores within `nearTie` of the best count as tied for the first places when the query has a known place
/// (`SimilarityIndex.nearTieSlots`).
public struct TieBreak: Sendable, Equatable {
    /// How far below the best score a result still ties with it. A cosine differs by this much for an added stage
    /// number or year ("… etap II" / "… etap III", "etap 2021" / "etap 2022") or a reworded detail, which says
    /// nothing about which filing is the demand looked for; the place and the nearest earlier year do. Chosen on
    /// the real judged queries of half the cities (Benchmarks/RESULTS.md, "Fifth round"): the smallest value with
    /// the most nearest earlier filings first there (0.1 and 0.12 equal; 0.05 and 0.08 fewer, 0.15 and 0.2 one or
    /// two fewer). Queries without a known place are left as they were (`SimilarityIndex.nearTieSlots`).
    public static let nearTie = 0.1

    /// Fields that name a place in real civic data (participatory-budget exports carry them).
    public static let defaultPlaceFields = ["city", "district"]

    /// The reference year (nil: the year step is skipped).
    public var year: Int?
    /// The query's value of each place field (`SameFields.value`; nil: unknown, compared with nothing).
    public var place: [(field: String, value: String?)]

    public init(year: Int? = nil, place: [(field: String, value: String?)] = []) {
        self.year = year; self.place = place
    }

    /// The tie-break of a query record: its year (or `before`) and its values of the place fields and `same`.
    public init(query: Postulate?, before: Int?, same: [String]) {
        year = query?.year ?? before
        var fields = Self.defaultPlaceFields
        for f in same where !fields.contains(f) { fields.append(f) }
        place = query.map { q in fields.map { ($0, SameFields.value(of: q, $0)) } } ?? []
    }

    public static func == (a: TieBreak, b: TieBreak) -> Bool {
        a.year == b.year && a.place.count == b.place.count
            && zip(a.place, b.place).allSatisfy { $0.field == $1.field && $0.value == $1.value }
    }

    /// The sort key of a candidate among equal scores: smaller first.
    func key(_ p: IndexedPostulate) -> (Int, Int, Int) {
        var disagreeing = 0
        for (field, value) in place where value != nil {
            if SameFields.value(of: p.record, field) != value { disagreeing += 1 }
        }
        guard let ref = year else { return (disagreeing, 0, 0) }
        guard let y = p.year else { return (disagreeing, 2, 0) }
        // Years come from records: a distance too large for Int is just "far".
        let d = y < ref ? ref.subtractingReportingOverflow(y) : y.subtractingReportingOverflow(ref)
        return (disagreeing, y < ref ? 0 : 1, d.overflow ? Int.max : d.partialValue)
    }
}

extension SameFields {
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

    /// A real value: not missing, null, blank or an empty list (every record has `themes`, often empty). A value
    /// blocking treats as unknown ("local", the city's own name) still counts: the field is there.
    private static func carried(_ v: JSONValue?) -> Bool {
        switch v {
        case nil, .null?: return false
        case .array(let a)?: return !a.isEmpty
        case .string(let s)?: return s.unicodeScalars.contains { !$0.properties.isWhitespace }
        default: return true
        }
    }
}
