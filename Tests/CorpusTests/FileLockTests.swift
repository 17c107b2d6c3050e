import Foundation
import XCTest
@testable import Corpus

/// `FileLock`: runs that read, change and save one file take turns; a wait that runs out is a clear error.
/// (flock locks belong to an open file description, so two locks in one process exclude each other as two
/// processes would; the CLI tests run real processes.)
final class FileLockTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }

    func testTheLockFileIsBesideTheFileALinkLeadsTo() throws {
        let dir = try makeTempDir()
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: false)
        XCTAssertEqual(symlink("models/v1.index", dir + "/current.index"), 0)
        XCTAssertEqual(try FileLock.lockPath(for: dir + "/similarity.index"), dir + "/.similarity.index.lock")
        XCTAssertEqual(try FileLock.lockPath(for: "similarity.index"), ".similarity.index.lock")
        XCTAssertEqual(try FileLock.lockPath(for: dir + "/current.index"), dir + "/models/.v1.index.lock")
    }

    func testASecondLockWaitsThenFailsNamingTheFileAndTheLockAndTheFirstReleaseRemovesIt() throws {
        let dir = try makeTempDir()
        let target = dir + "/similarity.index"
        try writeFile(target, "index\n")
        let first = try FileLock(for: target, timeout: .seconds(1))
        XCTAssertEqual(filesIn(dir), [".similarity.index.lock", "similarity.index"])
        var waited = 0
        let start = ContinuousClock.now
        XCTAssertThrowsError(try FileLock(for: target, timeout: .milliseconds(300)) { waited += 1 }) { e in
            let message = "\(e)"
            XCTAssertTrue(message.hasPrefix(target + ": inny proces postulaty zmienia ten plik od ponad 0.3 s (blokada \(dir)/.similarity.index.lock)"), message)
            XCTAssertTrue(message.contains("nic nie zmieniono"), message)
        }
        XCTAssertGreaterThanOrEqual(ContinuousClock.now - start, .milliseconds(300))
        XCTAssertEqual(waited, 1, "the wait is announced once")
        first.unlock()
        XCTAssertEqual(filesIn(dir), ["similarity.index"], "the lock file is removed on release")
        let again = try FileLock(for: target, timeout: .zero)
        again.unlock()
        again.unlock()  // twice is harmless
        XCTAssertEqual(filesIn(dir), ["similarity.index"])
    }

    func testAWaitingLockGetsInWhenTheHolderReleases() throws {
        let dir = try makeTempDir()
        let target = dir + "/t"
        nonisolated(unsafe) let first = try FileLock(for: target, timeout: .zero)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { first.unlock() }
        var waited = false
        let second = try FileLock(for: target, timeout: .seconds(10)) { waited = true }
        XCTAssertTrue(waited)
        second.unlock()
        XCTAssertEqual(filesIn(dir), [])
    }

    /// Eight threads each add 25 to a counter file by read-modify-write (load, sleep, save atomically). With the
    /// lock the total is exact; without it (planted: `withLock` running `body` bare) updates were lost in 5 runs
    /// of 5 (totals 25–28 of 200, and temporary-file clashes).
    func testConcurrentReadModifyWritesUnderTheLockLoseNothing() throws {
        let dir = try makeTempDir()
        let counter = dir + "/counter"
        try AtomicFile.write("0", to: counter)
        let threads = 8, rounds = 25
        let failures = Failures()
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                for _ in 0..<rounds {
                    do {
                        try FileLock.withLock(for: counter, timeout: .seconds(30)) {
                            let n = Int(String(decoding: try readBytes(counter), as: UTF8.self)) ?? -1_000_000
                            usleep(200)
                            try AtomicFile.write(String(n + 1), to: counter)
                        }
                    } catch { failures.add("\(error)") }
                }
            }
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success, "a thread never finished")
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(String(decoding: try readBytes(counter), as: UTF8.self), String(threads * rounds))
        XCTAssertEqual(filesIn(dir), ["counter"], "no lock or temporary file left")
    }

    func testAFolderThatCannotHoldTheLockFileIsAClearError() {
        XCTAssertThrowsError(try FileLock(for: "/nonexistent-folder-xyz/similarity.index", timeout: .zero)) { e in
            XCTAssertTrue("\(e)".hasPrefix("/nonexistent-folder-xyz/similarity.index: nie można utworzyć pliku blokady /nonexistent-folder-xyz/.similarity.index.lock"), "\(e)")
        }
    }
}

private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
