/// ICU's word segmentation (UAX #29 as ICU 72 implements it for locale "pl") for text made only of the characters
/// Polish civic texts are mostly made of; around any other character ICU itself is asked.
///
/// Why: ICU's rule-based iterator costs about 1,300 instructions a token, more than the rest of a warm analysis
/// (the per-form cache, the repairs, the context stage) together. On these characters the rules reduce to a few
/// local comparisons, so the same segments (boundaries and rule status) come out of one byte scan.
///
/// Covered (`scalarClass`): printable ASCII except "_" and "@" (ICU joins them in ways of their own), tab, CR, LF;
/// the Latin letters U+00C0–U+024F; and the punctuation U+00A0 U+00A7 U+00AB U+00B0 U+00BB × ÷ – — ‘ ’ “ ” „ ….
/// Colon is not MidLetter in ICU's root rules. A segment's status is ICU's: 200 when it ends in a letter, 100 when
/// it ends in a digit, else 0. `PlainWordBreakTests` compare with ICU exhaustively on short strings and on real text.
enum PlainWordBreak {
    /// Word_Break classes of the covered scalars.
    enum Class: UInt8 {
        case other = 0, letter, numeric, midNumLet, singleQuote, midNum, space, lf, cr
    }

    /// Appends the segments of `bytes[from..<to]` to `segs`, asking `icu` for the pieces around characters outside
    /// the covered set. A piece handed to ICU runs from a safe split before such a character to one after it
    /// (`isSafeSplit`): ICU's forward iteration starts afresh at every boundary, so cutting the text at a boundary
    /// every segmentation has changes none of its segments.
    static func segments(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, scratch: inout PlainWordBreakScratch,
                         into segs: inout [RawSegment], icu: (Int, Int, inout [RawSegment]) -> Void) {
        var start = from
        while start < to {
            guard let bad = segments(bytes, from: start, to: to, classes: &scratch.classes, starts: &scratch.starts,
                                     into: &segs) else { return }
            var before = bad
            while before > start && !isSafeSplit(bytes, before) { before -= 1 }
            var after = bad + 1
            while after < to && !isSafeSplit(bytes, after) { after += 1 }
            if before > start {
                _ = segments(bytes, from: start, to: before, classes: &scratch.classes, starts: &scratch.starts, into: &segs)
            }
            icu(before, after, &segs)
            start = after
        }
    }

    /// A boundary under any segmentation: after a line feed, or between a space and a printable ASCII character
    /// other than a space (no rule joins those, and neither is Extend or Format).
    @inline(__always)
    static func isSafeSplit(_ b: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        b[p - 1] == 0x0A || (b[p - 1] == 0x20 && b[p] > 0x20 && b[p] < 0x7F)
    }

    /// Appends the segments of `bytes[from..<to]` to `segs` and returns nil, or returns the offset of the first
    /// character outside the covered set (appending nothing). `classes` and `starts` are scratch, reused (grown
    /// once, written through pointers: no per-character appends).
    static func segments(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                         classes: inout [UInt8], starts: inout [Int32], into segs: inout [RawSegment]) -> Int? {
        let capacity = to - from + 1
        if classes.count < capacity { classes = [UInt8](repeating: 0, count: capacity) }
        if starts.count < capacity { starts = [Int32](repeating: 0, count: capacity) }
        return asciiClasses.withUnsafeBufferPointer { table in
        classes.withUnsafeMutableBufferPointer { c in
        starts.withUnsafeMutableBufferPointer { st -> Int? in
            // 1. The class of every scalar, and where it starts.
            var n = 0, i = from
            while i < to {
                let lead = bytes[i]
                var cls = uncovered, len = 1
                if lead < 0x80 {
                    cls = table[Int(lead)]
                } else if lead < 0xE0 {
                    len = 2
                    if i + 2 <= to { cls = twoByteClass(Int(lead & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)) }
                } else if lead < 0xF0 {
                    len = 3
                    if i + 3 <= to {
                        cls = threeByteClass(Int(lead & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F))
                    }
                }
                if cls == uncovered { return i }
                c[n] = cls
                st[n] = Int32(truncatingIfNeeded: i)
                n += 1
                i += len
            }
            guard n > 0 else { return nil }
            st[n] = Int32(truncatingIfNeeded: to)
            // 2. The boundaries, and each segment's status from its last scalar.
            let cb = UnsafeBufferPointer(c)
            var segStart = 0, k = 1
            while k < n {
                if breaks(cb, k, n) {
                    segs.append(RawSegment(start: Int(st[segStart]), end: Int(st[k]), status: status(c[k - 1])))
                    segStart = k
                }
                k += 1
            }
            segs.append(RawSegment(start: Int(st[segStart]), end: to, status: status(c[n - 1])))
            return nil
        } } }
    }

    /// UAX #29 rules WB3–WB12 and WB999 between scalars k−1 and k (no Extend/Format scalar is covered, so WB4
    /// never applies; no Hebrew, Katakana or ExtendNumLet, so WB7a–c, WB13* neither).
    @inline(__always)
    static func breaks(_ c: UnsafeBufferPointer<UInt8>, _ k: Int, _ n: Int) -> Bool {
        let a = c[k - 1], b = c[k]
        let letter = Class.letter.rawValue, numeric = Class.numeric.rawValue
        let lf = Class.lf.rawValue, cr = Class.cr.rawValue
        let aWordish = a == letter || a == numeric, bWordish = b == letter || b == numeric
        if aWordish && bWordish { return false }                                 // WB5, WB8, WB9, WB10
        if a == cr && b == lf { return false }                                   // WB3
        if a == cr || a == lf || b == cr || b == lf { return true }              // WB3a, WB3b
        if a == Class.space.rawValue && b == Class.space.rawValue { return false }  // WB3d
        if a == letter && isMidLetterOrQuote(b) { return !(k + 1 < n && c[k + 1] == letter) }            // WB6
        if b == letter && isMidLetterOrQuote(a) { return !(k >= 2 && c[k - 2] == letter) }               // WB7
        if a == numeric && isMidNumOrQuote(b) { return !(k + 1 < n && c[k + 1] == numeric) }             // WB12
        if b == numeric && isMidNumOrQuote(a) { return !(k >= 2 && c[k - 2] == numeric) }                // WB11
        return true                                                              // WB999
    }

    @inline(__always) static func isMidLetterOrQuote(_ x: UInt8) -> Bool {
        x == Class.midNumLet.rawValue || x == Class.singleQuote.rawValue
    }
    @inline(__always) static func isMidNumOrQuote(_ x: UInt8) -> Bool {
        x == Class.midNumLet.rawValue || x == Class.singleQuote.rawValue || x == Class.midNum.rawValue
    }

    /// ICU's rule status of a segment, from the class of its last scalar.
    @inline(__always)
    static func status(_ last: UInt8) -> Int32 {
        last == Class.letter.rawValue ? 200 : last == Class.numeric.rawValue ? 100 : 0
    }

    /// Marks a scalar outside the covered set.
    static let uncovered: UInt8 = 255

    /// `asciiClass` of each byte below 0x80 (`uncovered` for nil), read through a pointer in the scan.
    static let asciiClasses: [UInt8] = (0..<128).map { asciiClass(UInt8($0))?.rawValue ?? uncovered }

    static func asciiClass(_ b: UInt8) -> Class? {
        switch b {
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x30...0x39: return .numeric
        case 0x2E: return .midNumLet
        case 0x27: return .singleQuote
        case 0x2C, 0x3B: return .midNum
        case 0x20: return .space
        case 0x0A: return .lf
        case 0x0D: return .cr
        case 0x5F, 0x40: return nil  // "_" ExtendNumLet, "@" a letter to ICU: not modelled
        case 0x09, 0x21...0x7E: return .other
        default: return nil
        }
    }

    @inline(__always)
    static func twoByteClass(_ v: Int) -> UInt8 {
        switch v {
        case 0xD7, 0xF7, 0xA0, 0xA7, 0xAB, 0xB0, 0xBB: return Class.other.rawValue
        case 0xC0...0x24F: return Class.letter.rawValue
        default: return uncovered
        }
    }

    @inline(__always)
    static func threeByteClass(_ v: Int) -> UInt8 {
        switch v {
        case 0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2026: return Class.other.rawValue
        case 0x2018, 0x2019: return Class.midNumLet.rawValue
        default: return uncovered
        }
    }
}
