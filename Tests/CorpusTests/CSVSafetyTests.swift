import XCTest
@testable import Corpus

/// The CSV contract of issue 13: the formula guard (written, removed on reading, round trips byte-identical),
/// a bad row that never hides the rows after it, a missing text column named with what was seen and accepted.
final class CSVSafetyTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }

    static let triggers = ["=", "+", "-", "@", "\t", "\r"]

    /// The cells of the record's row (after the header) as written, split by hand for a row without quotes.
    func row(_ p: Postulate, columns: [String] = ["id", "text"], options: CSVOptions = CSVOptions()) -> String {
        String(decoding: CorpusWriter.csvRow(p, columns: columns, options: options), as: UTF8.self)
    }

    func testWriterGuardsEachFormulaCharacter() {
        for t in Self.triggers {
            let text = t + "SUM(A1)"
            let written = row(Postulate(id: "1", text: text))
            // CR needs quotes (RFC 4180): the apostrophe goes inside them.
            let expected = t == "\r" ? "1,\"'\(text)\"\r\n" : "1,'\(text)\r\n"
            XCTAssertEqual(written, expected, "text starting with \(t.debugDescription)")
        }
        XCTAssertEqual(row(Postulate(id: "1", text: "=HYPERLINK(\"http://x\",\"klik\")")),
                       "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\"\r\n")
        XCTAssertEqual(row(Postulate(id: "1", text: "'=x")), "1,''=x\r\n", "apostrophes before a trigger get one more")
        XCTAssertEqual(row(Postulate(id: "1", text: "'zwykły")), "1,'zwykły\r\n", "an apostrophe alone is left as it is")
        XCTAssertEqual(row(Postulate(id: "1", text: "a=b")), "1,a=b\r\n")
        XCTAssertEqual(row(Postulate(id: "=1", text: "x")), "'=1,x\r\n", "every text column, not only text")
        // The header is a cell too.
        XCTAssertEqual(String(decoding: CorpusWriter.csvHeader(columns: ["id", "=x"]), as: UTF8.self), "id,'=x\r\n")
    }

    func testNumbersAreWrittenAsTheyAre() {
        let p = Postulate(id: "1", year: 2024, text: "t",
                          extra: [("score", .number("-0.5")), ("delta", .number("-5")), ("label", .string("-5 zł")),
                                  ("formula", .string("=1+1"))])
        XCTAssertEqual(row(p, columns: ["id", "year", "score", "delta", "label", "formula"]),
                       "1,2024,-0.5,-5,'-5 zł,'=1+1\r\n")
    }

    func testReaderRemovesTheGuardOnce() throws {
        let dir = try makeTempDir()
        let path = dir + "/in.csv"
        let cells = ["'=x", "''=x", "'+48 12", "'-5", "'@SUM(A1)", "\"'\tx\"", "\"'\rx\"", "'zwykły", "'", "=raw"]
        let expected = ["=x", "'=x", "+48 12", "-5", "@SUM(A1)", "\tx", "\rx", "'zwykły", "'", "=raw"]
        var text = "id,text\r\n"
        for (i, c) in cells.enumerated() { text += "\(i),\(c)\r\n" }
        try writeFile(path, text)
        XCTAssertEqual(try CorpusReader.read(path: path).map(\.text), expected)
    }

    /// Texts that exercise the guard in typed and extra fields.
    func hostileRecords() -> [Postulate] {
        var out: [Postulate] = []
        for (i, t) in Self.triggers.enumerated() {
            out.append(Postulate(id: "h\(i)", year: 2024, meeting: t + "spotkanie", organisation: "'" + t + "org",
                                 text: t + "SUM(A1);\"x\"", justification: "''" + t, response: "'", respondent: t,
                                 themes: ["security"],
                                 extra: [("note", .string(t + "uwaga")), ("score", .number("-0.25")),
                                         ("quoted", .string("'" + t)), ("list", .array([.string(t)]))]))
        }
        out.append(Postulate(id: "plain", text: "=HYPERLINK(\"http://x\")", themes: ["seniors", "funding"]))
        return out
    }

    func testCSVToJSONLToCSVIsByteIdentical() throws {
        let dir = try makeTempDir()
        for options in [CSVOptions(), CSVOptions(delimiter: ";", byteOrderMark: true), CSVOptions(delimiter: "\t")] {
            let c1 = dir + "/1.csv", j1 = dir + "/1.jsonl", c2 = dir + "/2.csv", j2 = dir + "/2.jsonl"
            try AtomicFile.write(CorpusWriter.csv(hostileRecords(), options: options), to: c1)
            let read = try CorpusReader.read(path: c1)
            XCTAssertEqual(read, hostileRecords(), "the guard is removed on reading (\(options))")
            try CorpusWriter.write(read, to: j1)
            try CorpusWriter.write(try CorpusReader.read(path: j1), to: c2, csvOptions: options)
            XCTAssertEqual(try readBytes(c1), try readBytes(c2), "CSV → JSONL → CSV (\(options))")
            try CorpusWriter.write(try CorpusReader.read(path: c2), to: j2)
            XCTAssertEqual(try readBytes(j1), try readBytes(j2), "JSONL → CSV → JSONL (\(options))")
        }
    }

    func testTabDelimiterIsReadFromTheHeader() throws {
        let dir = try makeTempDir()
        let path = dir + "/t.csv"
        try writeFile(path, "id\ttext\tthemes\n1\tKluby, seniora; dzielnice\tseniors|funding\n")
        let r = try CorpusReader.read(path: path)
        XCTAssertEqual(r.map(\.text), ["Kluby, seniora; dzielnice"])
        XCTAssertEqual(r.first?.themes, ["seniors", "funding"])
    }

    func testOverWideRowIsAnErrorAndTheRowsAfterItAreRead() throws {
        let dir = try makeTempDir()
        let path = dir + "/w.csv"
        try writeFile(path, "id,text\n1,pierwszy\n2,drugi\n3,za,szeroki\n4,\"czwarty\nw dwóch liniach\"\n5,piąty\n")
        let stream = try CorpusStream(path: path)
        var texts: [String] = [], lines: [Int] = [], errors: [CorpusError] = []
        for _ in 0..<10 {
            do {
                guard let p = try stream.next() else { break }
                texts.append(p.text); lines.append(stream.line)
            } catch let e as CorpusError { errors.append(e) }
        }
        XCTAssertEqual(texts, ["pierwszy", "drugi", "czwarty\nw dwóch liniach", "piąty"])
        XCTAssertEqual(lines, [2, 3, 5, 7])
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.kind, .csvShape)
        XCTAssertEqual(errors.first?.line, 4)
        XCTAssertEqual(errors.first?.description, "\(path):4: wiersz ma 3 komórki, a nagłówek 2 kolumny (brak cudzysłowu wokół tekstu z separatorem?)")
        // The validator reports the row and counts every other record.
        let v = CorpusValidator(taxonomy: nil).validate(files: [path])
        XCTAssertEqual(v.records, 4)
        XCTAssertEqual(v.issues.filter { $0.kind == .csvShape }.map(\.line), [4])
    }

    func testBadCellsDoNotEndTheStream() throws {
        let dir = try makeTempDir()
        let path = dir + "/b.csv"
        var bytes = Array("id,text\n1,\"cudzysłów\"potem tekst\n2,".utf8)
        bytes += [0x7A, 0xC3, 0x28]  // not UTF-8
        bytes += Array("\n3,ostatni\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let stream = try CorpusStream(path: path)
        var kinds: [CorpusError.Kind] = [], errorLines: [Int] = [], texts: [String] = []
        for _ in 0..<10 {
            do {
                guard let p = try stream.next() else { break }
                texts.append(p.text)
            } catch let e as CorpusError { kinds.append(e.kind); errorLines.append(e.line) }
        }
        XCTAssertEqual(kinds, [.syntax, .encoding])
        XCTAssertEqual(errorLines, [2, 3])
        XCTAssertEqual(texts, ["ostatni"])
    }

    func testUnterminatedQuoteEndsTheStreamAndSaysSo() throws {
        let dir = try makeTempDir()
        let path = dir + "/q.csv"
        try writeFile(path, "id,text\n1,dobry\n2,\"urwany\n3,nie do odczytania\n")
        let stream = try CorpusStream(path: path)
        XCTAssertEqual(try stream.next()?.text, "dobry")
        XCTAssertThrowsError(try stream.next()) { e in
            let e = e as? CorpusError
            XCTAssertEqual(e?.kind, .truncated)
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue(e?.message.contains("dalszej części pliku nie można odczytać") == true, "\(String(describing: e))")
        }
        XCTAssertNil(try stream.next())
    }

    func testMissingTextColumnListsColumnsSeenAndNamesAccepted() throws {
        let dir = try makeTempDir()
        let path = dir + "/n.csv"
        try writeFile(path, "id;opis;rok\n1;Kluby seniora;2024\n")
        XCTAssertThrowsError(try CorpusStream(path: path)) { e in
            guard let e = e as? CorpusError else { return XCTFail("\(e)") }
            XCTAssertEqual(e.kind, .csvShape)
            XCTAssertEqual(e.line, 1)
            XCTAssertEqual(e.description, "\(path):1: brak kolumny z treścią postulatu; kolumny w nagłówku: „id”, „opis”, „rok”; przyjmowane nazwy (wielkość liter bez znaczenia): text, nazwa projektu, nazwa zadania, postulat, tekst, title, tresc, treść, treść postulatu, tytul, tytul projektu, tytuł, tytuł projektu, tytuł zadania")
        }
        MessageLanguage.use(.en)
        defer { MessageLanguage.use(.pl) }
        XCTAssertThrowsError(try CorpusReader.read(path: path)) { e in
            XCTAssertTrue("\(e)".contains("no column with the postulate's text; columns in the header: „id”, „opis”, „rok”; names accepted (in any case): text, nazwa projektu, nazwa zadania, postulat"), "\(e)")
        }
    }

    func testEnglishHeaderNamesMatchInAnyCase() throws {
        let dir = try makeTempDir()
        let path = dir + "/e.csv"
        try writeFile(path, "ID,Year,TEXT,Justification,Themes,Note\n1,2024,Kluby seniora,Bo tak,seniors|funding,x\n")
        let r = try CorpusReader.read(path: path)
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r.first?.id, "1")
        XCTAssertEqual(r.first?.year, 2024)
        XCTAssertEqual(r.first?.text, "Kluby seniora")
        XCTAssertEqual(r.first?.justification, "Bo tak")
        XCTAssertEqual(r.first?.themes, ["seniors", "funding"])
        XCTAssertEqual(r.first?.value(of: "Note")?.stringValue, "x", "other names are kept as they are")
    }
}
