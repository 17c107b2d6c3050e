import Foundation
import XCTest

/// The repository root, found from this file's path (Tests/CorpusTests/…), so tests read the real fixture
/// and Corpora/ wherever the package is checked out.
let repoRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

extension XCTestCase {
    /// A fresh temporary folder per test, removed when the test ends; bad-input fixtures are written here,
    /// never committed.
    func makeTempDir(_ name: String = #function) throws -> String {
        let dir = NSTemporaryDirectory() + "corpus-tests-\(getpid())-\(name.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }
}

func writeFile(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func filesIn(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
}
