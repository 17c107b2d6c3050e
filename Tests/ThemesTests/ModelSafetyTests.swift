import Corpus
import Foundation
import PolishText
import XCTest
@testable import Themes

/// Issue #13, models: degenerate training data is refused with a reason, a model of another kind is refused naming
/// both, and a damaged model file gives one plain message naming it.
final class ModelSafetyTests: XCTestCase {
    override func setUp() { MessageLanguage.use(.pl) }
    override func tearDown() { MessageLanguage.use(.pl) }

    private func message(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    private func column(_ records: [Postulate], _ field: String = "themes", present: [Bool]? = nil) throws -> LabelColumn {
        try LabelColumn.read(records, field: field, present: present)
    }

    private func records(_ labels: [[String]]) -> [Postulate] {
        labels.enumerated().map { Postulate(id: "r\($0)", text: "tekst \($0)", themes: $1) }
    }

    private func stances(_ values: [String]) -> [Postulate] {
        values.enumerated().map { Postulate(id: "s\($0)", text: "x", extra: [("response_stance", .string($1))]) }
    }

    // MARK: training data

    func testRecordsWithoutTheLabelFieldAreCountedAndNeverTrain() throws {
        // `themes` reads as [] from a record without it: only `present` tells "not labelled" from "no theme".
        let recs = records([[], [], []])
        let m = message { try self.column(recs, present: [false, false, false]) }
        XCTAssertEqual(m, "brak etykiet do nauki: pole „themes” nie ma etykiety w żadnym rekordzie (3 rekordy; bez tego pola: 3); "
                           + "wskaż pole z etykietami opcją --labels")
        // some records lack it: they are left out and counted in a warning
        let mixed = records([["security"], ["security"], ["seniors"], ["seniors"], [], [], ["security"]])
        let col = try column(mixed, present: [true, true, true, true, true, true, false])
        XCTAssertEqual(col.missing, 1)
        XCTAssertNil(col.values[6])
        let warnings = try TrainingCheck.check(col, field: "themes")
        XCTAssertTrue(warnings.contains("1 rekord bez pola „themes” pominięto w nauce"), "\(warnings)")
    }

    func testSingleLabelFieldAllEmptyIsRefusedWithCounts() throws {
        let col = try column(stances(["", " ", "", ""]), "response_stance")
        let m = message { try TrainingCheck.check(col, field: "response_stance") }
        XCTAssertEqual(m, "brak etykiet do nauki: pole „response_stance” nie ma etykiety w żadnym rekordzie (4 rekordy; "
                           + "z pustą wartością: 4); wskaż pole z etykietami opcją --labels")
    }

    func testOneLabelIsRefused() throws {
        let single = try column(stances(Array(repeating: "accepted", count: 6)), "response_stance")
        XCTAssertEqual(message { try TrainingCheck.check(single, field: "response_stance") },
                       "w polu „response_stance” jest tylko jedna etykieta (accepted): model nie ma czego rozróżniać; "
                           + "użyte rekordy: 6; etykiety: accepted 6")
        // multi-label: every record has the same one theme (nothing without it), and the taxonomy's other themes none
        let same = try column(records(Array(repeating: ["security"], count: 5)))
        let m = message { try TrainingCheck.check(same, field: "themes", taxonomy: ["security", "seniors"]) } ?? ""
        XCTAssertTrue(m.hasPrefix("w polu „themes” jest tylko jedna etykieta (security)"), m)
        XCTAssertTrue(m.contains("security: 5 z etykietą, 0 bez"), m)
        XCTAssertTrue(m.contains("seniors: 0 z etykietą, 5 bez"), m)
    }

    func testOnlyEmptyThemeListsAreRefused() throws {
        let none = try column(records(Array(repeating: [], count: 4)))
        XCTAssertEqual(message { try TrainingCheck.check(none, field: "themes", taxonomy: ["security"]) },
                       "brak przykładów: każdy z użytych rekordów (4 rekordy) ma puste pole „themes” (bez etykiety), "
                           + "więc model nie ma się czego uczyć")
    }

    func testTooFewLearnableLabelsIsRefusedAndRareLabelsWarned() throws {
        // security learnable (2 with, 3 without); seniors 1 example: one learnable label only
        let few = try column(records([["security"], ["security"], ["seniors"], [], []]))
        let m = message { try TrainingCheck.check(few, field: "themes") } ?? ""
        XCTAssertTrue(m.hasPrefix("za mało przykładów w polu „themes”: model potrzebuje co najmniej 2 etykiet"), m)
        XCTAssertTrue(m.contains("seniors: 1 z etykietą, 4 bez"), m)
        // two learnable labels: trains, with a warning for the rare one and for the taxonomy's theme without examples
        let ok = try column(records([["security"], ["security"], ["seniors"], ["seniors"], ["youth"], [], []]))
        let warnings = try TrainingCheck.check(ok, field: "themes", taxonomy: ["security", "seniors", "youth", "funding"])
        XCTAssertEqual(warnings, [
            "temat „funding” z taksonomii nie ma ani jednego przykładu: model nigdy go nie przypisze",
            "za mało przykładów etykiety „youth” (youth: 1 z etykietą, 6 bez; potrzeba co najmniej 2 z i 2 bez): "
                + "model rzadko albo nigdy jej nie przypisze",
        ])
    }

    func testLabelsOutsideTheTaxonomyAreAnErrorNamingEach() throws {
        var labels: [[String]] = Array(repeating: ["security"], count: 4) + Array(repeating: ["seniors"], count: 4)
        labels += [["securty"], ["Seniors", "security"], ["Seniors"], ["parking"]]
        let col = try column(records(labels))
        let m = message { try TrainingCheck.check(col, field: "themes", taxonomy: ["security", "seniors", "youth"]) }
        XCTAssertEqual(m, "etykiety spoza taksonomii Models/taxonomy.json w polu „themes”: Seniors (2 rekordy; może seniors?), "
                           + "parking (1 rekord), securty (1 rekord; może security?); popraw je w danych albo dopisz te "
                           + "tematy do taksonomii; tematy taksonomii: security, seniors, youth")
        XCTAssertEqual(TrainingCheck.editDistance(Array("securty"), Array("security")), 1)
        XCTAssertEqual(TrainingCheck.editDistance(Array(""), Array("abc")), 3)
        XCTAssertEqual(TrainingCheck.editDistance(Array("kitten"), Array("sitting")), 3)
        // without a taxonomy (other label fields) any label goes
        XCTAssertNoThrow(try TrainingCheck.check(col, field: "themes"))
    }

    func testEmptyVocabularyIsRefusedByTrainAndByTheCheckAlike() throws {
        let a = try Fixtures.analyzer()
        let recs = (0..<8).map { Postulate(id: "n\($0)", text: "słowo\($0) inne\($0)", themes: [$0 % 2 == 0 ? "security" : "seniors"]) }
        let corpus = try LabelledCorpus.make(records: recs, labelField: "themes", fields: VectorizerConfiguration().fields, analyzer: a)
        XCTAssertNoThrow(try TrainingCheck.check(corpus.labels, field: "themes"))
        let expected = "słownik modelu jest pusty: żadne słowo ani para słów (8 dokumentów) nie przeszły progów --min-df 2 "
            + "(co najmniej tyle dokumentów) i 50% dokumentów (najwyżej); przy tak małym korpusie spróbuj --min-df 1"
        XCTAssertEqual(message {
            try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: .multiLabel,
                                   labelField: "themes", analyzer: a.configuration)
        }, expected)
        XCTAssertEqual(message {
            try TrainingCheck.checkFeatures(documents: corpus.documents, labels: corpus.labels.values, mode: .multiLabel,
                                            configuration: VectorizerConfiguration())
        }, expected)
        XCTAssertEqual(message {
            try ThemeEvaluation.crossValidate(documents: corpus.documents, labels: corpus.labels.values, mode: .multiLabel,
                                              labelField: "themes", analyzer: a.configuration, folds: 2)
        }, expected)
        // with --min-df 1 the same data train
        var options = TrainingOptions()
        options.vectorizer.minDocumentFrequency = 1
        XCTAssertNoThrow(try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: .multiLabel,
                                                labelField: "themes", analyzer: a.configuration, options: options))
    }

    func testLoadingFilesTellsMissingLabelsFromNoThemeAndRefusesAnEmptyFile() throws {
        let dir = try temporaryFolder()
        let a = try Fixtures.analyzer()
        let fields = VectorizerConfiguration().fields
        let jsonl = dir.appendingPathComponent("a.jsonl").path
        try Data("{\"id\":\"1\",\"text\":\"a\",\"themes\":[]}\n{\"id\":\"2\",\"text\":\"b\"}\n{\"id\":\"3\",\"text\":\"c\",\"themes\":null}\n".utf8)
            .write(to: URL(fileURLWithPath: jsonl))
        let j = try LabelledCorpus.load(files: [jsonl], labelField: "themes", fields: fields, analyzer: a)
        XCTAssertEqual(j.labels.values.map { $0 }, [[], nil, []])
        XCTAssertEqual(j.labels.missing, 1)
        let csv = dir.appendingPathComponent("semi.csv").path
        try Data("id,text\n1,Więcej klubów seniora\n2,Monitoring\n".utf8).write(to: URL(fileURLWithPath: csv))
        XCTAssertEqual(message { try LabelledCorpus.load(files: [csv], labelField: "themes", fields: fields, analyzer: a) },
                       "brak etykiet do nauki: pole „themes” nie ma etykiety w żadnym rekordzie (2 rekordy; bez tego pola: 2); "
                           + "wskaż pole z etykietami opcją --labels")
        let withColumn = dir.appendingPathComponent("b.csv").path
        try Data("id,text,themes\n1,a,security\n2,b,\n".utf8).write(to: URL(fileURLWithPath: withColumn))
        XCTAssertEqual(try LabelledCorpus.load(files: [withColumn], labelField: "themes", fields: fields, analyzer: a).labels.values.map { $0 },
                       [["security"], []], "a CSV with the column: an empty cell is \"no theme\"")
        let empty = dir.appendingPathComponent("empty.jsonl").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        XCTAssertEqual(message { try LabelledCorpus.load(files: [jsonl, empty], labelField: "themes", fields: fields, analyzer: a) },
                       "\(empty): plik jest pusty")
        XCTAssertEqual(message { try LabelledCorpus.make(records: [], labelField: "themes", fields: fields, analyzer: a) },
                       "brak rekordów: korpus jest pusty")
    }

    func testMessagesFollowTheRunsLanguage() throws {
        MessageLanguage.use(.en)
        let col = try column(stances(Array(repeating: "accepted", count: 3)), "response_stance")
        XCTAssertEqual(message { try TrainingCheck.check(col, field: "response_stance") },
                       "field \"response_stance\" holds one label only (accepted): the model has nothing to tell apart; "
                           + "records used: 3; labels: accepted 3")
        XCTAssertEqual(ThemesError.modelFile(path: "m", problem: .empty).description,
                       "m: the model file is empty (0 bytes); train the model again (`postulaty train`)")
    }

    // MARK: model files

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("themes-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func problem(_ path: String) -> ModelFileProblem? {
        do { _ = try ModelFile.load(path: path); return nil } catch {
            guard case ThemesError.modelFile(let p, let problem) = error else { XCTFail("\(error)"); return nil }
            XCTAssertEqual(p, path)
            XCTAssertTrue("\(error)".hasPrefix(path + ": "), "\(error)")
            XCTAssertFalse("\(error)".contains("DecodingError"), "\(error)")
            XCTAssertFalse("\(error)".contains("Debug description"), "\(error)")
            return problem
        }
    }

    func testDamagedModelFilesGivePlainMessagesNamingTheFile() throws {
        let dir = try temporaryFolder()
        let good = try ModelFile.encode(try Fixtures.model())
        func write(_ name: String, _ data: Data) throws -> String {
            let p = dir.appendingPathComponent(name).path
            try data.write(to: URL(fileURLWithPath: p))
            return p
        }
        let header = good.prefix { $0 != 0x0A }
        let damaged = ModelFileProblem.damaged
        XCTAssertEqual(problem(try write("ok.model", good)), nil)
        XCTAssertEqual(problem(try write("half.model", good.prefix(good.count / 2))), damaged("plik kończy się w połowie"))
        XCTAssertEqual(problem(try write("head.model", header + Data([0x0A]))), damaged("urwany po nagłówku: brak wag modelu"))
        XCTAssertEqual(problem(try write("cut.model", header.prefix(40))), damaged("urwany w pierwszym wierszu"))
        XCTAssertEqual(problem(try write("empty.model", Data())), .empty)
        var random = SplitMix64(seed: 5)
        let noise = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) | 0x80 })  // no newline
        XCTAssertEqual(problem(try write("random.model", noise)), .notAModel("brak nagłówka modelu w pierwszym wierszu"))
        XCTAssertEqual(problem(try write("other.model", Data("{\"a\":1}\n{}\n".utf8))),
                       .notAModel("pierwszy wiersz nie jest nagłówkiem modelu"))
        XCTAssertEqual(problem(try write("taxonomy.model", Data("{\"format\":\"postulaty-taxonomy\",\"themes\":[]}\n".utf8))),
                       .notAModel("format „postulaty-taxonomy”, a model ma format „postulaty-themes-model”"))
        // a body of another shape: the missing field is named
        XCTAssertEqual(problem(try write("shape.model", header + Data("\n{\"alpha\": 1}\n".utf8))), damaged("brak pola „taxonomy”"))
        // a changed byte inside the weights
        var flipped = good
        let at = flipped.lastIndex(of: UInt8(ascii: "]"))!
        flipped[at] = UInt8(ascii: "x")
        XCTAssertEqual(problem(try write("flipped.model", flipped)), damaged("niepoprawny JSON"))
        // not a regular file, or none
        let folder = dir.appendingPathComponent("folder.model")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(problem(folder.path), .unreadable("to folder, a nie zwykły plik"))
        let fifo = dir.appendingPathComponent("fifo.model").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(problem(fifo), .unreadable("to potok nazwany (FIFO), a nie zwykły plik"), "refused at once, never blocks")
        XCTAssertEqual(problem("/dev/zero"), .unreadable("to urządzenie, a nie zwykły plik"))
        XCTAssertEqual(problem(dir.appendingPathComponent("missing.model").path), .missing)
        XCTAssertEqual("\(ThemesError.modelFile(path: "Models/themes.model", problem: damaged("plik kończy się w połowie")))",
                       "Models/themes.model: plik modelu jest uszkodzony lub urwany (plik kończy się w połowie); "
                           + "wytrenuj model ponownie (`postulaty train`)")
    }

    /// A damaged model can make a score infinite or NaN: the text of the score is "0" (as the JSON writer has it),
    /// never a trap in `Int(_:)`.
    func testNonFiniteScoresAreWrittenNotTrapped() {
        XCTAssertEqual(fixed(.nan, 3), "0")
        XCTAssertEqual(fixed(-.infinity, 4), "0")
        XCTAssertEqual(fixed(1e300, 3), "0")
        XCTAssertEqual(fixed(0.91234, 3), "0.912")
        XCTAssertEqual(fixed(-0.5, 0), "-1")
        var out: [UInt8] = []
        JSONBytes.fixed(.nan, 4, to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), fixed(.nan, 4))
    }

    // MARK: the kind of model

    func testAModelOfAnotherKindIsRefusedNamingBoth() throws {
        let themes = try Fixtures.model()  // multi-label: security, seniors, youth
        let taxonomy = ["security", "seniors", "youth", "funding"]
        XCTAssertNoThrow(try ModelExpectation.themes(taxonomy: taxonomy).check(themes, path: "t.model"))
        XCTAssertNoThrow(try ModelExpectation.any.check(themes, path: "t.model"))
        XCTAssertEqual(message { try ModelExpectation.stance.check(themes, path: "t.model") },
                       "t.model: to model pola „themes” (wiele etykiet na postulat; etykiety: security, seniors, youth), a "
                           + "potrzebny jest model stanowisk odpowiedzi (jedna etykieta na postulat; etykiety: accepted, "
                           + "already_done, budget_dependent, referred, rejected)")
        // a theme model whose labels are partly outside the taxonomy: the strangers are named
        XCTAssertEqual(message { try ModelExpectation.themes(taxonomy: ["security"]).check(themes, path: "t.model") },
                       "t.model: to model pola „themes” (wiele etykiet na postulat; etykiety: security, seniors, youth); "
                           + "etykiety spoza oczekiwanych: seniors, youth, a potrzebny jest model tematów (wiele etykiet na "
                           + "postulat; etykiety z taksonomii: security)")
        // a stance model where a themes model is expected
        let stanceRecords = (0..<40).map { i -> Postulate in
            let s = ["accepted", "rejected"][i % 2]
            return Postulate(id: "s\(i)", text: s == "accepted" ? "przyjęty realizacja zgoda" : "odrzucony brak środków",
                             extra: [("response_stance", .string(s))])
        }
        let stance = try Fixtures.model(field: "response_stance", records: stanceRecords)
        XCTAssertNoThrow(try ModelExpectation.stance.check(stance, path: "s.model"))
        let m = message { try ModelExpectation.themes(taxonomy: taxonomy).check(stance, path: "s.model") } ?? ""
        XCTAssertTrue(m.hasPrefix("s.model: to model pola „response_stance” (jedna etykieta na postulat; etykiety: accepted, rejected), "
                                  + "a potrzebny jest model tematów"), m)
    }

    func testTaggerLoadChecksKindAndAnalyzerAndNamesTheFile() throws {
        let dir = try temporaryFolder()
        let path = dir.appendingPathComponent("t.model").path
        try ModelFile.save(try Fixtures.model(), path: path)
        let tagger = try Tagger.load(path: path, expecting: .themes(taxonomy: ["security", "seniors", "youth"])) { _ in
            try Fixtures.analyzer()
        }
        XCTAssertEqual(tagger.tag(text: "policja monitoring straż").predicted, ["security"])
        XCTAssertThrowsError(try Tagger.load(path: path, expecting: .stance) { _ in try Fixtures.analyzer() }) {
            guard case ThemesError.modelFile(path, .wrongKind) = $0 else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try Tagger.load(path: path) { _ in try Fixtures.analyzer(fold: true) }) {
            guard case ThemesError.modelFile(path, .analyzer(let d)) = $0 else { return XCTFail("\($0)") }
            XCTAssertEqual(d, ["foldTermDiacritics: false vs true"])
        }
        var analyzerMade = false
        XCTAssertThrowsError(try Tagger.load(path: path + ".missing") { _ in analyzerMade = true; return try Fixtures.analyzer() }) {
            XCTAssertEqual($0 as? ThemesError, .modelFile(path: path + ".missing", problem: .missing))
        }
        XCTAssertFalse(analyzerMade, "a file that is no model is refused before any analyzer is built")
    }
}
