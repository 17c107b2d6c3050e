/// Finds web addresses and e-mail addresses before ICU sees the text: ICU splits "https://co.krakow.pl/" at the
/// colon and slashes and "www.ngo.pl/wiadomosci?id=5" at every separator. A span starts at "http://", "https://"
/// or "www." at a word start (or an e-mail's local part) and runs to the next space; trailing punctuation that
/// ends a sentence or closes a bracket is left out.
enum URLScanner {
    struct Span { var start: Int; var end: Int; var kind: TokenKind }

    static func spans(in b: UnsafeBufferPointer<UInt8>) -> [Span] {
        var result: [Span] = []
        let n = b.count
        // Fast reject: an address needs "://", "www." or "@"; most texts have none.
        guard n > 0, mayHoldAddress(b) else { return result }
        var i = 0
        while i < n {
            let c = b[i]
            let atWordStart = i == 0 || isBoundary(b[i - 1])
            if atWordStart && (c == UInt8(ascii: "h") || c == UInt8(ascii: "H") || c == UInt8(ascii: "w") || c == UInt8(ascii: "W")) {
                if hasPrefix(b, i, "https://") || hasPrefix(b, i, "http://") || hasPrefix(b, i, "www.") {
                    let end = trimmedEnd(b, from: i)
                    if end > i + 4 { result.append(Span(start: i, end: end, kind: .url)); i = end; continue }
                }
            }
            if c == UInt8(ascii: "@"), i > 0, let span = email(b, at: i) {
                // Drop a URL span that would overlap (cannot happen: URLs consume to a space) and add.
                if let last = result.last, last.end > span.start { i += 1; continue }
                result.append(span); i = span.end; continue
            }
            i += 1
        }
        return result
    }

    /// True when `b` contains ':' , '@' or a 'w'/'W' followed by "ww." (case-insensitively); a cheap pre-check.
    static func mayHoldAddress(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x3A || c == 0x40 { return true }
            if c | 0x20 == 0x77, i + 3 < n, b[i + 1] | 0x20 == 0x77, b[i + 2] | 0x20 == 0x77, b[i + 3] == 0x2E { return true }
            i += 1
        }
        return false
    }

    static func isBoundary(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == UInt8(ascii: "(") || c == UInt8(ascii: "[")
            || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "<") || c == UInt8(ascii: ":")
            || c == UInt8(ascii: ";") || c == UInt8(ascii: ",") || c == 0x9E /* last byte of „ */ || c == 0x9C
    }

    static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ p: StaticString) -> Bool {
        let len = p.utf8CodeUnitCount
        guard i + len <= b.count else { return false }
        let pp = p.utf8Start
        for k in 0..<len {
            var c = b[i + k]
            if c >= 0x41 && c <= 0x5A { c += 32 }
            if c != pp[k] { return false }
        }
        return true
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    /// End of an address starting at `i`: the next whitespace (or `<`, `"`, or a closing quote), minus trailing
    /// punctuation and an unbalanced closing bracket.
    static func trimmedEnd(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var e = i
        while e < b.count, !isSpace(b[e]), b[e] != UInt8(ascii: "<"), b[e] != UInt8(ascii: "\"") {
            // Stop before typographic quotes ” (E2 80 9D) and „ (E2 80 9E) and a no-break space (C2 A0).
            if b[e] == 0xE2, e + 2 < b.count, b[e + 1] == 0x80, b[e + 2] == 0x9D || b[e + 2] == 0x9E || b[e + 2] == 0x99 { break }
            if b[e] == 0xC2, e + 1 < b.count, b[e + 1] == 0xA0 { break }
            e += 1
        }
        var opens = 0, closes = 0
        for k in i..<e { if b[k] == UInt8(ascii: "(") { opens += 1 } else if b[k] == UInt8(ascii: ")") { closes += 1 } }
        while e > i {
            let c = b[e - 1]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: ",") || c == UInt8(ascii: ";") || c == UInt8(ascii: ":")
                || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "'") {
                e -= 1
            } else if c == UInt8(ascii: ")") && closes > opens {
                e -= 1; closes -= 1
            } else { break }
        }
        return e
    }

    static func isEmailLocal(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
    }

    static func email(_ b: UnsafeBufferPointer<UInt8>, at position: Int) -> Span? {
        var s = position
        while s > 0, isEmailLocal(b[s - 1]) { s -= 1 }
        while s < position, b[s] == UInt8(ascii: ".") { s += 1 }
        guard s < position else { return nil }
        var e = position + 1
        var dots = 0
        while e < b.count, isEmailLocal(b[e]) { if b[e] == UInt8(ascii: ".") { dots += 1 }; e += 1 }
        while e > position + 1, b[e - 1] == UInt8(ascii: ".") || b[e - 1] == UInt8(ascii: "-") { e -= 1; dots -= 1 }
        guard dots >= 1, e > position + 3 else { return nil }
        return Span(start: s, end: e, kind: .email)
    }
}
