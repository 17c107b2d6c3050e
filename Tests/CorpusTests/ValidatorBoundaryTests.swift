import XCTest
@testable import Corpus

/// The validator's limits at their edges: the first and last plausible meeting year (1990 and 2100 pass, 1989 and
/// 2101 do not), and `stats --top` listing exactly as many organisations as asked.
final class ValidatorBoundaryTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }

    func testPlausibleYearsAreInclusiveAtBothEnds() throws {
        let dir = try makeTempDir()
        let path = dir + "/y.jsonl"
        try writeFile(path, [1989, 1990, 2100, 2101].enumerated().map {
            "{\"id\":\"y\($0.offset)\",\"year\":\($0.element),\"text\":\"t\"}\n"
        }.joined())
        let result = CorpusValidator(taxonomy: nil).validate(files: [path])
        XCTAssertEqual(result.records, 4)
        XCTAssertEqual(result.issues.count, 2, "\(result.issues)")
        XCTAssertEqual(result.issues.map(\.line), [1, 4])
        XCTAssertEqual(result.issues.map(\.kind), [.badYear, .badYear])
        XCTAssertTrue(result.issues[0].message.contains("1989"), result.issues[0].message)
        XCTAssertTrue(result.issues[0].message.contains("1990–2100"), result.issues[0].message)
    }

    func testStatsListExactlyTheTopOrganisations() {
        var s = CorpusStats()
        for (i, org) in ["A", "A", "A", "B", "B", "C"].enumerated() { s.add(Postulate(id: "\(i)", organisation: "Org \(org)", text: "t")) }
        func listed(_ top: Int) -> [String] {
            let report = s.report(taxonomy: nil, files: ["x.jsonl"], topOrganisations: top)
            return report.split(separator: "\n").map(String.init).filter { $0.hasPrefix("  Org ") }
                .map { String($0.dropFirst(2).prefix(5)) }
        }
        XCTAssertEqual(listed(1), ["Org A"])
        XCTAssertEqual(listed(2), ["Org A", "Org B"])
        XCTAssertEqual(listed(3), ["Org A", "Org B", "Org C"])
        XCTAssertEqual(listed(10), ["Org A", "Org B", "Org C"])
        XCTAssertTrue(s.report(taxonomy: nil, files: ["x.jsonl"], topOrganisations: 2).contains("Organizacje (3, najczęstsze 2)"))
    }

    /// Ids people meet as links and in lists: blank is missing, spaces at the ends, control characters and the
    /// invisible direction marks are refused naming the field; ordinary punctuation (a slash, a colon) is fine.
    func testIdsThatLookLikeOthersOrHideCharactersAreRefused() throws {
        let dir = try makeTempDir()
        let path = dir + "/ids.jsonl"
        let ids = ["2024/15", "pabulib:Poland_Gdynia_2020:4", " ", " a1", "a1 ", "a\\u202Eb", "a\\tb", "a\\u200Fb"]
        try writeFile(path, ids.map { "{\"id\":\"\($0)\",\"text\":\"t\"}\n" }.joined())
        let result = CorpusValidator(taxonomy: nil).validate(files: [path])
        XCTAssertEqual(result.records, ids.count)
        XCTAssertEqual(result.issues.map(\.line), [3, 4, 5, 6, 7, 8], "\(result.issues)")
        XCTAssertEqual(result.issues.map(\.kind), [.missingId, .badId, .badId, .badId, .badId, .badId])
        XCTAssertEqual(Set(result.issues.map { $0.field ?? "" }), ["id"])
        XCTAssertTrue(result.issues[3].message.contains("U+202E"), result.issues[3].message)
        XCTAssertTrue(result.issues[4].message.contains("U+0009"), result.issues[4].message)
    }
}
