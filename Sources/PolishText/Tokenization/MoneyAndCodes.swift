/// Two token repairs for real civic text (`TokenRepairs` 4 and 5): amounts of money as one token, and codes such as
/// "SP114" split into their letters and their number.
enum MoneyAndCodes {
    /// Currency words after an amount, lower-cased ASCII-folded bytes compared ("zł" and "zl" both).
    static let currencies: Set<String> = ["zł", "zl", "złotych", "zlotych", "złote", "zlote", "złoty", "zloty", "pln"]
    /// Multipliers between the number and the currency, with or without their dot: "20 tys. zł".
    static let multipliers: Set<String> = ["tys", "mln", "mld", "tysięcy", "tysiecy", "tysiące", "tysiace"]

    /// When the number ending at segment `j` is followed by a currency (after a space, optionally a multiplier
    /// and its dot), the byte end of the amount (the currency's dot included, as in "zł.") and its last segment.
    static func currencyEnd(_ segs: [RawSegment], _ b: UnsafeBufferPointer<UInt8>, after j: Int) -> (Int, Int)? {
        let n = segs.count
        var k = j + 1
        guard k + 1 < n, isSpace(b, segs[k]), segs[k + 1].status >= 200 else { return nil }
        k += 1
        if let w = word(b, segs[k]), multipliers.contains(w) {
            if k + 1 < n, TokenRepairs.isDot(b, segs[k + 1]) { k += 1 }
            guard k + 2 < n, isSpace(b, segs[k + 1]), segs[k + 2].status >= 200 else { return nil }
            k += 2
        }
        guard let w = word(b, segs[k]), currencies.contains(w) else { return nil }
        if k + 1 < n, TokenRepairs.isDot(b, segs[k + 1]) { return (segs[k + 1].end, k + 1) }
        return (segs[k].end, k)
    }

    /// The lower-cased text of a short word segment (currency words are at most 8 letters), else nil.
    static func word(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> String? {
        guard seg.status >= 200, seg.end - seg.start <= 16 else { return nil }
        return TokenRepairs.lowercasedKey(b, seg.start, seg.end) ?? String(decoding: UnsafeBufferPointer(rebasing: b[seg.start..<seg.end]), as: UTF8.self).lowercased()
    }

    /// Spaces (one or more, no line break) or a no-break space between the amount and its currency.
    static func isSpace(_ b: UnsafeBufferPointer<UInt8>, _ seg: RawSegment) -> Bool {
        guard seg.status == 0, seg.end > seg.start, seg.end - seg.start <= 3 else { return false }
        if TokenRepairs.isThousandsSpace(b, seg) { return true }
        for k in seg.start..<seg.end where b[k] != 0x20 { return false }
        return true
    }

    /// "SP114", "ZSP3", "PM12a": 2–5 ASCII capitals, then 1–4 digits and at most one lower-case letter. Returns the
    /// byte where the digits start.
    static func codeSplit(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var k = s
        while k < e && b[k] >= 0x41 && b[k] <= 0x5A { k += 1 }
        let letters = k - s
        guard letters >= 2, letters <= 5 else { return nil }
        let split = k
        while k < e && TokenRepairs.isDigit(b[k]) { k += 1 }
        let digits = k - split
        guard digits >= 1, digits <= 4 else { return nil }
        if k < e && b[k] >= 0x61 && b[k] <= 0x7A { k += 1 }
        return k == e ? split : nil
    }
}
