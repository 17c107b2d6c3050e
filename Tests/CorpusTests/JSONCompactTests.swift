import XCTest
@testable import Corpus

/// `JSONCompact` writes a parsed line's object from its bytes: it must give exactly what `JSONWriter` writes for the
/// parsed value (what `postulaty tag` wrote before), for any spacing, escapes, nesting and fields left out.
final class JSONCompactTests: XCTestCase {
    private func viaValue(_ line: String, dropping names: [String]) throws -> [UInt8] {
        guard case .object(var fields) = try Array(line.utf8).withUnsafeBufferPointer({ try JSONParser.parse($0) }) else {
            XCTFail("not an object: \(line)"); return []
        }
        fields.removeAll { names.contains($0.0) }
        var out: [UInt8] = []
        JSONValue.object(fields).appendJSON(to: &out)
        return out
    }

    private func compact(_ line: String, dropping names: [String]) -> [UInt8]? {
        var out: [UInt8] = []
        let ok = Array(line.utf8).withUnsafeBufferPointer {
            JSONCompact.appendObject($0, to: &out) { key in names.contains { Array($0.utf8) == Array(key) } }
        }
        return ok ? out : nil
    }

    func testAuthoredLinesAreSpeltAsTheWriterSpellsThem() throws {
        let lines = [
            #"{"id": "a", "year": 2021, "text": "Ławki i \"cień\"", "themes": ["youth", "seniors"], "x": null}"#,
            #"{ }"#, #"{}"#,
            "{\t\"id\" :\"\\u0105\\u00f3\\/\\b\\f\\n\\r\\t\\u001f\\ud83d\\ude00\" ,\"n\":-1.5e+3 , \"b\":true,\"c\":false}",
            #"{"predicted": ["x"], "id": "p", "scores": {"a": 1}}"#,
            #"{"id": "p", "predicted": ["x"]}"#,
            #"{"o": {"k\u0041": [1, {"z": [ ]}, "s"], "e": {}}, "why": "w", "t": "Zażółć gęślą jaźń – „x”"}"#,
            #"{"k\"ey": "v\\", "no_theme": false}"#,
        ]
        XCTAssertEqual(lines.count, 8)
        for line in lines {
            let dropped = ["predicted", "scores", "evidence", "why", "no_theme"]
            XCTAssertEqual(compact(line, dropping: dropped), try viaValue(line, dropping: dropped), line)
            XCTAssertEqual(compact(line, dropping: []), try viaValue(line, dropping: []), line)
        }
        XCTAssertEqual(compact(#"{"predicted": 1, "id": "p"}"#, dropping: ["predicted"]).map { String(decoding: $0, as: UTF8.self) },
                       #"{"id":"p"}"#)
    }

    /// Random objects written with random spacing and escapes: the same bytes both ways.
    func testRandomLinesAreSpeltAsTheWriterSpellsThem() throws {
        var rng = CompactTestRandom(seed: 7)
        let pieces = ["a", "ą", "\\\"", "\\\\", "\\n", "\\u0041", "\\u017c", "\\/", " ", "x y", "\u{201E}", "\\t", "\\ud83d\\ude00"]
        func str() -> String { "\"" + (0..<rng.below(4)).map { _ in pieces[rng.below(pieces.count)] }.joined() + "\"" }
        func sp() -> String { ["", " ", "  ", "\t", " \t "][rng.below(5)] }
        func value(_ depth: Int) -> String {
            switch rng.below(depth > 2 ? 4 : 6) {
            case 0: return str()
            case 1: return ["0", "-12", "3.25", "1e9", "2E-3"][rng.below(5)]
            case 2: return ["true", "false", "null"][rng.below(3)]
            case 3: return str()
            case 4: return "[" + sp() + (0..<rng.below(3)).map { _ in value(depth + 1) }.joined(separator: sp() + "," + sp()) + sp() + "]"
            default: return object(depth + 1)
            }
        }
        func object(_ depth: Int) -> String {
            let keys = ["id", "text", "why", "predicted", "k\\u0041", "e\\\"", "ż"].shuffledBy(&rng).prefix(rng.below(5))
            return "{" + sp() + keys.map { "\"\($0)\"" + sp() + ":" + sp() + value(depth) }.joined(separator: sp() + "," + sp()) + sp() + "}"
        }
        var checked = 0
        for _ in 0..<3000 {
            let line = sp() + object(0) + sp()
            let dropped = ["predicted", "why"]
            XCTAssertEqual(compact(line, dropping: dropped), try viaValue(line, dropping: dropped), line)
            checked += 1
        }
        XCTAssertEqual(checked, 3000)
    }
}

/// A seeded generator for the test (SplitMix64).
struct CompactTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func below(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}

extension Array {
    func shuffledBy(_ rng: inout CompactTestRandom) -> [Element] {
        var a = self
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, rng.below(i + 1)) }
        return a
    }
}
