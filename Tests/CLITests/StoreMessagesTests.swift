import Foundation
import XCTest

/// What a new user of the store and the service is told: writes disabled without a tokens file, why a tokens file
/// cannot be read, a long list of refused records cut at 20 — through the built binary.
final class StoreMessagesTests: XCTestCase {
    func testServeWithAStoreButNoTokensSaysWritesAreDisabled() throws {
        let s = try Scratch()
        let server = try ServeTests.Server(["--store", s.path("s.sqlite"), "--corpus", StoreDurabilityTests.corpus])
        XCTAssertTrue(server.stderr.contains("zapis wyłączony: brak pliku tokenów (--tokens PLIK)"), server.stderr)
        let login = try StoreServiceTests.call(port: server.port, "/login")
        XCTAssertEqual(login.status, 200)
        XCTAssertTrue(login.text.contains("Zapis jest wyłączony: serwis uruchomiono bez pliku tokenów"), login.text)
        // With a store the navigation bar leads to the staff's pages (home page included).
        let home = try StoreServiceTests.call(port: server.port, "/").text
        for link in ["href=\"/review\"", "href=\"/add\"", "href=\"/login\""] { XCTAssertTrue(home.contains(link), link) }
        XCTAssertEqual(server.stop(SIGTERM), 0, server.stderr)
    }

    func testAMissingTokensFileIsNamedWithTheReason() throws {
        let s = try Scratch()
        let r = try CLI.run(["serve", "--port", "0", "--store", s.path("s.sqlite"), "--tokens", s.path("brak-tokenow"),
                             "--corpus", StoreDurabilityTests.corpus], timeout: 120)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("brak-tokenow: nie można odczytać pliku tokenów (nie ma takiego pliku ani folderu)"), r.stderr)
    }

    func testReimportingListsTwentyProblemsThenHowManyMore() throws {
        let s = try Scratch()
        let store = s.path("s.sqlite")
        XCTAssertEqual(try CLI.run(["store", "import", "Corpora/authored-a.jsonl", "--store", store]).status, 0)
        let again = try CLI.run(["store", "import", "Corpora/authored-a.jsonl", "--store", store])
        XCTAssertEqual(again.status, 1)
        let listed = again.stderr.split(separator: "\n").filter { $0.contains("jest już w magazynie") }
        XCTAssertEqual(listed.count, 20, again.stderr)
        XCTAssertTrue(again.stderr.contains("… i 210 więcej"), again.stderr)
        XCTAssertTrue(again.stderr.contains("wszystkie (230 postulatów) są już w magazynie — dodano je wcześniej; nic nie zapisano ponownie"), again.stderr)
    }

    /// A store path that is a folder, or in a folder that is not there, and a listening address no resolver
    /// knows: each said as that, before anything is loaded (they were a lock-file error, SQLite's "unable to open
    /// database file" and the server library's `SocketAddressError.UnknownHost`).
    func testStorePlacesAndUnknownHostsAreSaidPlainly() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(atPath: s.path("dir.sqlite"), withIntermediateDirectories: true)
        let folder = try CLI.run(["serve", "--port", "0", "--store", s.path("dir.sqlite")])
        XCTAssertEqual(folder.status, 1)
        XCTAssertTrue(folder.stderr.contains("\(s.path("dir.sqlite")): to folder, a magazyn jest plikiem"), folder.stderr)
        for args in [["serve", "--port", "0"], ["store", "import", "Corpora/authored-a.jsonl"]] {
            let missing = try CLI.run(args + ["--store", s.path("brak/s.sqlite")])
            XCTAssertEqual(missing.status, 1)
            XCTAssertTrue(missing.stderr.contains("nie ma folderu \(s.path("brak")) (utwórz go: mkdir -p"), missing.stderr)
        }
        let host = try CLI.run(["serve", "--port", "0", "--host", "brak-takiego-hosta.invalid", "--corpus", "Corpora/authored-a.jsonl"])
        XCTAssertEqual(host.status, 1)
        XCTAssertTrue(host.stderr.contains("nieznany adres „brak-takiego-hosta.invalid”"), host.stderr)
        XCTAssertFalse(host.stderr.contains("SocketAddressError"), host.stderr)
        XCTAssertFalse(host.stderr.contains("wczytano"), "said before the corpus is loaded: " + host.stderr)
    }
}
