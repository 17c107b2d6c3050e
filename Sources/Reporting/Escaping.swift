/// Escaping of untrusted corpus text for each output format. Every string that comes from a corpus, a model or a
/// file name passes through one of these before it is written.
public enum Escape {
    /// Text content and attribute values in HTML and SVG: the five special characters, plus C0 control characters
    /// (other than tab and newline), which are not allowed in HTML, replaced by U+FFFD.
    public static func html(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 || (u < 0x20 && u != 0x0A && u != 0x09) || u == 0x7F {
            needs = true; break
        }
        if !needs { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if (c.value < 0x20 && c != "\n" && c != "\t") || c.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Inline Markdown (a table cell or a line of text): whitespace collapsed to one line, CommonMark punctuation
    /// that could start markup backslash-escaped, and "<", ">" and "&" written as entities so that raw HTML in the
    /// corpus is shown as text by any renderer.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in oneLine(s).unicodeScalars {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}": out += "\\"; out.unicodeScalars.append(c)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// One CSV text field, RFC 4180. Text that a spreadsheet would run as a formula (starting with =, +, -, @)
    /// gets a leading apostrophe (OWASP's advice for CSV built from untrusted input); numbers are never altered.
    public static func csvText(_ s: String) -> String {
        var v = s
        if let f = v.unicodeScalars.first, f == "=" || f == "+" || f == "-" || f == "@" { v = "'" + v }
        return csvQuoted(v)
    }

    /// Quoted when it holds a comma, quote, CR or LF (quotes doubled).
    static func csvQuoted(_ v: String) -> String {
        var needs = false
        for u in v.utf8 where u == 0x2C || u == 0x22 || u == 0x0A || u == 0x0D { needs = true; break }
        if !needs { return v }
        var out = "\""
        for c in v.unicodeScalars {
            if c == "\"" { out += "\"\"" } else { out.unicodeScalars.append(c) }
        }
        return out + "\""
    }

    /// Whitespace runs (newlines included) collapsed to single spaces, ends trimmed.
    public static func oneLine(_ s: String) -> String {
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

    /// `oneLine(s)` cut to at most `limit` characters at a word boundary, with "…" when cut.
    public static func shortened(_ s: String, limit: Int) -> String {
        let line = oneLine(s)
        guard line.count > limit else { return line }
        var cut = String(line.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == " " { cut.removeLast() }
        return cut + "…"
    }
}
