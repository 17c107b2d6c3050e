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
        if let folded = foldPolishBytes(s) { return folded }
        return foldByCharacter(s)
    }

    /// `fold` Character by Character: the general path (and what the byte path must equal).
    static func foldByCharacter(_ s: String) -> String {
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

    /// `fold` for text of ASCII and the 18 Polish letters only, byte by byte (the same result: each of those
    /// scalars is its own Character there); nil when another scalar occurs.
    static func foldPolishBytes(_ s: String) -> String? {
        let u = s.utf8
        var lead: UInt8 = 0
        for b in u {
            if lead != 0 {
                guard polishByte(lead, b) != nil else { return nil }
                lead = 0
            } else if b >= 0x80 {
                guard b == 0xC3 || b == 0xC4 || b == 0xC5 else { return nil }
                lead = b
            }
        }
        guard lead == 0 else { return nil }
        return String(unsafeUninitializedCapacity: u.count) { out in
            var o = 0
            for b in u {
                if lead != 0 { out[o] = polishByte(lead, b) ?? b; o += 1; lead = 0 }
                else if b < 0x80 { out[o] = b; o += 1 }
                else { lead = b }
            }
            return o
        }
    }

    /// The ASCII letter of a Polish letter's two UTF-8 bytes, or nil.
    @inline(__always)
    static func polishByte(_ lead: UInt8, _ b: UInt8) -> UInt8? {
        switch UInt16(lead) << 8 | UInt16(b) {
        case 0xC485: return 0x61  // ą
        case 0xC484: return 0x41  // Ą
        case 0xC487: return 0x63  // ć
        case 0xC486: return 0x43  // Ć
        case 0xC499: return 0x65  // ę
        case 0xC498: return 0x45  // Ę
        case 0xC582: return 0x6C  // ł
        case 0xC581: return 0x4C  // Ł
        case 0xC584: return 0x6E  // ń
        case 0xC583: return 0x4E  // Ń
        case 0xC3B3: return 0x6F  // ó
        case 0xC393: return 0x4F  // Ó
        case 0xC59B: return 0x73  // ś
        case 0xC59A: return 0x53  // Ś
        case 0xC5BA, 0xC5BC: return 0x7A  // ź ż
        case 0xC5B9, 0xC5BB: return 0x5A  // Ź Ż
        default: return nil
        }
    }

    /// True when the text contains a letter that folding would change.
    public static func hasDiacritics(_ s: String) -> Bool {
        !s.utf8.allSatisfy { $0 < 0x80 } && fold(s) != s
    }
}
