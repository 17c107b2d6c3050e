import Foundation
import XCTest

/// Runs the built `postulaty` binary as a user would (from the repository root unless told otherwise).
enum CLI {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder holding the test bundle also holds the built executable.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("postulaty")
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        /// True when the run was killed for exceeding its time limit.
        var timedOut = false
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs the tool with `stdin` as its standard input; stdout and stderr go to temporary files (no pipes, so a
    /// large output can never block the child and no concurrent reader is needed). `env` entries are added to (or,
    /// with a nil value, removed from) the environment; messages are Polish unless a test asks otherwise. A run
    /// longer than `timeout` seconds is killed and reported with `timedOut` (a hang fails the test, never the suite).
    static func run(_ args: [String], stdin: Data = Data(), cwd: URL? = nil, env: [String: String?] = [:],
                    timeout: Double = 120) throws -> Result {
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
        var environment = ProcessInfo.processInfo.environment
        environment["POSTULATY_LANG"] = "pl"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline { p.terminate(); timedOut = true; break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }
}

/// A scratch folder for one test, removed afterwards.
final class Scratch {
    let url: URL
    init(_ name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory.appendingPathComponent("postulaty-e2e-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let u = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u.path
    }

    /// Copies a file of the repository (e.g. "Models/themes.model") into the folder; returns its new path.
    @discardableResult
    func copy(_ repoPath: String, as name: String? = nil) throws -> String {
        let dest = url.appendingPathComponent(name ?? URL(fileURLWithPath: repoPath).lastPathComponent)
        try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.repoRoot.appendingPathComponent(repoPath), to: dest)
        return dest.path
    }
}

/// Every file under a folder with its bytes' hash: two snapshots are equal when no file was changed, added
/// (a temporary file left behind) or removed.
struct FolderSnapshot: Equatable, CustomStringConvertible {
    var files: [String: Data]

    init(_ url: URL) {
        var files: [String: Data] = [:]
        let base = url.standardizedFileURL.path
        if let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                  options: []) {
            for case let f as URL in e {
                let values = try? f.resourceValues(forKeys: [.isRegularFileKey])
                guard values?.isRegularFile == true else { continue }
                let rel = String(f.standardizedFileURL.path.dropFirst(base.count))
                files[rel] = (try? Data(contentsOf: f)) ?? Data()
            }
        }
        self.files = files
    }

    var description: String { files.keys.sorted().map { "\($0) (\(files[$0]!.count) B)" }.joined(separator: ", ") }
}
