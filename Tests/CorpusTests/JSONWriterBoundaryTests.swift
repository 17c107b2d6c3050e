import XCTest
@testable import Corpus

/// Every byte below U+0020, the quote and the backslash through the one JSON escaper, against the escapes written
/// out by hand (RFC 8259: the five short escapes, lower-case `\u00xx` for the rest), alone, inside text (the
/// byte-by-byte path) and through a whole record line; and every escaped string parses back to itself.
final class JSONWriterBoundaryTests: XCTestCase {
    /// The expected escape of each control byte, written out (not computed by the rule under test).
    static let controlEscapes = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]

    func escaped(_ s: String) -> String {
        var out: [UInt8] = []
        JSONBytes.string(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testEveryControlCharacterAloneAndInText() throws {
        XCTAssertEqual(Self.controlEscapes.count, 32)
        for b in 0..<32 {
            let c = String(UnicodeScalar(UInt8(b)))
            XCTAssertEqual(escaped(c), "\"" + Self.controlEscapes[b] + "\"", "U+00\(String(b, radix: 16))")
            XCTAssertEqual(escaped("ż" + c + "x"), "\"ż" + Self.controlEscapes[b] + "x\"", "U+00\(String(b, radix: 16)) in text")
            let parsed = try JSONValue.parse(escaped("a" + c))
            XCTAssertEqual(parsed.stringValue, "a" + c, "round trip of U+00\(String(b, radix: 16))")
        }
    }

    func testQuoteBackslashAndTheFirstPrintableBytesAreTheBoundary() {
        XCTAssertEqual(escaped("\""), #""\"""#)
        XCTAssertEqual(escaped("\\"), #""\\""#)
        XCTAssertEqual(escaped("a\"b\\c"), #""a\"b\\c""#)
        // U+0020 and U+007F are not control characters for JSON: written as they are.
        XCTAssertEqual(escaped(" \u{7F}/"), "\" \u{7F}/\"")
        XCTAssertEqual(escaped("zażółć"), "\"zażółć\"")
    }

    func testAllControlCharactersInOneRecordLine() throws {
        let text = (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\"\\"
        let line = String(decoding: CorpusWriter.jsonl([Postulate(id: "x", text: text)]), as: UTF8.self)
        XCTAssertTrue(line.contains(",\"text\":\"" + Self.controlEscapes.joined() + "\\\"\\\\\","), line)
        XCTAssertFalse(line.dropLast().contains("\n"), "one line per record")
    }
}
