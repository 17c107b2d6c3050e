import Corpus
import Foundation
import GRDB
@testable import Store
import XCTest

final class ReviewStoreTests: XCTestCase {
    let taxonomy = Taxonomy(themes: [Theme(code: "transport", labelPL: "Transport", labelEN: "Transport"),
                                     Theme(code: "green", labelPL: "Zieleń", labelEN: "Green")])

    func tempPath(_ name: String = #function) throws -> String {
        let dir = NSTemporaryDirectory() + "store-tests-\(getpid())-\(name.filter { $0.isLetter })-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir + "/s.sqlite"
    }

    func record(_ id: String, _ text: String = "Remont chodnika na ulicy Długiej", year: Int? = 2024) -> Postulate {
        Postulate(id: id, year: year, organisation: "Rada", text: text, themes: ["transport"],
                  extra: [("response_stance", .string("accepted")), ("group", .string("g1")), ("custom", .array([.number("1"), .bool(true)]))])
    }

    func testRoundTripKeepsEveryFieldAndOrderWithWALAndForeignKeys() throws {
        let path = try tempPath()
        let store = try ReviewStore(path: path, create: true, taxonomy: taxonomy)
        let added = [record("a"), record("c", year: nil), record("b")]
        XCTAssertEqual(try store.add(added, file: "x.jsonl", who: "ala"), ["a", "c", "b"])
        let all = try store.all()
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(all.map(\.record), added)
        XCTAssertEqual(all.map(\.record.jsonLine), added.map(\.jsonLine))
        let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        let fk = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        XCTAssertEqual(fk, 1)
        XCTAssertEqual(try store.history("a")?.map(\.action), ["add"])
        XCTAssertEqual(try store.history("a")?.first?.who, "ala")
        XCTAssertNil(try store.history("zz"))
    }

    func testFailedValidationChangesNothing() throws {
        let store = try ReviewStore(path: try tempPath(), create: true, taxonomy: taxonomy)
        try store.add([record("a")], file: "first.jsonl", who: "ala")
        var bad = record("d")
        bad.themes = ["nope"]
        XCTAssertThrowsError(try store.add([record("b"), bad, record("a"), Postulate(id: "e", text: " ")], file: "up.jsonl", who: "ala")) { e in
            let e = e as! StoreError
            XCTAssertEqual(e.kind, .invalid)
            XCTAssertEqual(e.issues.map(\.line), [2, 4, 3])
            XCTAssertEqual(e.issues.map(\.kind), [.unknownTheme, .missingText, .duplicateId])
        }
        XCTAssertEqual(try store.ids(), ["a"])
        XCTAssertEqual(try store.check().auditEntries, 1)
    }

    func testReviewIsPartialAuditedAndValidated() throws {
        let store = try ReviewStore(path: try tempPath(), create: true, taxonomy: taxonomy)
        try store.add([record("a"), record("b")], file: "x", who: "ala")
        var c = ReviewChange()
        c.themes = .set(["green"])
        c.sameAs = .set(["a"])
        c.note = .set("sprawdzone")
        let r1 = try store.review("b", c, who: "ola")
        XCTAssertEqual(r1.themes, ["green"]); XCTAssertEqual(r1.sameAs, ["a"]); XCTAssertEqual(r1.reviewer, "ola")
        var c2 = try ReviewChange(json: JSONValue.parse(#"{"stance": "rejected", "note": null}"#))
        let r2 = try store.review("b", c2, who: "jan")
        XCTAssertEqual(r2.themes, ["green"], "an absent key keeps the stored value")
        XCTAssertNil(r2.note, "null clears")
        XCTAssertEqual(r2.stance, "rejected")
        let h = try XCTUnwrap(store.history("b"))
        XCTAssertEqual(h.map(\.action), ["add", "review", "review"])
        XCTAssertEqual(h.map(\.who), ["ala", "ola", "jan"])
        XCTAssertEqual(h[2].before, r1.json)
        XCTAssertEqual(h[2].after, r2.json)
        XCTAssertEqual(try store.postulate("b")?.review, r2)

        // Refused changes leave the review as it was.
        for json in [#"{"themes": ["nope"]}"#, #"{"same_as": ["zz"]}"#, #"{"same_as": ["b"]}"#, #"{"stance": "maybe"}"#] {
            c2 = try ReviewChange(json: JSONValue.parse(json))
            XCTAssertThrowsError(try store.review("b", c2, who: "x"), json) { XCTAssertEqual(($0 as! StoreError).kind, .invalid) }
        }
        XCTAssertThrowsError(try ReviewChange(json: JSONValue.parse(#"{"theme": []}"#)))
        XCTAssertThrowsError(try ReviewChange(json: JSONValue.parse(#"{"themes": "green"}"#)))
        XCTAssertThrowsError(try store.review("zz", ReviewChange(), who: "x")) { XCTAssertEqual(($0 as! StoreError).kind, .unknownID) }
        XCTAssertEqual(try store.postulate("b")?.review, r2)
        XCTAssertEqual(try store.history("b")?.count, 3)
        XCTAssertTrue(try store.check().isOK)

        // The same decision again (a double submit), by anyone: nothing written, the review keeps its author.
        let again = try store.review("b", try ReviewChange(json: JSONValue.parse(#"{"stance": "rejected", "themes": ["green"]}"#)), who: "ewa")
        XCTAssertEqual(again, r2)
        XCTAssertEqual(try store.history("b")?.count, 3, "no audit entry for no change")
        let changed = try store.review("b", try ReviewChange(json: JSONValue.parse(#"{"stance": "accepted"}"#)), who: "ewa")
        XCTAssertEqual(changed.reviewer, "ewa")
        XCTAssertEqual(try store.history("b")?.count, 4)
    }

    func testExportAppliesReviewedFields() throws {
        let store = try ReviewStore(path: try tempPath(), create: true, taxonomy: taxonomy)
        try store.add([record("a"), record("b")], file: "x", who: "ala")
        var c = ReviewChange()
        c.themes = .set(["green"]); c.sameAs = .set(["a"]); c.response = .set("Zrobimy"); c.stance = .set("referred")
        let r = try store.review("b", c, who: "ola")
        let lines = String(decoding: try store.exportJSONL(), as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], record("a").jsonLine, "an unreviewed record is exported as it came")
        let b = try CorpusReader.record(jsonLine: lines[1])
        XCTAssertEqual(b.themes, ["green"])
        XCTAssertEqual(b.response, "Zrobimy")
        XCTAssertEqual(b.responseStance, "referred")
        XCTAssertEqual(b.value(of: "same_as"), .array([.string("a")]))
        XCTAssertEqual(b.value(of: "reviewed_by"), .string("ola"))
        XCTAssertEqual(b.value(of: "reviewed_at"), .string(r.reviewedAt))
        XCTAssertEqual(b.value(of: "custom"), record("b").value(of: "custom"))
    }

    func testNewerSchemaIsRefusedAndLeftAlone() throws {
        let path = try tempPath()
        _ = try ReviewStore(path: path, create: true)
        let q = try DatabaseQueue(path: path)
        try q.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        try q.close()
        XCTAssertThrowsError(try ReviewStore(path: path)) { e in
            let e = e as! StoreError
            XCTAssertEqual(e.kind, .newerSchema)
            XCTAssertTrue(e.message.contains("v9-from-the-future"), e.message)
        }
        let q2 = try DatabaseQueue(path: path)
        XCTAssertEqual(try q2.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY 1") }, ["v1", "v9-from-the-future"])
    }

    func testMissingStoreIsNotCreatedUnlessAsked() throws {
        let path = try tempPath()
        XCTAssertThrowsError(try ReviewStore(path: path)) { XCTAssertEqual(($0 as! StoreError).kind, .missing) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testBackupIsACompleteCopy() throws {
        let path = try tempPath()
        let store = try ReviewStore(path: path, create: true, taxonomy: taxonomy)
        try store.add((0..<50).map { record("p\($0)") }, file: "x", who: "ala")
        var c = ReviewChange(); c.themes = .set(["green"])
        try store.review("p3", c, who: "ola")
        let copy = path + ".bak"
        try store.backup(to: copy)
        let restored = try ReviewStore(path: copy)
        XCTAssertEqual(try restored.exportJSONL(), try store.exportJSONL())
        XCTAssertTrue(try restored.check().isOK)
        XCTAssertEqual(try restored.check().reviews, 1)
    }

    func testCheckFindsAHalfAppliedReviewAndADanglingLink() throws {
        let path = try tempPath()
        let store = try ReviewStore(path: path, create: true, taxonomy: taxonomy)
        try store.add([record("a"), record("b")], file: "x", who: "ala")
        var c = ReviewChange(); c.themes = .set(["green"]); c.sameAs = .set(["a"])
        try store.review("b", c, who: "ola")
        XCTAssertTrue(try store.check().isOK)
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE reviews SET themes = '[\"transport\"]' WHERE postulate_id = 'b'")
            try db.execute(sql: "UPDATE same_as SET other_id = 'gone'")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let r = try store.check()
        XCTAssertEqual(r.problems.count, 2, "\(r.problems)")
    }

    func testFiftyConcurrentWritersAllPersist() throws {
        let store = try ReviewStore(path: try tempPath(), create: true, taxonomy: taxonomy)
        try store.add([record("base")], file: "x", who: "ala")
        let failures = Failures()
        let records = (0..<50).map { record("w\($0)", "Nowa ławka numer \($0)") }
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            do {
                try store.add([records[i]], file: "w\(i)", who: "writer\(i)")
                var c = ReviewChange(); c.note = .set("n\(i)"); c.themes = .set(["green"])
                try store.review("base", c, who: "writer\(i)")
            } catch { failures.add("\(error)") }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(try store.count(), 51)
        XCTAssertEqual(try store.history("base")?.count, 51)
        XCTAssertTrue(try store.check().isOK)
    }
}

extension ReviewStoreTests {
    /// Group commit: changes that share a transaction stay apart — a refused one takes none of the others with it.
    func testARefusedChangeInAGroupCommitLeavesTheOthersWhole() throws {
        let store = try ReviewStore(path: try tempPath(), create: true, taxonomy: taxonomy)
        try store.add([record("taken")], file: "x", who: "ala")
        let failures = Failures()
        let records = (0..<40).map { record($0 % 2 == 0 ? "ok\($0)" : "taken", "Ławka \($0)") }
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            do { try store.add([records[i]], file: "w\(i)", who: "w") } catch { failures.add("\(i)") }
        }
        XCTAssertEqual(failures.all.count, 20)
        XCTAssertEqual(Set(try store.ids()), Set(["taken"] + (0..<20).map { "ok\($0 * 2)" }))
        XCTAssertEqual(try store.check().auditEntries, 21)
        XCTAssertTrue(try store.check().isOK)
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

final class TrainingRecordsTests: XCTestCase {
    func testReviewedThemesReplaceTheCorpusAndReviewedAdditionsAreAddedOnly() throws {
        let dir = NSTemporaryDirectory() + "store-train-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ReviewStore(path: dir + "/s.sqlite", create: true)
        let corpus = [Postulate(id: "a", text: "Ławki", themes: ["x"]), Postulate(id: "b", text: "Chodniki", themes: ["y"])]
        try store.add(corpus + [Postulate(id: "new1", text: "Kosze"), Postulate(id: "new2", text: "Drzewa")], file: "x", who: "t")
        var c = ReviewChange(); c.themes = .set(["z"])
        try store.review("b", c, who: "t")
        try store.review("new2", c, who: "t")
        var onlyNote = ReviewChange(); onlyNote.note = .set("bez tematów")
        try store.review("a", onlyNote, who: "t")
        let t = try store.trainingRecords(corpus: corpus)
        XCTAssertEqual(t.records.map(\.id), ["a", "b", "new2"], "new1 is not reviewed: no label")
        XCTAssertEqual(t.records.map(\.themes), [["x"], ["z"], ["z"]])
        XCTAssertEqual(t.replaced, 1)
        XCTAssertEqual(t.added, 1)
        XCTAssertEqual(t.records[2].value(of: "reviewed_real"), .bool(true))
        XCTAssertNil(t.records[1].value(of: "reviewed_real"))
    }
}
