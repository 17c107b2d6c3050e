import XCTest
@testable import Corpus

final class StatsTests: XCTestCase {
    func testCountsYearsThemesStancesAndGroups() {
        func rec(_ id: String, _ year: Int?, _ themes: [String], _ stance: String?, _ group: String?, org: String = "Fundacja A") -> Postulate {
            var extra: [(String, JSONValue)] = []
            if let stance { extra.append(("response_stance", .string(stance))) }
            if let group { extra.append(("group", .string(group))) }
            return Postulate(id: id, year: year, organisation: org, text: "t", themes: themes, extra: extra)
        }
        let records = [
            rec("1", 2021, ["security", "seniors"], "accepted", "g1"),
            rec("2", 2023, ["security"], "rejected", "g1"),
            rec("3", 2023, [], nil, "g2", org: "Stowarzyszenie B"),
            rec("4", 2023, ["youth"], "accepted", "g2", org: "Stowarzyszenie B"),
            rec("5", nil, ["youth", "youth"], "referred", "g2"),
            rec("6", 2024, ["funding"], "already_done", nil),
        ]
        var s = CorpusStats()
        for r in records { s.add(r) }
        XCTAssertEqual(s.records, 6)
        XCTAssertEqual(s.byYear, [2021: 1, 2023: 3, 2024: 1])
        XCTAssertEqual(s.withoutYear, 1)
        XCTAssertEqual(s.byTheme, ["security": 2, "seniors": 1, "youth": 2, "funding": 1])
        XCTAssertEqual(s.withoutTheme, 1)
        XCTAssertEqual(s.withSeveralThemes, 1)  // a theme repeated in one record counts once
        XCTAssertEqual(s.byStance, ["accepted": 2, "rejected": 1, "referred": 1, "already_done": 1])
        XCTAssertEqual(s.withoutStance, 1)
        XCTAssertEqual(s.byOrganisation, ["Fundacja A": 4, "Stowarzyszenie B": 2])
        XCTAssertEqual(s.groupSizeHistogram.map(\.size), [2, 3])
        XCTAssertEqual(s.groupSizeHistogram.map(\.groups), [1, 1])
        // g1 spans 2021 and 2023; g2 only 2023 (one record has no year).
        XCTAssertEqual(s.groupYearSpanHistogram.map(\.years), [1, 2])
        XCTAssertEqual(s.groupYearSpanHistogram.map(\.groups), [1, 1])

        let report = s.report(taxonomy: nil, files: ["a.jsonl"])
        XCTAssertTrue(report.contains("grup obejmujących więcej niż jeden rok: 1"), report)
        // Same records in another order: the same report.
        var t = CorpusStats()
        for r in records.reversed() { t.add(r) }
        XCTAssertEqual(t.report(taxonomy: nil, files: ["a.jsonl"]), report)
    }

    /// One organisation typed with and without Polish letters is one line of the stats, under its usual spelling.
    func testOrganisationSpellingsAreMerged() {
        var s = CorpusStats()
        for (i, org) in ["Stowarzyszenie Pokoleń „Splot”", "Stowarzyszenie Pokolen \"Splot\"", "Stowarzyszenie Pokoleń „Splot”",
                         "Fundacja A"].enumerated() {
            s.add(Postulate(id: "\(i)", year: 2024, organisation: org, text: "t"))
        }
        XCTAssertEqual(s.byOrganisation.count, 3, "raw spellings are kept")
        XCTAssertEqual(s.organisations.map(\.name), ["Stowarzyszenie Pokoleń „Splot”", "Fundacja A"])
        XCTAssertEqual(s.organisations.map(\.count), [3, 1])
        XCTAssertTrue(s.report(taxonomy: nil, files: []).contains("Organizacje (2, najczęstsze 2)"))
    }
}
