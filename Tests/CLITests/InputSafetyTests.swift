import Foundation
import XCTest

/// Item 2 of docs/reliability.md: what is not a corpus file is refused with a message naming it, never read as an
/// empty corpus; other encodings are named; one bad-record policy for every command that reads records.
final class InputSafetyTests: XCTestCase {
    /// Three good records and, on line 3, one that is cut off.
    static let oneBadLine = """
        {"id":"p1","year":2024,"text":"Więcej klubów seniora w dzielnicach","themes":["seniors"]}
        {"id":"p2","year":2025,"text":"Oświetlenie przejść dla pieszych przy szkołach","themes":["security"]}
        {"id":"p3","text":
        {"id":"p4","year":2025,"text":"Zajęcia dla młodzieży w domach kultury","themes":["youth"]}

        """

    // MARK: things that are not corpus files

    func testFolderEmptyFileFIFOAndDeviceAreRefusedAndTheIndexIsKept() throws {
        let s = try Scratch()
        let index = try s.copy("Models/similarity.index", as: "out.index")
        try FileManager.default.createDirectory(atPath: s.path("folder.jsonl"), withIntermediateDirectories: true)
        try s.write("empty.jsonl", "")
        XCTAssertEqual(mkfifo(s.path("pipe.jsonl"), 0o644), 0)
        let before = FolderSnapshot(s.url)
        let cases: [(String, String)] = [(s.path("folder.jsonl"), "to folder"), (s.path("empty.jsonl"), "plik jest pusty"),
                                         (s.path("pipe.jsonl"), "potok nazwany (FIFO)"), ("/dev/zero", "urządzenie")]
        for (input, message) in cases {
            for args in [["index", "build", input, "-o", index], ["index", "add", input, "--index", index],
                         ["tag", input], ["dedupe", input], ["corpus", "stats", input], ["analyze", input],
                         ["similar", "--batch", input, "--index", index]] {
                let r = try CLI.run(args, timeout: 20)
                XCTAssertFalse(r.timedOut, "\(args) hung")
                XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains(input) && r.stderr.contains(message), "\(args): \(r.stderr)")
                XCTAssertEqual(r.stdout.count, 0, "\(args) wrote to stdout")
            }
        }
        XCTAssertEqual(FolderSnapshot(s.url), before, "the index was changed or a temporary file left")
    }

    func testValidatingAFolderEndsAtOnceWithAnError() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(atPath: s.path("x.jsonl"), withIntermediateDirectories: true)
        let r = try CLI.run(["corpus", "validate", s.path("x.jsonl")], timeout: 20)
        XCTAssertFalse(r.timedOut, "validate of a folder never ended")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.out.contains("x.jsonl: to folder"), r.out)
    }

    func testAnIndexIsNeverBuiltFromNoRecords() throws {
        let s = try Scratch()
        let index = try s.copy("Models/similarity.index", as: "out.index")
        let blank = try s.write("blank.jsonl", "\n  \n")
        let before = FolderSnapshot(s.url)
        let r = try CLI.run(["index", "build", blank, "-o", index])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(blank): plik nie zawiera żadnego rekordu"), r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before)
    }

    // MARK: encodings

    func testOtherEncodingsAreNamed() throws {
        let s = try Scratch()
        // ą, ś and ź tell CP1250 from ISO-8859-2 (ó, ń, ł are the same bytes in both).
        let text = "{\"id\":\"a\",\"text\":\"Kąpielisko, ścieżki i źródełko dla mieszkańców Łagiewnik\"}\n"
        var le = Data([0xFF, 0xFE]); le.append(text.data(using: .utf16LittleEndian)!)
        var be = Data([0xFE, 0xFF]); be.append(text.data(using: .utf16BigEndian)!)
        let cases: [(String, Data, String)] = [
            ("le-bom.jsonl", le, "UTF-16 LE"), ("be-bom.jsonl", be, "UTF-16 BE"),
            ("le.jsonl", text.data(using: .utf16LittleEndian)!, "UTF-16 LE"),
            ("cp.jsonl", text.data(using: .windowsCP1250)!, "Windows-1250"),
            ("iso.jsonl", text.data(using: .isoLatin2)!, "ISO-8859-2"),
            // an index given where records are expected: one line, not a stream of "not UTF-8" and binary "records"
            ("similarity.index", try Data(contentsOf: CLI.repoRoot.appendingPathComponent("Models/similarity.index")), "to nie jest plik tekstowy"),
        ]
        for (name, data, encoding) in cases {
            let path = try s.write(name, data)
            for args in [["tag", path], ["index", "build", path, "-o", s.path("i")], ["corpus", "stats", path]] {
                let r = try CLI.run(args)
                XCTAssertEqual(r.status, 1, "\(name) \(args)")
                XCTAssertTrue(r.stderr.contains("\(path):1: ") && r.stderr.contains(encoding), "\(name) \(args): \(r.stderr)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("i")))
    }

    // MARK: the bad-record policy

    /// Every command that builds something from a whole corpus: a bad record fails the run naming file and line,
    /// nothing is written; with --skip-bad the rest is used and the count printed.
    func testWholeCorpusCommandsFailOnABadRecordAndSkipItOnlyWhenAsked() throws {
        let s = try Scratch()
        let input = try s.write("in.jsonl", Self.oneBadLine)
        let cases: [(name: String, args: [String], output: String?)] = [
            ("index build", ["index", "build", input, "-o", s.path("i.index")], s.path("i.index")),
            ("dedupe", ["dedupe", input], nil),
            ("corpus stats", ["corpus", "stats", input], nil),
            ("corpus convert", ["corpus", "convert", input, s.path("c.csv")], s.path("c.csv")),
            ("report", ["report", input, "-o", s.path("rep"), "--no-recurring"], s.path("rep")),
        ]
        for c in cases {
            let r = try CLI.run(c.args)
            XCTAssertEqual(r.status, 1, "\(c.name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("\(input):3: "), "\(c.name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("1 błędny rekord (poprawnych: 3)"), "\(c.name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--skip-bad"), "\(c.name): \(r.stderr)")
            XCTAssertEqual(r.stdout.count, 0, "\(c.name) wrote output")
            if let out = c.output { XCTAssertFalse(FileManager.default.fileExists(atPath: out), c.name) }

            let k = try CLI.run(c.args + ["--skip-bad"])
            XCTAssertEqual(k.status, 0, "\(c.name) --skip-bad: \(k.stderr)")
            XCTAssertTrue(k.stderr.contains("\(input):3: "), "\(c.name): \(k.stderr)")
            XCTAssertTrue(k.stderr.contains("pominięto 1 błędny rekord (poprawnych: 3)"), "\(c.name): \(k.stderr)")
            if let out = c.output { XCTAssertTrue(FileManager.default.fileExists(atPath: out), c.name) }
        }
        let info = try CLI.run(["index", "info", "--index", s.path("i.index")])
        XCTAssertTrue(info.out.hasPrefix("{\"postulates\":3,"), info.out)
    }

    func testIndexAddWithABadRecordAddsNothing() throws {
        let s = try Scratch()
        let index = try s.copy("Models/similarity.index", as: "out.index")
        let input = try s.write("in.jsonl", Self.oneBadLine)
        let before = FolderSnapshot(s.url)
        let r = try CLI.run(["index", "add", input, "--index", index])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(input):3: "), r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before)
        let k = try CLI.run(["index", "add", input, "--index", index, "--skip-bad"])
        XCTAssertEqual(k.status, 0, k.stderr)
        XCTAssertTrue(k.stderr.contains("dodano 3"), k.stderr)
    }

    func testTrainWithABadRecordWritesNoModel() throws {
        let s = try Scratch()
        var text = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/authored-a.jsonl"), encoding: .utf8)
        text += "{\"id\":\"cut\",\"text\":\n"
        let input = try s.write("train.jsonl", text)
        let model = try s.copy("Models/themes.model", as: "m.model")
        let before = FolderSnapshot(s.url)
        let r = try CLI.run(["train", input, "-o", model])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(input):231: "), r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before, "the model was replaced although a record was bad")
    }

    /// The streaming commands write what is good, report each bad record, and end with the count: exit 1, or 0 with
    /// --skip-bad. `stem` keeps one output line per input line (empty for a bad one).
    func testStreamingCommandsWriteTheGoodRecordsAndFailAtTheEnd() throws {
        let s = try Scratch()
        let input = try s.write("in.jsonl", Self.oneBadLine)
        var queries = Data("kluby seniora\n".utf8); queries.append(contentsOf: [0x7A, 0xB9, 0x0A]); queries.append(Data("oświetlenie\n".utf8))
        let batch = try s.write("q.txt", queries)
        for skip in [false, true] {
            let extra = skip ? ["--skip-bad"] : []
            let t = try CLI.run(["tag", input] + extra)
            XCTAssertEqual(t.status, skip ? 0 : 1, t.stderr)
            XCTAssertEqual(t.out.split(separator: "\n").map { $0.prefix(11) }, ["{\"id\":\"p1\",", "{\"id\":\"p2\",", "{\"id\":\"p4\","])
            XCTAssertTrue(t.stderr.contains("\(input):3: "), t.stderr)

            let q = try CLI.run(["similar", "--batch", batch, "--top", "1"] + extra)
            XCTAssertEqual(q.status, skip ? 0 : 1, q.stderr)
            XCTAssertEqual(q.out.split(separator: "\n").map { $0.prefix(9) }, ["{\"line\":1", "{\"line\":3"])
            XCTAssertTrue(q.stderr.contains("\(batch):2: ") && q.stderr.contains("Windows-1250"), q.stderr)

            let st = try CLI.run(["stem"] + extra, stdin: queries)
            XCTAssertEqual(st.status, skip ? 0 : 1, st.stderr)
            XCTAssertEqual(st.out.split(separator: "\n", omittingEmptySubsequences: false).count, 4)
            for r in [t, q, st] {
                XCTAssertTrue(r.stderr.contains(skip ? "pominięto 1 błędny rekord" : "1 błędny rekord ("), r.stderr)
            }
        }
    }

    /// A record with no fields of its own still gives a JSON line (was `{,"predicted":…`, which no reader parses).
    /// A streaming command lists at most 20 bad records, then their count, as the whole-file readers do (a user saw
    /// all 30, or 195 for a binary file).
    func testStreamingBadRecordsAreListedUpToTwentyThenCounted() throws {
        let s = try Scratch()
        let input = try s.write("b.jsonl", String(repeating: "{broken\n", count: 30) + "{\"id\":\"a\",\"text\":\"Kluby seniora\"}\n")
        let r = try CLI.run(["tag", input])
        XCTAssertEqual(r.status, 1, r.stderr)
        let lines = r.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("\(input):") }.count, 20, r.stderr)
        XCTAssertTrue(lines.contains("… i 10 więcej"), r.stderr)
        XCTAssertTrue(r.out.contains("\"id\":\"a\""), "the good record is tagged")
    }

    /// A record with nothing to tag (no text, no justification: `{}`, blanks, a CSV row of empty cells) is a bad
    /// record naming its line and field, not a row claiming "no theme"; the other rows are tagged and valid JSON.
    func testTagReportsARecordWithoutTextAndTagsTheRest() throws {
        let r = try CLI.run(["tag", "-"], stdin: Data("{}\n{\"text\":\"kluby seniora\"}\n{\"id\":\"c\",\"text\":\"  \"}\n{\"justification\":\"dla dzieci\"}\n".utf8))
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("stdin:1: pole „text”: brak treści postulatu"), r.stderr)
        XCTAssertTrue(r.stderr.contains("stdin:3: pole „text”: brak treści postulatu"), r.stderr)
        XCTAssertTrue(r.stderr.contains("2 błędne rekordy (poprawnych: 2)"), r.stderr)
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.out)
        for line in lines {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertNotNil(obj?["predicted"], String(line))
        }
        XCTAssertTrue(lines.last?.hasPrefix("{\"justification\":\"dla dzieci\",\"predicted\":[") == true, r.out)
        let s = try Scratch()
        let csv = try s.write("in.csv", "id;tekst;uzasadnienie\r\n1;;\r\n2;Plac zabaw;\r\n")
        for jobs in ["1", "2"] {
            let c = try CLI.run(["tag", csv, "--skip-bad", "--jobs", jobs])
            XCTAssertEqual(c.status, 0, c.stderr)
            XCTAssertTrue(c.stderr.contains("in.csv:2: pole „text”"), c.stderr)
            XCTAssertEqual(c.out.split(whereSeparator: \.isNewline).count, 2, c.out)  // CSV rows end in CRLF
        }
    }

    func testEmptyInputToTagIsAnErrorAndWritesNoFile() throws {
        let s = try Scratch()
        let r = try CLI.run(["tag", "-", "-o", s.path("out.jsonl")], stdin: Data("\n\n".utf8))
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("stdin: brak postulatów"), r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url).files.count, 0)
    }

    // MARK: one language per run

    func testMessagesAreInOneLanguageChosenByLangOrTheEnvironment() throws {
        let s = try Scratch()
        let input = try s.write("in.jsonl", Self.oneBadLine)
        let en = try CLI.run(["dedupe", input], env: ["POSTULATY_LANG": "en"])
        XCTAssertTrue(en.stderr.contains("Error: ") && en.stderr.contains("1 bad record (good: 3)"), en.stderr)
        XCTAssertFalse(en.stderr.contains("rekord"), en.stderr)
        let locale = try CLI.run(["dedupe", input], env: ["POSTULATY_LANG": nil, "LC_ALL": nil, "LC_MESSAGES": nil,
                                                          "LANG": "en_GB.UTF-8"])
        XCTAssertTrue(locale.stderr.contains("1 bad record"), locale.stderr)
        let pl = try CLI.run(["dedupe", input], env: ["POSTULATY_LANG": nil, "LC_ALL": nil, "LC_MESSAGES": nil, "LANG": nil])
        XCTAssertTrue(pl.stderr.contains("Błąd: ") && pl.stderr.contains("1 błędny rekord"), pl.stderr)
        let flag = try CLI.run(["report", input, "-o", s.path("r"), "--lang", "en"])
        XCTAssertTrue(flag.stderr.contains("1 bad record"), flag.stderr)
    }

    func testVersion() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertNotNil(r.out.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), r.out)
    }
}
