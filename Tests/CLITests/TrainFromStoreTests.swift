import Corpus
import Foundation
import Store
import XCTest

/// `postulaty train --store`: the reviews change the model; without reviews it is the corpus's model, byte for byte.
final class TrainFromStoreTests: XCTestCase {
    func testTrainWithAStoreLearnsTheReviewsAndIsTheCorpusModelWithoutThem() throws {
        let s = try Scratch()
        let db = s.path("s.sqlite")
        let files = ["Corpora/authored-a.jsonl", "Corpora/authored-b.jsonl", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"]
        XCTAssertEqual(try CLI.run(["store", "import"] + files + ["--store", db]).status, 0)
        let plain = try CLI.run(["train", "-o", s.path("plain.model")] + files, timeout: 600)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let same = try CLI.run(["train", "--store", db, "-o", s.path("same.model")] + files, timeout: 600)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: s.path("same.model"))),
                       try Data(contentsOf: URL(fileURLWithPath: s.path("plain.model"))), "no review: the corpus's model")

        let store = try ReviewStore(path: db)
        var c = ReviewChange(); c.themes = .set(["seniors", "youth"])
        try store.review("krakow-2025-06-17-01", c, who: "test")
        try store.add([Postulate(id: "real-1", year: 2026, text: "Kluby seniora otwarte także w weekendy", themes: [])], file: "t", who: "test")
        try store.review("real-1", c, who: "test")
        let learned = try CLI.run(["train", "--store", db, "-o", s.path("learned.model")] + files, timeout: 600)
        XCTAssertEqual(learned.status, 0, learned.stderr)
        XCTAssertTrue(learned.stderr.contains("zastąpione w korpusie: 1, dodane: 1"), learned.stderr)
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: s.path("learned.model"))),
                          try Data(contentsOf: URL(fileURLWithPath: s.path("plain.model"))))
    }
}

extension TrainFromStoreTests {
    /// `eval --store`: the reviewed real postulates are reported apart, tested by a model trained on the corpus.
    func testEvalReportsReviewedRealPostulatesApart() throws {
        let s = try Scratch()
        let db = s.path("s.sqlite")
        let files = ["Corpora/authored-a.jsonl", "Corpora/krakow-2025-06-17-spotkanie-branzowe.jsonl"]
        XCTAssertEqual(try CLI.run(["store", "import"] + files + ["--store", db]).status, 0)
        let none = try CLI.run(["eval", "--folds", "2", "--store", db] + files, timeout: 600)
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertTrue(none.out.contains("brak zrecenzowanych postulatów spoza korpusu"), none.out)
        let store = try ReviewStore(path: db)
        try store.add([Postulate(id: "real-1", year: 2026, text: "Kluby seniora otwarte także w weekendy"),
                       Postulate(id: "real-2", year: 2026, text: "Monitoring i oświetlenie w przejściu podziemnym")], file: "t", who: "test")
        var a = ReviewChange(); a.themes = .set(["seniors"])
        var b = ReviewChange(); b.themes = .set(["security"])
        try store.review("real-1", a, who: "test")
        try store.review("real-2", b, who: "test")
        let r = try CLI.run(["eval", "--folds", "2", "--store", db] + files, timeout: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.contains("zrecenzowane prawdziwe postulaty z \(db) (2)"), r.out)
        XCTAssertEqual(r.out.components(separatedBy: "micro-F1").count - 1, 2, "the corpus's figures, then the reviewed real ones")
    }
}
