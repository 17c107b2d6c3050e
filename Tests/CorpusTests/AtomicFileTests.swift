import XCTest
@testable import Corpus

final class AtomicFileTests: XCTestCase {
    struct Boom: Error {}

    func testFailedWriteLeavesOldFileWholeAndNoTemporaryFile() throws {
        let dir = try makeTempDir()
        let path = dir + "/out.jsonl"
        try AtomicFile.write("old\n", to: path)
        XCTAssertThrowsError(try AtomicFile.write(to: path) { w in
            try w.write(String(repeating: "new line\n", count: 20_000))  // past the buffer: bytes reach the disk
            throw Boom()
        })
        XCTAssertEqual(try readBytes(path), Array("old\n".utf8))
        XCTAssertEqual(filesIn(dir), ["out.jsonl"])
    }

    func testConvertingABadFileWritesNothing() throws {
        // What `corpus convert` and `import -o` do: read everything first, then write atomically.
        let dir = try makeTempDir()
        let bad = dir + "/bad.jsonl", out = dir + "/out.csv"
        try writeFile(bad, "{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\",\"te")
        XCTAssertThrowsError(try CorpusWriter.write(try CorpusReader.read(path: bad), to: out))
        XCTAssertEqual(filesIn(dir), ["bad.jsonl"])
    }

    func testStreamingWriterPublishesOnlyOnSuccess() throws {
        let dir = try makeTempDir()
        let path = dir + "/s.jsonl"
        try AtomicFile.write(to: path) { w in
            for i in 0..<3 { try CorpusWriter.appendJSONL(Postulate(id: "\(i)", text: "t\(i)"), to: w) }
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "visible before commit")
        }
        XCTAssertEqual(try CorpusReader.read(path: path).map(\.id), ["0", "1", "2"])
    }

    func testUnwritableFolderIsAClearError() {
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/nonexistent-folder-xyz/out.jsonl")) { e in
            XCTAssertEqual((e as? CorpusError)?.kind, .io)
            XCTAssertTrue("\(e)".contains("/nonexistent-folder-xyz/out.jsonl"))
        }
    }
}
