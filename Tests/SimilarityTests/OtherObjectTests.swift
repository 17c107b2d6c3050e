import Corpus
import PolishText
import XCTest
@testable import Similarity

/// Two projects at one named place that ask for different objects are lowered (`OtherObject`, issue 15): the
/// lighting of a park and the acoustic screens at the same park are not one demand; the same object reworded
/// with a word of the same stem, or with a word the corpus files together with it, still is.
final class OtherObjectTests: XCTestCase {
    /// Rows over a small vocabulary, every weight 1 (the rule reads terms, not weights).
    func rule(_ rows: [[String]]) -> OtherObject {
        var vocabulary: [String] = []
        var ids: [String: UInt32] = [:]
        for row in rows { for t in row where ids[t] == nil { ids[t] = UInt32(vocabulary.count); vocabulary.append(t) } }
        var v = SparseVectors()
        for row in rows { v.append(row.map { (ids[$0]!, Float(1)) }.sorted { $0.0 < $1.0 }) }
        return OtherObject(vectors: v, term: { vocabulary[Int($0)] }, placeWords: ["park", "ulica"])
    }

    func testAnotherObjectAtTheSamePlaceIsLowered() {
        var r = rule([
            ["oswietlenie", "park", "Klecin"],          // 0
            ["ekran", "akustyczny", "park", "Klecin"],  // 1
            ["nowy", "oswietlenie", "park", "Klecin"],  // 2: shares the object "oswietlenie"
            ["boisko", "Klecin"],                       // 3
            ["Klecin"],                                 // 4: no object of its own
            ["oswietlenie", "park"],                    // 5: shares no name
            ["oswietlenie", "alejka", "Klecin"],        // 6 and 7: one object, and a word of its own each
            ["oswietlenie", "schody", "Klecin"],
        ])
        XCTAssertEqual(r.factor(0, 1), OtherObject.penalty)
        XCTAssertEqual(r.factor(1, 3), OtherObject.penalty)
        XCTAssertEqual(r.factor(0, 2), 1, "a shared object word")
        XCTAssertEqual(r.factor(6, 7), 1, "a shared object word, though each side has words of its own")
        XCTAssertEqual(r.factor(0, 4), 1, "one side names no object of its own")
        XCTAssertEqual(r.factor(1, 5), 1, "no shared name: the place is not shown to be one")
        XCTAssertEqual(OtherObject.penalty, 0.5)
    }

    /// "FITNESS PARK przy ul. Szarych Szeregów" / "plac zabaw na skwerze przy Szarych Szeregów": the analyser reads
    /// "Szeregów" as the common word `szereg`, which both share. Under place blocking (a row sequence given), a shared
    /// word written with a capital next to a shared name in both texts is part of the name; lower case on one side
    /// ("… Szar, szereg …" in running text) it is still a shared object, and without sequences nothing changes.
    func testACapitalisedWordNextToASharedNameIsPartOfIt() {
        let rows = [["fitness", "park", "Szar", "szereg"], ["plac", "zabawa", "Szar", "szereg"], ["plac", "Szar", "szereg"]]
        let texts: [[(term: String, capital: Bool)]] = [
            [("fitness", true), ("park", true), ("ulica", false), ("Szar", true), ("szereg", true)],
            [("plac", false), ("zabawa", false), ("Szar", true), ("szereg", true)],
            [("plac", false), ("Szar", true), ("szereg", false)],
        ]
        var vocabulary: [String] = []
        var ids: [String: UInt32] = [:]
        for row in rows { for t in row where ids[t] == nil { ids[t] = UInt32(vocabulary.count); vocabulary.append(t) } }
        var v = SparseVectors()
        for row in rows { v.append(row.map { (ids[$0]!, Float(1)) }.sorted { $0.0 < $1.0 }) }
        var on = OtherObject(vectors: v, term: { vocabulary[Int($0)] }, placeWords: ["park", "ulica"],
                             sequence: { texts[$0] })
        XCTAssertEqual(on.factor(0, 1), OtherObject.penalty)
        XCTAssertEqual(on.factor(0, 2), 1, "lower case on one side: a shared object")
        var off = rule(rows)
        XCTAssertEqual(off.factor(0, 1), 1)
    }

    func testAnIdentifierIsASharedPlaceToo() {
        var r = rule([["remont", "sala", "sp:7"], ["zakup", "laptop", "sp:7"]])
        XCTAssertEqual(r.factor(0, 1), OtherObject.penalty)
    }

    func testWordsOfOneStemRelateTheObjects() {
        // "rekreacyjno-wypoczynkowy" / "rekreacyjny": the first five letters agree ("rekre"), whatever the lemmatiser
        // did; a name counts too ("Rowerem" / "rowerowy").
        var r = rule([
            ["rekreacyjno", "wypoczynkowy", "park", "Psim"], ["rekreacyjny", "etap", "park", "Psim"],
            ["Rowerem", "jazda", "Srodka"], ["trasa", "rowerowy", "Srodka"],
            ["rekre", "Psim"], ["rekra", "Psim"],
        ])
        XCTAssertEqual(r.factor(0, 1), 1)
        XCTAssertEqual(r.factor(2, 3), 1)
        XCTAssertEqual(r.factor(4, 5), OtherObject.penalty, "four letters in common are not a stem")
    }

    func testWordsTheCorpusFilesTogetherRelateTheObjects() {
        // "parking" and "postojowy" occur together in two of the documents, far above chance among forty.
        var rows: [[String]] = [["miejsce", "postojowy", "ulica", "Gwiazdzist"], ["budowa", "parking", "ulica", "Gwiazdzist"],
                                ["parking", "postojowy", "Lipow"], ["parking", "postojowy", "Klonow"]]
        for i in 0..<36 { rows.append(["remont", "chodnik", "N\(i)"]) }
        var r = rule(rows)
        XCTAssertEqual(r.factor(0, 1), 1)
        // Once only together: not enough.
        rows[3] = ["parking", "Klonow"]
        r = rule(rows)
        XCTAssertEqual(r.factor(0, 1), OtherObject.penalty)
        // Together twice, but each word in seven of twelve documents: no more often than chance.
        var common: [[String]] = [["miejsce", "postojowy", "ulica", "Gwiazdzist"], ["budowa", "parking", "ulica", "Gwiazdzist"],
                                  ["parking", "postojowy", "Lipow"], ["parking", "postojowy", "Klonow"]]
        for i in 0..<8 { common.append([i < 4 ? "parking" : "postojowy", "N\(i)"]) }
        r = rule(common)
        // 2 × 12 = 24 < 5 × 7 × 7.
        XCTAssertEqual(r.factor(0, 1), OtherObject.penalty)
    }

    /// Through `RecurringDemands`: the two projects at one park do not pair, a resubmission at the same place does.
    func testDedupeDropsTheOtherObjectAndKeepsTheResubmission() throws {
        var records: [Postulate] = []
        for i in 0..<40 {
            records.append(Postulate(id: "f\(i)", year: 2018 + i % 3, meeting: "m\(i)",
                                     text: "remont chodnika \(Fixtures.word(i)) \(Fixtures.word(i + 100))"))
        }
        // The identity lemmatiser keeps forms: "park" as written is the place word.
        records.append(Postulate(id: "light-2019", year: 2019, meeting: "a", text: "Oświetlenie, park Klecina"))
        records.append(Postulate(id: "screen-2020", year: 2020, meeting: "b", text: "Ekrany akustyczne, park Klecina"))
        records.append(Postulate(id: "light-2021", year: 2021, meeting: "c", text: "Nowe oświetlenie, park Klecina"))
        let analyzer = Fixtures.analyzer()
        let r = try RecurringDemands.find(in: records, analyzer: analyzer, threshold: 0.2, acrossYears: true)
        let pairs = Dictionary(uniqueKeysWithValues: r.pairs.map { (r.postulates[$0.a].id + "~" + r.postulates[$0.b].id, $0.score) })
        XCTAssertNotNil(pairs["light-2019~light-2021"], "\(pairs)")
        // The cosine alone pairs lighting and screens (the name carries it); the rule halves it.
        let index = try SimilarityIndex(analyzer: analyzer, postulates: records)
        let cosine = try XCTUnwrap(index.similar(toID: "screen-2020", top: 5).first { $0.postulate.id == "light-2019" }).score
        XCTAssertGreaterThan(cosine, 0.5)
        let lowered = try XCTUnwrap(pairs["light-2019~screen-2020"], "\(pairs)")
        XCTAssertEqual(lowered, cosine * OtherObject.penalty, accuracy: 1e-6)
        let atDefault = try RecurringDemands.find(in: records, analyzer: analyzer, acrossYears: true)
        let ids = Set(atDefault.pairs.map { atDefault.postulates[$0.a].id + "~" + atDefault.postulates[$0.b].id })
        XCTAssertFalse(ids.contains("light-2019~screen-2020"), "\(ids.sorted())")
        XCTAssertTrue(ids.contains("light-2019~light-2021"), "\(ids.sorted())")
    }

    /// The rule as stated, with sets of terms per pair (the implementation before the per-term numbering and the
    /// merge walk): the reference the fast rule is held to.
    static func reference(_ v: SparseVectors, term: (UInt32) -> String, placeWords: Set<String>, _ a: Int, _ b: Int) -> Double {
        let ta = v.row(a).map { v.terms[$0] }, tb = v.row(b).map { v.terms[$0] }
        let sa = Set(ta), sb = Set(tb)
        func isObject(_ t: UInt32) -> Bool { TermKind.of(term(t)) == .word && !placeWords.contains(term(t)) }
        var sharesPlace = false
        for t in ta where sb.contains(t) {
            switch TermKind.of(term(t)) {
            case .word: if !placeWords.contains(term(t)) { return 1 }
            case .name, .identifier: sharesPlace = true
            }
        }
        guard sharesPlace else { return 1 }
        let ownA = ta.filter { !sb.contains($0) }, ownB = tb.filter { !sa.contains($0) }
        guard ownA.contains(where: isObject), ownB.contains(where: isObject) else { return 1 }
        func stem(_ t: UInt32) -> String? {
            let lower = term(t).lowercased()
            return lower.count >= OtherObject.prefix ? String(lower.prefix(OtherObject.prefix)) : nil
        }
        let stemsA = Set(ownA.compactMap(stem))
        if ownB.contains(where: { stem($0).map(stemsA.contains) ?? false }) { return 1 }
        func rows(_ t: UInt32) -> Set<Int> { Set((0..<v.count).filter { r in v.row(r).contains { v.terms[$0] == t } }) }
        for u in ownA where isObject(u) {
            for w in ownB where isObject(w) {
                let ru = rows(u), rw = rows(w), both = ru.intersection(rw).count
                if both >= OtherObject.together,
                   Double(both) * Double(v.count) >= OtherObject.association * Double(ru.count) * Double(rw.count) { return 1 }
            }
        }
        return OtherObject.penalty
    }

    /// On random rows over a vocabulary of names, identifiers, place words and words sharing stems, every pair gets
    /// the factor of the rule as stated; all four outcomes occur.
    func testEveryPairAsTheRuleStatesIt() {
        let vocabulary = ["park", "ulica", "Klecin", "Zernik", "sp:7", "sp:9", "oswietlenie", "oswietlony", "ekran",
                          "akustyczny", "boisko", "fontanna", "parking", "postojowy", "miejsce", "remont", "chodnik",
                          "rower", "rowerowy", "Rowerem", "lawka", "kosz", "trasa", "alejka"]
        var rng = SplitMix64(seed: 31)
        var v = SparseVectors()
        for _ in 0..<160 {
            var ids = Set<UInt32>()
            for _ in 0..<(1 + rng.int(5)) { ids.insert(UInt32(min(rng.int(vocabulary.count), rng.int(vocabulary.count)))) }
            v.append(ids.sorted().map { ($0, Float(1)) })
        }
        let term = { (t: UInt32) in vocabulary[Int(t)] }
        var rule = OtherObject(vectors: v, term: term, placeWords: ["park", "ulica"])
        var lowered = 0, pairs = 0
        for a in 0..<v.count {
            for b in (a + 1)..<v.count {
                let want = Self.reference(v, term: term, placeWords: ["park", "ulica"], a, b)
                XCTAssertEqual(rule.factor(a, b), want, "rows \(a), \(b)")
                XCTAssertEqual(rule.factor(b, a), want, "rows \(b), \(a)")
                pairs += 1
                if want < 1 { lowered += 1 }
            }
        }
        XCTAssertEqual(pairs, 160 * 159 / 2)
        XCTAssertGreaterThan(lowered, 100, "the rule must lower some pairs")
        XCTAssertGreaterThan(pairs - lowered, 100)
    }
}
