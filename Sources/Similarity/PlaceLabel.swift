import Corpus

/// Where a postulate was filed, as a reader sees it: the record's `city` and `district` as written ("Gdynia,
/// Obłuże"). For participatory-budget data the place is the first thing a reader checks, and `--same district`
/// results cannot be checked without it. Records without those fields show nothing, so outputs for them stay as
/// they were.
public enum PlaceLabel {
    /// The fields shown, in this order.
    public static let fields = ["city", "district"]

    /// A field's value as written (a string or a number), trimmed; nil when missing, null or blank.
    public static func raw(_ p: Postulate, _ field: String) -> String? {
        let s: String
        switch p.value(of: field) {
        case .string(let v)?: s = v
        case .number(let n)?: s = n
        default: return nil
        }
        let t = s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
        return t.isEmpty ? nil : String(t)
    }

    /// The `--same` fields on which `p` is unknown (`SameFields.value` is nil): it agrees with any query there,
    /// which a reader must be told, or an "Obłuże" query returning a record with no district looks like a bug.
    public static func unknown(_ p: Postulate, same: [String]) -> [String] {
        same.filter { SameFields.value(of: p, $0) == nil }
    }

    /// "Gdynia, Obłuże"; under `--same district` a record whose district is unknown reads "Gdynia, dzielnica
    /// nieznana" ("Wrocław, local (dzielnica nieznana)" when the value names no place). nil when there is nothing
    /// to show.
    public static func text(_ p: Postulate, same: [String] = []) -> String? {
        let unknown = Self.unknown(p, same: same)
        var parts: [String] = []
        for f in fields {
            let note = unknown.contains(f) ? note(f) : nil
            switch (raw(p, f), note) {
            case let (v?, n?): parts.append("\(v) (\(n))")
            case let (v?, nil): parts.append(v)
            case let (nil, n?): parts.append(n)
            case (nil, nil): break
            }
        }
        for f in unknown where !fields.contains(f) { parts.append(note(f)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "dzielnica nieznana", "miasto nieznane", "FIELD: nieznane".
    static func note(_ field: String) -> String {
        switch field {
        case "district": return tr("dzielnica nieznana", "district unknown")
        case "city": return tr("miasto nieznane", "city unknown")
        default: return tr("\(field): nieznane", "\(field): unknown")
        }
    }

    /// The `city` and `district` of a JSON hit, each only when the record has it (records without them give the
    /// same bytes as before the fields existed).
    public static func jsonFields(_ p: Postulate) -> [(String, JSONValue)] {
        fields.compactMap { f in raw(p, f).map { (f, .string($0)) } }
    }
}
