import Foundation
import XCTest

/// `postulaty eval`: `--folds K` (named in the output), `--test FILE`, `--json` (one object, English keys),
/// and the refused combinations (exit 64 before any training). Uses the project's own authored corpus.
final class EvalContractTests: XCTestCase {
    static let train = "Corpora/authored-a.jsonl", test = "Corpora/authored-b.jsonl"

    func testFoldsAreUsedAndJSONHasTheFigures() throws {
        let r = try CLI.run(["eval", Self.train, "--folds", "3", "--json"], timeout: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        XCTAssertEqual(obj["evaluation"] as? String, "3-fold cross-validation (a group stays in one fold)")
        XCTAssertEqual(obj["labels_field"] as? String, "themes")
        XCTAssertEqual((obj["per_label"] as? [Any])?.count, 5, "the five themes of the taxonomy")
        for key in ["micro_f1", "macro_f1", "exact_match", "brier", "ece", "documents", "methods", "confusions"] {
            XCTAssertNotNil(obj[key], key)
        }
        let text = try CLI.run(["eval", Self.train, "--folds", "3"], timeout: 600)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.out.contains("walidacja krzyżowa w 3 częściach"), text.out)
        XCTAssertTrue(text.out.contains("micro-F1 "), text.out)
        let micro = obj["micro_f1"] as? Double ?? -1
        XCTAssertTrue(text.out.contains("micro-F1 " + String(format: "%.3f", micro)), "the table and JSON agree")
    }

    func testTrainOnFilesTestOnAnother() throws {
        let r = try CLI.run(["eval", Self.train, "--test", Self.test, "--json"], timeout: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        let obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let how = obj["evaluation"] as? String ?? ""
        XCTAssertTrue(how.hasPrefix("trained on 230, tested on \(Self.test)"), how)
    }

    func testRefusedCombinations() throws {
        for args in [["--folds", "3", "--test", Self.test], ["--folds", "1"]] {
            let r = try CLI.run(["eval", Self.train] + args, timeout: 600)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertEqual(r.out, "")
        }
    }
}
