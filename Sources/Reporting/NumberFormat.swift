/// Numbers as a reader of the report's language writes them, without Foundation's locale machinery (whose output
/// varies by platform and ICU version, which would break byte-identical reports).
///
/// Polish: "1 234,5" — digits grouped by three with a NO-BREAK SPACE (U+00A0), as CLDR's Polish locale does, so a
/// number never wraps across lines in a table cell; decimal comma; the grouping starts at four digits, as the issue
/// asks ("1 234,5"). English: "1,234.5". Negative numbers use the minus sign U+2212 in the text of the report.
struct NumberFormat: Sendable {
    let language: ReportLanguage

    init(_ language: ReportLanguage) { self.language = language }

    static let noBreakSpace = "\u{00A0}"
    static let minus = "\u{2212}"

    var groupSeparator: String { language == .pl ? NumberFormat.noBreakSpace : "," }
    var decimalSeparator: String { language == .pl ? "," : "." }

    /// An integer with grouped thousands.
    func integer(_ n: Int) -> String {
        let sign = n < 0 ? NumberFormat.minus : ""
        return sign + group(String(n.magnitude))
    }

    /// A decimal with exactly `digits` fraction digits, rounded half away from zero.
    func decimal(_ x: Double, digits: Int = 1) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        let units = UInt64(scaled)
        let pow = UInt64(scale)
        let whole = units / pow
        let fraction = units % pow
        let sign = x < 0 && units != 0 ? NumberFormat.minus : ""
        var out = sign + group(String(whole))
        if digits > 0 {
            let f = String(fraction)
            out += decimalSeparator + String(repeating: "0", count: digits - f.count) + f
        }
        return out
    }

    /// A share in [0, 1] as a percentage with one decimal ("12,5%"; Polish writes the sign without a space).
    func percent(_ share: Double, digits: Int = 1) -> String {
        decimal(share * 100, digits: digits) + "%"
    }

    /// A change with an explicit sign ("+3", "−2", "0").
    func signedInteger(_ n: Int) -> String {
        n > 0 ? "+" + integer(n) : integer(n)
    }

    /// A change in percentage points with an explicit sign ("+4,1 p.p.", "−0,5 pp").
    func signedPoints(_ points: Double, digits: Int = 1) -> String {
        let body = decimal(points, digits: digits)
        let zero = decimal(0, digits: digits)
        let signed = points > 0 && body != zero ? "+" + body : body
        return signed + NumberFormat.noBreakSpace + (language == .pl ? "p.p." : "pp")
    }

    private func group(_ digits: String) -> String {
        let chars = Array(digits)
        guard chars.count > 3 else { return digits }
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out += groupSeparator }
            out.append(c)
        }
        return out
    }
}

/// Machine-readable numbers for CSV: no grouping, "." as decimal separator, so every spreadsheet and program can
/// parse them whatever the report's language.
enum CSVNumber {
    static func decimal(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        let units = UInt64(scaled)
        let pow = UInt64(scale)
        let f = String(units % pow)
        let sign = x < 0 && units != 0 ? "-" : ""
        return sign + String(units / pow) + "." + String(repeating: "0", count: digits - f.count) + f
    }
}
