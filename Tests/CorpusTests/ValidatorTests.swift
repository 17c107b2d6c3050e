import XCTest
@testable import Corpus

final class ValidatorTests: XCTestCase {
    let taxonomy = Taxonomy(themes: ["security", "seniors", "youth", "funding", "networking"].map {
        Theme(code: $0, labelPL: $0, labelEN: $0)
    })

    func validate(_ files: [(String, String)]) throws -> (CorpusValidation, String) {
        let dir = try makeTempDir()
        var paths: [String] = []
        for (name, text) in files {
            try writeFile(dir + "/" + name, text)
            paths.append(dir + "/" + name)
        }
        return (CorpusValidator(taxonomy: taxonomy).validate(files: paths), dir)
    }

    func testEachBadInputGetsItsNamedError() throws {
        let good = #"{"id":"ok","year":2024,"text":"Dobry postulat","themes":["youth"],"response_stance":"accepted"}"#
        let cases: [(String, CorpusIssue.Kind, String?)] = [
            (#"{"id":"a","year":2024,"text":"  "}"#, .missingText, "text"),
            (#"{"id":"a","year":2024}"#, .missingText, "text"),
            (#"{"id":"a","year":"dwa tysiące","text":"t"}"#, .badYear, "year"),
            (#"{"id":"a","year":20245,"text":"t"}"#, .badYear, "year"),
            (#"{"id":"a","year":2024.5,"text":"t"}"#, .badYear, "year"),
            (#"{"id":"a","text":"t","themes":["security","culture"]}"#, .unknownTheme, "themes"),
            (#"{"id":"a","text":"t","response_stance":"maybe"}"#, .badStance, "response_stance"),
            (#"{"id":"a","text":"t","#, .truncated, nil),
            (#"{"id":"a","text":"t"},"#, .syntax, nil),
            (#"{"text":"t"}"#, .missingId, "id"),
            (#"{"id":"a","text":"t","themes":"security"}"#, .badFieldType, "themes"),
        ]
        for (bad, kind, field) in cases {
            let (result, dir) = try validate([("c.jsonl", good + "\n" + bad + "\n" + good.replacingOccurrences(of: "\"ok\"", with: "\"ok2\"") + "\n")])
            XCTAssertEqual(result.issues.count, 1, "\(bad): \(result.issues)")
            let issue = try XCTUnwrap(result.issues.first)
            XCTAssertEqual(issue.kind, kind, bad)
            XCTAssertEqual(issue.line, 2, bad)
            XCTAssertEqual(issue.field, field, bad)
            XCTAssertEqual(issue.file, dir + "/c.jsonl")
            XCTAssertTrue(issue.description.hasPrefix(dir + "/c.jsonl:2"), issue.description)
            XCTAssertFalse(result.isValid)
        }
    }

    func testDuplicateIdNamesBothLinesAcrossFiles() throws {
        let (result, dir) = try validate([
            ("a.jsonl", "{\"id\":\"x1\",\"text\":\"a\"}\n{\"id\":\"x2\",\"text\":\"b\"}\n"),
            ("b.csv", "id,text\ny,c\nx2,d\n"),
        ])
        XCTAssertEqual(result.issues.count, 1)
        let issue = try XCTUnwrap(result.issues.first)
        XCTAssertEqual(issue.kind, .duplicateId)
        XCTAssertEqual(issue.file, dir + "/b.csv")
        XCTAssertEqual(issue.line, 3)
        XCTAssertTrue(issue.message.contains(dir + "/a.jsonl:2"), issue.message)
    }

    func testReportsEveryBadLineNotOnlyTheFirst() throws {
        let (result, _) = try validate([("c.jsonl", "{\"id\":\"a\"\n{\"id\":\"b\",\"text\":\"t\",\"year\":\"x\"}\n{\"id\":\"b\",\"text\":\"t\"}\n")])
        XCTAssertEqual(result.issues.map(\.kind), [.truncated, .badYear, .duplicateId])
        XCTAssertEqual(result.issues.map(\.line), [1, 2, 3])
        XCTAssertEqual(result.records, 2)
    }

    func testValidCorpusHasNoIssuesAndCountsRecords() throws {
        let (result, _) = try validate([("c.csv", "id;year;text;themes;response_stance\n1;2022;a;security|youth;referred\n2;2023;b;;\n")])
        XCTAssertTrue(result.isValid, "\(result.issues)")
        XCTAssertEqual(result.records, 2)
    }
}

final class TaxonomyTests: XCTestCase {
    func testModelsTaxonomyHasTheFiveThemesOfTheCodebook() throws {
        let t = try Taxonomy.load(path: repoRoot + "/Models/taxonomy.json")
        XCTAssertEqual(t.codes, ["security", "seniors", "youth", "funding", "networking"])
        XCTAssertEqual(t.labelPL("networking"), "sieciowanie i współpraca")
        XCTAssertEqual(t.theme("seniors")?.labelEN, "seniors")
        XCTAssertTrue(t.themes.allSatisfy { !$0.descriptionPL.isEmpty && !$0.descriptionEN.isEmpty })
        // The file is what `jsonText` writes: re-serialising changes nothing.
        XCTAssertEqual(t.jsonText, String(decoding: try readBytes(repoRoot + "/Models/taxonomy.json"), as: UTF8.self))
    }

    func testBrokenTaxonomyNamesTheField() throws {
        let dir = try makeTempDir()
        try writeFile(dir + "/t.json", #"{"themes":[{"code":"a","label_pl":"A","label_en":"A"},{"code":"a","label_pl":"B","label_en":"B"}]}"#)
        XCTAssertThrowsError(try Taxonomy.load(path: dir + "/t.json")) { e in
            XCTAssertEqual((e as? CorpusError)?.field, "themes[1].code")
        }
    }
}

final class CorporaTests: XCTestCase {
    /// The committed corpus passes validation against the committed taxonomy.
    func testCorporaFolderValidates() throws {
        let dir = repoRoot + "/Corpora"
        let files = filesIn(dir).filter { $0.hasSuffix(".jsonl") }.map { dir + "/" + $0 }
        XCTAssertTrue(files.contains(dir + "/krakow-2025-06-17-spotkanie-branzowe.jsonl"))
        let authored = files.filter { $0.contains("/authored-") }
        if authored.isEmpty { print("note: Corpora/authored-*.jsonl absent; validating the seed only") }
        let result = CorpusValidator(taxonomy: try Taxonomy.load(path: repoRoot + "/Models/taxonomy.json")).validate(files: files)
        XCTAssertTrue(result.isValid, result.issues.prefix(20).map(\.description).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(result.records, 14)
    }

    func testSeedIsTheImportOfTheFixturePlusLabels() throws {
        // Re-importing the fixture reproduces every field of the committed seed except the labels.
        let seed = try CorpusReader.read(path: repoRoot + "/Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl")
        let fresh = try MeetingImporter().importFile(path: repoRoot + "/Corpora/krakow-2025-06-17-spotkanie-branzowe.txt").records
        XCTAssertEqual(seed.count, 14)
        XCTAssertEqual(seed.count, fresh.count)
        for (s, f) in zip(seed, fresh) {
            var unlabelled = s
            unlabelled.themes = []
            unlabelled.extra.removeAll { $0.0 == "response_stance" }
            XCTAssertEqual(unlabelled, f, s.id)
            XCTAssertNotNil(s.responseStance.flatMap(ResponseStance.init(rawValue:)), s.id)
            XCTAssertEqual(s.value(of: "authored"), .bool(false))
        }
    }
}
