/// One organisation under the spellings people type. Submissions name the same organisation as "Stowarzyszenie
/// Pokoleń „Splot”" and as "Stowarzyszenie Pokolen "Splot"" (no Polish letters, straight quotes); counted apart, stats
/// and reports would show one organisation twice with part of its postulates each. Names are grouped by a key —
/// Polish letters without diacritics, lower case, every kind of double quote alike, runs of spaces as one — and each
/// group is shown under its most frequent spelling (ties: the one with more Polish letters, i.e. typed with care; then
/// the smaller string), so the choice does not depend on input order. The records keep the spelling they were filed
/// with; only counting and display group them.
public struct OrganisationNames: Sendable {
    private var displayByKey: [String: String] = [:]

    /// `counts`: each spelling with the number of postulates filed under it.
    public init(counts: [String: Int]) {
        var byKey: [String: [(String, Int)]] = [:]
        for (name, n) in counts { byKey[Self.key(name), default: []].append((name, n)) }
        for (key, spellings) in byKey {
            displayByKey[key] = spellings.max { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                let da = Self.polishLetters(a.0), db = Self.polishLetters(b.0)
                if da != db { return da < db }
                return a.0 > b.0
            }!.0
        }
    }

    /// `names`: every postulate's organisation, one entry per postulate.
    public init<S: Sequence>(_ names: S) where S.Element == String {
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        self.init(counts: counts)
    }

    /// The spelling shown for `name` (its group's).
    public func display(_ name: String) -> String { displayByKey[Self.key(name)] ?? name }

    /// Postulates per organisation, spellings merged: most first, ties by name.
    public static func grouped(_ counts: [String: Int]) -> [(name: String, count: Int)] {
        let names = OrganisationNames(counts: counts)
        var merged: [String: Int] = [:]
        for (name, n) in counts { merged[names.display(name), default: 0] += n }
        return merged.map { ($0.key, $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// The grouping key.
    public static func key(_ name: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in name.lowercased() {
            if ch.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if quotes.contains(ch) { out.append("\"") } else if let f = polish[ch] { out.append(f) } else { out.append(ch) }
        }
        return out
    }

    /// Lower-case Polish letters and their base letters (the key is taken after lower-casing). A small copy of
    /// PolishText's `DiacriticFolding` table: Corpus stays free of ICU, and organisation names need only Polish letters.
    private static let polish: [Character: Character] = [
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
    ]
    private static let quotes: Set<Character> = ["\"", "„", "”", "“", "«", "»", "‟", "″"]

    private static func polishLetters(_ s: String) -> Int {
        s.lowercased().reduce(0) { $0 + (polish[$1] == nil ? 0 : 1) }
    }
}
