import Foundation
import XCTest

/// The `postulaty stem` contract: one output line per input line, empty for empty, bad UTF-8 a clear error.
final class StemCommandTests: XCTestCase {
    func testOneLinePerInputLineAndEmptyLinesKept() throws {
        let input = "seniorów\n\nKrakowie\nmłodzieży\n\n\nbezpieczeństwa\n"
        let r = try CLI.run(["stem"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.out.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 8, "7 lines + the empty string after the final newline")
        XCTAssertEqual(lines[1], "")
        XCTAssertEqual(lines[4], "")
        XCTAssertEqual(lines[5], "")
        XCTAssertFalse(lines[0].isEmpty)
        XCTAssertEqual(lines[0], lines[0].lowercased())
    }

    func testLastLineWithoutNewlineAndCRLF() throws {
        let r = try CLI.run(["stem"], stdin: Data("Seniorzy\r\nseniorzy".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[0], lines[1], "case and CR do not change the term")
    }

    func testBadUTF8IsAClearErrorAndKeepsLineCount() throws {
        var input = Data("dobry\n".utf8)
        input.append(contentsOf: [0x7A, 0xC3, 0x28, 0x0A])  // "z" + an invalid two-byte sequence
        input.append(Data("koniec\n".utf8))
        let r = try CLI.run(["stem"], stdin: input)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("stdin:2: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("UTF-8"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 błędny rekord"), r.stderr)
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4, "three input lines, three output lines")
        XCTAssertEqual(lines[1], "")
        XCTAssertFalse(lines[2].isEmpty)
    }

    func testStemEqualsTheTermTheAnalyzerIndexes() throws {
        let stem = try CLI.run(["stem"], stdin: Data("Krakowie\n".utf8))
        let analyze = try CLI.run(["analyze", "--json"], stdin: Data("Krakowie".utf8))
        XCTAssertEqual(stem.status, 0, stem.stderr)
        let obj = try JSONSerialization.jsonObject(with: Data(analyze.out.split(separator: "\n")[0].utf8)) as? [String: Any]
        XCTAssertEqual(obj?["term"] as? String, stem.out.trimmingCharacters(in: .newlines))
    }
}
