import XCTest
@testable import Corpus

final class FilesTests: XCTestCase {
    /// Records shaped like the corpus: typed fields, extras of every JSON type, multi-line and quoted text.
    func sampleRecords() -> [Postulate] {
        [
            Postulate(id: "k-2025-01", year: 2025, meeting: "spotkanie", organisation: "Fundacja „Zasiew”",
                      text: "Szkolenia; dla seniorów, \"na wnuczka\"\ni druga linia", justification: "",
                      response: "Tak.", respondent: "Wydział X", themes: ["security", "seniors"],
                      extra: [("response_stance", .string("accepted")), ("group", .string("g1")),
                              ("authored", .bool(true)), ("score", .number("0.50")), ("district", .string("12")),
                              ("note", .string("")), ("tags", .array([.string("a"), .number("1")])), ("x", .null)]),
            Postulate(id: "k-2025-02", year: nil, text: "Bez roku, bez tematu", themes: [],
                      extra: [("response_stance", .string("rejected")), ("group", .string("true")),
                              ("authored", .bool(false)), ("score", .number("-1e3")), ("district", .string("Nowa Huta")),
                              ("note", .string("  spacje  ")), ("tags", .object([("k", .string("v"))])), ("x", .string("null"))]),
        ]
    }

    func testJSONLRoundTripIsByteIdentical() throws {
        let dir = try makeTempDir()
        let a = dir + "/a.jsonl", b = dir + "/b.jsonl"
        try CorpusWriter.write(sampleRecords(), to: a)
        let back = try CorpusReader.read(path: a)
        XCTAssertEqual(back, sampleRecords())
        try CorpusWriter.write(back, to: b)
        XCTAssertEqual(try readBytes(a), try readBytes(b))
    }

    func testCSVAndJSONLRoundTripsAreByteIdentical() throws {
        let dir = try makeTempDir()
        for options in [CSVOptions(), CSVOptions(delimiter: ";", byteOrderMark: true)] {
            let j1 = dir + "/1.jsonl", c1 = dir + "/1.csv", j2 = dir + "/2.jsonl", c2 = dir + "/2.csv"
            try CorpusWriter.write(sampleRecords(), to: j1)
            try CorpusWriter.write(try CorpusReader.read(path: j1), to: c1, csvOptions: options)
            try CorpusWriter.write(try CorpusReader.read(path: c1), to: j2)
            XCTAssertEqual(try readBytes(j1), try readBytes(j2), "JSONL → CSV → JSONL (\(options))")
            try CorpusWriter.write(try CorpusReader.read(path: j2), to: c2, csvOptions: options)
            XCTAssertEqual(try readBytes(c1), try readBytes(c2), "CSV → JSONL → CSV (\(options))")
            XCTAssertEqual(try readBytes(c1).starts(with: [0xEF, 0xBB, 0xBF]), options.byteOrderMark)
        }
    }

    func testSeedCorpusRoundTripsThroughCSV() throws {
        let seed = repoRoot + "/Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"
        let dir = try makeTempDir()
        let csv = dir + "/seed.csv", back = dir + "/seed.jsonl"
        try CorpusWriter.write(try CorpusReader.read(path: seed), to: csv)
        try CorpusWriter.write(try CorpusReader.read(path: csv), to: back)
        XCTAssertEqual(try readBytes(seed), try readBytes(back))
    }

    func testCSVAsSpreadsheetsWriteIt() throws {
        let dir = try makeTempDir()
        let path = dir + "/in.csv"
        // BOM, ';' delimiter, CRLF, a quoted cell with the delimiter, a doubled quote and a line break,
        // themes joined by '|', a column the record type does not know, a short row.
        let text = "\u{FEFF}id;year;text;themes;kategoria\r\n"
            + "a1;2024;\"Kluby seniora; \"\"Srebrny\"\" wiek\r\ndruga linia\";seniors|funding;kultura\r\n"
            + "a2;2023;Krótki\r\n"
        try writeFile(path, text)
        let stream = try CorpusStream(path: path)
        XCTAssertEqual(stream.csvDelimiter, ";")
        let r1 = try XCTUnwrap(try stream.next())
        XCTAssertEqual(stream.line, 2)
        let r2 = try XCTUnwrap(try stream.next())
        XCTAssertEqual(stream.line, 4)
        XCTAssertNil(try stream.next())
        XCTAssertEqual(r1.id, "a1")
        XCTAssertEqual(r1.year, 2024)
        XCTAssertEqual(r1.text, "Kluby seniora; \"Srebrny\" wiek\r\ndruga linia")
        XCTAssertEqual(r1.themes, ["seniors", "funding"])
        XCTAssertEqual(r1.value(of: "kategoria"), .string("kultura"))
        XCTAssertEqual(r2.text, "Krótki")
        XCTAssertEqual(r2.themes, [])
        XCTAssertNil(r2.value(of: "kategoria"))
    }

    func testPolishColumnNamesOfAClerksSpreadsheet() throws {
        let dir = try makeTempDir()
        try writeFile(dir + "/k.csv", "Rok;Organizacja;Treść;Uzasadnienie;Odpowiedź;Tematy;Uwagi\n2024;Fundacja A;Więcej ławek.;Brak miejsc.;Tak.;seniors;pilne\n")
        let p = try XCTUnwrap(try CorpusReader.read(path: dir + "/k.csv").first)
        XCTAssertEqual(p.year, 2024)
        XCTAssertEqual(p.organisation, "Fundacja A")
        XCTAssertEqual(p.text, "Więcej ławek.")
        XCTAssertEqual(p.justification, "Brak miejsc.")
        XCTAssertEqual(p.response, "Tak.")
        XCTAssertEqual(p.themes, ["seniors"])
        XCTAssertEqual(p.value(of: "Uwagi"), .string("pilne"))
    }

    func testCommaDelimiterDetectedWhenHeaderUsesIt() throws {
        let dir = try makeTempDir()
        let path = dir + "/in.csv"
        try writeFile(path, "id,text,response\nb1,\"Tekst, z przecinkiem; i średnikiem\",Odp\n")
        let recs = try CorpusReader.read(path: path)
        XCTAssertEqual(recs.count, 1)
        XCTAssertEqual(recs[0].text, "Tekst, z przecinkiem; i średnikiem")
        XCTAssertEqual(recs[0].response, "Odp")
    }

    func testRecordsLackingOptionalFieldsLoadAndKeepExtras() throws {
        // The shape of ../shared/eval/pb-titles-dev.jsonl: Python's spacing, null, a field we do not type.
        let dir = try makeTempDir()
        let path = dir + "/pb.jsonl"
        try writeFile(path, """
            {"id": "pabulib:Poland_Czestochowa_2020:102", "year": 2020, "city": "Częstochowa", "district": null, "text": "Ławeczka multimedialna"}
            {"id": "w:1", "year": 2019, "city": "Wrocław", "district": "Krzyki", "text": "Skwer", "categories": ["greenery", "sport"]}

            """)
        let recs = try CorpusReader.read(path: path)
        XCTAssertEqual(recs.count, 2)
        XCTAssertEqual(recs[0].year, 2020)
        XCTAssertEqual(recs[0].organisation, "")
        XCTAssertEqual(recs[0].themes, [])
        XCTAssertEqual(recs[0].extra.map(\.0), ["city", "district"])
        XCTAssertEqual(recs[0].value(of: "district"), .null)
        XCTAssertEqual(recs[1].value(of: "categories"), .array([.string("greenery"), .string("sport")]))
        // Written back: typed fields first, the extras after them in their order.
        XCTAssertEqual(recs[1].jsonLine, #"{"id":"w:1","year":2019,"meeting":"","organisation":"","text":"Skwer","justification":"","response":"","respondent":"","themes":[],"city":"Wrocław","district":"Krzyki","categories":["greenery","sport"]}"#)
    }

    func testMisfitTypedValuesAreKeptVerbatim() throws {
        let p = try CorpusReader.record(jsonLine: #"{"id":"x","year":"20x5","text":"t","themes":"security"}"#)
        XCTAssertNil(p.year)
        XCTAssertEqual(p.rawInvalidValue(of: "year"), .string("20x5"))
        XCTAssertEqual(p.rawInvalidValue(of: "themes"), .string("security"))
        XCTAssertEqual(p.jsonLine, #"{"id":"x","year":"20x5","meeting":"","organisation":"","text":"t","justification":"","response":"","respondent":"","themes":"security"}"#)
    }

    func testStreamingReaderReadsManyRecordsInOrderWithLineNumbers() throws {
        let dir = try makeTempDir()
        let path = dir + "/big.jsonl"
        let n = 20_000
        let records = (0..<n).map { Postulate(id: "r\($0)", year: 2021 + $0 % 6, text: "Postulat numer \($0) – zażółć") }
        try CorpusWriter.write(records, to: path)
        var count = 0
        var lastLine = 0
        try CorpusReader.forEach(path: path) { p, line in
            XCTAssertEqual(p.id, "r\(count)")
            XCTAssertEqual(line, lastLine + 1)
            lastLine = line
            count += 1
        }
        XCTAssertEqual(count, n)
    }

    func testSniffsFormatWithoutExtension() throws {
        let dir = try makeTempDir()
        try writeFile(dir + "/a.txt", "{\"id\":\"1\",\"text\":\"x\"}\n")
        try writeFile(dir + "/b.txt", "id,text\n2,y\n")
        XCTAssertEqual(try CorpusStream(path: dir + "/a.txt").format, .jsonl)
        XCTAssertEqual(try CorpusStream(path: dir + "/b.txt").format, .csv)
        XCTAssertEqual(try CorpusReader.read(path: dir + "/b.txt").first?.text, "y")
    }

    func testReadErrorsNameFileLineAndField() throws {
        let dir = try makeTempDir()
        let cases: [(String, String, CorpusError.Kind, Int, String?)] = [
            ("t.jsonl", "{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\",\"text\":\"b\n", .truncated, 2, nil),
            ("d.jsonl", "{\"id\":\"1\",\"text\":\"a\",\"text\":\"b\"}\n", .duplicateField, 1, "text"),
            ("n.jsonl", "{\"id\":\"1\",\"text\":\"a\"}\n\n[1,2]\n", .notAnObject, 3, nil),
            ("q.csv", "id,text\n1,\"open quote\n", .truncated, 2, nil),
            ("w.csv", "id,text\n1,a,b\n", .csvShape, 2, nil),
            ("h.csv", "id,text,id\n1,a,b\n", .csvShape, 1, "id"),
        ]
        for (name, text, kind, line, field) in cases {
            let path = dir + "/" + name
            try writeFile(path, text)
            XCTAssertThrowsError(try CorpusReader.read(path: path), name) { e in
                guard let e = e as? CorpusError else { return XCTFail("\(name): \(e)") }
                XCTAssertEqual(e.kind, kind, name)
                XCTAssertEqual(e.line, line, name)
                XCTAssertEqual(e.field, field, name)
                XCTAssertTrue(e.description.hasPrefix(path + ":\(line)"), e.description)
            }
            // Converting the bad file leaves no output, not even a partial one, and no temporary file.
            let out = dir + "/out-" + name + ".jsonl"
            XCTAssertThrowsError(try CorpusWriter.write(try CorpusReader.read(path: path), to: out))
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), name)
        }
        XCTAssertFalse(filesIn(dir).contains { $0.hasPrefix(".") }, "\(filesIn(dir))")
        XCTAssertThrowsError(try CorpusReader.read(path: dir + "/missing.jsonl")) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io)
        }
    }
}

/// The real development file of ../shared/eval (not committed; skipped when absent).
final class EvalDataTests: XCTestCase {
    func testPBTitlesLoadWithTheirExtraFields() throws {
        let path = repoRoot + "/../shared/eval/pb-titles-dev.jsonl"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("../shared/eval/pb-titles-dev.jsonl absent") }
        var count = 0, withCategories = 0
        try CorpusReader.forEach(path: path) { p, line in
            count += 1
            XCTAssertFalse(p.id.isEmpty, "line \(line)")
            XCTAssertNotNil(p.year, "line \(line)")
            XCTAssertNotNil(p.value(of: "city"), "line \(line)")
            if p.value(of: "categories") != nil { withCategories += 1 }
        }
        XCTAssertEqual(count, 22_118)
        XCTAssertEqual(withCategories, 2_675)
    }
}
