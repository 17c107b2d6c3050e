/// A JSONL line read straight into a `Postulate`: the typed fields' values become the record's Strings as they are
/// parsed, without the `JSONValue` tree, the list of fields and the field-name Strings that
/// `CorpusReader.fieldsAndRecord` builds first (and `Postulate(jsonObject:)` then reads again).
///
/// Why: `dedupe`, `index build` and the report read whole corpora and keep only the records; on the 22k real titles
/// the general path cost ≈ 16k instructions a record of ≈ 180 bytes, more than a tenth of `dedupe`.
///
/// It answers exactly what the general path answers — the same record — or nil, and the caller then runs the general
/// path (which gives the same record, or the error with its message). Nil for anything it does not model: a line
/// that is not an object, a syntax error, a field name that is not plain ASCII without escapes (a non-ASCII name may
/// equal another under Unicode canonical equivalence, as Swift compares names), a repeated name. Values are read by
/// the parser's own `Cursor` (same grammar, same UTF-8 checks, same numbers as written); only fields the record
/// keeps outside its typed ones (`extra`) become `JSONValue`s. `JSONRecordScanTests` compare both paths.
enum JSONRecordScan {
    static func record(_ b: UnsafeBufferPointer<UInt8>) -> Postulate? {
        var c = JSONParser.Cursor(b: b, i: 0)
        c.skipSpace()
        guard c.i < b.count, b[c.i] == UInt8(ascii: "{") else { return nil }
        c.i += 1
        var p = Postulate(id: "", text: "")
        // The names read so far (where each starts in b, and its length), for the repeated-name check; a record
        // of more fields than this goes to the general path.
        let maxFields = 64
        return withUnsafeTemporaryAllocation(of: (Int, Int).self, capacity: maxFields) { names -> Postulate? in
        var nameCount = 0
        c.skipSpace()
        guard c.i < b.count else { return nil }
        if b[c.i] == UInt8(ascii: "}") {
            c.i += 1
        } else {
            while true {
                c.skipSpace()
                guard c.i < b.count, b[c.i] == UInt8(ascii: "\"") else { return nil }
                // The name: printable ASCII up to the closing quote, no backslash.
                let nameStart = c.i + 1
                var k = nameStart
                while k < b.count {
                    let x = b[k]
                    if x == UInt8(ascii: "\"") { break }
                    guard x >= 0x20, x < 0x7F, x != UInt8(ascii: "\\") else { return nil }
                    k += 1
                }
                guard k < b.count else { return nil }
                let name = nameStart..<k
                for x in 0..<nameCount where names[x].1 == name.count && equal(b, names[x].0, name) { return nil }
                guard nameCount < maxFields else { return nil }
                names[nameCount] = (nameStart, name.count)
                nameCount += 1
                c.i = k + 1
                c.skipSpace()
                guard c.i < b.count, b[c.i] == UInt8(ascii: ":") else { return nil }
                c.i += 1
                c.skipSpace()
                guard c.i < b.count else { return nil }
                guard read(field(b, name), name: name, into: &p, cursor: &c) else { return nil }
                c.skipSpace()
                guard c.i < b.count else { return nil }
                if b[c.i] == UInt8(ascii: ",") { c.i += 1; continue }
                if b[c.i] == UInt8(ascii: "}") { c.i += 1; break }
                return nil
            }
        }
        c.skipSpace()
        guard c.i == b.count else { return nil }
        return p
        }
    }

    /// Whether the name starting at `x` has the bytes of `y` (of the same length).
    @inline(__always)
    private static func equal(_ b: UnsafeBufferPointer<UInt8>, _ x: Int, _ y: Range<Int>) -> Bool {
        for k in 0..<y.count where b[x + k] != b[y.lowerBound + k] { return false }
        return true
    }

    /// The typed field an ASCII name stands for (`Postulate.Field(name)`), nil for any other name.
    private static func field(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> Postulate.Field? {
        @inline(__always) func is_(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == name.count else { return false }
            let p = s.utf8Start
            for k in 0..<name.count where b[name.lowerBound + k] != p[k] { return false }
            return true
        }
        switch name.count {
        case 2: return is_("id") ? .id : nil
        case 4: return is_("year") ? .year : is_("text") ? .text : nil
        case 6: return is_("themes") ? .themes : nil
        case 7: return is_("meeting") ? .meeting : nil
        case 8: return is_("response") ? .response : nil
        case 10: return is_("respondent") ? .respondent : nil
        case 12: return is_("organisation") ? .organisation : nil
        case 13: return is_("justification") ? .justification : nil
        default: return nil
        }
    }

    /// Reads the value at the cursor into `p` as `Postulate(jsonObject:)` would; false on a syntax error.
    private static func read(_ field: Postulate.Field?, name: Range<Int>, into p: inout Postulate,
                             cursor c: inout JSONParser.Cursor) -> Bool {
        let b = c.b
        func keepExtra() -> Bool {
            guard let v = try? c.value(depth: 1) else { return false }
            if p.extra.capacity == 0 { p.extra.reserveCapacity(4) }
            p.extra.append((String(decoding: UnsafeBufferPointer(rebasing: b[name]), as: UTF8.self), v))
            return true
        }
        guard let field else { return keepExtra() }
        let first = b[c.i]
        switch field {
        case .meeting, .organisation, .text, .justification, .response, .respondent:
            if first == UInt8(ascii: "\"") {
                guard let s = try? c.string() else { return false }
                p[string: field] = s
                return true
            }
            if first == UInt8(ascii: "n") {
                guard (try? c.literal("null")) != nil else { return false }
                return true
            }
            return keepExtra()
        case .id:
            if first == UInt8(ascii: "\"") {
                guard let s = try? c.string() else { return false }
                p.id = s
                return true
            }
            if first == UInt8(ascii: "n") {
                guard (try? c.literal("null")) != nil else { return false }
                p.id = ""
                return true
            }
            if first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) {
                guard let n = try? c.number() else { return false }
                p.id = n
                return true
            }
            return keepExtra()
        case .year:
            if first == UInt8(ascii: "n") {
                guard (try? c.literal("null")) != nil else { return false }
                p.year = nil
                return true
            }
            if first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) {
                let start = c.i
                guard let n = try? c.number() else { return false }
                if let y = Int(n) { p.year = y; return true }
                c.i = start
                return keepExtra()
            }
            if first == UInt8(ascii: "\"") {
                let start = c.i
                guard let s = try? c.string() else { return false }
                if !s.isEmpty && s.utf8.count <= 6, let y = Int(s) { p.year = y; return true }
                c.i = start
                return keepExtra()
            }
            return keepExtra()
        case .themes:
            if first == UInt8(ascii: "n") {
                guard (try? c.literal("null")) != nil else { return false }
                p.themes = []
                return true
            }
            let start = c.i
            guard let v = try? c.value(depth: 1) else { return false }
            if case .array(let items) = v, items.allSatisfy({ $0.stringValue != nil }) {
                p.themes = items.map { $0.stringValue! }
                return true
            }
            c.i = start
            return keepExtra()
        case .extra:
            return keepExtra()
        }
    }
}
