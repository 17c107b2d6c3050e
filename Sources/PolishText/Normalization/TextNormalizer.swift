import ICUText

/// Turns a token's source text into its normalised form: typographic variants unified, then ICU NFKC_Casefold.
///
/// Why one form for quotes, apostrophes and dashes: PDFs and word processors write ’ ‘ ʼ ′ for the same apostrophe
/// and – — ‑ for the same hyphen; users type ' and -. "NGO’s" and "NGO's" must be one token.
public enum TextNormalizer {
    /// Apostrophe-like scalars folded to U+0027.
    static let apostrophes: Set<UInt32> = [0x2019, 0x2018, 0x02BC, 0x2032, 0x00B4, 0x0060, 0x201B]
    /// Dash-like scalars folded to U+002D.
    static let dashes: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x00AD]
    /// Double-quote-like scalars folded to U+0022.
    static let quotes: Set<UInt32> = [0x201E, 0x201C, 0x201D, 0x00AB, 0x00BB, 0x201F, 0x2033]

    /// Unifies apostrophes, dashes and quotes (and no-break spaces to a space). Leaves everything else alone.
    public static func unifyTypography(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where u.value >= 0x80 {
            if apostrophes.contains(u.value) || dashes.contains(u.value) || quotes.contains(u.value)
                || u.value == 0xA0 || u.value == 0x202F { needs = true; break }
        }
        if !needs { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if apostrophes.contains(u.value) { out.append("'") }
            else if dashes.contains(u.value) { if u.value != 0x00AD { out.append("-") } }
            else if quotes.contains(u.value) { out.append("\"") }
            else if u.value == 0xA0 || u.value == 0x202F { out.append(" ") }
            else { out.append(u) }
        }
        return String(out)
    }

    /// The normalised form used for matching: typography unified, NFKC, case-folded ("Straße" → "strasse",
    /// "ﬁrma" → "firma", "ŻÓŁĆ" → "żółć"). Pure ASCII and Polish-alphabet text takes a fast path with the same result.
    public static func normalize(_ s: String) -> String {
        if let ascii = asciiLowercase(s) { return ascii }
        if let fast = fastLowercase(s) { return fast }
        let unified = unifyTypography(s)
        return (try? ICUNormalizer(.nfkcCasefold)(unified)) ?? unified.lowercased()
    }

    /// NFC only (composes "e + ogonek" into "ę"); for text kept as written.
    public static func nfc(_ s: String) -> String {
        (try? ICUNormalizer(.nfc)(s)) ?? s
    }

    /// `fastLowercase` for pure ASCII, from the bytes (no scalar decoding, no table lookups); nil otherwise.
    static func asciiLowercase(_ s: String) -> String? {
        var upper = false
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            if b >= 0x41 && b <= 0x5A { upper = true }
        }
        if !upper { return s }
        let u = s.utf8
        return String(unsafeUninitializedCapacity: u.count) { out in
            var i = 0
            for b in u { out[i] = b >= 0x41 && b <= 0x5A ? b + 32 : b; i += 1 }
            return i
        }
    }

    /// Lower-cases text made only of ASCII and precomposed Polish letters without ICU; nil when other scalars occur.
    static func fastLowercase(_ s: String) -> String? {
        var changed = false
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 { if v >= 0x41 && v <= 0x5A { changed = true }; continue }
            if polishLower[v] != nil { changed = true; continue }
            if polishLowerSet.contains(v) { continue }
            return nil
        }
        if !changed { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            if v >= 0x41 && v <= 0x5A { out.append(Unicode.Scalar(v + 32)!) }
            else if let l = polishLower[v] { out.append(Unicode.Scalar(l)!) }
            else { out.append(u) }
        }
        return String(out)
    }

    static let polishLower: [UInt32: UInt32] = [
        0x104: 0x105, 0x106: 0x107, 0x118: 0x119, 0x141: 0x142, 0x143: 0x144,
        0xD3: 0xF3, 0x15A: 0x15B, 0x179: 0x17A, 0x17B: 0x17C,
    ]
    static let polishLowerSet: Set<UInt32> = [0x105, 0x107, 0x119, 0x142, 0x144, 0xF3, 0x15B, 0x17A, 0x17C]
}
