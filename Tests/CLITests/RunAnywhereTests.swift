import Foundation
import XCTest

/// The tool runs from any folder: the analyzer's data is found through `POSTULATY_DATA`, the installed layout
/// (`PREFIX/bin/postulaty` + `PREFIX/share/postulaty/`) or the repository around the executable; explicit paths
/// always win; a missing default names every path tried and the option that passes one.
final class RunAnywhereTests: XCTestCase {
    static let analyzerData = ["lemma-priors.tsv", "guesser-pl.tsv"]
    static let shippedData = analyzerData + ["forms.table", "taxonomy.json", "themes.model", "stance.model", "similarity.index"]

    /// A copy of the built binary in `prefix/bin/` and the given files of `Models/` in `prefix/share/postulaty/`:
    /// the layout `scripts/install.sh PREFIX` makes (the copy is outside the repository, so no walk up finds it).
    func installedLayout(in scratch: Scratch, data: [String]) throws -> URL {
        let bin = scratch.url.appendingPathComponent("prefix/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let exe = bin.appendingPathComponent("postulaty")
        try FileManager.default.copyItem(at: CLI.binary, to: exe)
        for f in data { try scratch.copy("Models/\(f)", as: "prefix/share/postulaty/\(f)") }
        return exe
    }

    /// Runs `executable` (not `CLI.binary`) with cwd `cwd`, messages in Polish; stdout and stderr through files.
    func run(_ executable: URL, _ args: [String], stdin: String = "", cwd: URL,
             env: [String: String?] = [:]) throws -> CLI.Result {
        let io = try Scratch("io")
        let inPath = try io.write("in", stdin), outPath = try io.write("out", ""), errPath = try io.write("err", "")
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["POSTULATY_LANG"] = "pl"
        environment["POSTULATY_DATA"] = nil
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardInput = FileHandle(forReadingAtPath: inPath)
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: try Data(contentsOf: URL(fileURLWithPath: outPath)),
                          stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    func repo(_ path: String) -> String { CLI.repoRoot.appendingPathComponent(path).path }

    // MARK: the development build, from a folder without Models/

    func testExplicitPathsWorkFromAFolderWithoutModels() throws {
        let cwd = try Scratch()
        let before = FolderSnapshot(cwd.url)
        let similar = try CLI.run(["similar", "kluby seniora", "--index", repo("Models/similarity.index"), "--top", "1"],
                                  cwd: cwd.url, env: ["POSTULATY_DATA": nil])
        XCTAssertEqual(similar.status, 0, similar.stderr)
        XCTAssertTrue(similar.out.hasPrefix("1. ["), similar.out)
        let tag = try CLI.run(["tag", "--model", repo("Models/themes.model")], stdin: Data("Więcej klubów seniora\n".utf8),
                              cwd: cwd.url, env: ["POSTULATY_DATA": nil])
        XCTAssertEqual(tag.status, 0, tag.stderr)
        let fromRoot = try CLI.run(["tag", "--model", "Models/themes.model"], stdin: Data("Więcej klubów seniora\n".utf8),
                                   env: ["POSTULATY_DATA": nil])
        XCTAssertEqual(tag.out, fromRoot.out, "the same data as from the repository root")
        XCTAssertTrue(tag.out.contains("\"seniors\""), tag.out)
        XCTAssertEqual(FolderSnapshot(cwd.url), before, "nothing written into the working directory")
    }

    /// An explicit --taxonomy that is missing or not a file is an error naming it, never silently the default
    /// (or none): `train` once went on without one and wrote a model; `corpus stats` dropped the theme names.
    func testExplicitTaxonomyMustExist() throws {
        let cwd = try Scratch()
        let corpus = repo("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl")
        let before = FolderSnapshot(cwd.url)
        for (args, path, message) in [
            (["train", corpus, "--taxonomy", "brak.json", "-o", "out.model"], "brak.json", "nie ma takiego pliku"),
            (["corpus", "stats", corpus, "--taxonomy", "brak.json"], "brak.json", "nie ma takiego pliku"),
            (["corpus", "stats", corpus, "--taxonomy", cwd.url.path], cwd.url.path, "to folder"),
            (["corpus", "validate", corpus, "--taxonomy", "brak.json"], "brak.json", "nie ma takiego pliku"),
        ] {
            let r = try CLI.run(args, cwd: cwd.url)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.hasPrefix("Błąd: \(path): "), r.stderr)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
        XCTAssertEqual(FolderSnapshot(cwd.url), before, "no model written")
    }

    func testDefaultsFromTheRepositoryAroundTheExecutable() throws {
        let cwd = try Scratch()
        let info = try CLI.run(["index", "info"], cwd: cwd.url, env: ["POSTULATY_DATA": nil])
        let infoRoot = try CLI.run(["index", "info"], env: ["POSTULATY_DATA": nil])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertEqual(info.out, infoRoot.out)
        let stem = try CLI.run(["stem"], stdin: Data("seniorow\n".utf8), cwd: cwd.url, env: ["POSTULATY_DATA": nil])
        XCTAssertEqual(stem.status, 0, stem.stderr)
        XCTAssertEqual(stem.out, "senior\n")
    }

    // MARK: POSTULATY_DATA

    func testDataVariableNamingAnEmptyFolderIsAClearError() throws {
        let cwd = try Scratch()
        let empty = cwd.url.appendingPathComponent("puste")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let before = FolderSnapshot(cwd.url)
        for args in [["stem"], ["similar", "kluby seniora", "--index", repo("Models/similarity.index")]] {
            let r = try CLI.run(args, stdin: Data("seniorow\n".utf8), cwd: cwd.url, env: ["POSTULATY_DATA": empty.path])
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertEqual(r.out, "", "\(args)")
            XCTAssertTrue(r.stderr.contains("POSTULATY_DATA=\(empty.path): brak danych analizatora (lemma-priors.tsv)"), r.stderr)
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        }
        // The variable is a deliberate choice: the repository's data (found by walking up) does not replace it,
        // even when the working directory is the repository root.
        let root = try CLI.run(["stem"], stdin: Data("seniorow\n".utf8), env: ["POSTULATY_DATA": empty.path])
        XCTAssertEqual(root.status, 1, root.stderr)
        XCTAssertEqual(FolderSnapshot(cwd.url), before)
    }

    func testDataVariableWins() throws {
        let scratch = try Scratch()
        let exe = try installedLayout(in: scratch, data: [])  // nothing beside the binary
        let data = scratch.url.appendingPathComponent("dane")
        for f in Self.analyzerData { try scratch.copy("Models/\(f)", as: "dane/\(f)") }
        let r = try run(exe, ["stem"], stdin: "seniorow\n", cwd: scratch.url, env: ["POSTULATY_DATA": data.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out, "senior\n")
    }

    // MARK: the installed layout

    func testInstalledLayoutWorksFromAnotherFolder() throws {
        let scratch = try Scratch()
        let exe = try installedLayout(in: scratch, data: Self.shippedData)
        let cwd = scratch.url.appendingPathComponent("gdziekolwiek")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let before = FolderSnapshot(scratch.url)

        let text = "Więcej klubów seniora w dzielnicach\n"
        let cases: [(args: [String], stdin: String)] = [
            (["analyze"], text), (["stem"], "seniorow\nmlodziezy\n"), (["tag"], text),
            (["similar", "kluby seniora", "--top", "3"], ""), (["index", "info"], ""),
        ]
        for c in cases {
            let installed = try run(exe, c.args, stdin: c.stdin, cwd: cwd)
            let fromRoot = try CLI.run(c.args, stdin: Data(c.stdin.utf8), env: ["POSTULATY_DATA": nil])
            XCTAssertEqual(installed.status, 0, "\(c.args): \(installed.stderr)")
            XCTAssertFalse(installed.stderr.contains("forms.table"), "\(c.args): the shipped table is current: \(installed.stderr)")
            XCTAssertFalse(installed.out.isEmpty, "\(c.args)")
            XCTAssertEqual(installed.out, fromRoot.out, "\(c.args): the same output as from the repository root")
        }
        // A symbolic link to the installed binary (e.g. in ~/bin) finds the same data.
        let link = scratch.url.appendingPathComponent("link-bin/postulaty")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: exe)
        let viaLink = try run(link, ["stem"], stdin: "seniorow\n", cwd: cwd)
        XCTAssertEqual(viaLink.status, 0, viaLink.stderr)
        XCTAssertEqual(viaLink.out, "senior\n")
        try FileManager.default.removeItem(at: link.deletingLastPathComponent())
        XCTAssertEqual(FolderSnapshot(scratch.url), before, "nothing written, nothing left behind")
    }

    func testUserModelsFolderWinsAndWritersWriteThereNotIntoShare() throws {
        let scratch = try Scratch()
        let exe = try installedLayout(in: scratch, data: Self.shippedData)
        let share = scratch.url.appendingPathComponent("prefix/share")
        let shareBefore = FolderSnapshot(share)
        let cwd = scratch.url.appendingPathComponent("projekt")
        let corpus = try scratch.copy("Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", as: "projekt/spotkanie.jsonl")

        let failed = try run(exe, ["index", "build", "brak.jsonl"], cwd: cwd)
        XCTAssertEqual(failed.status, 1, failed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cwd.appendingPathComponent("Models").path),
                       "a failed run makes no Models/ folder")
        let build = try run(exe, ["index", "build", corpus], cwd: cwd)
        XCTAssertEqual(build.status, 0, build.stderr)  // ./Models/ is made for the default output
        XCTAssertTrue(FileManager.default.fileExists(atPath: cwd.appendingPathComponent("Models/similarity.index").path))
        XCTAssertEqual(FolderSnapshot(share), shareBefore, "the installed data is never written by default")

        let info = try run(exe, ["index", "info"], cwd: cwd)
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.out.hasPrefix("{\"postulates\":14,"), "./Models/similarity.index wins: \(info.out)")
        let shipped = try run(exe, ["index", "info", "--index", share.appendingPathComponent("postulaty/similarity.index").path], cwd: cwd)
        XCTAssertFalse(shipped.out.hasPrefix("{\"postulates\":14,"), shipped.out)
    }

    // MARK: missing data and defaults name what was tried

    func testMissingDefaultModelNamesThePathsTriedAndTheOption() throws {
        let scratch = try Scratch()
        let exe = try installedLayout(in: scratch, data: Self.analyzerData)
        let share = scratch.url.appendingPathComponent("prefix/share/postulaty").standardizedFileURL.path
        let cwd = scratch.url.appendingPathComponent("tu")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
        let before = FolderSnapshot(scratch.url)

        let tag = try run(exe, ["tag"], stdin: "Więcej klubów seniora\n", cwd: cwd)
        XCTAssertEqual(tag.status, 1, tag.stderr)
        XCTAssertEqual(tag.out, "")
        XCTAssertTrue(tag.stderr.contains("nie znaleziono modelu: Models/themes.model ani \(share)/themes.model; podaj --model PLIK"),
                      tag.stderr)
        let similar = try run(exe, ["similar", "kluby seniora"], cwd: cwd)
        XCTAssertEqual(similar.status, 1, similar.stderr)
        XCTAssertTrue(similar.stderr.contains("nie znaleziono indeksu: Models/similarity.index ani \(share)/similarity.index; podaj --index PLIK"),
                      similar.stderr)
        let validate = try run(exe, ["corpus", "validate", "x.jsonl"], cwd: cwd)
        XCTAssertEqual(validate.status, 1, validate.stderr)
        XCTAssertTrue(validate.stderr.contains("nie znaleziono taksonomii: Models/taxonomy.json ani \(share)/taxonomy.json; podaj --taxonomy PLIK"),
                      validate.stderr)
        let corpus = try run(exe, ["corpus", "stats"], cwd: cwd)
        XCTAssertEqual(corpus.status, 1, corpus.stderr)
        XCTAssertTrue(corpus.stderr.contains("nie znaleziono folderu Corpora/ w bieżącym folderze"), corpus.stderr)
        // An explicit path wins over the missing default.
        let explicit = try run(exe, ["tag", "--model", repo("Models/themes.model")], stdin: "Więcej klubów seniora\n", cwd: cwd)
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        XCTAssertEqual(FolderSnapshot(scratch.url), before)
    }

    func testNoDataFolderNamesEveryFolderTried() throws {
        let scratch = try Scratch()
        let exe = try installedLayout(in: scratch, data: [])
        let prefix = scratch.url.appendingPathComponent("prefix").standardizedFileURL.path
        let r = try run(exe, ["similar", "kluby seniora", "--index", repo("Models/similarity.index")], cwd: scratch.url)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.out, "")
        for tried in ["\(prefix)/share/postulaty", "\(prefix)/bin/Models", "\(prefix)/Models", "/Models", "./Models",
                      "POSTULATY_DATA=FOLDER", "scripts/install.sh"] {
            XCTAssertTrue(r.stderr.contains(tried), "\(tried) not named in: \(r.stderr)")
        }
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
    }
}
