import Foundation
import XCTest

/// `Corpora/training/*.jsonl` holds training-only records (issue 15: authored participatory-budget projects):
/// `train` and `eval` read them by default besides `Corpora/*.jsonl`, only the records that carry the label field;
/// `eval` never tests them; explicit FILES, `corpus stats` and the stance model ignore them.
final class TrainingFolderTests: XCTestCase {
    private func corpusLine(_ i: Int) -> String {
        let kinds = [("security", "policja patrol monitoring kradzieże"), ("seniors", "seniorzy emeryci klub opieka"),
                     ("youth", "młodzież uczniowie szkoła harcerze"), ("", "zieleń drzewa park ławki")]
        let stances = ["accepted", "rejected", "referred"]
        let (theme, words) = kinds[i % kinds.count]
        let themes = theme.isEmpty ? "[]" : "[\"\(theme)\"]"
        return "{\"id\":\"c\(i)\",\"text\":\"Postulat \(words) numer \(i)\",\"response\":\"Odpowiedź \(stances[i % 3]) sprawa \(i % 7)\","
            + "\"themes\":\(themes),\"response_stance\":\"\(stances[i % 3])\"}"
    }

    func testTrainingFolderTrainsButIsNeverTestedNorReadByOthers() throws {
        let s = try Scratch()
        try s.write("Corpora/a.jsonl", (0..<48).map(corpusLine).joined(separator: "\n") + "\n")
        var extra = (0..<12).map { i in
            "{\"id\":\"t\(i)\",\"text\":\"Latarnia przy ulicy \(i)\",\"themes\":[\"security\"],\"authored\":true}"
        }
        extra.append("{\"id\":\"t-nolabel\",\"text\":\"Latarnia bez etykiety\"}")  // no label field: not read
        try s.write("Corpora/training/pb.jsonl", extra.joined(separator: "\n") + "\n")

        // train: the default reads the folder (its word is in the model), explicit FILES do not.
        let def = try CLI.run(["train", "--fixed-vectorizer", "--variants", "complement", "-o", "default.model"], cwd: s.url)
        XCTAssertEqual(def.status, 0, def.stderr)
        XCTAssertTrue(def.stderr.contains("60"), "48 + 12 labelled records: \(def.stderr)")
        let explicit = try CLI.run(["train", "Corpora/a.jsonl", "--fixed-vectorizer", "--variants", "complement",
                                    "-o", "explicit.model"], cwd: s.url)
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        let withFolder = try String(contentsOfFile: s.path("default.model"), encoding: .utf8)
        let without = try String(contentsOfFile: s.path("explicit.model"), encoding: .utf8)
        XCTAssertTrue(withFolder.contains("\"latarnia\""))
        XCTAssertFalse(without.contains("\"latarnia\""))
        // Theme models read text without form boilerplate; the setting is in the model.
        XCTAssertTrue(withFolder.contains("\"textFilter\" : \"form-boilerplate\""))

        // The stance model: the folder's records carry no stance, so the model is the same bytes either way.
        let stance = ["--labels", "response_stance", "--fields", "response:1", "--fixed-vectorizer", "--variants", "complement"]
        XCTAssertEqual(try CLI.run(["train"] + stance + ["-o", "s1.model"], cwd: s.url).status, 0)
        XCTAssertEqual(try CLI.run(["train", "Corpora/a.jsonl"] + stance + ["-o", "s2.model"], cwd: s.url).status, 0)
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("s1.model")),
                       try Data(contentsOf: s.url.appendingPathComponent("s2.model")))
        XCTAssertFalse(try String(contentsOfFile: s.path("s1.model"), encoding: .utf8).contains("textFilter"))

        // eval: the folder's records train every fold and are never tested (48 documents scored either way).
        let ev = try CLI.run(["eval", "--folds", "2", "--fixed-vectorizer", "--variants", "complement", "--json",
                              "--lang", "en"], cwd: s.url)
        XCTAssertEqual(ev.status, 0, ev.stderr)
        let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: ev.stdout) as? [String: Any])
        XCTAssertEqual(o["documents"] as? Int, 48)
        XCTAssertTrue((o["evaluation"] as? String ?? "").contains("12 records of Corpora/training/"), "\(o["evaluation"] ?? "")")
        let evExplicit = try CLI.run(["eval", "Corpora/a.jsonl", "--folds", "2", "--fixed-vectorizer", "--variants",
                                      "complement", "--json"], cwd: s.url)
        let o2 = try XCTUnwrap(try JSONSerialization.jsonObject(with: evExplicit.stdout) as? [String: Any])
        XCTAssertEqual(o2["documents"] as? Int, 48)
        XCTAssertFalse((o2["evaluation"] as? String ?? "").contains("training"))

        // corpus stats reads the meeting corpus only.
        let stats = try CLI.run(["corpus", "stats", "--lang", "en"], cwd: s.url)
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.out.contains("48"), stats.out)
        XCTAssertFalse(stats.out.contains("61") || stats.out.contains("60"), stats.out)
    }
    /// A model of other labels never goes to the default themes model path (it would replace the model `report`,
    /// `tag` and `serve` read, and the folder's next report would fail): without `-o` it is refused, nothing written.
    func testOtherLabelsNeedAnOutputAndNeverReplaceTheThemesModel() throws {
        let s = try Scratch()
        try s.write("Corpora/a.jsonl", (0..<48).map(corpusLine).joined(separator: "\n") + "\n")
        let before = FolderSnapshot(s.url)
        let refused = try CLI.run(["train", "Corpora/a.jsonl", "--labels", "response_stance"], cwd: s.url)
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("--labels response_stance: podaj -o PLIK — bez -o model zastąpiłby model tematów Models/themes.model"),
                      refused.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before, "nothing written")
        let named = try CLI.run(["train", "Corpora/a.jsonl", "--labels", "response_stance", "--fixed-vectorizer",
                                 "--variants", "complement", "--output", "stance.model"], cwd: s.url)
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: s.path("stance.model")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("Models/themes.model")))
    }
}

