import XCTest

/// Closed sets of option values are enums (`Support/OptionValues.swift`): `--help` lists them, the parser refuses
/// any other value naming the option (exit 64, before anything is read or written), and every accepted spelling
/// still works.
final class OptionValuesTests: XCTestCase {
    func testHelpListsTheValues() throws {
        for (args, listed) in [(["tag", "--help"], ["(values: jsonl, csv)", "(values: jsonl, csv, text)", "(values: ,, ;, tab)"]),
                               (["report", "--help"], ["(values: pl, en;", "(values: ,, ;, tab; default: ;)"]),
                               (["corpus", "convert", "--help"], ["(values: ,, ;, tab; default: ,)"]),
                               (["import", "--help"], ["(values: ,, ;, tab; default: ,)"]),
                               (["train", "--help"], ["(values: default, none; default: default)"])] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 0, "\(args)")
            let help = r.out.replacingOccurrences(of: "\n", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for value in listed { XCTAssertTrue(help.contains(value), "\(args): \(value)\n\(r.out)") }
        }
    }

    func testOtherValuesAreRefusedNamingTheOption() throws {
        let s = try Scratch()
        let input = try s.write("a.jsonl", "{\"id\": \"a-1\", \"text\": \"Kluby seniora w dzielnicach\"}\n")
        let before = FolderSnapshot(s.url)
        for (args, option) in [(["tag", input, "--format", "xml"], "--format"),
                               (["tag", input, "--input-format", "xml"], "--input-format"),
                               (["tag", input, "--format", "csv", "--delimiter", "|"], "--delimiter"),
                               (["corpus", "convert", input, s.path("b.csv"), "--delimiter", "|"], "--delimiter"),
                               (["report", input, "-o", s.path("r"), "--lang", "de"], "--lang"),
                               (["report", input, "-o", s.path("r"), "--delimiter", "|"], "--delimiter"),
                               (["train", input, "--stop-words", "some", "-o", s.path("m.model")], "--stop-words")] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("'\(option) <"), "\(args): \(r.stderr)")
            XCTAssertEqual(r.out, "", "\(args)")
        }
        XCTAssertEqual(FolderSnapshot(s.url), before, "nothing written")
    }

    func testEveryDelimiterSpellingIsAccepted() throws {
        let s = try Scratch()
        let input = try s.write("a.jsonl", "{\"id\": \"a-1\", \"text\": \"Kluby seniora\", \"organisation\": \"Fundacja\"}\n")
        for (name, delimiter) in [(",", ","), (";", ";"), ("tab", "\t"), ("TAB", "\t"), ("\\t", "\t"), ("\t", "\t")] {
            let out = s.path("b\(delimiter == "\t" ? "t" : delimiter).csv")
            let r = try CLI.run(["corpus", "convert", input, out, "--delimiter", name])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            let header = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(header.contains(delimiter), "\(name): \(header)")
        }
    }
}
