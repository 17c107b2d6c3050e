import Foundation
import XCTest

/// `postulaty store`: import, export, backup, check against a real SQLite file.
final class StoreCommandTests: XCTestCase {
    func testImportExportBackupCheckRoundTrip() throws {
        let s = try Scratch()
        let db = s.path("s.sqlite")
        let files = ["Corpora/authored-a.jsonl", "Corpora/authored-b.jsonl", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"]
        let corpus = files[2]
        XCTAssertEqual(try CLI.run(["store", "import", corpus, "--store", s.path("one.sqlite")]).status, 0)
        let one = try CLI.run(["store", "export", "--store", s.path("one.sqlite")])
        XCTAssertEqual(one.stdout, try Data(contentsOf: CLI.repoRoot.appendingPathComponent(corpus)), "a corpus file in the writer's form comes back byte for byte")
        let imported = try CLI.run(["store", "import"] + files + ["--store", db])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let exported = try CLI.run(["store", "export", "--store", db])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        // Nothing reviewed yet: the export is the corpus files as the corpus writer writes them (`corpus convert`).
        var original = Data()
        for (i, f) in files.enumerated() {
            let out = s.path("canonical-\(i).jsonl")
            XCTAssertEqual(try CLI.run(["corpus", "convert", f, out]).status, 0)
            original += try Data(contentsOf: URL(fileURLWithPath: out))
        }
        XCTAssertEqual(exported.stdout, original)

        let again = try CLI.run(["store", "import", corpus, "--store", db])
        XCTAssertTrue(again.stderr.contains("\(corpus):1: pole „id”"), again.stderr)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("jest już w magazynie"), again.stderr)
        XCTAssertTrue(again.stderr.contains("nic nie zapisano"), again.stderr)
        XCTAssertTrue(again.stderr.contains("są już w magazynie — dodano je wcześniej"), "the same file again is said to be that: " + again.stderr)

        let out = s.path("out.jsonl")
        XCTAssertEqual(try CLI.run(["store", "export", "--store", db, "-o", out]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), original)

        let backup = s.path("b.sqlite")
        let b = try CLI.run(["store", "backup", backup, "--store", db])
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertTrue(b.stderr.contains("→ \(backup): 472 postulaty") && !b.stderr.contains("zastąpiono"), b.stderr)
        let fromBackup = try CLI.run(["store", "export", "--store", backup])
        XCTAssertEqual(fromBackup.stdout, original)
        // Onto an existing file (a restore the other way round): what was replaced is said.
        let over = try CLI.run(["store", "backup", backup, "--store", db])
        XCTAssertEqual(over.status, 0, over.stderr)
        XCTAssertTrue(over.stderr.contains("zastąpiono poprzedni plik \(backup) ("), over.stderr)
        // A backup is one file: reading and checking it leaves nothing beside it.
        let checked = try CLI.run(["store", "check", "--store", backup])
        XCTAssertEqual(checked.status, 0, checked.stderr + checked.out)
        for sidecar in ["-wal", "-shm", "-journal"] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: backup + sidecar), "\(backup)\(sidecar) left by store check")
        }

        let check = try CLI.run(["store", "check", "--store", db, "--index", "Models/similarity.index"])
        XCTAssertTrue(check.stderr.contains("OK"), check.stderr + check.out)
        XCTAssertEqual(check.status, 0)
    }

    func testCheckNamesAnIndexThatDiffersAndAMissingStore() throws {
        let s = try Scratch()
        let db = s.path("s.sqlite")
        XCTAssertEqual(try CLI.run(["store", "import", "Corpora/authored-a.jsonl", "--store", db]).status, 0)
        let check = try CLI.run(["store", "check", "--store", db, "--index", "Models/similarity.index"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.out.contains("spoza magazynu"), check.out)

        let missing = try CLI.run(["store", "export", "--store", s.path("none.sqlite")])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nie ma magazynu"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("none.sqlite")))
        // Run from another folder, the default store is looked for there: the message names that folder.
        let elsewhere = try CLI.run(["store", "export"], cwd: s.url)
        XCTAssertEqual(elsewhere.status, 1)
        XCTAssertTrue(elsewhere.stderr.contains("Data/postulaty.sqlite: nie ma magazynu w folderze \(s.url.path)"), elsewhere.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("Data")), "nothing made in the wrong folder")
    }

    func testInvalidImportStoresNothingAndNamesEveryProblem() throws {
        let s = try Scratch()
        let db = s.path("s.sqlite")
        let bad = try s.write("bad.jsonl", """
            {"id":"n1","text":"Ławki w parku"}
            {"id":"n2","text":"Chodnik","year":"20x5"}
            {"id":"n1","text":"Drugi raz"}

            """)
        let r = try CLI.run(["store", "import", bad, "--store", db])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("bad.jsonl:2: pole „year”"), r.stderr)
        XCTAssertTrue(r.stderr.contains("bad.jsonl:3: pole „id”"), r.stderr)
        let export = try CLI.run(["store", "export", "--store", db])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, Data(), "nothing stored")
    }
}
