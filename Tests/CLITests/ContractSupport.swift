import Foundation
import XCTest

/// What the contract tests share: the small committed inputs (`Tests/CLITests/Fixtures/`), the expected outputs
/// they are compared with byte for byte (`Tests/CLITests/Expected/`), and one index built once per test run.
///
/// Regenerating the expected files after a deliberate change of output (e.g. of the analyzer):
///     POSTULATY_UPDATE_EXPECTED=1 swift test --filter 'CLITests\..*Contract'
/// then review `git diff Tests/CLITests/Expected`.
enum Contract {
    static let fixtures = CLI.repoRoot.appendingPathComponent("Tests/CLITests/Fixtures")
    static let expectedFolder = CLI.repoRoot.appendingPathComponent("Tests/CLITests/Expected")
    static var updating: Bool { ProcessInfo.processInfo.environment["POSTULATY_UPDATE_EXPECTED"] == "1" }

    /// A scratch folder holding copies of the named fixtures: runs use it as their working directory, so the
    /// paths in every output are the same short relative ones on any machine.
    static func scratch(_ names: [String], _ test: String = #function) throws -> Scratch {
        let s = try Scratch(test)
        for n in names { try FileManager.default.copyItem(at: fixtures.appendingPathComponent(n), to: s.url.appendingPathComponent(n)) }
        return s
    }

    /// Runs the tool in `s`'s folder.
    static func run(_ args: [String], in s: Scratch, stdin: Data = Data(), env: [String: String?] = [:]) throws -> CLI.Result {
        try CLI.run(args, stdin: stdin, cwd: s.url, env: env)
    }

    /// `actual` equals `Expected/<name>` byte for byte (or, when updating, becomes it).
    static func check(_ name: String, _ actual: Data, file: StaticString = #filePath, line: UInt = #line) {
        let url = expectedFolder.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: expectedFolder, withIntermediateDirectories: true)
            XCTAssertNoThrow(try actual.write(to: url), file: file, line: line)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            XCTFail("no expected file \(name): run with POSTULATY_UPDATE_EXPECTED=1 to create it", file: file, line: line)
            return
        }
        if expected != actual {
            XCTFail("""
                output differs from Tests/CLITests/Expected/\(name) (if the change is meant, regenerate with \
                POSTULATY_UPDATE_EXPECTED=1 swift test --filter 'CLITests\\..*Contract'):
                --- expected
                \(String(decoding: expected, as: UTF8.self))
                --- actual
                \(String(decoding: actual, as: UTF8.self))
                """, file: file, line: line)
        }
    }

    static func check(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) {
        check(name, Data(actual.utf8), file: file, line: line)
    }

    /// The index of `contract.jsonl`, built once by `postulaty index build` (the similar tests only read it).
    static let sharedIndex: Result<URL, Error> = Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-contract-index-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("contract.jsonl")
        if !FileManager.default.fileExists(atPath: input.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("contract.jsonl"), to: input)
        }
        let r = try CLI.run(["index", "build", "contract.jsonl", "-o", "contract.index"], cwd: dir)
        guard r.status == 0 else { throw NSError(domain: "index build: \(r.stderr)", code: Int(r.status)) }
        return dir.appendingPathComponent("contract.index")
    }

    /// JSON lines of an output, parsed.
    static func lines(_ r: CLI.Result) throws -> [[String: Any]] {
        try r.out.split(separator: "\n").map {
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], String($0))
        }
    }
}
