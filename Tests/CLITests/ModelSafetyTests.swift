import Foundation
import XCTest

/// Issue #13, models, end to end through the built binary: `train` and `eval` refuse degenerate data and leave the
/// model there byte-identical (no temporary file left); `report` refuses a model of the wrong kind naming both;
/// a damaged model or index file gives one plain line naming it.
final class ModelSafetyTests: XCTestCase {
    /// Records with the words of each theme (the Polish analyzer's lemmas differ, the themes stay apart).
    static let themeWords = [
        "security": ["policja", "monitoring", "przestępstwo", "straż", "oszustwo", "bezpieczeństwo"],
        "seniors": ["senior", "klub", "emeryt", "opieka", "starszy", "dzienny"],
        "youth": ["młodzież", "szkoła", "uczeń", "świetlica", "harcerz", "nastolatek"],
    ]

    static func jsonl(_ rows: [(themes: [String]?, text: String)]) -> String {
        rows.enumerated().map { i, r in
            let themes = r.themes.map { ",\"themes\":[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? ""
            return "{\"id\":\"r\(i)\",\"text\":\"\(r.text)\"\(themes)}"
        }.joined(separator: "\n") + "\n"
    }

    /// `count` records, themes in turn, each text five words of its theme (deterministic).
    static func themed(_ count: Int, themes: [String] = ["security", "seniors", "youth"]) -> [(themes: [String]?, text: String)] {
        (0..<count).map { i in
            let t = themes[i % themes.count]
            let w = themeWords[t] ?? themeWords["security"]!
            return ([t], (0..<5).map { w[(i + $0 * 7) % w.count] }.joined(separator: " "))
        }
    }

    /// A scratch folder holding a copy of the committed theme model as `out.model`.
    private func scratchWithModel(_ name: String = #function) throws -> (Scratch, String) {
        let s = try Scratch(name)
        return (s, try s.copy("Models/themes.model", as: "out.model"))
    }

    /// Runs `args`, expects a failure whose stderr contains every one of `needles`, and that the scratch folder
    /// is exactly as before (the model byte-identical, no temporary or other file left).
    @discardableResult
    private func assertRefused(_ args: [String], in scratch: Scratch, _ needles: [String],
                               file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Result {
        let before = FolderSnapshot(scratch.url)
        let r = try CLI.run(args, timeout: 60)
        XCTAssertFalse(r.timedOut, "timed out: \(args)", file: file, line: line)
        XCTAssertNotEqual(r.status, 0, "\(args): \(r.stderr)", file: file, line: line)
        for n in needles { XCTAssertTrue(r.stderr.contains(n), "\(args): expected «\(n)» in: \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(r.stderr.contains("DecodingError"), r.stderr, file: file, line: line)
        XCTAssertEqual(FolderSnapshot(scratch.url), before, "\(args) changed the folder", file: file, line: line)
        return r
    }

    // MARK: train and eval refuse degenerate data, in the same words, and write nothing

    func testUnlabelledCSVNeverReplacesTheModel() throws {
        let (s, model) = try scratchWithModel()
        let csv = try s.write("semi.csv", "id,text\n1,Więcej klubów seniora\n2,Monitoring na osiedlach\n3,Świetlica dla młodzieży\n")
        let needle = "pole „themes” nie ma etykiety w żadnym rekordzie (3 rekordy; bez tego pola: 3)"
        try assertRefused(["train", csv, "-o", model, "--dump-terms", s.path("terms.jsonl")], in: s, [needle, "--labels"])
        try assertRefused(["eval", csv], in: s, [needle])
        // a test file without labels is refused the same way
        let train = try s.write("train.jsonl", (0..<20).map { i in
            let (stance, response) = i % 2 == 0 ? ("accepted", "Postulat przyjęty do realizacji w tym roku")
                                                : ("rejected", "Postulat odrzucony z braku środków")
            return "{\"id\":\"t\(i)\",\"text\":\"x\",\"response\":\"\(response)\",\"response_stance\":\"\(stance)\"}"
        }.joined(separator: "\n") + "\n")
        let unlabelled = try s.write("test.jsonl", (0..<3).map {
            "{\"id\":\"u\($0)\",\"text\":\"x\",\"response\":\"Przyjęto\",\"response_stance\":\"\"}"
        }.joined(separator: "\n") + "\n")
        try assertRefused(["eval", train, "--labels", "response_stance", "--fields", "response:1", "--test", unlabelled], in: s,
                          ["pole „response_stance” nie ma etykiety w żadnym rekordzie (3 rekordy; z pustą wartością: 3)"])
    }

    func testEmptyCorpusNeverReplacesTheModel() throws {
        let (s, model) = try scratchWithModel()
        let empty = try s.write("empty.jsonl", "")
        try assertRefused(["train", empty, "-o", model], in: s, ["\(empty): plik jest pusty"])
        try assertRefused(["eval", empty], in: s, ["\(empty): plik jest pusty"])
        let blank = try s.write("blank.jsonl", "\n\n")
        try assertRefused(["train", blank, "-o", model], in: s, ["\(blank): plik nie zawiera żadnego rekordu"])
        let headerOnly = try s.write("header.csv", "id,text,themes\n")
        try assertRefused(["train", headerOnly, "-o", model], in: s, ["\(headerOnly): plik nie zawiera żadnego rekordu"])
        let folder = s.path("Corpora.jsonl")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try assertRefused(["train", folder, "-o", model], in: s, ["\(folder): to folder, a nie zwykły plik"])
        try assertRefused(["eval", folder], in: s, ["\(folder): to folder, a nie zwykły plik"])
    }

    func testOneLabelIsRefused() throws {
        let (s, model) = try scratchWithModel()
        let one = try s.write("one.jsonl", Self.jsonl(Self.themed(12, themes: ["security"])))
        let needle = "w polu „themes” jest tylko jedna etykieta (security): model nie ma czego rozróżniać"
        try assertRefused(["train", one, "-o", model], in: s, [needle])
        try assertRefused(["eval", one], in: s, [needle])
        let stance = try s.write("stance.jsonl", (0..<8).map {
            "{\"id\":\"s\($0)\",\"text\":\"x\",\"response\":\"Przyjęto do realizacji\",\"response_stance\":\"accepted\"}"
        }.joined(separator: "\n") + "\n")
        let args = ["--labels", "response_stance", "--fields", "response:1", "--stop-words", "none"]
        try assertRefused(["train", stance, "-o", model] + args, in: s, ["w polu „response_stance” jest tylko jedna etykieta (accepted)"])
        try assertRefused(["eval", stance] + args, in: s, ["w polu „response_stance” jest tylko jedna etykieta (accepted)"])
    }

    func testOnlyEmptyThemeListsAreRefused() throws {
        let (s, model) = try scratchWithModel()
        let none = try s.write("none.jsonl", Self.jsonl(Self.themed(10).map { ([], $0.text) }))
        try assertRefused(["train", none, "-o", model], in: s, ["brak przykładów: każdy z użytych rekordów (10 rekordów) ma puste pole „themes”"])
    }

    func testLabelsOutsideTheTaxonomyAreNamedWithCounts() throws {
        let (s, model) = try scratchWithModel()
        var rows = Self.themed(30)
        rows[4].themes = ["securty"]
        rows[7].themes = ["senior"]
        rows[10].themes = ["senior"]
        let typo = try s.write("typo.jsonl", Self.jsonl(rows))
        let needles = ["etykiety spoza taksonomii Models/taxonomy.json w polu „themes”: senior (2 rekordy; może seniors?), "
                       + "securty (1 rekord; może security?)"]
        try assertRefused(["train", typo, "-o", model], in: s, needles)
        try assertRefused(["eval", typo], in: s, needles)
    }

    func testEmptyVocabularySuggestsMinDf1() throws {
        let (s, model) = try scratchWithModel()
        let rows: [(themes: [String]?, text: String)] = (0..<8).map { i in
            ([["security"], ["seniors"]][i % 2], "\(["alfa", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta"][i])owy")
        }
        let tiny = try s.write("tiny.jsonl", Self.jsonl(rows))
        let needle = "słownik modelu jest pusty: żadne słowo ani para słów (8 dokumentów) nie przeszły progów --min-df 2"
        try assertRefused(["train", tiny, "-o", model, "--min-df", "2"], in: s, [needle, "spróbuj --min-df 1"])
        try assertRefused(["eval", tiny, "--min-df", "2"], in: s, [needle, "spróbuj --min-df 1"])
        try assertRefused(["train", tiny, "-o", model, "--fixed-vectorizer"], in: s, [needle, "spróbuj --min-df 1"])
        // Left to the inner cross-validation, min_df 1 is among the settings tried, and it is the one that works.
        let chosen = try CLI.run(["train", tiny, "-o", model])
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: model)), as: UTF8.self)
        XCTAssertTrue(written.contains("\"minDocumentFrequency\" : 1,"), String(written.prefix(300)))
    }

    /// The good path still writes, with warnings by name (so the refusals above are not passed by refusing all).
    func testUsableDataTrainWithWarningsByName() throws {
        let s = try Scratch()
        var rows = Self.themed(30, themes: ["security", "seniors"])
        rows.append((nil, "tekst bez etykiet"))
        let data = try s.write("ok.jsonl", Self.jsonl(rows))
        let out = s.path("new.model")
        let r = try CLI.run(["train", data, "-o", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out))
        XCTAssertTrue(r.stderr.contains("uwaga: 1 rekord bez pola „themes” pominięto w nauce"), r.stderr)
        XCTAssertTrue(r.stderr.contains("uwaga: temat „youth” z taksonomii nie ma ani jednego przykładu"), r.stderr)
        let e = try CLI.run(["eval", data, "--folds", "2"])
        XCTAssertEqual(e.status, 0, e.stderr)
    }

    // MARK: a model of another kind

    func testReportRefusesAModelOfAnotherKindNamingBoth() throws {
        let s = try Scratch()
        let corpus = "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"
        let before = FolderSnapshot(s.url)
        let r = try CLI.run(["report", corpus, "--model", "Models/stance.model", "-o", s.path("rep"), "--no-recurring"])
        XCTAssertNotEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("Models/stance.model: to model pola „response_stance” (jedna etykieta na postulat; "
                                        + "etykiety: accepted, already_done, budget_dependent, referred, rejected), a potrzebny "
                                        + "jest model tematów (wiele etykiet na postulat; etykiety z taksonomii: security, seniors"),
                      r.stderr)
        XCTAssertFalse(r.stderr.contains("Already_done"))
        let t = try CLI.run(["report", corpus, "--stance-model", "Models/themes.model", "-o", s.path("rep"), "--no-recurring"])
        XCTAssertNotEqual(t.status, 0, t.stderr)
        XCTAssertTrue(t.stderr.contains("Models/themes.model: to model pola „themes” (wiele etykiet na postulat; "
                                        + "etykiety: funding, networking, security, seniors, youth), a potrzebny jest model "
                                        + "stanowisk odpowiedzi"), t.stderr)
        XCTAssertEqual(FolderSnapshot(s.url), before, "no report written")
        // the right models still make the report
        let ok = try CLI.run(["report", corpus, "-o", s.path("rep"), "--no-recurring"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    /// A model from another analyzer configuration stays the report's documented fallback (a warning naming the
    /// file, the analysts' labels, exit 0); `tag` refuses it naming the file and the setting.
    func testAModelFromAnotherAnalyzerIsAFallbackInTheReportAndAnErrorInTag() throws {
        let s = try Scratch()
        let data = try s.write("ok.jsonl", Self.jsonl(Self.themed(30)))
        let model = s.path("pretokenized.model")
        let train = try CLI.run(["train", data, "--pretokenized", "-o", model])
        XCTAssertEqual(train.status, 0, train.stderr)
        let rep = try CLI.run(["report", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "--model", model,
                               "-o", s.path("rep"), "--no-recurring"])
        XCTAssertEqual(rep.status, 0, rep.stderr)
        XCTAssertTrue(rep.stderr.contains("uwaga: \(model) nie może być użyty (model wytrenowano z innymi ustawieniami analizatora"),
                      rep.stderr)
        XCTAssertTrue(rep.stderr.contains("tematy z etykiet analityków"), rep.stderr)
        let tag = try CLI.run(["tag", "--model", model], stdin: Data("kluby seniora\n".utf8))
        XCTAssertEqual(tag.status, 1, tag.stderr)
        XCTAssertTrue(tag.stderr.contains("\(model): model wytrenowano z innymi ustawieniami analizatora (model vs obecne): lemmatizer"),
                      tag.stderr)
        let pre = try CLI.run(["tag", "--model", model, "--pretokenized"], stdin: Data("klub senior\n".utf8))
        XCTAssertEqual(pre.status, 0, pre.stderr)
    }

    func testTagTakesAnyModelByDesign() throws {
        let r = try CLI.run(["tag", "--model", "Models/stance.model"], stdin: Data("Postulat przyjęty do realizacji\n".utf8))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.contains("\"predicted\":[\""), r.out)
    }

    // MARK: damaged model and index files

    /// Each damaged model: `tag` and `report` print one line naming the file and what is wrong.
    func testDamagedModelFilesGiveOnePlainLine() throws {
        let s = try Scratch()
        let good = try Data(contentsOf: CLI.repoRoot.appendingPathComponent("Models/themes.model"))
        let header = good.prefix { $0 != 0x0A }
        let cases: [(String, Data?, String)] = [
            ("truncated.model", good.prefix(5000), "plik modelu jest uszkodzony lub urwany (plik kończy się w połowie)"),
            ("header.model", header + Data([0x0A]), "plik modelu jest uszkodzony lub urwany (urwany po nagłówku: brak wag modelu)"),
            ("empty.model", Data(), "plik modelu jest pusty (0 bajtów)"),
            ("random.model", Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) | 0x80 }),
             "to nie jest plik modelu postulaty"),
            ("other.model", Data("{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\"}\n".utf8),
             "to nie jest plik modelu postulaty (pierwszy wiersz nie jest nagłówkiem modelu)"),
            ("folder.model", nil, "nie można odczytać pliku modelu: to folder, a nie zwykły plik"),
            ("fifo.model", nil, "nie można odczytać pliku modelu: to potok nazwany (FIFO), a nie zwykły plik"),
            ("missing.model", nil, "nie ma pliku modelu"),
        ]
        for (name, data, message) in cases {
            let path = s.path(name)
            if let data { try data.write(to: URL(fileURLWithPath: path)) }
            if name == "folder.model" { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
            if name == "fifo.model" { XCTAssertEqual(mkfifo(path, 0o644), 0) }
            let tag = try CLI.run(["tag", "--model", path], stdin: Data("kluby seniora\n".utf8), timeout: 30)
            XCTAssertFalse(tag.timedOut, name)
            XCTAssertEqual(tag.status, 1, "\(name): \(tag.stderr)")
            XCTAssertTrue(tag.stderr.contains("\(path): \(message)"), "\(name): \(tag.stderr)")
            XCTAssertEqual(tag.stderr.split(separator: "\n").count, 1, "one line: \(tag.stderr)")
            XCTAssertFalse(tag.stderr.contains("DecodingError"), tag.stderr)
            XCTAssertTrue(tag.stdout.isEmpty, name)
        }
        // the report names a damaged file too, and writes nothing; so for a missing one the user named (a typo
        // must not give a report with every theme at zero); only a missing default model falls back
        let rep = try CLI.run(["report", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "--model", s.path("truncated.model"),
                               "-o", s.path("rep"), "--no-recurring"])
        XCTAssertNotEqual(rep.status, 0, rep.stderr)
        XCTAssertTrue(rep.stderr.contains("\(s.path("truncated.model")): plik modelu jest uszkodzony lub urwany"), rep.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("rep")))
        let fallback = try CLI.run(["report", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "--model", s.path("missing.model"),
                                    "-o", s.path("rep"), "--no-recurring"])
        XCTAssertEqual(fallback.status, 1, fallback.stderr)
        XCTAssertTrue(fallback.stderr.contains("\(s.path("missing.model")): nie ma takiego pliku (--model)"), fallback.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: s.path("rep")))
        let stance = try CLI.run(["report", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl", "--stance-model", s.path("missing.model"),
                                  "-o", s.path("rep"), "--no-recurring"])
        XCTAssertEqual(stance.status, 1, stance.stderr)
        XCTAssertTrue(stance.stderr.contains("(--stance-model)"), stance.stderr)
        // a missing default model (no ./Models, no data folder's model) still falls back: the data folder is told
        let data = try Scratch("data")
        for f in ["lemma-priors.tsv", "guesser-pl.tsv", "taxonomy.json"] { _ = try data.copy("Models/" + f, as: f) }
        let defaultMissing = try CLI.run(["report", CLI.repoRoot.path + "/Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl",
                                          "-o", s.path("rep"), "--no-recurring"], cwd: s.url, env: ["POSTULATY_DATA": data.url.path])
        XCTAssertEqual(defaultMissing.status, 0, defaultMissing.stderr)
        XCTAssertTrue(defaultMissing.stderr.contains("tematy z etykiet analityków"), defaultMissing.stderr)
    }

    func testDamagedIndexFilesGiveOnePlainLine() throws {
        let s = try Scratch()
        let good = try Data(contentsOf: CLI.repoRoot.appendingPathComponent("Models/similarity.index"))
        let cases: [(String, Data?, String)] = [
            ("truncated.index", good.prefix(good.count / 2), "indeks jest uszkodzony: suma kontrolna (checksum) się nie zgadza"),
            ("empty.index", Data(), "indeks jest uszkodzony: plik jest pusty (0 bajtów)"),
            ("model.index", try Data(contentsOf: CLI.repoRoot.appendingPathComponent("Models/themes.model")),
             "to nie jest indeks podobieństwa"),
            ("folder.index", nil, "nie można odczytać pliku indeksu: to folder, a nie zwykły plik"),
            ("fifo.index", nil, "nie można odczytać pliku indeksu: to potok nazwany (FIFO), a nie zwykły plik"),
            ("missing.index", nil, "nie można odczytać pliku indeksu: nie ma takiego pliku"),
        ]
        for (name, data, message) in cases {
            let path = s.path(name)
            if let data { try data.write(to: URL(fileURLWithPath: path)) }
            if name == "folder.index" { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
            if name == "fifo.index" { XCTAssertEqual(mkfifo(path, 0o644), 0) }
            let r = try CLI.run(["similar", "kluby seniora", "--index", path], timeout: 30)
            XCTAssertFalse(r.timedOut, name)
            XCTAssertEqual(r.status, 1, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("\(path): \(message)"), "\(name): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
        }
    }
}
