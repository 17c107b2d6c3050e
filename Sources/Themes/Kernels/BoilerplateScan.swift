/// A byte scan that says whether `FormBoilerplate`'s two patterns can match a text at all: false only when neither
/// can (a necessary condition of every alternative is missing), so `strip` skips the regular expressions — which,
/// run on the one text in ten that holds a common word such as "koszt" or "opis", were a fifth of `tag`'s time.
///
/// Each alternative needs one of these, compared with ASCII letters in either case and a Polish letter in either
/// case (both spellings' bytes):
/// * the cost line: "lp" then "." or a space; "element"; "adowe" (składowe); "kosztorys", "koszt" after a word
///   ending in "y" or followed by a word of the pattern; "wartość"; "budżet projektu"; "razem", "suma" or "kwota"
///   followed (past spaces, colons and an optional "brutto"/"netto") by a digit;
/// * the heading: a heading's last word ("uzasadnienie", "projektu", "opis", "lokalizacja", "tytuł", "cel",
///   "beneficjenci") followed by spaces or tabs and then a colon, a line end or the end of the text.
/// The word boundaries and line starts the patterns also ask for are checked only where that is sure (a keyword
/// the pattern starts with `\b` must not follow an ASCII letter, digit or underscore); every other byte
/// of 0x80 or more counts as a possible space or line end. Why it may stay a necessary condition under the patterns'
/// case-insensitive matching: a text holding any character from U+0180 up (outside U+2000–U+206F, punctuation
/// without case) or one of U+00DF, U+0130, U+0131, U+0149, U+017F (whose case forms include ASCII letters, as ſ
/// is an s) is answered "may match", and below U+0180 no other character is a case form of an ASCII letter, nor a
/// decimal digit.
enum BoilerplateScan {
    static func mayMatch(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x80 {
                if !ordinary(b, i) { return true }
                i += 1
                continue
            }
            let l = c | 0x20
            guard l >= 0x61 && l <= 0x7A else { i += 1; continue }
            let wordStart = i == 0 || !isASCIIWordByte(b[i - 1])
            switch l {
            case 0x6C:  // l
                if wordStart && word(b, i, "lp") && i + 2 < n && (b[i + 2] == 0x2E || isSpaceByte(b[i + 2])) { return true }
                if word(b, i, "lokalizacja") && headingEnd(b, i + 11) { return true }
            case 0x65:  // e
                if wordStart && word(b, i, "element") { return true }
            case 0x61:  // a
                if word(b, i, "adowe") { return true }
            case 0x6B:  // k
                if wordStart && word(b, i, "koszt") && (word(b, i + 5, "orys") || adjectiveBefore(b, i) || costWordAfter(b, i + 5)) {
                    return true
                }
                if wordStart && word(b, i, "kwota") && amountFollows(b, i + 5) { return true }
            case 0x77:  // w
                // wartość: "warto", ś or Ś, ć or Ć
                if wordStart && word(b, i, "warto") && i + 9 <= n && b[i + 5] == 0xC5 && (b[i + 6] == 0x9B || b[i + 6] == 0x9A)
                    && b[i + 7] == 0xC4 && (b[i + 8] == 0x87 || b[i + 8] == 0x86) { return true }
            case 0x62:  // b
                // budżet: "bud", ż or Ż, "et"
                if wordStart && word(b, i, "bud") && i + 7 <= n && b[i + 3] == 0xC5 && (b[i + 4] == 0xBC || b[i + 4] == 0xBB)
                    && word(b, i + 5, "et") && projektuAfter(b, i + 7) { return true }
                if word(b, i, "beneficjenci") && headingEnd(b, i + 12) { return true }
            case 0x72:  // r
                if wordStart && word(b, i, "razem") && amountFollows(b, i + 5) { return true }
            case 0x73:  // s
                if wordStart && word(b, i, "suma") && amountFollows(b, i + 4) { return true }
            case 0x75:  // u
                if word(b, i, "uzasadnienie") && headingEnd(b, i + 12) { return true }
            case 0x70:  // p
                if word(b, i, "projektu") && headingEnd(b, i + 8) { return true }
            case 0x6F:  // o
                if word(b, i, "opis") && headingEnd(b, i + 4) { return true }
            case 0x74:  // t
                // tytuł: "tytu", ł or Ł
                if word(b, i, "tytu") && i + 6 <= n && b[i + 4] == 0xC5 && (b[i + 5] == 0x82 || b[i + 5] == 0x81)
                    && headingEnd(b, i + 6) { return true }
            case 0x63:  // c
                if word(b, i, "cel") && headingEnd(b, i + 3) { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// Whether the character starting at byte `i` (≥ 0x80) is one no pattern letter or digit can stand for: a
    /// continuation byte (its lead was checked), U+0080–U+017F except ß, İ, ı, ŉ and ſ, or U+2000–U+206F.
    @inline(__always)
    static func ordinary(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0xC0 { return true }
        let next: UInt8 = i + 1 < b.count ? b[i + 1] : 0
        switch c {
        case 0xC2: return true
        case 0xC3: return next != 0x9F                      // ß
        case 0xC4: return next != 0xB0 && next != 0xB1      // İ ı
        case 0xC5: return next != 0x89 && next != 0xBF      // ŉ ſ
        case 0xE2: return next == 0x80 || (next == 0x81 && i + 2 < b.count && b[i + 2] < 0xB0)
        default: return false
        }
    }

    /// `key` (lower-case ASCII letters) at `i`, letters in either case.
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ key: StaticString) -> Bool {
        let k = key.utf8CodeUnitCount
        guard i + k <= b.count else { return false }
        let p = key.utf8Start
        for j in 0..<k where b[i + j] | 0x20 != p[j] { return false }
        return true
    }

    @inline(__always)
    static func isASCIIWordByte(_ c: UInt8) -> Bool {
        let l = c | 0x20
        return (l >= 0x61 && l <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }

    /// ASCII white space (`\s`: tab, line feed, vertical tab, form feed, carriage return, space) or a byte of a
    /// character from U+0080 up (which may be a space, as the no-break space is).
    @inline(__always)
    static func isSpaceByte(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || c >= 0x80
    }

    /// After a heading's last word: spaces or tabs, then a colon, a line end (any byte from 0x80 may be one) or
    /// the end of the text.
    @inline(__always)
    static func headingEnd(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var j = from
        while j < b.count && (b[j] == 0x20 || b[j] == 0x09) { j += 1 }
        guard j < b.count else { return true }
        let c = b[j]
        return c == 0x3A || (c >= 0x0A && c <= 0x0D) || c >= 0x80
    }

    /// "szacunkowy koszt", "łączny koszt"…: before "koszt" at `i`, white space (any byte from 0x80 may be some),
    /// and before that a "y" (every adjective of the pattern ends so).
    static func adjectiveBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i - 1
        guard j >= 0 && isSpaceByte(b[j]) else { return false }
        while j >= 0 && isSpaceByte(b[j]) { j -= 1 }
        return j >= 0 && b[j] | 0x20 == UInt8(ascii: "y")
    }

    /// "koszt\w*\s+" then a word of the pattern (szacunkow, całkowit, łączn, realizacji, brutto, netto,
    /// utrzymania, zadania, projektu), from the end of "koszt": the rest of the word, then white space. A byte from
    /// 0x80 may be a letter or a space: a run of them is tried as both, up to the first ASCII white space.
    static func costWordAfter(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var j = from
        while j < b.count {
            if isSpaceByte(b[j]) {
                var ascii = false
                while j < b.count && isSpaceByte(b[j]) { if b[j] < 0x80 { ascii = true }; j += 1 }
                // After the run (Polish letters skipped with it: łączn is tried as "czn", całkowit as "ca").
                if word(b, j, "szacunkow") || word(b, j, "ca") || word(b, j, "czn") || word(b, j, "realizacji")
                    || word(b, j, "brutto") || word(b, j, "netto") || word(b, j, "utrzymania") || word(b, j, "zadania")
                    || word(b, j, "projektu") { return true }
                if ascii { return false }
                continue
            }
            guard isASCIIWordByte(b[j]) else { return false }
            j += 1
        }
        return false
    }

    /// "budżet\s+projektu": white space (any byte from 0x80 may be some), then "projektu".
    static func projektuAfter(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var j = from
        guard j < b.count && isSpaceByte(b[j]) else { return false }
        while j < b.count && isSpaceByte(b[j]) { j += 1 }
        return word(b, j, "projektu")
    }

    /// After "razem", "suma", "kwota": spaces and colons (and any byte from 0x80), at most one "brutto" or "netto"
    /// among them, then a digit.
    static func amountFollows(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Bool {
        var j = from
        func skip() { while j < b.count && (isSpaceByte(b[j]) || b[j] == 0x3A) { j += 1 } }
        skip()
        if word(b, j, "brutto") { j += 6; skip() } else if word(b, j, "netto") { j += 5; skip() }
        return j < b.count && b[j] >= 0x30 && b[j] <= 0x39
    }
}
