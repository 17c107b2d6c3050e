/// One pass over a JSONL line for `postulaty tag`: checks it as `JSONParser.parse(_:utf8Checked: true)` does,
/// writes its compact spelling (what `JSONCompact.appendObject` writes, i.e. what `JSONWriter` writes for the parsed
/// value) and finds its top-level fields' byte ranges — without building a value or a String per field.
///
/// Why: `tag` reads two fields of a record (the model's) and writes the rest back as they came; parsing every field
/// into a `JSONValue` and then scanning the line again to write it cost it a fifth of its time. With the ranges the
/// caller parses only the values it reads (`JSONParser.Cursor` on the value's range: the same values).
///
/// It accepts exactly what the parser accepts when the text is an object (same grammar, same depth limit); it
/// answers false for anything else — a syntax error, or a value that is not an object — and the caller then runs
/// the parser, whose error message it reports. `JSONLineScanTests` compare both on authored, random and broken lines.
enum JSONLineScan {
    /// A top-level field: where its name and value are in the line, and where it is in the compact spelling.
    struct Field: Equatable, Sendable {
        /// The name's bytes between its quotes (escapes not decoded).
        var name: Range<Int>
        /// The name holds a backslash: decode it (`JSONParser.Cursor.string`) before comparing it.
        var nameEscaped: Bool
        /// The value's bytes, from its first byte to after its last.
        var value: Range<Int>
        /// The field in the compact spelling: `"name":value`, without the comma before it.
        var compact: Range<Int>
    }

    /// Checks the object `b` (UTF-8, as the caller has checked) and appends its compact spelling to `out` and its
    /// top-level fields to `fields`. Returns false — `out` and `fields` then hold a part — when the parser would
    /// reject `b` or `b` is not an object.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], fields: inout [Field]) -> Bool {
        guard let base = b.baseAddress, b.count > 0 else { return false }
        var s = Scanner(p: base, n: b.count, i: 0, fields: [])
        swap(&s.fields, &fields)
        defer { swap(&s.fields, &fields) }
        s.skipSpace()
        guard s.i < s.n, s.p[s.i] == UInt8(ascii: "{") else { return false }
        guard s.object(depth: 0, top: true, to: &out) else { return false }
        s.skipSpace()
        return s.i == s.n
    }

    struct Scanner {
        let p: UnsafePointer<UInt8>
        let n: Int
        var i: Int
        /// The top-level object's members, as they are read.
        var fields: [Field]

        @inline(__always)
        mutating func skipSpace() {
            while i < n {
                let c = p[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 } else { break }
            }
        }

        /// The value at `i` (after spaces), as `JSONParser.Cursor.value(depth:)` reads it.
        mutating func value(depth: Int, to out: inout [UInt8]) -> Bool {
            guard depth < 512, i < n else { return false }
            switch p[i] {
            case UInt8(ascii: "{"): return object(depth: depth, top: false, to: &out)
            case UInt8(ascii: "["): return array(depth: depth, to: &out)
            case UInt8(ascii: "\""): return string(to: &out)
            case UInt8(ascii: "t"): return literal(0x65_75_72_74, 4, to: &out)       // "true", little-endian
            case UInt8(ascii: "f"): return literal5(to: &out)
            case UInt8(ascii: "n"): return literal(0x6C_6C_75_6E, 4, to: &out)       // "null"
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number(to: &out)
            default: return false
            }
        }

        /// "true" or "null": `word` is its four bytes read as a little-endian UInt32.
        @inline(__always)
        mutating func literal(_ word: UInt32, _ length: Int, to out: inout [UInt8]) -> Bool {
            guard i + 4 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: word) else { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: 4))
            i += 4
            return true
        }

        @inline(__always)
        mutating func literal5(to out: inout [UInt8]) -> Bool {
            // "false"
            guard i + 5 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x73_6C_61_66),
                  p[i + 4] == UInt8(ascii: "e") else { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: p + i, count: 5))
            i += 5
            return true
        }

        /// An object at `i` (its brace); the `top` one's members go to `fields`.
        mutating func object(depth: Int, top: Bool, to out: inout [UInt8]) -> Bool {
            i += 1
            out.append(UInt8(ascii: "{"))
            skipSpace()
            guard i < n else { return false }
            if p[i] == UInt8(ascii: "}") { i += 1; out.append(UInt8(ascii: "}")); return true }
            var first = true
            while true {
                skipSpace()
                guard i < n, p[i] == UInt8(ascii: "\"") else { return false }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                let compactStart = out.count
                let nameStart = i + 1
                guard let escaped = stringReportingEscapes(to: &out) else { return false }
                let nameEnd = i - 1
                skipSpace()
                guard i < n, p[i] == UInt8(ascii: ":") else { return false }
                i += 1
                out.append(UInt8(ascii: ":"))
                skipSpace()
                let valueStart = i
                guard value(depth: depth + 1, to: &out) else { return false }
                if top {
                    fields.append(Field(name: nameStart..<nameEnd, nameEscaped: escaped, value: valueStart..<i,
                                        compact: compactStart..<out.count))
                }
                skipSpace()
                guard i < n else { return false }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; out.append(UInt8(ascii: "}")); return true }
                return false
            }
        }

        mutating func array(depth: Int, to out: inout [UInt8]) -> Bool {
            i += 1
            out.append(UInt8(ascii: "["))
            skipSpace()
            guard i < n else { return false }
            if p[i] == UInt8(ascii: "]") { i += 1; out.append(UInt8(ascii: "]")); return true }
            var first = true
            while true {
                skipSpace()
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                guard value(depth: depth + 1, to: &out) else { return false }
                skipSpace()
                guard i < n else { return false }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "]") { i += 1; out.append(UInt8(ascii: "]")); return true }
                return false
            }
        }

        /// A number as the parser's grammar reads it, copied as written.
        mutating func number(to out: inout [UInt8]) -> Bool {
            let start = i
            if p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n else { return false }
            if p[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
            if i < n, p[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { return false }
            }
            if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
                i += 1
                if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { return false }
            }
            out.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
            return true
        }

        @inline(__always)
        mutating func digits() -> Int {
            let s = i
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            return i - s
        }

        mutating func string(to out: inout [UInt8]) -> Bool {
            stringReportingEscapes(to: &out) != nil
        }

        /// The string at `i` (its quote), written as `JSONCompact` writes it: copied when it has no backslash, else
        /// decoded by the parser's own reader and escaped again by `JSONBytes.string`. Returns whether it had a
        /// backslash, or nil when the parser would reject it (a control character, a bad escape, no closing quote).
        mutating func stringReportingEscapes(to out: inout [UInt8]) -> Bool? {
            let start = i
            i += 1
            // Eight bytes at a time while none is a quote, a backslash or below 0x20 (each test exact for "any
            // byte": the lowest flagged byte is a true one, and only presence is asked).
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            let raw = UnsafeRawPointer(p)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let q = w ^ (0x22 &* ones), s = w ^ (0x5C &* ones)
                let flags = ((q &- ones) & ~q | (s &- ones) & ~s | (w &- 0x20 &* ones) & ~w) & high
                if flags != 0 { break }
                i += 8
            }
            while i < n {
                let c = p[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    out.append(contentsOf: UnsafeBufferPointer(start: p + start, count: i - start))
                    return false
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 { return nil }
                i += 1
            }
            guard i < n else { return nil }
            var c = JSONParser.Cursor(b: UnsafeBufferPointer(start: p, count: n), i: start, utf8Checked: true)
            guard let decoded = try? c.string() else { return nil }
            JSONBytes.string(decoded, to: &out)
            i = c.i
            return true
        }
    }
}
