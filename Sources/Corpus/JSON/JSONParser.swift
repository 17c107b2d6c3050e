/// A strict JSON parser over UTF-8 bytes. It keeps what a round trip needs and `JSONSerialization` loses:
/// object keys in source order (duplicates too, so the caller can report them) and numbers as written.
/// Errors carry the byte column, so a corpus reader can name the line and the place.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based byte column in the parsed text.
    public var column: Int
    public var message: String
    /// True when the text ended before the value did (a truncated line).
    public var truncated: Bool
    public var description: String { tr("kolumna", "column") + " \(column): \(message)" }
}

enum JSONParser {
    /// Parses exactly one JSON value; only whitespace may follow it. `utf8Checked`: the caller has checked that
    /// all of `b` is UTF-8, so strings are not validated again (a tenth of `tag`'s parsing).
    static func parse(_ b: UnsafeBufferPointer<UInt8>, utf8Checked: Bool = false) throws -> JSONValue {
        var p = Cursor(b: b, i: 0, utf8Checked: utf8Checked)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i < b.count { throw p.error(tr("nadmiarowy tekst po zakończeniu rekordu", "extra text after the end of the record")) }
        return v
    }

    struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int
        /// All of `b` is known to be UTF-8.
        var utf8Checked = false

        func error(_ m: String, truncated: Bool = false) -> JSONSyntaxError {
            JSONSyntaxError(column: i + 1, message: m, truncated: truncated)
        }
        func eof(_ what: String) -> JSONSyntaxError {
            JSONSyntaxError(column: i + 1, message: tr("rekord urwany: brak \(what) (niekompletna linia)", "record cut off: missing \(what) (incomplete line)"), truncated: true)
        }

        mutating func skipSpace() {
            while i < b.count {
                let c = b[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 } else { break }
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 512 else { throw error(tr("zbyt głębokie zagnieżdżenie", "nested too deeply")) }
            guard i < b.count else { throw eof(tr("wartości", "a value")) }
            switch b[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error(tr("nieoczekiwany znak „\(Self.show(b[i]))”", "unexpected character \"\(Self.show(b[i]))\""))
            }
        }

        static func show(_ c: UInt8) -> String {
            c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : "0x" + String(c, radix: 16)
        }

        mutating func literal(_ word: StaticString) throws {
            let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for c in w {
                guard i < b.count else { throw eof(tr("końca słowa \(word)", "the end of the word \(word)")) }
                guard b[i] == c else { throw error(tr("nieznane słowo (oczekiwano \(word))", "unknown word (expected \(word))")) }
                i += 1
            }
        }

        mutating func object(depth: Int) throws -> JSONValue {
            i += 1
            var fields: [(String, JSONValue)] = []
            skipSpace()
            guard i < b.count else { throw eof(tr("„}”", "\"}\"")) }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            while true {
                skipSpace()
                guard i < b.count else { throw eof(tr("nazwy pola", "a field name")) }
                guard b[i] == UInt8(ascii: "\"") else { throw error(tr("oczekiwano nazwy pola w cudzysłowie", "expected a field name in quotes")) }
                let key = try string()
                skipSpace()
                guard i < b.count else { throw eof(tr("„:”", "\":\"")) }
                guard b[i] == UInt8(ascii: ":") else { throw error(tr("oczekiwano „:” po nazwie pola „\(key)”", "expected \":\" after the field name \"\(key)\"")) }
                i += 1
                skipSpace()
                fields.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard i < b.count else { throw eof(tr("„}”", "\"}\"")) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                throw error(tr("oczekiwano „,” lub „}”", "expected \",\" or \"}\""))
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            guard i < b.count else { throw eof(tr("„]”", "\"]\"")) }
            if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < b.count else { throw eof(tr("„]”", "\"]\"")) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw error(tr("oczekiwano „,” lub „]”", "expected \",\" or \"]\""))
            }
        }

        /// A JSON number, validated by the grammar and returned as its source text.
        mutating func number() throws -> String {
            let start = i
            if b[i] == UInt8(ascii: "-") { i += 1 }
            func digits(_ c: inout Cursor) -> Int {
                let s = c.i
                while c.i < c.b.count, c.b[c.i] >= 0x30, c.b[c.i] <= 0x39 { c.i += 1 }
                return c.i - s
            }
            guard i < b.count else { throw eof(tr("cyfr liczby", "the digits of a number")) }
            if b[i] == UInt8(ascii: "0") { i += 1 } else if digits(&self) == 0 { throw error(tr("niepoprawna liczba", "invalid number")) }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                guard digits(&self) > 0 else { throw error(tr("niepoprawna liczba: brak cyfr po kropce", "invalid number: no digits after the point")) }
            }
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard digits(&self) > 0 else { throw error(tr("niepoprawna liczba: brak wykładnika", "invalid number: no exponent")) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        }

        /// A string literal; raw UTF-8 is validated, escapes decoded (a lone surrogate is an error, not U+FFFD).
        mutating func string() throws -> String {
            i += 1
            let start = i
            // Fast path: no escapes. Eight bytes at a time while none is a quote, a backslash or below 0x20 (each
            // test exact for "any byte": only presence is asked), noting whether any byte is above 0x7F.
            var high: UInt64 = 0
            if let base = b.baseAddress {
                let ones: UInt64 = 0x0101_0101_0101_0101, top: UInt64 = 0x8080_8080_8080_8080
                let raw = UnsafeRawPointer(base)
                while i + 8 <= b.count {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let q = w ^ (0x22 &* ones), s = w ^ (0x5C &* ones)
                    if ((q &- ones) & ~q | (s &- ones) & ~s | (w &- 0x20 &* ones) & ~w) & top != 0 { break }
                    high |= w
                    i += 8
                }
            }
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    let raw = UnsafeBufferPointer(rebasing: b[start..<i])
                    i += 1
                    // ASCII needs no validation (`utf8` would scan for it again).
                    if high & 0x8080_8080_8080_8080 == 0 { return String(decoding: raw, as: UTF8.self) }
                    return try Self.utf8(raw, at: start, cursor: self)
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 { throw error(tr("znak sterujący w tekście (nowa linia w środku pola?)", "control character in a string (a line break inside a field?)")) }
                high |= UInt64(c)
                i += 1
            }
            guard i < b.count else { throw eof(tr("zamykającego cudzysłowu", "the closing quote")) }
            var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return try out.withUnsafeBufferPointer { try Self.utf8($0, at: start, cursor: self) }
                }
                if c < 0x20 { throw error(tr("znak sterujący w tekście (nowa linia w środku pola?)", "control character in a string (a line break inside a field?)")) }
                if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
                i += 1
                guard i < b.count else { throw eof(tr("znaku po „\\”", "a character after \"\\\"")) }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else {
                            throw error(tr("samotny surogat \\u w tekście", "lone \\u surrogate in a string"))
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw error(tr("niepoprawna para surogatów \\u", "invalid \\u surrogate pair")) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw error(tr("samotny surogat \\u w tekście", "lone \\u surrogate in a string"))
                    }
                    out.append(contentsOf: Array(String(UnicodeScalar(scalar)!).utf8))
                default: throw error(tr("nieznana sekwencja „\\\(Self.show(e))”", "unknown escape \"\\\(Self.show(e))\""))
                }
            }
            throw eof(tr("zamykającego cudzysłowu", "the closing quote"))
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard i < b.count else { throw eof(tr("cyfr szesnastkowych \\u", "the hex digits of \\u")) }
                let c = b[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw error(tr("niepoprawna sekwencja \\u", "invalid \\u escape"))
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        static func utf8(_ raw: UnsafeBufferPointer<UInt8>, at start: Int, cursor: Cursor) throws -> String {
            // ASCII needs no validation; otherwise validate so bad bytes are reported, not replaced (unless the
            // caller has checked the whole text: then decoding replaces nothing).
            // `UTF8Check` judges as `String(validating:)` does, in a fraction of its time (`UTF8CheckTests`).
            if cursor.utf8Checked || UTF8Check.isValid(raw) { return String(decoding: raw, as: UTF8.self) }
            throw JSONSyntaxError(column: start + 1, message: tr("tekst nie jest poprawnym UTF-8", "the text is not valid UTF-8"), truncated: false)
        }
    }
}
