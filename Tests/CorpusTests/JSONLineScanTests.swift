import XCTest
@testable import Corpus

/// `JSONLineScan` reads a JSONL line for `tag` in one pass: it must accept exactly the objects the parser accepts,
/// spell them as `JSONCompact` (the writer) does, and find the fields the parser finds; `TagInput.parse` built on it
/// must give the records, rows and error messages of parsing the line whole.
final class JSONLineScanTests: XCTestCase {
    private func parsed(_ line: [UInt8]) -> [(String, JSONValue)]? {
        guard case .object(let fields)? = try? line.withUnsafeBufferPointer({ try JSONParser.parse($0, utf8Checked: true) }) else {
            return nil
        }
        return fields
    }

    private func scanned(_ line: [UInt8]) -> (compact: [UInt8], fields: [JSONLineScan.Field])? {
        var out: [UInt8] = [], fields: [JSONLineScan.Field] = []
        return line.withUnsafeBufferPointer { JSONLineScan.scan($0, into: &out, fields: &fields) } ? (out, fields) : nil
    }

    /// The scan of `line` against the parser: both accept or both reject; when they accept, the same compact
    /// spelling as `JSONCompact` and the same fields (names decoded, values parsed from their ranges).
    private func check(_ line: [UInt8], _ note: String, file: StaticString = #filePath, lineNo: UInt = #line) -> Bool {
        let p = parsed(line), s = scanned(line)
        XCTAssertEqual(p == nil, s == nil, "accepts differently: \(note)", file: file, line: lineNo)
        guard let p, let s else { return false }
        var viaCompact: [UInt8] = []
        _ = line.withUnsafeBufferPointer { JSONCompact.appendObject($0, to: &viaCompact) { _ in false } }
        XCTAssertEqual(s.compact, viaCompact, note, file: file, line: lineNo)
        XCTAssertEqual(s.fields.count, p.count, note, file: file, line: lineNo)
        line.withUnsafeBufferPointer { b in
            for (f, (name, value)) in zip(s.fields, p) {
                var c = JSONParser.Cursor(b: b, i: f.name.lowerBound - 1, utf8Checked: true)
                XCTAssertEqual(try? c.string(), name, note, file: file, line: lineNo)
                XCTAssertEqual(f.nameEscaped, b[f.name].contains(0x5C), note, file: file, line: lineNo)
                var v = JSONParser.Cursor(b: b, i: f.value.lowerBound, utf8Checked: true)
                XCTAssertEqual(try? v.value(depth: 1), value, note, file: file, line: lineNo)
                XCTAssertEqual(v.i, f.value.upperBound, note, file: file, line: lineNo)
                var alone: [UInt8] = []
                JSONValue.object([(name, value)]).appendJSON(to: &alone)
                XCTAssertEqual(Array(s.compact[f.compact]), Array(alone.dropFirst().dropLast()), note, file: file, line: lineNo)
            }
        }
        return true
    }

    func testAuthoredLines() {
        let lines = [
            #"{"id": "a", "year": 2021, "text": "Ławki i \"cień\"", "themes": ["youth", "seniors"], "x": null}"#,
            #"{ }"#, #"{}"#, " \t{\"a\":1}\r", #"{"a":[]}"#, #"{"a":[[],{}, [1,2 ,3]]}"#,
            "{\t\"id\" :\"\\u0105\\u00f3\\/\\b\\f\\n\\r\\t\\u001f\\ud83d\\ude00\" ,\"n\":-1.5e+3 , \"b\":true,\"c\":false}",
            #"{"o": {"k\u0041": [1, {"z": [ ]}, "s"], "e": {}}, "why": "w", "t": "Zażółć gęślą jaźń – „x”"}"#,
            #"{"k\"ey": "v\\", "no_theme": false, "long": "0123456789abcdefghij0123456789abcdefghij\"x"}"#,
            #"{"n": 0, "m": -0, "f": 0.5, "e": 1E+2, "g": 12e-7}"#,
        ]
        var accepted = 0
        for line in lines where check(Array(line.utf8), line) { accepted += 1 }
        XCTAssertEqual(accepted, lines.count)
    }

    /// What the parser refuses, the scan refuses: arrays and scalars at the top, trailing commas, bad numbers,
    /// literals and escapes, control characters, lone surrogates, text after the object, a cut line.
    func testBrokenLines() {
        let lines = [
            "[1]", "\"s\"", "1", "null", "", "   ", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,}", "{,\"a\":1}",
            "{\"a\":1}x", "{\"a\":1} {}", "{\"a\" 1}", "{a:1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}",
            "{\"a\":-}", "{\"a\":+1}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":falsy}", "{\"a\":True}", "{\"a\":\"\u{1}\"}",
            "{\"a\":\"x\ty\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}",
            "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":[1 2]}", "{\"a\":{\"b\"}}", "{\"a\":\"x}",
            "{\"a\":\"0123456789abcdef", "{\"a\u{1}\":1}",
        ]
        var refused = 0
        for line in lines {
            XCTAssertFalse(check(Array(line.utf8), line), line)
            refused += 1
        }
        XCTAssertEqual(refused, lines.count)
    }

    /// The parser's depth limit: 511 nested arrays inside the object are read, 512 are not.
    func testDepthLimitIsTheParsers() {
        for (depth, ok) in [(510, true), (511, true), (512, false), (600, false)] {
            let line = "{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
            XCTAssertEqual(check(Array(line.utf8), "depth \(depth)"), ok, "depth \(depth)")
        }
    }

    /// Random objects with random spacing and escapes, and every one of them cut short and with a byte replaced:
    /// the scan and the parser agree on each.
    func testRandomAndDamagedLinesAgreeWithTheParser() {
        var rng = CompactTestRandom(seed: 11)
        let pieces = ["a", "ą", "\\\"", "\\\\", "\\n", "\\u0041", "\\u017c", "\\/", " ", "x y", "\u{201E}", "\\t",
                      "\\ud83d\\ude00", "0123456789", "\\u00"]
        func str() -> String { "\"" + (0..<rng.below(5)).map { _ in pieces[rng.below(pieces.count)] }.joined() + "\"" }
        func sp() -> String { ["", " ", "  ", "\t", " \t ", "\r\n"][rng.below(6)] }
        func value(_ depth: Int) -> String {
            switch rng.below(depth > 2 ? 4 : 6) {
            case 0, 3: return str()
            case 1: return ["0", "-12", "3.25", "1e9", "2E-3", "-0.0e+1", "01", "1.", "-"][rng.below(9)]
            case 2: return ["true", "false", "null", "nul", "truth"][rng.below(5)]
            case 4: return "[" + sp() + (0..<rng.below(3)).map { _ in value(depth + 1) }.joined(separator: sp() + "," + sp()) + sp() + "]"
            default: return object(depth + 1)
            }
        }
        func object(_ depth: Int) -> String {
            let keys = ["id", "text", "why", "predicted", "k\\u0041", "e\\\"", "ż", "justification"].shuffledBy(&rng).prefix(rng.below(6))
            return "{" + sp() + keys.map { "\"\($0)\"" + sp() + ":" + sp() + value(depth) }.joined(separator: sp() + "," + sp()) + sp() + "}"
        }
        let junk: [UInt8] = Array("\"\\,}]:{[ 0-e.t\u{1}n".utf8)
        var accepted = 0, refused = 0
        for _ in 0..<2000 {
            let line = Array((sp() + object(0) + sp()).utf8)
            if check(line, String(decoding: line, as: UTF8.self)) { accepted += 1 } else { refused += 1 }
            // Damaged copies: cut, and one byte replaced (only ASCII bytes, so the line stays UTF-8).
            let cut = Array(line.prefix(rng.below(line.count)))
            if check(cut, "cut: " + String(decoding: cut, as: UTF8.self)) { accepted += 1 } else { refused += 1 }
            var changed = line
            let at = rng.below(line.count)
            if changed[at] < 0x80 {
                changed[at] = junk[rng.below(junk.count)]
                if check(changed, "changed: " + String(decoding: changed, as: UTF8.self)) { accepted += 1 } else { refused += 1 }
            }
        }
        // Both kinds met often (the generator makes bad numbers and literals on purpose).
        XCTAssertGreaterThan(accepted, 1000)
        XCTAssertGreaterThan(refused, 1000)
    }

    // MARK: TagInput.parse on the scan

    private func jsonLine(_ text: String, readFields: [String] = ["text", "justification"]) throws -> TagInput.JSONLine {
        let path = NSTemporaryDirectory() + "scan-\(UUID().uuidString).jsonl"
        try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try TagInput(path: path, kind: .jsonl, readFields: readFields)
        guard case .line(let line)? = input.nextUnparsed() else { throw XCTSkip("not a JSON line: \(text)") }
        return line
    }

    private func message(_ r: Result<TagInput.Item, TagInputError>) -> String? {
        if case .failure(let e) = r { return e.message }
        return nil
    }

    /// The partial item against the line parsed whole: the fields read equal, the same row's own fields (with and
    /// without fields to drop), and `complete()` is the whole item.
    func testPartialItemsReadAsTheWholeParse() throws {
        let lines = [
            #"{"id": "a", "year": 2021, "text": "Ławki i \"cień\"", "justification": "Bo tak", "themes": ["youth"], "x": null}"#,
            #"{"text": "Tylko tekst"}"#,
            #"{"justification": "Tylko uzasadnienie", "response": "odp"}"#,
            #"{"text": 5, "justification": "liczba jako tekst"}"#,
            #"{"text": ["a", "b"], "justification": "lista"}"#,
            #"{"predicted": ["x"], "text": "Już oznaczony", "scores": {"a": 1}, "why": {}, "no_theme": false}"#,
            #"{"text": "Zieleń", "categories": ["greenery", "sport"], "title": "Tytuł"}"#,
        ]
        var compared = 0
        for text in lines {
            for readFields in [["text", "justification"], ["response"], ["categories"]] {
                let line = try jsonLine(text, readFields: readFields)
                let whole = TagInput.parseWhole(line)
                guard let partial = TagInput.scan(line) else {
                    // Only a record with nothing to tag is left to the whole parse here.
                    XCTAssertNotNil(message(whole), text + " \(readFields)")
                    continue
                }
                guard case .success(let w) = whole else { XCTFail("whole parse failed: \(text)"); continue }
                XCTAssertTrue(partial.partial)
                for f in readFields + ["text", "justification"] {
                    XCTAssertEqual(partial.record.value(of: f), w.record.value(of: f), text + " " + f)
                }
                for drop in [[], ["predicted", "scores", "evidence", "why", "no_theme"], ["text"]] {
                    var a: [UInt8] = [], b: [UInt8] = []
                    XCTAssertTrue(partial.appendCompactJSON(to: &a, dropping: drop))
                    XCTAssertTrue(w.appendCompactJSON(to: &b, dropping: drop))
                    XCTAssertEqual(a, b, text + " dropping \(drop)")
                }
                let c = partial.complete()
                XCTAssertEqual(c.record, w.record, text)
                XCTAssertEqual(c.fields.map { JSONValue.object($0) }, w.fields.map { JSONValue.object($0) }, text)
                XCTAssertFalse(c.partial)
                compared += 1
            }
        }
        XCTAssertEqual(compared, 9)
    }

    /// Lines the scan leaves to the parser get the parser's messages: broken JSON, not an object, a repeated or
    /// escaped name, nothing to tag (with the hint about a text under another name).
    func testLinesLeftToTheParserKeepItsMessages() throws {
        let cases: [(String, String)] = [
            (#"{"text": "a", "text": "b"}"#, "text"),
            (#"{"te\u0078t": "a"}"#, ""),
            (#"{"text": "a",}"#, " 14: "),
            (#"["text"]"#, "JSON"),
            (#"{"title": "Tytuł", "text": " "}"#, "title"),
            (#"{"text": "a" "#, " 14: "),
        ]
        var checked = 0
        for (text, part) in cases {
            let line = try jsonLine(text)
            XCTAssertNil(TagInput.scan(line), text)
            let expected = TagInput.parseWhole(line)
            switch (TagInput.parse(line), expected) {
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a.message, b.message, text)
                XCTAssertTrue(a.message.contains(part), a.message)
            case (.success(let a), .success(let b)):
                XCTAssertEqual(a.record, b.record, text)
                XCTAssertFalse(a.partial)
            default:
                XCTFail("parse and the whole parse differ: \(text)")
            }
            checked += 1
        }
        XCTAssertEqual(checked, cases.count)
    }
}
