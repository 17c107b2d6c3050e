/// Meeting dates as Polish documents write them: "W dniu 17 czerwca 2025 r." (month in the genitive),
/// or "17.06.2025".
///
/// A byte scanner rather than `Regex`: Swift's `Regex` with `\b` cost about half of each meeting import (and of each
/// fuzzing execution). The four shapes, tried in this order, the first with a valid day and month winning:
/// 1. "dniu|dnia D miesiąca YYYY"   2. "dniu|dnia D.M.YYYY"   3. "D miesiąca YYYY r"   4. "D.M.YYYY r"
/// (case-insensitive but the "r" of shape 4; D and M one or two ASCII digits not part of a longer number or word;
/// any Unicode white space, such as a no-break space, between parts).
enum PolishDate {
    static let months = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                         "września", "października", "listopada", "grudnia"]

    /// Month names as lower-case scalars, for a comparison without building strings.
    private static let monthScalars: [[Unicode.Scalar]] = months.map { Array($0.unicodeScalars) }

    /// The first date in `text`, preferring one introduced by "w dniu"/"dnia", as ISO "YYYY-MM-DD".
    static func find(in text: String) -> (iso: String, year: Int)? {
        let scalars = Array(text.unicodeScalars)
        // Where a shape can start at all ("d" or a digit), found in one pass; the shapes then try only those.
        var dayWords: [Int] = []
        var digits: [Int] = []
        for (i, c) in scalars.enumerated() {
            if c == "d" || c == "D" { dayWords.append(i) } else if asciiDigit(c) != nil { digits.append(i) }
        }
        for shape in Shape.allCases {
            let starts: [Int]
            switch shape {
            case .dayWordMonthName, .dayWordNumeric: starts = dayWords
            case .monthName, .numeric: starts = digits
            }
            for i in starts {
                if let date = match(shape, in: scalars, at: i) { return format(date) }
            }
        }
        return nil
    }

    private enum Shape: CaseIterable { case dayWordMonthName, dayWordNumeric, monthName, numeric }

    private struct Found { var day: Int, month: Int, year: Int }

    private static func format(_ d: Found) -> (iso: String, year: Int) {
        let iso = String(d.year) + "-" + (d.month < 10 ? "0" : "") + String(d.month)
            + "-" + (d.day < 10 ? "0" : "") + String(d.day)
        return (iso, d.year)
    }

    /// A date of `shape` starting exactly at `start`, or nil.
    private static func match(_ shape: Shape, in s: [Unicode.Scalar], at start: Int) -> Found? {
        // The first scalar is cheap to test; the word-boundary test needs Unicode properties.
        switch shape {
        case .dayWordMonthName, .dayWordNumeric: guard lower(s[start]) == "d" else { return nil }
        case .monthName, .numeric: guard asciiDigit(s[start]) != nil else { return nil }
        }
        guard startsWord(s, at: start) else { return nil }
        var i = start
        switch shape {
        case .dayWordMonthName, .dayWordNumeric:
            guard i + 4 <= s.count, lower(s[i]) == "d", lower(s[i + 1]) == "n", lower(s[i + 2]) == "i",
                  lower(s[i + 3]) == "u" || lower(s[i + 3]) == "a" else { return nil }
            i += 4
            guard skipSpace(s, &i, required: true) else { return nil }
        case .monthName, .numeric:
            break
        }
        guard let day = number(s, &i, digits: 1...2) else { return nil }
        let month: Int
        let year: Int
        switch shape {
        case .dayWordMonthName, .monthName:
            guard skipSpace(s, &i, required: true), let m = monthName(s, &i),
                  skipSpace(s, &i, required: true), let y = number(s, &i, digits: 4...4, wholeRun: false) else { return nil }
            month = m; year = y
        case .dayWordNumeric, .numeric:
            guard i < s.count, s[i] == "." else { return nil }
            i += 1
            guard let m = number(s, &i, digits: 1...2), i < s.count, s[i] == "." else { return nil }
            i += 1
            guard let y = number(s, &i, digits: 4...4, wholeRun: false) else { return nil }
            month = m; year = y
        }
        switch shape {
        case .monthName:
            _ = skipSpace(s, &i, required: false)
            guard i < s.count, lower(s[i]) == "r" else { return nil }
        case .numeric:
            _ = skipSpace(s, &i, required: false)
            guard i < s.count, s[i] == "r" else { return nil }
        case .dayWordMonthName, .dayWordNumeric:
            break
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Found(day: day, month: month, year: year)
    }

    /// True where a word may start: at the beginning, or after a scalar that is not a letter, digit or underscore.
    private static func startsWord(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = s[i - 1]
        return !(p == "_" || p.properties.isAlphabetic || p.properties.numericType != nil)
    }

    /// ASCII digits at `i`: `digits` of them. With `wholeRun` the run of digits must end there (so "123" is not a
    /// two-digit day); without it (the year) further digits may follow, as in the regular expression it replaces.
    private static func number(_ s: [Unicode.Scalar], _ i: inout Int, digits: ClosedRange<Int>,
                               wholeRun: Bool = true) -> Int? {
        var value = 0
        var n = 0
        var j = i
        while j < s.count, n < digits.upperBound, let d = asciiDigit(s[j]) {
            value = value * 10 + d
            n += 1
            j += 1
        }
        guard digits.contains(n) else { return nil }
        if wholeRun, j < s.count, asciiDigit(s[j]) != nil { return nil }
        i = j
        return value
    }

    private static func asciiDigit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 48 && c.value <= 57 ? Int(c.value - 48) : nil
    }

    /// Skips white space; false if `required` and there was none.
    private static func skipSpace(_ s: [Unicode.Scalar], _ i: inout Int, required: Bool) -> Bool {
        let start = i
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        return !required || i > start
    }

    /// A month's genitive name at `i` (any case), as 1…12.
    private static func monthName(_ s: [Unicode.Scalar], _ i: inout Int) -> Int? {
        for (m, name) in monthScalars.enumerated() where i + name.count <= s.count {
            var k = 0
            while k < name.count, lower(s[i + k]) == name[k] { k += 1 }
            if k == name.count { i += k; return m + 1 }
        }
        return nil
    }

    /// Lower case of one scalar (ASCII directly; others by their one-scalar lower-case mapping).
    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII {
            return c.value >= 65 && c.value <= 90 ? Unicode.Scalar(UInt8(c.value + 32)) : c
        }
        let mapped = c.properties.lowercaseMapping.unicodeScalars
        if mapped.count == 1, let only = mapped.first { return only }
        return c
    }
}
