import Foundation
import XCTest

/// Item 7 of issue 13: one language per run. Each command is run in Polish (the default), with `POSTULATY_LANG=en`
/// and with `--lang en`, on inputs that give errors, warnings and summaries; the whole of stdout and stderr must
/// hold no word of the other language, and counts take the right Polish form (1 plik, 3 postulaty, 5 postulatów).
final class LanguageTests: XCTestCase {
    enum Lang { case pl, en }

    /// The ways to ask for a language: the default (the runner sets POSTULATY_LANG=pl), the environment, the option.
    static let runs: [(Lang, [String], [String: String?])] = [
        (.pl, [], [:]),
        (.en, [], ["POSTULATY_LANG": "en"]),
        (.en, ["--lang", "en"], [:]),
        (.pl, ["--lang", "pl"], ["POSTULATY_LANG": "en"]),  // the option wins over the environment
    ]

    static let englishWords = ["file", "files", "missing", "field", "line", "error", "errors", "expected", "found",
                               "cannot", "the", "not", "no", "such", "is", "row", "note", "skipped"]
    static let polishWords = ["plik", "pliki", "pliku", "plików", "brak", "pole", "wiersz", "wiersza", "wiersze", "linia",
                              "błąd", "błędy", "błędów", "postulat", "postulaty", "postulatów", "nie", "jest", "uwaga",
                              "oczekiwano", "kolumna", "rekord"]

    /// Fails when `text` (one run's stdout and stderr, the scratch folder's path removed) has a word of the other
    /// language. Quoted data ("…" and „…”) is not checked for words or letters; English output must hold no Polish
    /// quotation marks at all.
    func assertOneLanguage(_ text: String, _ lang: Lang, _ context: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        var unquoted = text
        if lang == .en {
            XCTAssertFalse(text.contains("„") || text.contains("”"), "\(context): Polish quotes in English:\n\(text)",
                           file: file, line: line)
        }
        for pattern in ["\"[^\"\\n]*\"", "„[^”\\n]*”"] {
            unquoted = unquoted.replacingOccurrences(of: pattern, with: "\"\"", options: .regularExpression)
        }
        let words = lang == .pl ? Self.englishWords : Self.polishWords
        let regex = try! NSRegularExpression(pattern: "\\b(" + words.joined(separator: "|") + ")\\b",
                                             options: [.caseInsensitive])
        let found = regex.matches(in: unquoted, range: NSRange(unquoted.startIndex..., in: unquoted)).map {
            String(unquoted[Range($0.range, in: unquoted)!])
        }
        XCTAssertEqual(found, [], "\(context): words of the other language in:\n\(text)", file: file, line: line)
        if lang == .en {
            let letters = unquoted.filter { "ąęłśżźćńóĄĘŁŚŻŹĆŃÓ".contains($0) }
            XCTAssertEqual(letters, "", "\(context): Polish letters in English output:\n\(text)", file: file, line: line)
        }
    }

    /// Runs `args` (plus the language option of the run) and checks the language of all it printed.
    func run(_ args: [String], _ spec: (Lang, [String], [String: String?]), in s: Scratch, stdin: Data = Data(),
             file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, text: String, stdout: String) {
        let r = try CLI.run(args + spec.1, stdin: stdin, env: spec.2, timeout: 60)
        XCTAssertFalse(r.timedOut, "\(args) hung", file: file, line: line)
        let strip = { (t: String) in t.replacingOccurrences(of: s.url.path, with: "DIR") }
        let text = strip(r.out) + "\n" + strip(r.stderr)
        assertOneLanguage(text, spec.0, "\(args + spec.1) \(spec.2)", file: file, line: line)
        return (r.status, text, strip(r.out))
    }

    // MARK: corpus validate

    static let badCorpus = """
        {"id":"a1","year":"20x5","text":"kluby seniora"}
        {"id":"a1","year":2024,"text":"","themes":["culture","culture"],"response_stance":"maybe","authored":3,"group":7}
        {"id":"","year":1700,"text":"boisko","themes":"security"}
        {"id":"a3","text":

        """

    func testValidateSpeaksOneLanguage() throws {
        let s = try Scratch()
        let bad = try s.write("bad.jsonl", Self.badCorpus)
        for spec in Self.runs {
            let r = try run(["corpus", "validate", bad], spec, in: s)
            XCTAssertEqual(r.status, 1, r.text)
            if spec.0 == .pl {
                for m in ["DIR/bad.jsonl:1: pole „year”: \"20x5\" nie jest rokiem",
                          "DIR/bad.jsonl:2: pole „id”: identyfikator „a1” powtórzony (pierwszy raz: DIR/bad.jsonl:1)",
                          "pole „response_stance”: \"maybe\" nie jest dozwolonym stanowiskiem",
                          "DIR/bad.jsonl:3: pole „id”: brak identyfikatora", "nie jest wiarygodnym rokiem",
                          "DIR/bad.jsonl:4: kolumna", "Błędy: 13 (1 plik, 3 postulaty)"] {
                    XCTAssertTrue(r.text.contains(m), "missing «\(m)» in:\n\(r.text)")
                }
            } else {
                for m in ["DIR/bad.jsonl:1: field \"year\": \"20x5\" is not a year",
                          "DIR/bad.jsonl:2: field \"id\": id \"a1\" repeated (first seen at DIR/bad.jsonl:1)",
                          "field \"response_stance\": \"maybe\" is not an allowed stance",
                          "DIR/bad.jsonl:3: field \"id\": missing id", "is not a plausible meeting year",
                          "DIR/bad.jsonl:4: column", "13 problems (1 file, 3 postulates)"] {
                    XCTAssertTrue(r.text.contains(m), "missing «\(m)» in:\n\(r.text)")
                }
            }
        }
    }

    func testValidateSummaryCountsInPolishForms() throws {
        let s = try Scratch()
        func records(_ n: Int, _ prefix: String) -> String {
            (1...n).map { "{\"id\":\"\(prefix)\($0)\",\"year\":2024,\"text\":\"kluby\"}\n" }.joined()
        }
        let one = try s.write("one.jsonl", records(1, "a")), five = try s.write("five.jsonl", records(5, "b"))
        let twentyTwo = try s.write("many.jsonl", records(22, "c"))
        let cases: [([String], String, String)] = [
            ([one], "(1 plik, 1 postulat)", "(1 file, 1 postulate)"),
            ([five], "(1 plik, 5 postulatów)", "(1 file, 5 postulates)"),
            ([twentyTwo], "(1 plik, 22 postulaty)", "(1 file, 22 postulates)"),
            ([one, five], "(2 pliki, 6 postulatów)", "(2 files, 6 postulates)"),
        ]
        for (files, pl, en) in cases {
            let p = try run(["corpus", "validate"] + files, Self.runs[0], in: s)
            XCTAssertEqual(p.status, 0, p.text)
            XCTAssertTrue(p.text.contains("OK: bez błędów " + pl), p.text)
            let e = try run(["corpus", "validate"] + files, Self.runs[1], in: s)
            XCTAssertTrue(e.text.contains("OK: no problems " + en), e.text)
        }
    }

    // MARK: import

    static let meeting = """
        Spotkanie branzowe
        W dniu 17.06.2025 r.

        Lp.
        Organizacja
        Postulat
        Uzasadnienie
        Stanowisko Wydzialu Polityki Spolecznej

        1. Fundacja Alfa

        Kluby seniora w kazdej dzielnicy.

        Seniorzy nie maja gdzie sie spotykac.

        Postulat przyjety do realizacji.

        2. Fundacja Beta

        Wiecej boisk.

        4. Fundacja Gamma

        Oswietlenie przejsc.

        Bezpieczenstwo dzieci.

        Postulat przekazany dalej.

        5. Fundacja Delta

        Dotacje dla klubow.

        Postulat zalezny od budzetu.

        """

    func testImportOfABadMeetingSpeaksOneLanguage() throws {
        let s = try Scratch()
        let txt = try s.write("meet.txt", Self.meeting)
        let out = s.path("out.jsonl")
        for spec in Self.runs {
            let before = FolderSnapshot(s.url)
            let r = try run(["import", txt, "-o", out], spec, in: s)
            XCTAssertEqual(r.status, 1, r.text)
            XCTAssertEqual(FolderSnapshot(s.url), before, "import wrote something although rows were bad")
            let expected = spec.0 == .pl
                ? ["DIR/meet.txt: uwaga: wiersz 5: brak uzasadnienia",
                   "DIR/meet.txt: nie zaimportowano: wiersz 2 (linia 18): 1 z 3 komórek treści",
                   "DIR/meet.txt: nie zaimportowano: wiersz 3: brak wiersza o tym numerze w tabeli",
                   "DIR/meet.txt: 2 nierozpoznane wiersze tabeli — nic nie zapisano"]
                : ["DIR/meet.txt: note: row 5: no justification",
                   "DIR/meet.txt: not imported: row 2 (line 18): 1 of 3 content cells",
                   "DIR/meet.txt: not imported: row 3: the table has no row with this number",
                   "DIR/meet.txt: 2 unrecognised table rows; nothing was written"]
            for m in expected { XCTAssertTrue(r.text.contains(m), "missing «\(m)» in:\n\(r.text)") }

            let ok = try run(["import", txt, "-o", out, "--skip-bad-rows"], spec, in: s)
            XCTAssertEqual(ok.status, 0, ok.text)
            XCTAssertTrue(ok.text.contains(spec.0 == .pl ? "zaimportowano 3 postulaty → DIR/out.jsonl"
                                                         : "imported 3 postulates → DIR/out.jsonl"), ok.text)
            try FileManager.default.removeItem(atPath: out)
        }
    }

    func testImportOfATextWithoutATableOrAFileSpeaksOneLanguage() throws {
        let s = try Scratch()
        let none = try s.write("none.txt", "Notatka bez tabeli\n")
        for spec in Self.runs {
            let r = try run(["import", none], spec, in: s)
            XCTAssertEqual(r.status, 1, r.text)
            XCTAssertTrue(r.text.contains(spec.0 == .pl ? "nie znaleziono tabeli postulatów" : "no table of postulates found"),
                          r.text)
            let m = try run(["import", s.path("absent.txt")], spec, in: s)
            XCTAssertEqual(m.status, 1, m.text)
            XCTAssertTrue(m.text.contains("DIR/absent.txt: " + (spec.0 == .pl ? "nie można odczytać pliku" : "cannot read the file")),
                          m.text)
        }
    }

    // MARK: stem, analyze

    func testStemWithABadLineSpeaksOneLanguage() throws {
        let s = try Scratch()
        var input = Data("kluby\n".utf8)
        input.append(contentsOf: [0xB9, 0x0A])  // "ą" in Windows-1250
        input.append(contentsOf: Data("seniora\n".utf8))
        for spec in Self.runs {
            let r = try run(["stem"], spec, in: s, stdin: input)
            XCTAssertEqual(r.status, 1, r.text)
            XCTAssertEqual(r.stdout, "klub\n\nsenior\n")
            XCTAssertTrue(r.text.contains("stdin:2: "), r.text)
            XCTAssertTrue(r.text.contains(spec.0 == .pl ? "1 błędny rekord" : "1 bad record"), r.text)
        }
    }

    func testAnalyzeOfAMissingFileSpeaksOneLanguage() throws {
        let s = try Scratch()
        for spec in Self.runs {
            let r = try run(["analyze", s.path("absent.txt")], spec, in: s)
            XCTAssertEqual(r.status, 1, r.text)
            XCTAssertTrue(r.text.contains(spec.0 == .pl ? "DIR/absent.txt: nie można otworzyć pliku (nie ma takiego pliku ani folderu)"
                                                        : "DIR/absent.txt: cannot open the file (no such file or directory)"),
                          r.text)
        }
    }

    // MARK: corpus stats

    func testStatsReportSpeaksOneLanguage() throws {
        let s = try Scratch()
        let corpus = try s.write("c.jsonl", """
            {"id":"s1","year":2024,"organisation":"Fundacja Alfa","text":"kluby","themes":["seniors"],"response_stance":"accepted","group":"g1"}
            {"id":"s2","year":2025,"organisation":"Fundacja Alfa","text":"kluby znowu","themes":["seniors","youth"],"group":"g1"}
            {"id":"s3","organisation":"","text":"boisko","themes":["culture"],"response_stance":"maybe"}
            {"id":"s4","text":

            """)
        for spec in Self.runs {
            let r = try run(["corpus", "stats", corpus, "--skip-bad"], spec, in: s)
            XCTAssertEqual(r.status, 0, r.text)
            let expected = spec.0 == .pl
                ? ["Korpus — postulaty: 3, pliki: 1\n", "  2024", "(33,3%)", "(brak roku)", "seniorzy (seniors)",
                   "culture (spoza taksonomii)", "bez tematu", "maybe (niedozwolone)", "bez oznaczenia",
                   "(brak organizacji)", "grup: 1, postulatów w grupach: 2  (66,7%)", "pominięto 1 błędny rekord"]
                : ["Corpus: 3 postulates in 1 file\n", "  2024", "(33.3%)", "(no year)", "seniors (seniors)",
                   "culture (not in the taxonomy)", "no theme", "maybe (not allowed)", "not labelled",
                   "(no organisation)", "groups: 1, postulates in groups: 2  (66.7%)", "skipped 1 bad record"]
            for m in expected { XCTAssertTrue(r.text.contains(m), "missing «\(m)» in:\n\(r.text)") }
        }
    }

    // MARK: the option itself

    func testAnUnknownLanguageIsRefusedInTheRunsLanguage() throws {
        for (env, message) in [("pl", "--lang: nieznany język „xx” (dozwolone: pl, en)"),
                               ("en", "--lang: unknown language \"xx\" (allowed: pl, en)")] {
            let r = try CLI.run(["corpus", "validate", "--lang", "xx"], env: ["POSTULATY_LANG": env])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
    }
}
