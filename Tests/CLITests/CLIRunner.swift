import Foundation
import XCTest

/// Runs the built `postulaty` binary as a user would, from the repository root.
enum CLI {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder holding the test bundle also holds the built executable.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postulaty")
    }

    struct Result { var status: Int32; var stdout: Data; var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) } }

    /// Runs the tool with `stdin` as its standard input; stdout and stderr go to temporary files (no pipes, so a
    /// large output can never block the child and no concurrent reader is needed).
    static func run(_ args: [String], stdin: Data = Data(), cwd: URL? = nil) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in"), outURL = dir.appendingPathComponent("out"),
            errURL = dir.appendingPathComponent("err")
        try stdin.write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd ?? repoRoot
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
