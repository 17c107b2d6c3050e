import Foundation
import XCTest
@testable import Reporting

/// The numbers in the report's tables against counts computed here, independently, from the raw data.
final class CountsTests: XCTestCase {
    let data = Fixtures.randomData(count: 700, seed: 42)
    lazy var files = Report.render(data, language: .pl)

    func shownStance(_ p: ReportPostulate) -> String {
        p.response.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "none" : (p.predictedStance ?? "none")
    }

    func testThemesByYear() {
        let rows = CSVParse.records(Fixtures.file(files, "themes_by_year.csv"))
        let years = Set(data.postulates.compactMap(\.year)).sorted()
        XCTAssertEqual(rows.count, years.count * Fixtures.themes.count)
        for theme in Fixtures.themes {
            var previous: (count: Int, share: Double)?
            for y in years {
                let inYear = data.postulates.filter { $0.year == y }
                let count = inYear.filter { $0.predictedThemes.contains(theme.code) }.count
                let share = Double(count) / Double(inYear.count)
                guard let row = rows.first(where: { $0["theme"] == theme.code && $0["year"] == String(y) }) else {
                    return XCTFail("no row for \(theme.code) \(y)")
                }
                XCTAssertEqual(row["year_postulates"], String(inYear.count))
                XCTAssertEqual(row["count"], String(count))
                XCTAssertEqual(CSVParse.number(row["share"])!, share, accuracy: 0.00005)
                if let previous {
                    XCTAssertEqual(row["change_count"], String(count - previous.count))
                    XCTAssertEqual(CSVParse.number(row["change_share_pp"])!, (share - previous.share) * 100, accuracy: 0.00005)
                } else {
                    XCTAssertEqual(row["change_count"], "")
                }
                previous = (count, share)
            }
        }
    }

    func testThemesByYearHTMLTableShowsTheSameCounts() throws {
        let html = Fixtures.file(files, "index.html")
        let years = Set(data.postulates.compactMap(\.year)).sorted()
        let table = try XCTUnwrap(html.range(of: "<table class=\"years\">").map { html[$0.lowerBound...] })
        let body = table[..<table.range(of: "</table>")!.lowerBound]
        for theme in Fixtures.themes {
            let label = theme.label(.pl)
            let rowStart = try XCTUnwrap(body.range(of: " \(label)</th>"), "row of \(label)")
            let row = body[rowStart.upperBound..<body[rowStart.upperBound...].range(of: "</tr>")!.lowerBound]
            let bold = row.components(separatedBy: "<b>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            let expected = years.map { y in String(data.postulates.filter { $0.year == y && $0.predictedThemes.contains(theme.code) }.count) }
            XCTAssertEqual(bold, expected, label)
        }
        let totals = years.map { y in data.postulates.filter { $0.year == y }.count }
        XCTAssertTrue(body.contains("<tfoot><tr><th scope=\"row\">Postulaty w roku</th>" + totals.map { "<td class=\"n\"><b>\($0)</b></td>" }.joined()))
    }

    func testThemesByOrganisation() {
        let rows = CSVParse.records(Fixtures.file(files, "themes_by_organisation.csv"))
        let orgs = Set(data.postulates.map(\.organisation))
        XCTAssertEqual(rows.count, orgs.count)
        for org in orgs {
            let mine = data.postulates.filter { $0.organisation == org }
            guard let row = rows.first(where: { $0["organisation"] == org }) else { return XCTFail(org) }
            XCTAssertEqual(row["postulates"], String(mine.count))
            XCTAssertEqual(row["no_theme"], String(mine.filter { $0.predictedThemes.isEmpty }.count))
            for t in Fixtures.themes {
                XCTAssertEqual(row[t.code], String(mine.filter { $0.predictedThemes.contains(t.code) }.count), "\(org) \(t.code)")
            }
        }
        // Most postulates first.
        let totals = rows.map { Int($0["postulates"]!)! }
        XCTAssertEqual(totals, totals.sorted(by: >))
    }

    func testStances() {
        let byTheme = CSVParse.records(Fixtures.file(files, "stance_by_theme.csv"))
        for t in Fixtures.themes {
            let mine = data.postulates.filter { $0.predictedThemes.contains(t.code) }
            for s in Stance.all + ["none"] {
                let row = byTheme.first { $0["theme"] == t.code && $0["stance"] == s }
                XCTAssertEqual(row?["count"], String(mine.filter { shownStance($0) == s }.count), "\(t.code) \(s)")
            }
        }
        let byYear = CSVParse.records(Fixtures.file(files, "stance_by_year.csv"))
        for y in Set(data.postulates.compactMap(\.year)) {
            let mine = data.postulates.filter { $0.year == y }
            for s in Stance.all + ["none"] {
                let row = byYear.first { $0["year"] == String(y) && $0["stance"] == s }
                XCTAssertEqual(row?["count"], String(mine.filter { shownStance($0) == s }.count), "\(y) \(s)")
            }
        }
        let confusion = CSVParse.records(Fixtures.file(files, "stance_confusion.csv"))
        for g in Stance.all {
            for m in Stance.all {
                let n = data.postulates.filter { $0.goldStance == g && $0.predictedStance == m }.count
                let row = confusion.first { $0["analyst_stance"] == g && $0["model_stance"] == m }
                XCTAssertEqual(row.map { Int($0["count"]!)! } ?? 0, n, "\(g) → \(m)")
            }
        }
    }

    func testQualityLists() {
        let noTheme = CSVParse.records(Fixtures.file(files, "no_theme.csv")).map { $0["id"]! }
        XCTAssertEqual(Set(noTheme), Set(data.postulates.filter { $0.predictedThemes.isEmpty }.map(\.id)))
        let disagree = CSVParse.records(Fixtures.file(files, "theme_disagreements.csv")).map { $0["id"]! }
        let expected = data.postulates.filter { p in p.goldThemes.map { Set($0) != Set(p.predictedThemes) } ?? false }.map(\.id)
        XCTAssertEqual(Set(disagree), Set(expected))
        let agreement = CSVParse.records(Fixtures.file(files, "theme_agreement.csv"))
        for t in Fixtures.themes {
            let labelled = data.postulates.filter { $0.goldThemes != nil }
            let row = agreement.first { $0["theme"] == t.code }
            XCTAssertEqual(row?["analyst"], String(labelled.filter { $0.goldThemes!.contains(t.code) }.count))
            XCTAssertEqual(row?["model"], String(labelled.filter { $0.predictedThemes.contains(t.code) }.count))
            XCTAssertEqual(row?["both"], String(labelled.filter { $0.goldThemes!.contains(t.code) && $0.predictedThemes.contains(t.code) }.count))
        }
        let stanceDis = CSVParse.records(Fixtures.file(files, "stance_disagreements.csv")).map { $0["id"]! }
        XCTAssertEqual(Set(stanceDis), Set(data.postulates.filter { $0.goldStance != nil && $0.goldStance != $0.predictedStance }.map(\.id)))
    }

    func testRecurringDemandsSpanYearsInYearOrder() {
        let rows = CSVParse.records(Fixtures.file(files, "recurring_demands.csv"))
        let byID = Dictionary(uniqueKeysWithValues: data.postulates.map { ($0.id, $0) })
        let expected = data.clusters.filter { c in Set(c.compactMap { byID[$0]?.year }).count >= 2 }
        XCTAssertEqual(Set(rows.map { $0["cluster"]! }).count, expected.count)
        XCTAssertEqual(Set(rows.map { $0["id"]! }), Set(expected.flatMap { $0 }))
        for n in Set(rows.map { $0["cluster"]! }) {
            let years = rows.filter { $0["cluster"] == n }.map { Int($0["year"]!) ?? Int.max }
            XCTAssertEqual(years, years.sorted(), "cluster \(n) in year order")
        }
    }

    func testPerThemeListsHoldEveryPostulateOnce() {
        let rows = CSVParse.records(Fixtures.file(files, "theme_postulates.csv"))
        for t in Fixtures.themes {
            let ids = rows.filter { $0["theme"] == t.code }.map { $0["id"]! }
            XCTAssertEqual(ids.count, Set(ids).count)
            XCTAssertEqual(Set(ids), Set(data.postulates.filter { $0.predictedThemes.contains(t.code) }.map(\.id)))
            XCTAssertEqual(rows.filter { $0["theme"] == t.code && $0["representative"] == "1" }.count, min(3, ids.count))
        }
    }
}
