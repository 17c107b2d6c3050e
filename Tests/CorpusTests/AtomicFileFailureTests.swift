import XCTest
@testable import Corpus
#if canImport(Glibc)
import Glibc
#endif

/// Every way `AtomicFile`'s commit can fail after the temporary file exists: the final rename, a write the
/// operating system refuses (file size limit), and a folder removed half-way. Each must throw an I/O error naming
/// the target, leave the old file whole (or none) and no temporary file behind.
final class AtomicFileFailureTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.en) }
    override func tearDown() { MessageLanguage.use(.pl) }

    func testRenameThatFailsIsAnErrorAndLeavesNoTemporaryFile() throws {
        let dir = try makeTempDir()
        let path = dir + "/out.jsonl"
        // The target is checked when the writer opens; a non-empty folder put there before the commit makes
        // rename(2) fail (EISDIR / ENOTEMPTY).
        XCTAssertThrowsError(try AtomicFile.write(to: path) { w in
            try w.write("new\n")
            try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        }) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io, "\(e)")
            XCTAssertTrue("\(e)".contains("cannot replace the file"), "\(e)")
            XCTAssertTrue("\(e)".contains(path), "\(e)")
        }
        XCTAssertEqual(filesIn(dir), ["out.jsonl"], "only the folder that blocked the rename")
        XCTAssertEqual(filesIn(path), ["inside"])
    }

    func testWriteRefusedByTheSystemIsAnErrorAndKeepsTheOldFile() throws {
        let dir = try makeTempDir()
        let path = dir + "/out.jsonl"
        try AtomicFile.write("old\n", to: path)
        // A file size limit makes write(2) fail with EFBIG once SIGXFSZ is ignored; restored afterwards.
        var old = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &old), 0)
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var small = old
        small.rlim_cur = 1000
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small), 0)
        defer {
            _ = setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
            signal(SIGXFSZ, oldHandler)
        }
        XCTAssertThrowsError(try AtomicFile.write(String(repeating: "nowa linia\n", count: 10_000), to: path)) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io, "\(e)")
            XCTAssertTrue("\(e)".contains("write error"), "\(e)")
        }
        _ = setrlimit(Int32(RLIMIT_FSIZE.rawValue), &old)
        XCTAssertEqual(try readBytes(path), Array("old\n".utf8))
        XCTAssertEqual(filesIn(dir), ["out.jsonl"])
    }

    func testFolderRemovedBeforeTheCommitIsAnError() throws {
        let dir = try makeTempDir()
        let sub = dir + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(to: sub + "/out.jsonl") { w in
            try w.write("x\n")
            try FileManager.default.removeItem(atPath: sub)
        }) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io, "\(e)")
        }
        XCTAssertEqual(filesIn(dir), [])
    }

    func testMissingFolderIsRefusedBeforeAnythingIsWritten() throws {
        let dir = try makeTempDir()
        XCTAssertThrowsError(try AtomicFile.write("x", to: dir + "/missing/out.jsonl")) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io, "\(e)")
            XCTAssertTrue("\(e)".contains(dir + "/missing"), "names the folder: \(e)")
        }
        XCTAssertEqual(filesIn(dir), [])
    }
}
