import PolishText

/// One organisation under the spellings people type. Submissions name the same organisation as "Stowarzyszenie
/// Pokoleń „Splot”" and as "Stowarzyszenie Pokolen "Splot"" (no Polish letters, straight quotes); counted apart, the
/// report would show one organisation twice with half its postulates each. Names are grouped by a key — letters
/// without diacritics, lower case, every kind of double quote alike, runs of spaces as one — and each group is shown
/// under its most frequent spelling (ties: the one with more Polish letters, i.e. typed with care; then the
/// smaller string), so the choice does not depend on input order.
struct OrganisationNames {
    private var displayByKey: [String: String] = [:]

    /// `names`: every postulate's organisation, one entry per postulate (frequencies pick the shown spelling).
    init<S: Sequence>(_ names: S) where S.Element == String {
        var counts: [String: [String: Int]] = [:]
        for name in names { counts[Self.key(name), default: [:]][name, default: 0] += 1 }
        for (key, spellings) in counts {
            displayByKey[key] = spellings.max { a, b in
                if a.value != b.value { return a.value < b.value }
                let da = Self.diacritics(a.key), db = Self.diacritics(b.key)
                if da != db { return da < db }
                return a.key > b.key
            }!.key
        }
    }

    /// The spelling the report shows for `name` (its group's).
    func display(_ name: String) -> String { displayByKey[Self.key(name)] ?? name }

    /// The grouping key.
    static func key(_ name: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in DiacriticFolding.fold(name.lowercased()) {
            if ch.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(quotes.contains(ch) ? "\"" : ch)
        }
        return out
    }

    private static let quotes: Set<Character> = ["\"", "„", "”", "“", "«", "»", "‟", "″"]

    private static func diacritics(_ s: String) -> Int {
        s.reduce(0) { $0 + (DiacriticFolding.hasDiacritics(String($1)) ? 1 : 0) }
    }
}
