import Foundation
import XCTest

/// `postulaty corpus stats|validate|convert` as a user runs them: exit statuses, what goes to stdout and to
/// stderr, `--top`, `--delimiter`, `--bom`, and the outputs byte for byte against `Expected/`.
final class CorpusContractTests: XCTestCase {
    func testValidateExitsZeroOnlyWhenEveryRecordIsValid() throws {
        let s = try Contract.scratch(["contract.jsonl", "invalid.jsonl"])
        let ok = try Contract.run(["corpus", "validate", "contract.jsonl"], in: s)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(ok.out, "", "no problems: nothing on stdout")
        XCTAssertEqual(ok.stderr, "OK: bez błędów (1 plik, 9 postulatów)\n")

        let bad = try Contract.run(["corpus", "validate", "contract.jsonl", "invalid.jsonl"], in: s)
        XCTAssertEqual(bad.status, 1, bad.stderr)
        // One problem a line on stdout (file:line: field), the summary on stderr; 2100 is still a plausible year.
        Contract.check("corpus-validate-invalid.txt", bad.stdout)
        XCTAssertEqual(bad.out.split(separator: "\n").count, 2)
        XCTAssertTrue(bad.out.hasPrefix("invalid.jsonl:2:"), bad.out)
        XCTAssertEqual(bad.stderr, "Błędy: 2 (2 pliki, 13 postulatów)\n")

        let en = try Contract.run(["corpus", "validate", "invalid.jsonl", "--lang", "en"], in: s)
        XCTAssertEqual(en.status, 1)
        XCTAssertEqual(en.stderr, "2 problems (1 file, 4 postulates)\n")
    }

    func testStatsAndItsTopOption() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let all = try Contract.run(["corpus", "stats", "contract.jsonl"], in: s)
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual(all.stderr, "")
        Contract.check("corpus-stats.txt", all.stdout)
        let top1 = try Contract.run(["corpus", "stats", "contract.jsonl", "--top", "1"], in: s)
        XCTAssertEqual(top1.status, 0, top1.stderr)
        Contract.check("corpus-stats-top1.txt", top1.stdout)
        // --top N lists N organisations: the section shrinks by exactly the others.
        let orgs = { (r: CLI.Result) in r.out.components(separatedBy: "\nOrganizacje").last?.components(separatedBy: "\n\n").first ?? "" }
        XCTAssertEqual(orgs(top1).split(separator: "\n").count, 2, orgs(top1))
        XCTAssertEqual(orgs(all).split(separator: "\n").count, 7, orgs(all))
    }

    func testConvertBothWaysWithDelimiterAndBOM() throws {
        let s = try Contract.scratch(["contract.jsonl"])
        let r = try Contract.run(["corpus", "convert", "contract.jsonl", "out.csv", "--delimiter", ";", "--bom"], in: s)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out, "", "the converted records go to the file, not stdout")
        XCTAssertEqual(r.stderr, "contract.jsonl → out.csv: 9 postulatów\n")
        let csv = try Data(contentsOf: s.url.appendingPathComponent("out.csv"))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "--bom")
        Contract.check("convert-semicolon-bom.csv", csv)

        let plain = try Contract.run(["corpus", "convert", "contract.jsonl", "plain.csv"], in: s)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let plainCSV = try Data(contentsOf: s.url.appendingPathComponent("plain.csv"))
        XCTAssertNotEqual(Array(plainCSV.prefix(3)), [0xEF, 0xBB, 0xBF], "no mark without --bom")
        XCTAssertTrue(String(decoding: plainCSV, as: UTF8.self).hasPrefix("id,year,"), "',' by default")

        // And back: the CSV read and written again gives the same bytes (JSONL → CSV loses nothing).
        let back = try Contract.run(["corpus", "convert", "out.csv", "back.jsonl"], in: s)
        XCTAssertEqual(back.status, 0, back.stderr)
        let again = try Contract.run(["corpus", "convert", "back.jsonl", "again.csv", "--delimiter", ";", "--bom"], in: s)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("again.csv")), csv)

        // An output name that chooses no format is refused (it silently got JSONL).
        let txt = try Contract.run(["corpus", "convert", "contract.jsonl", "wynik.txt"], in: s)
        XCTAssertEqual(txt.status, 1, txt.stderr)
        XCTAssertTrue(txt.stderr.contains("wynik.txt: nazwa pliku wyjściowego wybiera format — zakończ ją na .jsonl albo .csv"), txt.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.url.appendingPathComponent("wynik.txt").path))

        // `-o FILE`, as every other command writes, gives the same file; no output at all, or two, is said.
        let dashO = try Contract.run(["corpus", "convert", "back.jsonl", "-o", "o.csv", "--delimiter", ";", "--bom"], in: s)
        XCTAssertEqual(dashO.status, 0, dashO.stderr)
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("o.csv")), csv)
        let none = try Contract.run(["corpus", "convert", "back.jsonl"], in: s)
        XCTAssertNotEqual(none.status, 0)
        XCTAssertTrue(none.stderr.contains("podaj plik wyjściowy: drugi argument albo -o PLIK"), none.stderr)
        let two = try Contract.run(["corpus", "convert", "back.jsonl", "a.csv", "-o", "b.csv"], in: s)
        XCTAssertNotEqual(two.status, 0)
        XCTAssertTrue(two.stderr.contains("dwa pliki wyjściowe (a.csv i -o b.csv)"), two.stderr)
    }
}
