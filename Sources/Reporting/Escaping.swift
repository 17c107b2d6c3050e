import Corpus
/// Escaping of untrusted corpus text for each output format. Every string that comes from a corpus, a model or a
/// file name passes through one of these before it is written. Public for the service's pages, which escape with
/// the same rules.
public enum Escape {
    /// Text content and attribute values in HTML and SVG: the five special characters, plus C0 control characters
    /// (other than tab and newline), which are not allowed in HTML, replaced by U+FFFD. Works on UTF-8 bytes: the
    /// report escapes every corpus string, and per-character appends made large reports slow.
    public static func html(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 || (u < 0x20 && u != 0x0A && u != 0x09) || u == 0x7F {
            needs = true; break
        }
        if !needs { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        for u in s.utf8 {
            switch u {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            case 0x0A, 0x09: out.append(u)
            case 0..<0x20, 0x7F: out += [0xEF, 0xBF, 0xBD]
            default: out.append(u)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Inline Markdown (a table cell or a line of text): whitespace collapsed to one line, CommonMark punctuation
    /// that could start markup backslash-escaped, and "<", ">" and "&" written as entities so that raw HTML in the
    /// corpus is shown as text by any renderer.
    static func markdown(_ s: String) -> String {
        let line = oneLine(s)
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + 16)
        for u in line.utf8 {
            switch u {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                out.append(UInt8(ascii: "\\")); out.append(u)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            default: out.append(u)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One CSV text field, RFC 4180. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab
    /// or CR) gets a leading apostrophe (OWASP's advice for CSV built from untrusted input; `CSVFormulaGuard`,
    /// which the project's CSV reader undoes); numbers are never altered.
    static func csvText(_ s: String, delimiter: Character = ",") -> String {
        csvQuoted(CSVFormulaGuard.guarded(s), delimiter: delimiter)
    }

    /// Quoted when it holds the delimiter, a quote, CR or LF (quotes doubled).
    static func csvQuoted(_ v: String, delimiter: Character = ",") -> String {
        let d = delimiter.asciiValue ?? 0x2C
        var needs = false, quotes = false
        // Scanned as a buffer when the string has one (stepping UTF8View indices was most of the CSV files' cost).
        func scan<C: Sequence<UInt8>>(_ bytes: C) {
            for u in bytes where u == d || u == 0x22 || u == 0x0A || u == 0x0D {
                needs = true
                if u == 0x22 { quotes = true; break }
            }
        }
        if v.utf8.withContiguousStorageIfAvailable({ scan($0) }) == nil { scan(v.utf8) }
        if !needs { return v }
        if !quotes { return "\"" + v + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(v.utf8.count + 8)
        for u in v.utf8 { out.append(u); if u == 0x22 { out.append(0x22) } }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whitespace runs (newlines included) collapsed to single spaces, ends trimmed.
    public static func oneLine(_ s: String) -> String {
        if isOneLine(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for c in s.unicodeScalars {
            if c.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " "; pendingSpace = false }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether `s` has nothing for `oneLine` to change, decided on its UTF-8 bytes (the common case, and fast).
    /// Any byte that could start a non-ASCII whitespace character sends the string to the slow path.
    static func isOneLine(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var previousSpace = true  // a leading space is a change
            var i = 0
            let n = b.count
            while i < n {
                let u = b[i]
                if u == 0x20 {
                    if previousSpace { return false }
                    previousSpace = true
                } else {
                    if u < 0x20 || u == 0x7F { return false }
                    previousSpace = false
                    switch u {
                    case 0xC2: // U+0085, U+00A0
                        if i + 1 < n, b[i + 1] == 0x85 || b[i + 1] == 0xA0 { return false }
                    case 0xE1: // U+1680
                        if i + 2 < n, b[i + 1] == 0x9A, b[i + 2] == 0x80 { return false }
                    case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
                        if i + 2 < n, b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF { return false }
                        if i + 2 < n, b[i + 1] == 0x81, b[i + 2] == 0x9F { return false }
                    case 0xE3: // U+3000
                        if i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return false }
                    default: break
                    }
                }
                i += 1
            }
            return n == 0 || b[n - 1] != 0x20
        } ?? false
    }

    /// Whether `s` is empty or only whitespace.
    public static func isBlank(_ s: String) -> Bool {
        for u in s.utf8 where !(u == 0x20 || (0x09...0x0D).contains(u)) {
            return oneLine(s).isEmpty
        }
        return true
    }

    /// `oneLine(s)` cut to at most `limit` characters at a word boundary, with "…" when cut.
    public static func shortened(_ s: String, limit: Int) -> String {
        let line = oneLine(s)
        guard line.utf8.count > limit, line.count > limit else { return line }
        var cut = String(line.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "…"
    }
}
