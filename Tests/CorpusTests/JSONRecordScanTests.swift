import XCTest
@testable import Corpus

/// `JSONRecordScan` reads a JSONL line straight into a record: where it answers, the record must be the one the
/// general path (`CorpusReader.fieldsAndRecord`: the parser, then `Postulate(jsonObject:)`) makes, to the bytes a
/// writer puts out; where the general path fails, it must not answer.
final class JSONRecordScanTests: XCTestCase {
    /// Both paths on `line`: true when the scan answered.
    @discardableResult
    private func check(_ line: [UInt8], _ note: String, file: StaticString = #filePath, lineNo: UInt = #line) -> Bool {
        let general = try? CorpusReader.fieldsAndRecord(jsonLine: line, file: "t", line: 1).record
        let fast = line.withUnsafeBufferPointer { JSONRecordScan.record($0) }
        guard let fast else { return false }
        XCTAssertNotNil(general, "the scan answered where the general path fails: \(note)", file: file, line: lineNo)
        guard let general else { return true }
        XCTAssertEqual(fast, general, note, file: file, line: lineNo)
        XCTAssertEqual(Array(fast.jsonLine.utf8), Array(general.jsonLine.utf8), note, file: file, line: lineNo)
        XCTAssertEqual(fast.extra.map { Array($0.0.utf8) }, general.extra.map { Array($0.0.utf8) }, note, file: file, line: lineNo)
        return true
    }

    func testAuthoredLines() {
        let answered = [
            #"{"id": "a", "year": 2021, "text": "Ławki i \"cień\"", "themes": ["youth", "seniors"], "x": null}"#,
            #"{"id": "pabulib:Poland_Czestochowa_2020:102", "year": 2020, "city": "Częstochowa", "district": null, "text": "Ławeczka"}"#,
            #"{ }"#, #"{}"#, " \t{\"a\":1}\r",
            #"{"id": 17, "year": "2019", "meeting": null, "organisation": "O", "justification": "j", "response": "r", "respondent": "R"}"#,
            #"{"id": null, "year": null, "themes": null, "text": null}"#,
            #"{"id": -1.5e3, "year": "20x5", "themes": ["a", 1], "text": 5, "response": ["x"], "meeting": {"a": [1, {}]}}"#,
            #"{"year": 2020.0, "text": "\u0105\n\/", "justification": "Zażółć gęślą jaźń – „x”", "group": "g1"}"#,
            #"{"year": " 2020", "id": true, "themes": [], "organisation": false, "respondent": "\ud83d\ude00"}"#,
            #"{"year": "", "text": "", "Text": "other", "ids": "x", "yearly": 1, "textt": "y"}"#,
            #"{"year": "1234567", "themes": {"a": "b"}, "id": "x"}"#,
            #"{"year": -0, "id": 0}"#,
        ]
        for line in answered { XCTAssertTrue(check(Array(line.utf8), line), line) }
        // Left to the general path: repeated names (an error there), names with escapes or non-ASCII letters,
        // anything not an object or not well formed.
        let declined = [
            #"{"id": "a", "id": "b"}"#, #"{"x": 1, "text": "t", "x": 2}"#, #"{"te\u0078t": "t"}"#, #"{"ż": 1}"#,
            #"{"\u212Ad": 1}"#, "[1]", "\"s\"", "", "{", "{\"a\":1,}", "{\"a\":1}x", "{\"text\":\"x\u{1}\"}",
            "{\"text\":\"\\ud800\"}", "{\"a\u{7F}\":1}", "{\"year\":01}", "{\"id\":-}",
        ]
        for line in declined { XCTAssertFalse(check(Array(line.utf8), line), line) }
        // Bad UTF-8 in a value: declined (the general path names the encoding).
        XCTAssertFalse(check(Array(#"{"text": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), "bad UTF-8"))
    }

    /// Random records — typed fields with values of every type, other fields, spacing, escapes, repeated names —
    /// and each one cut short and with a byte replaced: wherever the scan answers, it answers as the general path.
    func testRandomAndDamagedLinesAgreeWithTheGeneralPath() {
        var rng = CompactTestRandom(seed: 17)
        let pieces = ["a", "ą", "\\\"", "\\\\", "\\n", "\\u0041", "\\u017c", "\\/", " ", "x y", "\u{201E}", "\\t",
                      "\\ud83d\\ude00", "0123456789", "\\u00", "2020", "-"]
        func str() -> String { "\"" + (0..<rng.below(5)).map { _ in pieces[rng.below(pieces.count)] }.joined() + "\"" }
        func sp() -> String { ["", " ", "  ", "\t", " \t ", "\r\n"][rng.below(6)] }
        func value(_ depth: Int) -> String {
            switch rng.below(depth > 2 ? 5 : 7) {
            case 0, 3: return str()
            case 1: return ["0", "-12", "3.25", "1e9", "2E-3", "-0.0e+1", "01", "1.", "-", "2021", "\"2021\"", "99999999999999999999"][rng.below(12)]
            case 2: return ["true", "false", "null", "nul", "truth"][rng.below(5)]
            case 4: return "[" + (0..<rng.below(3)).map { _ in str() }.joined(separator: ",") + "]"
            case 5: return "[" + sp() + (0..<rng.below(3)).map { _ in value(depth + 1) }.joined(separator: sp() + "," + sp()) + sp() + "]"
            default: return "{" + sp() + "\"k\"" + sp() + ":" + sp() + value(depth + 1) + "}"
            }
        }
        let names = ["id", "year", "meeting", "organisation", "text", "justification", "response", "respondent", "themes",
                     "city", "district", "group", "te\\u0078t", "ż", "Text", "id"]
        let junk: [UInt8] = Array("\"\\,}]:{[ 0-e.t\u{1}n".utf8)
        var answered = 0, declined = 0
        for _ in 0..<3000 {
            let keys = names.shuffledBy(&rng).prefix(rng.below(8))
            let line = Array((sp() + "{" + sp() + keys.map { "\"\($0)\"" + sp() + ":" + sp() + value(0) }
                .joined(separator: sp() + "," + sp()) + sp() + "}" + sp()).utf8)
            if check(line, String(decoding: line, as: UTF8.self)) { answered += 1 } else { declined += 1 }
            let cut = Array(line.prefix(rng.below(line.count)))
            check(cut, "cut: " + String(decoding: cut, as: UTF8.self))
            var changed = line
            let at = rng.below(line.count)
            if changed[at] < 0x80 {
                changed[at] = junk[rng.below(junk.count)]
                check(changed, "changed: " + String(decoding: changed, as: UTF8.self))
            }
        }
        XCTAssertGreaterThan(answered, 500)
        XCTAssertGreaterThan(declined, 500)
    }

    /// The corpora's lines (and the real titles when `../shared` is there) all go the short way, to the same records.
    func testCorpusLinesTakeTheScan() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        var files = try FileManager.default.contentsOfDirectory(atPath: root.path + "/Corpora")
            .filter { $0.hasSuffix(".jsonl") }.map { root.path + "/Corpora/" + $0 }
        let titles = root.deletingLastPathComponent().path + "/shared/eval/pb-titles-dev.jsonl"
        if FileManager.default.fileExists(atPath: titles) { files.append(titles) }
        var lines = 0
        for f in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: f))
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                XCTAssertTrue(check(Array(line), f), f)
                lines += 1
            }
        }
        XCTAssertGreaterThan(lines, 100)
    }
}
