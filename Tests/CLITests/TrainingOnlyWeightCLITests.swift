import Foundation
import XCTest

/// `train`/`eval --training-only-weight`: the weight reaches the fit (another weight, another model) and a weight
/// that is not positive is refused before anything is read, naming the option.
final class TrainingOnlyWeightCLITests: XCTestCase {
    func testTheWeightReachesTheFitAndABadOneIsRefused() throws {
        let s = try Scratch()
        for command in ["train", "eval"] {
            for bad in ["0", "-1", "nan"] {
                let output = command == "train" ? ["-o", s.path("never.model")] : []
                let r = try CLI.run([command, "--training-only-weight", bad] + output)
                XCTAssertEqual(r.status, 64, "\(command) \(bad): " + r.stderr)
                XCTAssertTrue(r.stderr.contains("--training-only-weight"), r.stderr)
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("never.model")))
        // The default corpus with its training-only folder, a quick fit: weight 1 and 0.5 give different models.
        func train(_ weight: String) throws -> Data {
            let out = s.path("w\(weight).model")
            let r = try CLI.run(["train", "--training-only-weight", weight, "--fixed-vectorizer", "--variants", "logistic",
                                 "--inner-folds", "2", "-o", out], timeout: 900)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try Data(contentsOf: URL(fileURLWithPath: out))
        }
        XCTAssertNotEqual(try train("1"), try train("0.5"), "the training-only records' weight changes the fit")
    }
}
