import Foundation
import GRDB
import XCTest

/// The store's main file alone holds every change once a command or `serve` has ended (the WAL folded in), and the
/// read-only commands (`check`, `export`, `backup`) never create, migrate or write a file — real SQLite files,
/// through the built binary.
final class StoreDurabilityTests: XCTestCase {
    static let corpus = "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"

    /// Copies the main file alone (no -wal, no -shm beside the copy) and counts a table's rows in the copy.
    func rowsInCopyOfMainFile(_ store: String, _ table: String, _ s: Scratch) throws -> Int {
        let copy = s.path("copy-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        var config = Configuration()
        config.readonly = true
        let q = try DatabaseQueue(path: copy, configuration: config)
        defer { try? q.close() }
        return try q.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// The -wal beside the store is absent or empty: nothing lives only there.
    func assertWALFolded(_ store: String, file: StaticString = #filePath, line: UInt = #line) {
        let size = (try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(size, 0, "\(store)-wal still holds \(size) bytes", file: file, line: line)
    }

    func testAfterImportTheMainFileAloneHoldsEveryRow() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let files = ["Corpora/authored-a.jsonl", Self.corpus]
        let imported = try CLI.run(["store", "import"] + files + ["--store", store])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        assertWALFolded(store)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "postulates", s), 230 + 14)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "audit", s), 230 + 14)
    }

    func testAfterServeStopsTheMainFileAloneHoldsTheLatestReview() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let server = try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", Self.corpus])
        let record = #"{"id":"nowy-1","year":2026,"text":"Fontanna pitna z wodą dla psów w parku Jordana"}"#
        XCTAssertEqual(try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA, body: record).status, 201)
        let review = try StoreServiceTests.call(port: server.port, "/api/postulates/nowy-1/review", method: "PUT", token: StoreServiceTests.tokenA,
                                                body: #"{"themes":["seniors"],"response":"Przekazano do ZZM.","stance":"referred"}"#)
        XCTAssertEqual(review.status, 200, review.text)
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
        XCTAssertTrue(server.stderr.contains("zatrzymano"), server.stderr)
        assertWALFolded(store)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "postulates", s), 15)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "reviews", s), 1)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "audit", s), 16)
    }

    func testCheckExportAndBackupNeverWriteAndRefuseWhatIsNotAStore() throws {
        let s = try Scratch()
        let empty = try s.write("c4.sqlite", "")
        let text = try s.write("notes.sqlite", "to nie baza\n")
        let bare = s.path("bare.sqlite")
        let q = try DatabaseQueue(path: bare)
        try q.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try q.close()
        let bareBytes = try Data(contentsOf: URL(fileURLWithPath: bare))
        let cases: [(String, String)] = [(empty, "pusty plik"), (text, "to nie jest plik SQLite"), (bare, "to nie jest magazyn postulaty"),
                                         (s.path("none.sqlite"), "nie ma magazynu")]
        for (file, reason) in cases {
            for args in [["store", "check", "--store", file], ["store", "export", "--store", file],
                         ["store", "backup", s.path("b.sqlite"), "--store", file]] {
                let r = try CLI.run(args)
                XCTAssertEqual(r.status, 1, args.joined(separator: " ") + "\n" + r.stderr)
                XCTAssertTrue(r.stderr.contains("\(file): \(reason)"), args.joined(separator: " ") + "\n" + r.stderr)
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: empty)).count, 0, "check and export left the empty file empty")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: bare)), bareBytes, "no store schema was written into a foreign database")
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("none.sqlite")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("b.sqlite")))

        // A read-only backup is checked and exported without being written.
        let store = s.path("s.sqlite")
        XCTAssertEqual(try CLI.run(["store", "import", Self.corpus, "--store", store]).status, 0)
        let backup = s.path("kopia.sqlite")
        XCTAssertEqual(try CLI.run(["store", "backup", backup, "--store", store]).status, 0)
        chmod(backup, 0o444)
        let before = try Data(contentsOf: URL(fileURLWithPath: backup))
        let check = try CLI.run(["store", "check", "--store", backup])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("OK: bez błędów (14 postulatów"), check.stderr)
        XCTAssertEqual(try CLI.run(["store", "export", "--store", backup]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: backup)), before)

        // A backup onto the store itself, or into a folder that does not exist, is refused naming why.
        let onto = try CLI.run(["store", "backup", store, "--store", store])
        XCTAssertEqual(onto.status, 1, onto.stderr)
        XCTAssertEqual(try rowsInCopyOfMainFile(store, "postulates", s), 14)
        let nowhere = try CLI.run(["store", "backup", s.path("brak/kopia.sqlite"), "--store", store])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("nie istnieje"), nowhere.stderr)
    }
}
