/// The repairs applied to ICU's segments, one concern each, in one left-to-right pass:
/// 1. thousands groups: "100" " " "000,00" → one number "100 000,00" (ICU splits at the space);
/// 2. abbreviations: "np" "." → "np."; "m" "." " " "in" "." → "m. in." (only words listed in `Abbreviations`);
/// 3. hyphenated compounds: "pro" "-" "sąsiedzkie" → two tokens, the second marked `afterHyphen`;
/// 4. amounts: a number followed by a currency ("zł", "złotych", "PLN", optionally after "tys." or "mln") is one
///    `money` token (`MoneyAndCodes`);
/// 5. codes written together: "SP114" (capitals then digits) → "SP" and "114", as "SP 114" is written.
enum TokenRepairs {
    static func emit(_ segs: [RawSegment], _ b: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        var i = 0
        var lastEnd = -1
        var lastWasWord = false
        let n = segs.count
        while i < n {
            let s = segs[i]
            if s.status == 0 { i += 1; continue }
            if s.status == -1 || s.status == -2 {
                body(Token(start: s.start, end: s.end, kind: s.status == -1 ? .url : .email))
                lastEnd = s.end; lastWasWord = false; i += 1; continue
            }
            let isNumber = s.status >= 100 && s.status < 200 && allDigitsOrSeparators(b, s.start, s.end)
            if isNumber {
                var end = s.end
                var j = i
                // 1. thousands groups: first group 1–3 digits, each next group exactly 3 digits (then a decimal part).
                if end - s.start <= 3 && allDigits(b, s.start, end) {
                    while j + 2 < n, isThousandsSpace(b, segs[j + 1]), segs[j + 2].status >= 100,
                          isThousandsGroup(b, segs[j + 2].start, segs[j + 2].end) {
                        end = segs[j + 2].end
                        j += 2
                        if !allDigits(b, segs[j].start, segs[j].end) { break }
                    }
                }
                // 4. an amount: the number and its currency as one token.
                if let (moneyEnd, last) = MoneyAndCodes.currencyEnd(segs, b, after: j) {
                    body(Token(start: s.start, end: moneyEnd, kind: .money))
                    lastEnd = moneyEnd; lastWasWord = false; i = last + 1; continue
                }
                body(Token(start: s.start, end: end, kind: .number))
                lastEnd = end; lastWasWord = false; i = j + 1; continue
            }
            // 2. abbreviations with their dot.
            if i + 1 < n, isDot(b, segs[i + 1]), let key = lowercasedKey(b, s.start, s.end) {
                // two-part "m. in." / "p. o."
                if i + 4 < n, isSingleSpace(b, segs[i + 2]), segs[i + 3].status >= 200, isDot(b, segs[i + 4]),
                   let second = lowercasedKey(b, segs[i + 3].start, segs[i + 3].end),
                   Abbreviations.twoPart.contains(key + "." + second) {
                    body(Token(start: s.start, end: segs[i + 4].end, kind: .abbreviation))
                    lastEnd = segs[i + 4].end; lastWasWord = false; i += 5; continue
                }
                if Abbreviations.isAbbreviation(key) {
                    body(Token(start: s.start, end: segs[i + 1].end, kind: .abbreviation))
                    lastEnd = segs[i + 1].end; lastWasWord = false; i += 2; continue
                }
            }
            // 3. a word right after "word-" is the second half of a compound; so is one after "word-" and a line
            //    break (PDF text breaks "pre-\nkonkursowy" at the hyphen).
            let afterHyphen = lastWasWord && i >= 1 && (
                (segs[i - 1].start == lastEnd && segs[i - 1].end == s.start && isHyphen(b, segs[i - 1]))
                || (i >= 2 && segs[i - 2].start == lastEnd && isHyphen(b, segs[i - 2])
                    && segs[i - 1].end == s.start && isLineBreak(b, segs[i - 1])))
            // 5. "SP114": the capitals and the digits as two tokens.
            if let split = MoneyAndCodes.codeSplit(b, s.start, s.end) {
                body(Token(start: s.start, end: split, kind: .word, afterHyphen: afterHyphen))
                body(Token(start: split, end: s.end, kind: .number))
                lastEnd = s.end; lastWasWord = false; i += 1; continue
            }
            body(Token(start: s.start, end: s.end, kind: .word, afterHyphen: afterHyphen))
            lastEnd = s.end; lastWasWord = true; i += 1
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func allDigits(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        for k in s..<e where !isDigit(b[k]) { return false }
        return e > s
    }

    /// Digits with "," or "." between them ("3,5", "12.03.2024"); "19a" is a word, not a number.
    static func allDigitsOrSeparators(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        for k in s..<e where !isDigit(b[k]) && b[k] != UInt8(ascii: ",") && b[k] != UInt8(ascii: ".") { return false }
        return e > s
    }

    /// Exactly three digits, optionally followed by a decimal part: "000", "000,00".
    static func isThousandsGroup(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 3, allDigits(b, s, s + 3) else { return false }
        if e - s == 3 { return true }
        guard b[s + 3] == UInt8(ascii: ","), e - s >= 5 else { return false }
        return allDigits(b, s + 4, e)
    }

    /// One space, no-break space (C2 A0) or narrow no-break space (E2 80 AF) between digit groups.
    static func isThousandsSpace(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        guard seg.status == 0 else { return false }
        let len = seg.end - seg.start
        if len == 1 { return b[seg.start] == 0x20 }
        if len == 2 { return b[seg.start] == 0xC2 && b[seg.start + 1] == 0xA0 }
        if len == 3 { return b[seg.start] == 0xE2 && b[seg.start + 1] == 0x80 && b[seg.start + 2] == 0xAF }
        return false
    }

    /// Whitespace holding a newline (spaces around it allowed).
    static func isLineBreak(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        guard seg.status == 0 else { return false }
        var newline = false
        for k in seg.start..<seg.end {
            let c = b[k]
            if c == 0x0A { newline = true } else if c != 0x20 && c != 0x0D && c != 0x09 { return false }
        }
        return newline
    }

    static func isSingleSpace(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        seg.status == 0 && seg.end - seg.start == 1 && b[seg.start] == 0x20
    }

    static func isDot(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        seg.status == 0 && seg.end - seg.start == 1 && b[seg.start] == UInt8(ascii: ".")
    }

    /// "-" or the Unicode hyphens U+2010/U+2011 (not en/em dashes, which mark ranges: "Łódź–Kraków").
    static func isHyphen(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        guard seg.status == 0 else { return false }
        let len = seg.end - seg.start
        if len == 1 { return b[seg.start] == UInt8(ascii: "-") }
        if len == 3 { return b[seg.start] == 0xE2 && b[seg.start + 1] == 0x80 && (b[seg.start + 2] == 0x90 || b[seg.start + 2] == 0x91) }
        return false
    }

    /// Lower-cased text of a short segment (abbreviations are at most 6 bytes), or nil when longer.
    static func lowercasedKey(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String? {
        guard e - s <= 6 else { return nil }
        return TextNormalizer.normalize(String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self))
    }
}
