import XCTest
@testable import Corpus

/// The CSV writer at its boundaries, against rows written out by hand: each delimiter quotes exactly the cells
/// that hold it, a quote is doubled, a lone CR or LF quotes the cell, the byte-order mark is written only when
/// asked for and only once, and every such file reads back to the same records.
final class CSVWriterBoundaryTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }

    func row(_ text: String, _ delimiter: Character = ",") -> String {
        String(decoding: CorpusWriter.csvRow(Postulate(id: "1", text: text), columns: ["id", "text"],
                                             options: CSVOptions(delimiter: delimiter)), as: UTF8.self)
    }

    func testEachDelimiterQuotesOnlyTheCellsHoldingIt() {
        XCTAssertEqual(row("a,b"), "1,\"a,b\"\r\n")
        XCTAssertEqual(row("a;b"), "1,a;b\r\n", "a semicolon needs no quotes with ','")
        XCTAssertEqual(row("a;b", ";"), "1;\"a;b\"\r\n")
        XCTAssertEqual(row("a,b", ";"), "1;a,b\r\n")
        XCTAssertEqual(row("a\tb", "\t"), "1\t\"a\tb\"\r\n")
        XCTAssertEqual(row("a\tb"), "1,a\tb\r\n", "a tab inside (not first) needs nothing with ','")
    }

    func testQuotesAndLineBreaks() {
        XCTAssertEqual(row("powiedział \"tak\""), "1,\"powiedział \"\"tak\"\"\"\r\n")
        XCTAssertEqual(row("\""), "1,\"\"\"\"\r\n")
        XCTAssertEqual(row("a\nb"), "1,\"a\nb\"\r\n")
        XCTAssertEqual(row("a\rb"), "1,\"a\rb\"\r\n", "a lone CR must be quoted too")
        XCTAssertEqual(row("a\r\nb"), "1,\"a\r\nb\"\r\n")
        XCTAssertEqual(row("zwykły tekst"), "1,zwykły tekst\r\n")
    }

    func testByteOrderMarkOnlyWhenAskedAndOnce() {
        let records = [Postulate(id: "1", text: "a"), Postulate(id: "2", text: "b")]
        let with = CorpusWriter.csv(records, options: CSVOptions(delimiter: ";", byteOrderMark: true))
        let without = CorpusWriter.csv(records, options: CSVOptions(delimiter: ";"))
        XCTAssertEqual(Array(with.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(Array(with.dropFirst(3)), without)
        XCTAssertNotEqual(Array(without.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(with.count - without.count, 3, "one mark, not one per row")
    }

    func testHostileCellsReadBackToTheSameRecordsWithEachDelimiter() throws {
        let dir = try makeTempDir()
        let texts = ["a,b;c\td", "\"", "a\rb", "a\nb", "=1+1", "'=x", "'", "\r=", "-5 zł", "ąę\"\"", ""]
        let records = texts.enumerated().map { Postulate(id: "r\($0.offset)", text: $0.element.isEmpty ? " " : $0.element) }
        for (i, d) in [",", ";", "\t"].enumerated() {
            let path = dir + "/t\(i).csv"
            try CorpusWriter.write(records, to: path, csvOptions: CSVOptions(delimiter: Character(d), byteOrderMark: i == 1))
            let back = try CorpusReader.read(path: path)
            XCTAssertEqual(back.count, records.count, "delimiter \(d.debugDescription)")
            XCTAssertEqual(back.map(\.text), records.map(\.text), "delimiter \(d.debugDescription)")
            XCTAssertEqual(back.map(\.id), records.map(\.id))
        }
    }
}
