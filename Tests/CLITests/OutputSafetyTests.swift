import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Outputs and concurrent runs (issue #13, items 3 and 5; docs/reliability.md): `-o` never replaces an input, a
/// folder, a FIFO or a device; `report -o` into a foreign folder needs `--force`; an interrupted run leaves no
/// temporary file; a write error on standard output is one line on stderr and a non-zero exit; concurrent
/// `index add` runs take turns and lose nothing. Every run has a time limit, so nothing here can hang the suite.
final class OutputSafetyTests: XCTestCase {
    // MARK: helpers

    /// A run with standard output going to `stdout` (a file handle of the test's choosing: /dev/full, a pipe).
    private func run(_ args: [String], stdout: FileHandle, stdin: Data = Data(), timeout: Double = 60) throws
        -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let s = try Scratch("run")
        let errURL = s.url.appendingPathComponent("err"), inURL = s.url.appendingPathComponent("in")
        try stdin.write(to: inURL)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.repoRoot
        var env = ProcessInfo.processInfo.environment
        env["POSTULATY_LANG"] = "pl"
        p.environment = env
        p.standardInput = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = stdout
        p.standardError = try FileHandle(forWritingTo: errURL)
        try p.run()
        try wait(p, timeout: timeout)
        return (p.terminationStatus, p.terminationReason, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Starts the tool without waiting (stdout and stderr to files in `dir`).
    private func spawn(_ args: [String], in dir: Scratch, name: String, env extra: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.repoRoot
        var env = ProcessInfo.processInfo.environment
        env["POSTULATY_LANG"] = "pl"
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = dir.url.appendingPathComponent("\(name).out"), err = dir.url.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        return p
    }

    /// Waits for `p`; past `timeout` it is killed and the test fails.
    private func wait(_ p: Process, timeout: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            XCTFail("\(p.arguments ?? []) did not end within \(timeout) s", file: file, line: line)
        }
        p.waitUntilExit()
    }

    private func devFull() throws -> FileHandle {
        try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"), "no /dev/full")
    }

    /// A corpus file, a hard link and a symbolic link to it, in a scratch folder.
    private func inputWithLinks(_ s: Scratch, copy repoPath: String, as name: String) throws -> [String] {
        let input = try s.copy(repoPath, as: name)
        XCTAssertEqual(link(input, s.path("hard-" + name)), 0)
        XCTAssertEqual(symlink(name, s.path("soft-" + name)), 0)
        return [input, s.path("hard-" + name), s.path("soft-" + name)]
    }

    // MARK: -o

    /// `-o` naming an input (itself, a hard link, a symbolic link to it) is refused before any work, naming both,
    /// for every command that writes a file.
    func testOutputNamingAnInputIsRefusedNamingBoth() throws {
        let s = try Scratch()
        let jsonl = try inputWithLinks(s, copy: "Corpora/authored-a.jsonl", as: "a.jsonl")
        let txt = try inputWithLinks(s, copy: "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt", as: "m.txt")
        let before = FolderSnapshot(s.url)
        var commands: [(String, [String])] = []
        for out in jsonl {
            commands += [
                ("tag", ["tag", jsonl[0], "-o", out]),
                ("corpus convert", ["corpus", "convert", jsonl[0], out]),
                ("train", ["train", jsonl[0], "-o", out]),
                ("train --dump-terms", ["train", jsonl[0], "-o", s.path("m.model"), "--dump-terms", out]),
                ("eval --dump-terms", ["eval", jsonl[0], "--dump-terms", out]),
                ("index build", ["index", "build", jsonl[0], "-o", out]),
                ("tag (the model)", ["tag", jsonl[0], "--model", out, "-o", out]),
            ]
        }
        for out in txt { commands.append(("import", ["import", txt[0], "-o", out])) }
        for (name, args) in commands {
            let r = try CLI.run(args, timeout: 30)
            let out = args.last!
            XCTAssertEqual(r.status, 1, "\(name) \(out): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("\(out): to ten sam plik co wejście "), "\(name): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(name): \(r.stderr)")
        }
        XCTAssertEqual(FolderSnapshot(s.url), before, "an input was changed or a file left behind")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: jsonl[2]), "a.jsonl")
    }

    /// `-o` to a folder, a FIFO or a device is refused at once (a FIFO is never opened, so nothing blocks).
    func testOutputToAFolderFIFOOrDeviceIsRefused() throws {
        let s = try Scratch()
        let input = try s.copy("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", as: "k.jsonl")
        let txt = try s.copy("Corpora/krakow-2025-06-17-spotkanie-branzowe.txt", as: "m.txt")
        try FileManager.default.createDirectory(atPath: s.path("dir"), withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(s.path("fifo"), 0o644), 0)
        var cases: [(String, String)] = [(s.path("dir"), "to folder"), (s.path("dir") + "/", "to folder"),
                                         (s.path("fifo"), "to potok nazwany (FIFO)")]
        // A device node of the test's own (a copy of /dev/null, possible as root), never the system's: a
        // regression run as root would otherwise rename a file over /dev/null itself.
        var null = stat()
        if stat("/dev/null", &null) == 0, null.st_mode & S_IFMT == S_IFCHR,
           mknod(s.path("null"), S_IFCHR | 0o666, null.st_rdev) == 0 {
            cases.append((s.path("null"), "to urządzenie"))
        }
        let before = FolderSnapshot(s.url)
        for (out, what) in cases {
            for args in [["tag", input, "-o", out], ["corpus", "convert", input, out], ["import", txt, "-o", out],
                         ["train", input, "-o", out], ["index", "build", input, "-o", out]] {
                let r = try CLI.run(args, timeout: 30)
                XCTAssertFalse(r.timedOut, "\(args) blocked")
                XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("\(out): \(what), a nie zwykły plik — nic nie zapisano"), "\(args): \(r.stderr)")
            }
        }
        XCTAssertEqual(FolderSnapshot(s.url), before)
        var st = stat()
        XCTAssertEqual(lstat(s.path("fifo"), &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        if cases.count == 4 {
            XCTAssertEqual(lstat(s.path("null"), &st), 0)
            XCTAssertEqual(st.st_mode & S_IFMT, S_IFCHR, "the device is still a device")
        }
    }

    /// `-o` naming a symbolic link writes the file the link leads to (atomically, in that file's folder); the link
    /// stays a link.
    func testOutputThroughASymbolicLinkWritesTheFileItLeadsTo() throws {
        let s = try Scratch()
        try s.write("real/tagged.jsonl", "old\n")
        try FileManager.default.createDirectory(atPath: s.path("links"), withIntermediateDirectories: false)
        XCTAssertEqual(symlink("../real/tagged.jsonl", s.path("links/out.jsonl")), 0)
        let expected = try CLI.run(["tag", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"])
        XCTAssertEqual(expected.status, 0, expected.stderr)
        let r = try CLI.run(["tag", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "-o", s.path("links/out.jsonl")])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: s.path("links/out.jsonl")), "../real/tagged.jsonl")
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("real/tagged.jsonl")), expected.stdout)
        XCTAssertEqual(Set(FolderSnapshot(s.url).files.keys), ["/real/tagged.jsonl"], "a temporary file left behind")
    }

    // MARK: report -o

    func testReportIntoAFolderThatIsNeitherEmptyNorAReportNeedsForce() throws {
        let s = try Scratch()
        let corpus = "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"
        try s.write("notes/plan.txt", "moje notatki\n")
        let notes = s.path("notes")
        var before = FolderSnapshot(s.url)
        let refused = try CLI.run(["report", corpus, "-o", notes, "--no-recurring"])
        XCTAssertEqual(refused.status, 1, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("\(notes): folder nie jest pusty (plan.txt) i nie jest wcześniejszym raportem (brak index.html, report.md, columns.md) — nic nie zapisano; wybierz pusty folder albo dodaj --force"), refused.stderr)
        XCTAssertFalse(refused.stderr.contains("report: 14"), "the refusal comes before any work")
        XCTAssertEqual(FolderSnapshot(s.url), before)

        let forced = try CLI.run(["report", corpus, "-o", notes, "--no-recurring", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        let written = FolderSnapshot(s.url)
        XCTAssertEqual(written.files["/notes/plan.txt"], Data("moje notatki\n".utf8), "a file not of the report is kept")
        XCTAssertNotNil(written.files["/notes/index.html"])

        // now an earlier report: written again without --force, same bytes
        let again = try CLI.run(["report", corpus, "-o", notes, "--no-recurring"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), written)

        // an empty folder and a new one need nothing
        try FileManager.default.createDirectory(atPath: s.path("empty"), withIntermediateDirectories: false)
        XCTAssertEqual(try CLI.run(["report", corpus, "-o", s.path("empty"), "--no-recurring"]).status, 0)
        XCTAssertEqual(try CLI.run(["report", corpus, "-o", s.path("new/sub"), "--no-recurring"]).status, 0)

        // a file, a FIFO, or a folder holding an input under a report file's extension
        try s.write("file", "x")
        XCTAssertEqual(mkfifo(s.path("fifo"), 0o644), 0)
        try s.write("mine/postulates.csv", "id,text\n1,Kluby seniora w każdej dzielnicy\n")
        before = FolderSnapshot(s.url)
        for (args, message) in [
            (["report", corpus, "-o", s.path("file")], "\(s.path("file")): istnieje i nie jest folderem"),
            (["report", corpus, "-o", s.path("fifo")], "\(s.path("fifo")): istnieje i nie jest folderem"),
            (["report", s.path("mine/postulates.csv"), "-o", s.path("mine"), "--force"],
             "\(s.path("mine"))/postulates.csv: to ten sam plik co wejście \(s.path("mine/postulates.csv"))"),
        ] {
            let r = try CLI.run(args, timeout: 30)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        XCTAssertEqual(FolderSnapshot(s.url), before)
    }

    // MARK: signals

    /// SIGINT and SIGTERM during `tag -o` on 300 000 lines: the run dies of the signal, the temporary file is
    /// removed, and the target is neither created nor replaced. (Planted: without the handlers installed, the
    /// temporary file stays, for both signals.)
    func testInterruptedTagRemovesItsTemporaryFile() throws {
        let s = try Scratch()
        let words = ["kluby", "seniora", "w", "każdej", "dzielnicy", "bezpieczeństwo", "młodzieży", "finansowanie",
                     "organizacji", "pozarządowych", "współpraca", "budżet"]
        var text = ""
        text.reserveCapacity(300_000 * 90)
        for i in 0..<300_000 {
            for j in 0..<10 { text += words[(i &* 7 &+ j &* 13 &+ i / 11) % words.count]; text += " " }
            text += "\(i)\n"
        }
        let input = try s.write("big.txt", text)
        try s.write("kept/out.jsonl", "old\n")
        for (sig, target) in [(SIGINT, "new/out.jsonl"), (SIGTERM, "kept/out.jsonl")] {
            try? FileManager.default.createDirectory(atPath: s.path("new"), withIntermediateDirectories: true)
            let before = FolderSnapshot(s.url)
            let logs = try Scratch("logs")
            let p = try spawn(["tag", input, "-o", s.path(target)], in: logs, name: "tag")
            // wait until the temporary file exists and holds bytes: the run is mid-write
            let folder = URL(fileURLWithPath: s.path(target)).deletingLastPathComponent().path
            var temp: String?
            let deadline = Date().addingTimeInterval(90)
            while Date() < deadline, p.isRunning {
                if let name = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.first(where: { $0.hasPrefix(".out.jsonl.tmp-") }),
                   let size = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int, size > 0 {
                    temp = name
                    break
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            XCTAssertNotNil(temp, "no temporary file appeared while tagging")
            XCTAssertTrue(p.isRunning, "the run ended before the signal; make the input larger")
            kill(p.processIdentifier, sig)
            try wait(p, timeout: 30)
            XCTAssertEqual(p.terminationReason, .uncaughtSignal, "signal \(sig)")
            XCTAssertEqual(p.terminationStatus, sig)
            XCTAssertEqual(FolderSnapshot(s.url), before, "signal \(sig): temporary file left or target changed")
            XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }, [])
        }
        XCTAssertEqual(try Data(contentsOf: s.url.appendingPathComponent("kept/out.jsonl")), Data("old\n".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("new/out.jsonl")))
    }

    /// SIGINT while a report replaces an earlier one: the folder holds the old report or the new one, never a mix
    /// (a user saw index.html of one city over the tables of another). The renames are stretched by the fault hook
    /// `POSTULATY_FAULT_RENAME_PAUSE_MS` and the signal sent once the first file has changed. (Planted: without
    /// `deferringSignals` the run dies after the first renames and the folder is mixed.)
    func testInterruptedReportLeavesTheOldReportOrTheNewOneWhole() throws {
        let s = try Scratch()
        let out = s.path("raport")
        let first = try CLI.run(["report", "Corpora/authored-a.jsonl", "-o", out, "--no-recurring"], timeout: 300)
        XCTAssertEqual(first.status, 0, first.stderr)
        let old = FolderSnapshot(URL(fileURLWithPath: out))
        let logs = try Scratch("logs")
        let p = try spawn(["report", "Corpora/authored-b.jsonl", "-o", out, "--no-recurring", "--force"], in: logs, name: "report",
                          env: ["POSTULATY_FAULT_RENAME_PAUSE_MS": "150"])
        let deadline = Date().addingTimeInterval(240)
        var changed = false
        while Date() < deadline, p.isRunning {
            let now = FolderSnapshot(URL(fileURLWithPath: out)).files.filter { !$0.key.contains(".tmp-") }
            if now.contains(where: { old.files[$0.key] != $0.value }) { changed = true; break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertTrue(changed, "no file of the report changed")
        XCTAssertTrue(p.isRunning, "the run ended before the signal")
        kill(p.processIdentifier, SIGINT)
        try wait(p, timeout: 60)
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertEqual(p.terminationStatus, SIGINT)
        let after = FolderSnapshot(URL(fileURLWithPath: out))
        XCTAssertEqual(after.files.keys.filter { $0.contains(".tmp-") }, [], "temporary files left")
        XCTAssertEqual(Set(after.files.keys), Set(old.files.keys))
        let replaced = after.files.filter { old.files[$0.key] != $0.value }.count
        XCTAssertGreaterThan(old.files.count, 10)
        // every file of the new report differs from the old one in its title or figures, except those both share
        let same = try CLI.run(["report", "Corpora/authored-b.jsonl", "-o", s.path("fresh"), "--no-recurring"], timeout: 300)
        XCTAssertEqual(same.status, 0, same.stderr)
        let fresh = FolderSnapshot(URL(fileURLWithPath: s.path("fresh")))
        XCTAssertEqual(after, fresh, "the interrupted run finished its renames: the folder is the new report (\(replaced) files replaced)")
    }

    // MARK: standard output

    /// `> /dev/full` (ENOSPC): exit status 1 and one error line, for every command that writes standard output —
    /// never a trap (`similar` died of SIGILL on `try!`) or exit 0 with nothing written (`tag`).
    func testAFullStandardOutputIsOneErrorLineAndExitStatus1() throws {
        let s = try Scratch()
        let bad = try s.write("bad.jsonl", "{\"id\":\"1\",\"text\":\"a\",\"year\":\"20x5\"}\n")
        let cases: [(args: [String], stdin: String)] = [
            (["similar", "kluby seniora"], ""),
            (["similar", "--batch", "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt", "--top", "1"], ""),
            (["tag", "Corpora/authored-a.jsonl"], ""),
            (["tag"], "Więcej klubów seniora w dzielnicach\n"),
            (["analyze", "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"], ""),
            (["analyze", "--json"], "Kluby seniorów w Krakowie"),
            (["stem"], "seniorów\nmłodzieży\n"),
            (["index", "info"], ""),
            (["corpus", "stats"], ""),
            (["corpus", "validate", bad], ""),
            (["dedupe"], ""),
            (["dedupe", "--format", "md"], ""),
            (["import", "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"], ""),
            (["eval", "Corpora/authored-a.jsonl", "--folds", "2", "--inner-folds", "2", "--variants", "multinomial"], ""),
            (["eval", "Corpora/authored-a.jsonl", "--folds", "2", "--inner-folds", "2", "--variants", "multinomial", "--json"], ""),
            (["--help"], ""),
            (["tag", "--help"], ""),
            (["--version"], ""),
        ]
        for c in cases {
            let r = try run(c.args, stdout: try devFull(), stdin: Data(c.stdin.utf8))
            XCTAssertEqual(r.reason, .exit, "\(c.args) died of a signal: \(r.stderr)")
            XCTAssertEqual(r.status, 1, "\(c.args): \(r.stderr)")
            let errors = r.stderr.split(separator: "\n").filter { $0.contains("standardowe wyjście") }
            XCTAssertEqual(errors, ["Błąd: standardowe wyjście: błąd zapisu (brak miejsca na dysku) — wynik jest niepełny"], "\(c.args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Backtrac"), "\(c.args): \(r.stderr)")
            if !["dedupe", "corpus"].contains(c.args[0]) {
                XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "\(c.args): \(r.stderr)")
            }
        }
        // `report` writes nothing on standard output: a full one does not matter
        let out = try Scratch("report")
        let r = try run(["report", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "-o", out.path("r"), "--no-recurring"],
                        stdout: try devFull())
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path("r/index.html")))
    }

    /// A closed pipe (EPIPE, as under `| head`): the run stops with status 141 (128 + SIGPIPE, what a shell shows
    /// for `cat` killed by SIGPIPE) and one line on stderr, without a trap.
    func testABrokenPipeEndsTheRunWithOneLineAndStatus141() throws {
        for (args, stdin) in [(["tag", "Corpora/authored-a.jsonl"], ""), (["similar", "kluby seniora"], ""),
                              (["analyze", "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"], ""),
                              (["stem"], "seniorów\n"), (["index", "info"], ""), (["corpus", "stats"], ""),
                              (["dedupe"], ""), (["import", "Corpora/krakow-2025-06-17-spotkanie-branzowe.txt"], ""),
                              (["--help"], "")] {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()  // no reader: the first write fails with EPIPE
            let r = try run(args, stdout: pipe.fileHandleForWriting, stdin: Data(stdin.utf8))
            XCTAssertEqual(r.reason, .exit, "\(args) died of a signal: \(r.stderr)")
            XCTAssertEqual(r.status, 141, "\(args): \(r.stderr)")
            let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix("Błąd: ") }
            XCTAssertEqual(lines, ["Błąd: standardowe wyjście: odbiorca zamknął potok — wynik jest niepełny"], "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal"), "\(args): \(r.stderr)")
        }
    }

    // MARK: concurrent runs

    /// Six `index add` runs of different batches started at once: every one succeeds and every postulate is in the
    /// index afterwards; no lock or temporary file is left. (Planted: with the lock taken out, the test failed in
    /// 6 runs of 6: the index held 44–74 of its 104 postulates, and every run had reported success.)
    func testConcurrentIndexAddsTakeTurnsAndLoseNothing() throws {
        let s = try Scratch()
        let index = s.path("similarity.index")
        let build = try CLI.run(["index", "build", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "-o", index])
        XCTAssertEqual(build.status, 0, build.stderr)
        let batches = 6, perBatch = 15
        for b in 1...batches {
            var lines = ""
            for j in 1...perBatch {
                lines += "{\"id\":\"b\(b)-\(j)\",\"year\":2024,\"text\":\"Kluby seniora numer \(j) w dzielnicy \(b) i bezpieczeństwo młodzieży\"}\n"
            }
            try s.write("batch\(b).jsonl", lines)
        }
        let logs = try Scratch("logs")
        let runs = try (1...batches).map { b in
            try spawn(["index", "add", s.path("batch\(b).jsonl"), "--index", index], in: logs, name: "add\(b)")
        }
        for p in runs { try wait(p, timeout: 120) }
        for (b, p) in runs.enumerated() {
            let err = (try? String(contentsOf: logs.url.appendingPathComponent("add\(b + 1).err"), encoding: .utf8)) ?? ""
            XCTAssertEqual(p.terminationStatus, 0, err)
            XCTAssertTrue(err.contains("indeks: dodano \(perBatch), razem "), err)
        }
        let info = try CLI.run(["index", "info", "--index", index])
        XCTAssertTrue(info.out.hasPrefix("{\"postulates\":\(14 + batches * perBatch),"), info.out)
        for b in 1...batches {
            let r = try CLI.run(["similar", "--id", "b\(b)-\(perBatch)", "--index", index, "--top", "1", "--format", "jsonl"])
            XCTAssertEqual(r.status, 0, "b\(b)-\(perBatch) missing: \(r.stderr)")
        }
        XCTAssertEqual(Set(FolderSnapshot(s.url).files.keys),
                       Set(["/similarity.index"] + (1...batches).map { "/batch\($0).jsonl" }), "a lock or temporary file left")
    }

    /// While another run holds the index's lock, `index add` and `index remove` wait, say so, and after
    /// `--lock-timeout` fail naming the index and the lock file, changing nothing; once it is free they succeed.
    func testAHeldLockMakesIndexChangesWaitThenFailClearly() throws {
        let s = try Scratch()
        let index = s.path("similarity.index")
        XCTAssertEqual(try CLI.run(["index", "build", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "-o", index]).status, 0)
        let batch = try s.write("batch.jsonl", "{\"id\":\"x-1\",\"text\":\"Kluby seniora w Nowej Hucie\"}\n")
        let lockPath = s.path(".similarity.index.lock")
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        let before = FolderSnapshot(s.url)
        for args in [["index", "add", batch, "--index", index, "--lock-timeout", "0.5"],
                     ["index", "remove", "krakow-2025-06-17-03", "--index", index, "--lock-timeout", "0.5"]] {
            let start = Date()
            let r = try CLI.run(args, timeout: 30)
            XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.5)
            XCTAssertEqual(r.status, 1, r.stderr)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, 2, r.stderr)
            XCTAssertEqual(lines.first, "\(index): inny proces postulaty zmienia ten indeks — czekam (najwyżej 0.5 s)…")
            XCTAssertEqual(lines.last, "Błąd: \(index): inny proces postulaty zmienia ten plik od ponad 0.5 s (blokada \(lockPath)); nic nie zmieniono — spróbuj ponownie, gdy skończy")
            XCTAssertEqual(FolderSnapshot(s.url), before)
        }
        close(fd)
        let added = try CLI.run(["index", "add", batch, "--index", index, "--lock-timeout", "0.5"])
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stderr.contains("dodano 1, razem 15"), added.stderr)
    }
}
