import Foundation
import XCTest
@testable import Reporting

/// The example report committed in Reports/krakow/ is exactly what `postulaty report` writes from Corpora/ with
/// the models in Models/ (run from the repository root, as the README's first command does).
final class ExampleReportTests: XCTestCase {
    func testCommittedExampleIsWhatTheCommandWrites() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let example = root + "/Reports/krakow"
        guard FileManager.default.fileExists(atPath: example + "/index.html") else {
            throw XCTSkip("Reports/krakow not generated yet")
        }
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(root))
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        let inputs = try FileManager.default.contentsOfDirectory(atPath: "Corpora").filter { $0.hasSuffix(".jsonl") }.sorted().map { "Corpora/\($0)" }
        var job = ReportJob(inputs: inputs, name: "krakow", taxonomyPath: "Models/taxonomy.json",
                            themeModelPath: "Models/themes.model", stanceModelPath: "Models/stance.model")
        job.title = "Kraków"
        let files = try job.run(modelsDirectory: "Models").files
        for f in files {
            let committed = try Data(contentsOf: URL(fileURLWithPath: "Reports/krakow/" + f.name))
            XCTAssertEqual(committed, Data(f.contents.utf8), "Reports/krakow/\(f.name) differs from a regeneration: run `postulaty report` and commit")
        }
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: "Reports/krakow").filter { !$0.hasPrefix(".") })
        XCTAssertEqual(names, Set(files.map(\.name)), "stray or missing files in Reports/krakow")
    }
}
