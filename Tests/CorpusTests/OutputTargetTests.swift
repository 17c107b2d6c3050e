import Foundation
import XCTest
@testable import Corpus

/// `OutputTarget`: what an output path may be (a regular file or a new one; never a folder, FIFO, device or one of
/// the run's inputs), and `AtomicFile` writing through symbolic links.
final class OutputTargetTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }

    private func refusal(_ path: String, inputs: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try OutputTarget(path, inputs: inputs)
            XCTFail("\(path) accepted", file: file, line: line)
            return ""
        } catch {
            XCTAssertEqual(error.kind, .io, file: file, line: line)
            XCTAssertEqual(error.file, path, file: file, line: line)
            return error.description
        }
    }

    func testRegularAndNewFilesAreAccepted() throws {
        let dir = try makeTempDir()
        try writeFile(dir + "/old.jsonl", "x\n")
        XCTAssertEqual(try OutputTarget(dir + "/old.jsonl").resolvedPath, dir + "/old.jsonl")
        XCTAssertEqual(try OutputTarget(dir + "/new.jsonl", inputs: [dir + "/old.jsonl", "-"]).resolvedPath, dir + "/new.jsonl")
    }

    func testFolderFIFODeviceAndMissingFolderAreRefused() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(dir + "/fifo", 0o644), 0)
        XCTAssertTrue(refusal(dir + "/sub").contains("to folder, a nie zwykły plik"))
        XCTAssertTrue(refusal(dir + "/new/").contains("to folder"))
        XCTAssertTrue(refusal(dir + "/fifo").contains("potok nazwany (FIFO)"))
        XCTAssertTrue(refusal("/dev/null").contains("to urządzenie"))
        XCTAssertTrue(refusal(dir + "/missing/out.jsonl").contains("folder \(dir)/missing nie istnieje"))
        MessageLanguage.use(.en)
        XCTAssertTrue(refusal(dir + "/fifo").contains("is a named pipe (FIFO), not a regular file — nothing written"))
        XCTAssertEqual(filesIn(dir), ["fifo", "sub"])
    }

    func testAnInputIsRefusedThroughAHardLinkASymbolicLinkAndAnotherSpelling() throws {
        let dir = try makeTempDir()
        let input = dir + "/in.jsonl"
        try writeFile(input, "{}\n")
        XCTAssertEqual(link(input, dir + "/hard.jsonl"), 0)
        XCTAssertEqual(symlink("in.jsonl", dir + "/soft.jsonl"), 0)
        for out in [input, dir + "/hard.jsonl", dir + "/soft.jsonl", dir + "/./in.jsonl"] {
            let message = refusal(out, inputs: ["other.jsonl", input])
            XCTAssertTrue(message.hasPrefix(out + ": to ten sam plik co wejście " + input), message)
        }
        // the input given through the link, the output by its own name
        XCTAssertTrue(refusal(input, inputs: [dir + "/soft.jsonl"]).contains("wejście \(dir)/soft.jsonl"))
        XCTAssertEqual(try readBytes(input), Array("{}\n".utf8))
    }

    func testSymbolicLinksAreFollowedToTheFileTheyLeadTo() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: false)
        try writeFile(dir + "/real.jsonl", "old\n")
        XCTAssertEqual(symlink("../real.jsonl", dir + "/a/rel.jsonl"), 0)     // relative, from another folder
        XCTAssertEqual(symlink(dir + "/a/rel.jsonl", dir + "/chain.jsonl"), 0)  // absolute, to a link
        XCTAssertEqual(symlink("nowhere.jsonl", dir + "/dangling.jsonl"), 0)
        XCTAssertEqual(symlink("loop2", dir + "/loop1"), 0)
        XCTAssertEqual(symlink("loop1", dir + "/loop2"), 0)
        XCTAssertEqual(try OutputTarget(dir + "/a/rel.jsonl").resolvedPath, dir + "/a/../real.jsonl")
        XCTAssertEqual(try OutputTarget(dir + "/chain.jsonl").resolvedPath, dir + "/a/../real.jsonl")
        XCTAssertEqual(try OutputTarget(dir + "/dangling.jsonl").resolvedPath, dir + "/nowhere.jsonl")
        XCTAssertTrue(refusal(dir + "/loop1").contains("zbyt wiele poziomów dowiązań"))
    }

    func testAtomicWriteThroughALinkReplacesItsTargetAndKeepsTheLink() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: false)
        try writeFile(dir + "/models/v1.model", "old\n")
        XCTAssertEqual(symlink("models/v1.model", dir + "/current.model"), 0)
        try AtomicFile.write("new\n", to: dir + "/current.model")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/current.model"), "models/v1.model")
        XCTAssertEqual(try readBytes(dir + "/models/v1.model"), Array("new\n".utf8))
        XCTAssertEqual(filesIn(dir), ["current.model", "models"])
        XCTAssertEqual(filesIn(dir + "/models"), ["v1.model"])
    }

    func testAtomicWriteRefusesAFIFOWithoutOpeningIt() throws {
        // Opening a FIFO for writing would block until a reader comes; the check refuses it first.
        let dir = try makeTempDir()
        XCTAssertEqual(mkfifo(dir + "/fifo", 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/fifo")) { e in
            XCTAssertTrue("\(e)".contains("FIFO"), "\(e)")
        }
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir)) { e in XCTAssertTrue("\(e)".contains("folder"), "\(e)") }
        XCTAssertEqual(filesIn(dir), ["fifo"])
    }

    func testAnOpenTemporaryFileIsRegisteredForSignalsUntilCommitOrAbort() throws {
        guard #available(macOS 15, *) else { throw XCTSkip("needs Synchronization") }
        let dir = try makeTempDir()
        var seen: [String] = []
        try AtomicFile.write(to: dir + "/a.jsonl") { w in
            seen = TemporaryFiles.registered.filter { $0.hasPrefix(dir) }
            try w.write("x\n")
        }
        XCTAssertEqual(seen.count, 1)
        XCTAssertTrue(seen.first?.hasPrefix(dir + "/.a.jsonl.tmp-") ?? false, "\(seen)")
        XCTAssertEqual(TemporaryFiles.registered.filter { $0.hasPrefix(dir) }, [], "still registered after commit")
        struct Boom: Error {}
        XCTAssertThrowsError(try AtomicFile.write(to: dir + "/b.jsonl") { _ in throw Boom() })
        XCTAssertEqual(TemporaryFiles.registered.filter { $0.hasPrefix(dir) }, [], "still registered after abort")
        XCTAssertEqual(filesIn(dir), ["a.jsonl"])
    }
}
