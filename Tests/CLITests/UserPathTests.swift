import Foundation
import XCTest

/// The paths a user walks, command after command, on the real seed meeting: each step's output is the next one's
/// input, and each step is checked for what the user needs from it (not only that it ran).
final class UserPathTests: XCTestCase {
    static let meetingText = "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"

    /// import → tag → report: a meeting summary becomes 14 records, each tagged, and a report of them.
    func testImportTagReport() throws {
        let s = try Scratch()
        let records = s.path("meeting.jsonl")
        let imp = try CLI.run(["import", Self.meetingText, "-o", records])
        XCTAssertEqual(imp.status, 0, imp.stderr)
        let imported = try String(contentsOfFile: records, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(imported.count, 14)
        XCTAssertTrue(imported[0].hasPrefix("{\"id\":\"krakow-2025-06-17-01\",\"year\":2025,"), String(imported[0]))
        // The importer reads the same records as the committed seed (which adds the analysts' labels after them).
        let seed = try String(contentsOf: CLI.repoRoot.appendingPathComponent("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"),
                              encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(seed.count, 14)
        for (mine, committed) in zip(imported, seed) {
            let upToThemes = committed.range(of: ",\"themes\":").map { committed[..<$0.lowerBound] } ?? committed
            XCTAssertTrue(mine.hasPrefix(upToThemes), "import differs from the seed at \(committed.prefix(30))")
        }

        let tagged = s.path("tagged.jsonl")
        let tag = try CLI.run(["tag", records, "-o", tagged])
        XCTAssertEqual(tag.status, 0, tag.stderr)
        let lines = try String(contentsOfFile: tagged, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 14)
        var predictedAny = 0
        for (line, source) in zip(lines, imported) {
            // Every input field is kept, in order, and the tag's fields follow.
            XCTAssertTrue(line.hasPrefix(source.dropLast()), "tag changed the record's own fields")
            XCTAssertTrue(line.contains(",\"predicted\":["), String(line))
            if !line.contains("\"predicted\":[]") { predictedAny += 1 }
        }
        XCTAssertGreaterThanOrEqual(predictedAny, 10, "most of the seed postulates have a theme")

        let report = try CLI.run(["report", tagged, "-o", s.path("rep"), "--no-recurring"])
        XCTAssertEqual(report.status, 0, report.stderr)
        let html = try String(contentsOfFile: s.path("rep/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Fundacja Zustricz"), "the report names the organisations")
        let postulates = try String(contentsOfFile: s.path("rep/postulates.csv"), encoding: .utf8)
        let rows = postulates.split(whereSeparator: \.isNewline)
        XCTAssertEqual(rows.filter { $0.hasPrefix("krakow-2025-06-17-") }.count, 14, "one row per postulate")
        XCTAssertEqual(rows.count, 15, "a header and one row per postulate")
    }

    /// index build → similar → dedupe: an index of the corpus finds a postulate's own resubmission first, and dedupe
    /// pairs the same demand across years.
    func testIndexSimilarDedupe() throws {
        let s = try Scratch()
        let index = s.path("c.index")
        // Before any index exists (a new folder, no Models/): add and remove say how to make one, and make nothing.
        for args in [["index", "add", CLI.repoRoot.path + "/Corpora/authored-a.jsonl"], ["index", "remove", "x"]] {
            let r = try CLI.run(args, cwd: s.url)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("Models/similarity.index: nie ma indeksu; zbuduj go: postulaty index build"), r.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: s.url.path), [])
        let files = ["Corpora/authored-a.jsonl", "Corpora/authored-b.jsonl", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"]
        let build = try CLI.run(["index", "build"] + files + ["-o", index])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("472 postulaty z 3 plików"), build.stderr)

        let info = try CLI.run(["index", "info", "--index", index])
        XCTAssertTrue(info.out.hasPrefix("{\"postulates\":472,"), info.out)

        // A query in the words of the seed's seniors' postulate (without Polish letters) finds seniors' postulates.
        let q = try CLI.run(["similar", "kluby seniora w kazdej dzielnicy", "--index", index, "--format", "jsonl", "--top", "3"])
        XCTAssertEqual(q.status, 0, q.stderr)
        let hits = q.out.split(separator: "\n")
        XCTAssertEqual(hits.count, 3)
        XCTAssertTrue(hits.allSatisfy { $0.contains("senior") }, q.out)

        // --before keeps only earlier years, strictly.
        let before = try CLI.run(["similar", "kluby seniora", "--index", index, "--format", "jsonl", "--before", "2024", "--top", "50"])
        let years = before.out.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "\"year\":") else { return nil }
            return Int(line[r.upperBound...].prefix(4))
        }
        XCTAssertEqual(years.count, before.out.split(separator: "\n").count)
        XCTAssertFalse(years.isEmpty)
        XCTAssertTrue(years.allSatisfy { $0 < 2024 }, "\(years)")

        let dd = try CLI.run(["dedupe"] + files + ["--across-years", "--threshold", "0.6"])
        XCTAssertEqual(dd.status, 0, dd.stderr)
        let pairs = dd.out.split(separator: "\n").filter { $0.hasPrefix("{\"a\":") }
        XCTAssertFalse(pairs.isEmpty)
        for p in pairs {
            guard let r = p.range(of: "\"score\":") else { return XCTFail(String(p)) }
            let score = Double(p[r.upperBound...].prefix { $0 != "}" && $0 != "," }) ?? -1
            XCTAssertGreaterThanOrEqual(score, 0.6, String(p))
        }
    }
}
