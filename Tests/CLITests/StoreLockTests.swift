import Foundation
import XCTest

/// A running `serve --store` holds its store (`StoreLock`): an import, a restore or a second service is refused
/// with what to do instead, and the store is left as it was; a restore never replays an unclosed store's -wal onto
/// the copy (it is refused, naming the three files to move aside). Real SQLite files, through the built binary.
final class StoreLockTests: XCTestCase {
    static let corpus = "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"

    func count(_ store: String) throws -> String {
        let check = try CLI.run(["store", "check", "--store", store])
        XCTAssertEqual(check.status, 0, check.stderr + check.out)
        return check.out + check.stderr
    }

    func testARunningServiceHoldsItsStore() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        let extra = try s.write("extra.jsonl", #"{"id":"cli-1","year":2026,"text":"Ławki w parku"}"# + "\n")
        let server = try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", Self.corpus])

        let imported = try CLI.run(["store", "import", extra, "--store", store])
        XCTAssertEqual(imported.status, 1)
        XCTAssertTrue(imported.stderr.contains("magazyn obsługuje działający postulaty serve; dodaj postulaty przez serwis"), imported.stderr)
        let backup = try CLI.run(["store", "backup", s.path("kopia.sqlite"), "--store", store])
        XCTAssertEqual(backup.status, 0, "a backup of a served store is fine: " + backup.stderr)
        let restore = try CLI.run(["store", "backup", store, "--store", s.path("kopia.sqlite")])
        XCTAssertEqual(restore.status, 1)
        XCTAssertTrue(restore.stderr.contains("zatrzymaj go przed odtworzeniem kopii — nic nie zmieniono"), restore.stderr)
        let second = try CLI.run(["serve", "--port", "0", "--store", store, "--corpus", Self.corpus], timeout: 120)
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("magazyn jest już w użyciu"), second.stderr)

        // The service still answers and stores what it acknowledges.
        let record = #"{"id":"po-1","year":2026,"text":"Fontanna pitna w parku"}"#
        XCTAssertEqual(try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA, body: record).status, 201)
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
        let served = try count(store)
        XCTAssertTrue(served.contains("15 postulatów"), served)
        // Stopped, the store is free again.
        let after = try CLI.run(["store", "import", extra, "--store", store])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(try count(store).contains("16 postulatów"))
    }

    func testARestoreOverAKilledStoreIsRefusedAndThenWorksOnceTheFilesAreMovedAside() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let tokens = try s.write("tokens", "ala:\(StoreServiceTests.tokenA)\n")
        XCTAssertEqual(try CLI.run(["store", "import", Self.corpus, "--store", store]).status, 0)
        XCTAssertEqual(try CLI.run(["store", "backup", s.path("kopia.sqlite"), "--store", store]).status, 0)
        let server = try ServeTests.Server(["--store", store, "--tokens", tokens, "--corpus", Self.corpus])
        let record = #"{"id":"po-1","year":2026,"text":"Fontanna pitna w parku"}"#
        XCTAssertEqual(try StoreServiceTests.call(port: server.port, "/api/postulates", method: "POST", token: StoreServiceTests.tokenA, body: record).status, 201)
        _ = server.stop(SIGKILL)
        let wal = (try FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int) ?? 0
        XCTAssertGreaterThan(wal, 0, "the killed service left its changes in the -wal")
        let before = try Data(contentsOf: URL(fileURLWithPath: store))

        let refused = try CLI.run(["store", "backup", store, "--store", s.path("kopia.sqlite")])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("\(store)-wal: zmiany, których nie ma jeszcze w \(store)"), refused.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store)), before, "the store file is untouched")
        XCTAssertTrue(try count(store).contains("15 postulatów"), "the acknowledged change is still there")

        for ext in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: store + ext) {
            try FileManager.default.moveItem(atPath: store + ext, toPath: s.path("stary.sqlite" + ext))
        }
        let restored = try CLI.run(["store", "backup", store, "--store", s.path("kopia.sqlite")])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(try count(store).contains("14 postulatów"), "the copy, whole")
        XCTAssertTrue(try count(s.path("stary.sqlite")).contains("15 postulatów"), "the moved-aside store keeps its changes")
    }

    /// Under cron or systemd `USER` is unset: the audit still names the account, not "cli:?".
    func testTheAuditNamesTheAccountWithoutUSER() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        let r = try CLI.run(["store", "import", Self.corpus, "--store", store], env: ["USER": nil])
        XCTAssertEqual(r.status, 0, r.stderr)
        let export = try CLI.run(["store", "check", "--store", store])
        XCTAssertEqual(export.status, 0)
        let history = try GRDBRead.strings(store, "SELECT DISTINCT who FROM audit")
        XCTAssertEqual(history.count, 1)
        XCTAssertTrue(history[0].hasPrefix("cli:") && history[0] != "cli:?" && history[0].count > 4, "\(history)")
    }
}

import GRDB

/// One column of a query, read from a store file opened read-only.
enum GRDBRead {
    static func strings(_ path: String, _ sql: String) throws -> [String] {
        var config = Configuration()
        config.readonly = true
        let q = try DatabaseQueue(path: path, configuration: config)
        defer { try? q.close() }
        return try q.read { db in try String.fetchAll(db, sql: sql) }
    }
}

