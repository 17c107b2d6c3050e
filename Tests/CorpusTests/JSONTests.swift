import XCTest
@testable import Corpus

final class JSONTests: XCTestCase {
    func testKeepsKeyOrderNumbersAndUnicode() throws {
        let text = #"{"z":1,"a":2.50,"m":-0.0e+3,"s":"zażółć \"gęślą\" jaźń","n":null,"b":[true,false],"o":{}}"#
        let v = try JSONValue.parse(text)
        guard case .object(let fields) = v else { return XCTFail("not an object") }
        XCTAssertEqual(fields.map(\.0), ["z", "a", "m", "s", "n", "b", "o"])
        XCTAssertEqual(v["a"], .number("2.50"))
        XCTAssertEqual(v["m"], .number("-0.0e+3"))
        XCTAssertEqual(v["s"]?.stringValue, "zażółć \"gęślą\" jaźń")
        // Compact input comes back byte for byte; Polish letters stay UTF-8, not \u escapes.
        XCTAssertEqual(v.jsonText, text)
    }

    func testEscapesDecodeAndReencodeCanonically() throws {
        let v = try JSONValue.parse(#"{"t":"a\u0105\/b\n\t\u0001\ud83d\ude00"}"#)
        XCTAssertEqual(v["t"]?.stringValue, "aą/b\n\t\u{01}😀")
        XCTAssertEqual(v.jsonText, #"{"t":"aą/b\n\t\u0001😀"}"#)
        XCTAssertEqual(try JSONValue.parse(v.jsonText), v)
    }

    func testRejectsMalformedAndReportsTruncation() {
        let cases: [(String, Bool)] = [
            (#"{"id":"a","text":"abc"#, true),
            (#"{"id":"a","#, true),
            (#"{"id":"a"}x"#, false),
            (#"{"id":01}"#, false),
            (#"{"id":"\ud800"}"#, false),
            (#"{id:"a"}"#, false),
            ("{\"t\":\"a\nb\"}", false),
        ]
        for (text, truncated) in cases {
            XCTAssertThrowsError(try JSONValue.parse(text), text) { e in
                XCTAssertEqual((e as? JSONSyntaxError)?.truncated, truncated, text)
            }
        }
    }

    func testInvalidUTF8IsAnError() {
        var bytes = Array(#"{"t":"ab"}"#.utf8)
        bytes[6] = 0xC3  // a lead byte followed by ASCII
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) })
    }

    /// One escaper: a record's strings (`JSONWriter`) and tag's added fields (`JSONBytes.string`) have one
    /// spelling, control characters included; and one fixed-decimal rule.
    func testOneEscaperAndOneFixedDecimalRule() {
        let s = "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}ż"
        var out: [UInt8] = []
        JSONBytes.string(s, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #""a\"b\\c\n\r\t\b\f\u0001\u001fż""#)
        XCTAssertEqual(JSONValue.string(s).jsonText, String(decoding: out, as: UTF8.self))
        XCTAssertEqual(try JSONValue.parse(String(decoding: out, as: UTF8.self)).stringValue, s)
        XCTAssertEqual(fixed(0.91234, 3), "0.912")
        XCTAssertEqual(fixed(-0.0001, 3), "0.000")
        XCTAssertEqual(fixed(2.5, 0), "3")
        XCTAssertEqual(fixed(.nan, 4), "0")
    }
}
