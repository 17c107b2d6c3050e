/// The compact spelling of a JSON text that `JSONParser` accepted, written straight from its bytes: what
/// `JSONWriter` writes for the parsed value (no spaces, numbers and literals as written, UTF-8 as is, the project's
/// one escaping), without the value. Why: `postulaty tag` writes every input line back with its fields; parsing the
/// values and writing them again cost it as much as the parse.
///
/// A string without a backslash is copied as it is (the parser has checked it holds no control character and is
/// UTF-8, so `JSONBytes.escaped` would copy it unchanged); one with escapes is decoded by the parser's own string
/// reader and escaped again.
enum JSONCompact {
    /// Appends the compact spelling of the JSON object `b` (which the parser accepted) to `out`, leaving out its
    /// top-level fields whose names `drop` accepts. Returns false (and leaves `out` as it may be) when `b` is not
    /// an object the parser would accept.
    /// `drop` gets a name's UTF-8 bytes (decoded when it has escapes).
    static func appendObject(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8],
                             drop: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        let i = skip(b, 0)
        guard i < b.count, b[i] == UInt8(ascii: "{") else { return false }
        return container(b, i, to: &out, names: true, drop: drop) != nil
    }

    @inline(__always)
    private static func skip(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        return i
    }

    /// Writes the object or array at `start` (its bracket), without the members whose names `drop` accepts (when
    /// `names`: the top-level object's); returns the index after its closing bracket.
    private static func container(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, to out: inout [UInt8], names: Bool,
                                  drop: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
        let isObject = b[start] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        out.append(b[start])
        var i = skip(b, start + 1)
        var first = true
        while i < b.count && b[i] != close {
            if b[i] == UInt8(ascii: ",") { i = skip(b, i + 1); continue }
            let mark = out.count
            if !first { out.append(UInt8(ascii: ",")) }
            var dropped = false
            if isObject {
                guard let keyEnd = string(b, i, to: &out) else { return nil }
                if names {
                    guard let d = withName(b, i, keyEnd, drop) else { return nil }
                    dropped = d
                }
                i = skip(b, keyEnd)
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                out.append(UInt8(ascii: ":"))
                i = skip(b, i + 1)
            }
            guard let end = value(b, i, to: &out, drop: drop) else { return nil }
            i = skip(b, end)
            if dropped { out.removeSubrange(mark...) } else { first = false }
        }
        guard i < b.count else { return nil }
        out.append(close)
        return i + 1
    }

    /// `body` of the decoded bytes of the string at `start` ending before `end`: its own bytes unless it has
    /// escapes (no String is made for a plain name).
    private static func withName<R>(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let raw = UnsafeBufferPointer(rebasing: b[(start + 1)..<(end - 1)])
        if !raw.contains(UInt8(ascii: "\\")) { return body(raw) }
        var c = JSONParser.Cursor(b: b, i: start)
        guard var name = try? c.string() else { return nil }
        return name.withUTF8 { body($0) }
    }

    /// Writes the value at `start`; returns the index after it. (`drop` is only passed on, never asked.)
    private static func value(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, to out: inout [UInt8],
                              drop: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
        guard start < b.count else { return nil }
        switch b[start] {
        case UInt8(ascii: "\""):
            return string(b, start, to: &out)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return container(b, start, to: &out, names: false, drop: drop)
        default:
            // A number or a literal, as written: up to the next delimiter.
            var i = start
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x09
                    || c == 0x0A || c == 0x0D { break }
                i += 1
            }
            guard i > start else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
            return i
        }
    }

    /// Writes the string at `start` (its quote); returns the index after its closing quote.
    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, to out: inout [UInt8]) -> Int? {
        guard start < b.count, b[start] == UInt8(ascii: "\"") else { return nil }
        var i = start + 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start...i]))
                return i + 1
            }
            if c == UInt8(ascii: "\\") { break }
            i += 1
        }
        // Escapes: the parser's reading, then the project's escaping.
        var c = JSONParser.Cursor(b: b, i: start)
        guard let s = try? c.string() else { return nil }
        JSONBytes.string(s, to: &out)
        return c.i
    }
}
