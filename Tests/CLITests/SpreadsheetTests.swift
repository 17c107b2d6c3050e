import Foundation
import XCTest

/// Issue 13, spreadsheets: every CSV the tool writes guards formulas, takes --bom and --delimiter; report CSVs
/// open in a Polish Excel; one list separator; a bad CSV row never hides the rows after it; a CSV without a text
/// column is an error that writes nothing.
final class SpreadsheetTests: XCTestCase {
    static let hostile = ["=HYPERLINK(\"http://zlo.example\",\"klik\")", "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0",
                          "@SUM(A1)", "\tz tabulatorem", "\rz powrotem karetki"]

    /// A CSV input whose texts start with every formula character (quoted where RFC 4180 needs it).
    func hostileCSV() -> String {
        var s = "id,text\n"
        for (i, t) in Self.hostile.enumerated() {
            s += "h\(i),\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n"
        }
        return s + "ok,Więcej klubów seniora w dzielnicach\n"
    }

    /// The value of column `column` in every data row of a CSV the tool wrote (parsed with RFC 4180 rules).
    func cells(_ data: Data, column: Int, delimiter: Character = ",") -> [String] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, atStart = true
        var chars = Array(String(decoding: data, as: UTF8.self).unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        let d = delimiter.unicodeScalars.first!
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && atStart {
                quoted = true
            } else if c == d {
                row.append(field); field = ""; atStart = true; continue
            } else if c == "\r" && chars.first == "\n" {
                continue
            } else if c == "\n" {
                row.append(field); field = ""; rows.append(row); row = []; atStart = true; continue
            } else { field.unicodeScalars.append(c) }
            atStart = false
        }
        return rows.dropFirst().map { column < $0.count ? $0[column] : "" }
    }

    func testTagCSVGuardsFormulas() throws {
        let s = try Scratch()
        let input = try s.write("wnioski.csv", hostileCSV())
        let r = try CLI.run(["tag", input, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let texts = cells(r.stdout, column: 1)
        XCTAssertEqual(texts, Self.hostile.map { "'" + $0 } + ["Więcej klubów seniora w dzielnicach"])
        // The same from JSONL input.
        var jsonl = ""
        for (i, t) in Self.hostile.enumerated() {
            let escaped = t.replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\r", with: "\\r")
            jsonl += "{\"id\":\"h\(i)\",\"text\":\"\(escaped)\"}\n"
        }
        let j = try CLI.run(["tag", try s.write("w.jsonl", jsonl), "--format", "csv"])
        XCTAssertEqual(j.status, 0, j.stderr)
        XCTAssertEqual(cells(j.stdout, column: 1), Self.hostile.map { "'" + $0 })
    }

    func testTagBOMAndDelimiter() throws {
        let s = try Scratch()
        let input = try s.write("wnioski.csv", "id,text\n1,\"Kluby seniora; świetlice, dzielnice\"\n")
        let plain = try CLI.run(["tag", input])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.out.hasPrefix("id,text,predicted,scores,evidence,why,no_theme\r\n"), plain.out)

        let out = s.path("excel.csv")
        let r = try CLI.run(["tag", input, "--bom", "--delimiter", ";", "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: bytes.dropFirst(3), as: UTF8.self)
            .hasPrefix("id;text;predicted;scores;evidence;why;no_theme\r\n"))
        XCTAssertEqual(cells(bytes, column: 1, delimiter: ";"), ["Kluby seniora; świetlice, dzielnice"])
        XCTAssertEqual(Array(bytes.dropFirst(3)).filter { $0 == 0xEF }.count, 0, "one BOM, at the start only")

        let tab = try CLI.run(["tag", input, "--delimiter", "tab"])
        XCTAssertEqual(tab.status, 0, tab.stderr)
        XCTAssertTrue(tab.out.hasPrefix("id\ttext\tpredicted\t"), tab.out)

        let bad = try CLI.run(["tag", input, "--delimiter", "|"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--delimiter"), bad.stderr)
        let jsonl = try CLI.run(["tag", input, "--format", "jsonl", "--bom"])
        XCTAssertEqual(jsonl.status, 1)
        XCTAssertTrue(jsonl.stderr.contains("--bom i --delimiter dotyczą wyjścia CSV"), jsonl.stderr)
        XCTAssertTrue(jsonl.out.isEmpty)
    }

    func testOverWideRowIsReportedAndTheRowsAfterItAreTagged() throws {
        let s = try Scratch()
        let input = try s.write("wnioski.csv", "id,text\n1,Kluby seniora\n2,Monitoring,parków,miejskich\n3,Dotacje dla NGO\n4,Świetlice młodzieżowe\n")
        let out = s.path("out.csv")
        let r = try CLI.run(["tag", input, "-o", out])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("\(input):3: wiersz ma 4 komórki, a nagłówek 2 kolumny"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 błędny rekord (poprawnych: 3)"), r.stderr)
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(cells(written, column: 0), ["1", "3", "4"], "the rows after the bad one are tagged")

        let skip = try CLI.run(["tag", input, "--skip-bad"])
        XCTAssertEqual(skip.status, 0, skip.stderr)
        XCTAssertTrue(skip.stderr.contains("pominięto 1 błędny rekord (poprawnych: 3)"), skip.stderr)
        XCTAssertEqual(cells(skip.stdout, column: 0), ["1", "3", "4"])

        let en = try CLI.run(["tag", input], env: ["POSTULATY_LANG": "en"])
        XCTAssertEqual(en.status, 1)
        XCTAssertTrue(en.stderr.contains("\(input):3: the row has 4 cells and the header 2 columns"), en.stderr)
        XCTAssertTrue(en.stderr.contains("1 bad record (good: 3)"), en.stderr)
    }

    func testUnterminatedQuoteSaysTheRestCouldNotBeRead() throws {
        let s = try Scratch()
        let input = try s.write("urwany.csv", "id,text\n1,Kluby seniora\n2,\"Monitoring parków\n3,Dotacje\n")
        let r = try CLI.run(["tag", input])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(input):3: komórka 2: brak zamykającego cudzysłowu (plik urwany?); dalszej części pliku nie można odczytać"), r.stderr)
        XCTAssertEqual(cells(r.stdout, column: 0), ["1"])
    }

    func testMissingTextColumnIsAnErrorAndWritesNothing() throws {
        let s = try Scratch()
        let input = try s.write("wnioski.csv", "ID;Opis;Rok\n1;Kluby seniora;2024\n")
        let before = FolderSnapshot(s.url)
        let r = try CLI.run(["tag", input, "-o", s.path("out.csv")])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(input):1: brak kolumny z treścią postulatu; kolumny w nagłówku: „ID”, „Opis”, „Rok”; przyjmowane nazwy (wielkość liter bez znaczenia): text, nazwa projektu, nazwa zadania, postulat, tekst, title, tresc, treść, treść postulatu, tytul, tytul projektu, tytuł, tytuł projektu, tytuł zadania"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before, "no output, no temporary file")
        XCTAssertTrue(r.out.isEmpty)

        let stats = try CLI.run(["corpus", "stats", input])
        XCTAssertEqual(stats.status, 1)
        XCTAssertTrue(stats.stderr.contains("brak kolumny z treścią postulatu"), stats.stderr)
        let validate = try CLI.run(["corpus", "validate", input])
        XCTAssertEqual(validate.status, 1)
        XCTAssertTrue(validate.out.contains("brak kolumny z treścią postulatu"), validate.out)

        // English names in any case are recognised.
        let ok = try s.write("ok.csv", "ID,TEXT,Justification\n1,Kluby seniora,Bo tak\n")
        let t = try CLI.run(["tag", ok])
        XCTAssertEqual(t.status, 0, t.stderr)
        XCTAssertEqual(cells(t.stdout, column: 1), ["Kluby seniora"])
    }

    func testConvertGuardsAndRoundTripsByteIdentical() throws {
        let s = try Scratch()
        let input = try s.write("in.csv", hostileCSV())
        for delimiter in [",", ";", "tab"] {
            let j = s.path("a-\(delimiter).jsonl"), c1 = s.path("b-\(delimiter).csv"), j2 = s.path("c-\(delimiter).jsonl"),
                c2 = s.path("d-\(delimiter).csv")
            XCTAssertEqual(try CLI.run(["corpus", "convert", input, j]).status, 0)
            let jsonl = try String(contentsOfFile: j, encoding: .utf8)
            XCTAssertTrue(jsonl.contains("\"text\":\"=HYPERLINK("), "the guard is removed on reading: \(jsonl)")
            XCTAssertEqual(try CLI.run(["corpus", "convert", j, c1, "--delimiter", delimiter, "--bom"]).status, 0)
            XCTAssertEqual(try CLI.run(["corpus", "convert", c1, j2]).status, 0)
            XCTAssertEqual(try CLI.run(["corpus", "convert", j2, c2, "--delimiter", delimiter, "--bom"]).status, 0)
            let b1 = try Data(contentsOf: URL(fileURLWithPath: c1)), b2 = try Data(contentsOf: URL(fileURLWithPath: c2))
            XCTAssertEqual(b1, b2, "CSV → JSONL → CSV (\(delimiter))")
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: j)), try Data(contentsOf: URL(fileURLWithPath: j2)))
            XCTAssertEqual(Array(b1.prefix(3)), [0xEF, 0xBB, 0xBF])
            let d: Character = delimiter == "tab" ? "\t" : Character(delimiter)
            XCTAssertEqual(cells(b1, column: 4, delimiter: d).prefix(6).map { $0 }, Self.hostile.map { "'" + $0 },
                           "text is the 5th column of a converted corpus")
        }
        // From the original CSV (as a spreadsheet would give it), the tool's CSV round trips too.
        XCTAssertEqual(try CLI.run(["corpus", "convert", input, s.path("x.csv")]).status, 0)
        XCTAssertEqual(try CLI.run(["corpus", "convert", s.path("x.csv"), s.path("x.jsonl")]).status, 0)
        XCTAssertEqual(try CLI.run(["corpus", "convert", s.path("x.jsonl"), s.path("y.csv")]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: s.path("x.csv"))),
                       try Data(contentsOf: URL(fileURLWithPath: s.path("y.csv"))))
    }

    func testReportCSVsForAPolishSpreadsheetAndBarSeparatedLists() throws {
        let s = try Scratch()
        let dir = s.path("raport")
        let r = try CLI.run(["report", "Corpora/authored-a.jsonl", "-o", dir, "--no-recurring"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let csvNames = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".csv") }
        XCTAssertFalse(csvNames.isEmpty)
        for name in csvNames {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], name)
        }
        let postulates = try Data(contentsOf: URL(fileURLWithPath: dir + "/postulates.csv"))
        XCTAssertTrue(String(decoding: postulates.dropFirst(3), as: UTF8.self)
            .hasPrefix("id;year;meeting;organisation;themes;stance;text;response\n"))
        let themes = cells(postulates, column: 4, delimiter: ";")
        XCTAssertTrue(themes.contains { $0.contains("|") }, "some postulate has two themes, joined by |")
        XCTAssertFalse(themes.contains { $0.contains(" ") }, "no space-joined themes")

        let rfc = s.path("rfc")
        let r2 = try CLI.run(["report", "Corpora/authored-a.jsonl", "-o", rfc, "--no-recurring", "--delimiter", ",", "--no-bom"])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        let plain = try String(contentsOfFile: rfc + "/themes_by_year.csv", encoding: .utf8)
        XCTAssertTrue(plain.hasPrefix("theme,theme_label,year,"), plain)
        XCTAssertTrue(cells(Data(plain.utf8), column: 5).allSatisfy { $0.contains(".") }, "decimal point")
    }
    /// A clerk's spreadsheet: a year cell with spaces around it is that year; a year that is no year and a row
    /// without text are counted by the report but named on stderr (file, line, value) — never silently.
    func testReportNamesRowsItCannotPlaceAndReadsAPaddedYear() throws {
        let s = try Scratch()
        let input = try s.write("lata.csv", "\u{FEFF}id;rok;treść\r\n1;2024;Plac zabaw\r\n2;2025 r.;Oświetlenie\r\n3; 2025 ;Remont chodnika\r\n4;2025;Kluby seniora\r\n5;2025;\r\n")
        let r = try CLI.run(["report", input, "-o", s.path("out"), "--no-recurring"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("uwaga: 1 postulat z niepoprawnym rokiem (w raporcie: „rok nieznany”) (pierwszy: \(input):3: \"2025 r.\")"), r.stderr)
        XCTAssertTrue(r.stderr.contains("uwaga: 1 postulat bez treści (pierwszy: \(input):6)"), r.stderr)
        let html = try String(contentsOfFile: s.path("out/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Rok nieznany: 1."), "only the 2025 r. row is of an unknown year")
        let years = try CLI.run(["corpus", "convert", input, s.path("x.jsonl")])
        XCTAssertEqual(years.status, 0, years.stderr)
        let line3 = try String(contentsOfFile: s.path("x.jsonl"), encoding: .utf8).split(separator: "\n")[2]
        XCTAssertTrue(line3.contains("\"year\":2025"), String(line3))
    }
    /// A clerk's sheet with Polish headers ("Identyfikator", "Dzielnica"), and one whose ids are empty or repeated:
    /// every command that links records by id names the row before any work, the same way.
    func testPolishIdHeaderAndMissingOrRepeatedIdsNamedByRow() throws {
        let s = try Scratch()
        let good = try s.write("nowe.csv", "Identyfikator;Rok;Dzielnica;Treść postulatu\na1;2024;Oksywie;Plac zabaw przy szkole\na2;2025;Oksywie;Plac zabaw przy szkole\n")
        let conv = try CLI.run(["corpus", "convert", good, s.path("nowe.jsonl")])
        XCTAssertEqual(conv.status, 0, conv.stderr)
        let first = try String(contentsOfFile: s.path("nowe.jsonl"), encoding: .utf8).split(separator: "\n")[0]
        XCTAssertTrue(first.hasPrefix("{\"id\":\"a1\",\"year\":2024"), String(first))
        XCTAssertTrue(first.contains("\"district\":\"Oksywie\""), String(first))
        let paired = try CLI.run(["dedupe", good, "--same", "district"])
        XCTAssertEqual(paired.status, 0, paired.stderr)
        XCTAssertTrue(paired.out.contains("\"a1\""), paired.out)

        let empty = try s.write("puste.csv", "Identyfikator;Rok;Treść postulatu\n;2024;Plac zabaw\n;2025;Oświetlenie\n")
        let twice = try s.write("dwa.csv", "id;rok;treść\na1;2024;Plac zabaw\na1;2025;Oświetlenie\n")
        let commands: [(before: [String], after: [String])] = [(["report"], ["-o", s.path("r")]),
                                                               (["index", "build"], ["-o", s.path("x.index")]), (["dedupe"], [])]
        for c in commands {
            let e = try CLI.run(c.before + [empty] + c.after)
            XCTAssertEqual(e.status, 1, "\(c.before): \(e.stderr)")
            XCTAssertTrue(e.stderr.contains("\(empty):2: pole „id”: brak identyfikatora"), "\(c.before): \(e.stderr)")
            let d = try CLI.run(c.before + [twice] + c.after)
            XCTAssertEqual(d.status, 1, "\(c.before): \(d.stderr)")
            XCTAssertTrue(d.stderr.contains("\(twice):3: pole „id”: „a1” powtarza identyfikator z \(twice):2"), "\(c.before): \(d.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("r")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("x.index")))
        // without the recurring demands the report needs no ids
        XCTAssertEqual(try CLI.run(["report", empty, "-o", s.path("r"), "--no-recurring"]).status, 0)
    }

    /// A participatory-budget sheet names the project's title and description, the city and the district: the
    /// title is what is asked for (text), the description its reasons (justification), and `--same city`/`--same
    /// district` read the other two.
    func testParticipatoryBudgetSheetHeaders() throws {
        let s = try Scratch()
        let sheet = try s.write("projekty.csv", "ID projektu;Tytuł projektu;Opis;Miasto;Dzielnica;Rok\n"
            + "p1;Plac zabaw przy ul. Długiej;Dla dzieci z osiedla;Gdynia;Oksywie;2023\n"
            + "p2;Plac zabaw przy ul. Długiej;Dla dzieci z osiedla;Gdynia;Oksywie;2024\n"
            + "p3;Plac zabaw przy ul. Długiej;Dla dzieci z osiedla;Sopot;Oksywie;2024\n")
        let conv = try CLI.run(["corpus", "convert", sheet, s.path("p.jsonl")])
        XCTAssertEqual(conv.status, 0, conv.stderr)
        let lines = try String(contentsOfFile: s.path("p.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        for part in ["\"id\":\"p1\",\"year\":2023,", "\"text\":\"Plac zabaw przy ul. Długiej\",\"justification\":\"Dla dzieci z osiedla\",",
                     "\"city\":\"Gdynia\",\"district\":\"Oksywie\"}"] {
            XCTAssertTrue(lines[0].contains(part), "\(part) in \(lines[0])")
        }
        let pairs = try CLI.run(["dedupe", sheet, "--same", "city", "--format", "jsonl"])
        XCTAssertEqual(pairs.status, 0, pairs.stderr)
        let found = pairs.out.split(separator: "\n").filter { $0.hasPrefix("{\"a\":") }
        XCTAssertEqual(found, ["{\"a\":\"p1\",\"b\":\"p2\",\"score\":1.0}"], pairs.out)
    }
    /// "Nr projektu" and "Numer zadania" are a sheet's id column too; a sheet whose id column has a name not known
    /// is told the names accepted and the fields its row has; a JSONL record with `title` but no `text` is told
    /// that JSONL's text is `text`.
    func testMoreIdHeadersAndWhatAMissingIdOrTextMessageLists() throws {
        let s = try Scratch()
        let nr = try s.write("nr.csv", "Nr projektu;Rok;Tytuł projektu\r\nA1;2024;Plac zabaw\r\nA2;2025;Plac zabaw\r\n")
        let paired = try CLI.run(["dedupe", nr, "--format", "jsonl"])
        XCTAssertEqual(paired.status, 0, paired.stderr)
        XCTAssertTrue(paired.out.contains("{\"a\":\"A1\",\"b\":\"A2\""), paired.out)
        let zadanie = try s.write("z.csv", "Numer zadania;Tytuł zadania\nZ1;Ławki\n")
        let conv = try CLI.run(["corpus", "convert", zadanie, "-o", s.path("z.jsonl")])
        XCTAssertEqual(conv.status, 0, conv.stderr)
        XCTAssertTrue(try String(contentsOfFile: s.path("z.jsonl"), encoding: .utf8).hasPrefix("{\"id\":\"Z1\""))

        let kod = try s.write("kod.csv", "Kod;Rok;Dzielnica;Tytuł projektu\nK1;2024;Obłuże;Plac zabaw\n")
        let missing = try CLI.run(["dedupe", kod])
        XCTAssertEqual(missing.status, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("\(kod):2: pole „id”: brak identyfikatora"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("„nr projektu”"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("pola tego rekordu: year, text, Kod, district)"), missing.stderr)

        let title = try s.write("t.jsonl", "{\"id\":\"a1\",\"title\":\"Plac zabaw\"}\n{\"id\":\"a2\",\"text\":\"Plac\"}\n")
        let v = try CLI.run(["corpus", "validate", title])
        XCTAssertEqual(v.status, 1, v.stderr)
        XCTAssertTrue((v.out + v.stderr).contains("t.jsonl:1: pole „text”: brak treści postulatu (rekord ma pole „title”: w JSONL treść postulatu to pole „text”)"),
                      v.out + v.stderr)
        XCTAssertFalse((v.out + v.stderr).contains("t.jsonl:2:"), v.out + v.stderr)
    }
}

