import Foundation
import XCTest

/// docs/themes.md "Your own categories": a city's own categories become theme codes and a taxonomy
/// (`scripts/own-categories.py`), a model is trained on them and a report is made by them — the recipe as written.
final class OwnCategoriesTests: XCTestCase {
    func testTheRecipeForOwnCategoriesGivesAReportByThem() throws {
        let s = try Scratch()
        var lines: [String] = []
        let kinds = [("greenery/recreation", "Nasadzenia drzew i zieleń w parku"), ("playgrounds", "Plac zabaw dla dzieci"),
                     ("walking/cycling infrastructure", "Ścieżka rowerowa i chodnik")]
        for i in 0..<24 {
            let (category, text) = kinds[i % kinds.count]
            lines.append("{\"id\":\"w\(i)\",\"year\":\(2020 + i % 3),\"city\":\"Wrocław\",\"text\":\"\(text) numer \(i)\",\"categories\":[\"\(category)\"]}")
        }
        lines.append("{\"id\":\"w-none\",\"year\":2021,\"text\":\"Bez kategorii\"}")
        let source = try s.write("wro.jsonl", lines.joined(separator: "\n") + "\n")
        let script = CLI.repoRoot.appendingPathComponent("scripts/own-categories.py").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, source, s.path("wro-themes.jsonl"), s.path("my-taxonomy.json")]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let taxonomy = try String(contentsOfFile: s.path("my-taxonomy.json"), encoding: .utf8)
        XCTAssertTrue(taxonomy.contains("\"code\": \"walking-cycling-infrastructure\", \"label_pl\": \"walking/cycling infrastructure\""), taxonomy)
        let records = try String(contentsOfFile: s.path("wro-themes.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(records.count, 24, "the record without categories is left out")

        let train = try CLI.run(["train", s.path("wro-themes.jsonl"), "--taxonomy", s.path("my-taxonomy.json"), "--fields", "text",
                                 "--fixed-vectorizer", "--variants", "complement", "-o", s.path("my-themes.model")], cwd: s.url)
        XCTAssertEqual(train.status, 0, train.stderr)
        let report = try CLI.run(["report", s.path("wro-themes.jsonl"), "--model", s.path("my-themes.model"),
                                  "--taxonomy", s.path("my-taxonomy.json"), "--title", "Wrocław", "-o", s.path("rep")], cwd: s.url)
        XCTAssertEqual(report.status, 0, report.stderr)
        let md = try String(contentsOfFile: s.path("rep/report.md"), encoding: .utf8)
        for name in ["Greenery/recreation", "Playgrounds", "Walking/cycling infrastructure"] {
            XCTAssertTrue(md.contains("| \(name) |"), "\(name) in the report's tables")
        }
    }
}
