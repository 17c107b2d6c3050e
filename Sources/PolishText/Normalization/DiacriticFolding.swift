import ICUText

/// The diacritic-folded key: ą→a, ć→c, ę→e, ł→l, ń→n, ó→o, ś→s, ź/ż→z (and any other Latin diacritic removed),
/// so "seniorów" and "seniorow" share a key. Input is expected lower-cased.
public enum DiacriticFolding {
    static let polish: [Character: Character] = [
        "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
        "Ą": "A", "Ć": "C", "Ę": "E", "Ł": "L", "Ń": "N", "Ó": "O", "Ś": "S", "Ź": "Z", "Ż": "Z",
    ]

    /// Folds Polish letters by table; other non-ASCII letters are decomposed (ICU NFD) and their nonspacing marks
    /// dropped, so "é" → "e" too. ASCII input is returned unchanged.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var needsICU = false
        for ch in s {
            if let f = polish[ch] { out.append(f) }
            else if ch.isASCII { out.append(ch) }
            else { out.append(ch); needsICU = true }
        }
        guard needsICU, let decomposed = try? ICUNormalizer(.nfd)(out) else { return out }
        var scalars = String.UnicodeScalarView()
        for u in decomposed.unicodeScalars where !isNonspacingMark(u) { scalars.append(u) }
        return (try? ICUNormalizer(.nfc)(String(scalars))) ?? String(scalars)
    }

    /// True when the text contains a letter that folding would change.
    public static func hasDiacritics(_ s: String) -> Bool {
        !s.utf8.allSatisfy { $0 < 0x80 } && fold(s) != s
    }
}
