import XCTest
@testable import Themes

/// The vectoriser's lookup tables against plain dictionaries: bigram rows of every length (the bisection's edge
/// cases), term interning, and the rank sort of feature ids.
final class LookupTableTests: XCTestCase {
    func testBigramIndexFindsEveryPairAndOnlyThose() {
        var pairs: [(UInt32, UInt32, Int32)] = []
        var expected: [UInt64: Int32] = [:]
        var fid: Int32 = 0
        for a in 0..<UInt32(24) {
            // Row a: a second terms 3, 6, 9, … (so absent ones fall below, between and above them).
            for j in 0..<a {
                let b = 3 * (j + 1)
                pairs.append((a, b, fid)); expected[UInt64(a) << 32 | UInt64(b)] = fid
                fid += 1
            }
        }
        let index = BigramIndex(termCount: 25, pairs: pairs.reversed())
        for a in 0..<UInt32(26) {
            for b in 0..<UInt32(80) {
                XCTAssertEqual(index.value(a, b), expected[UInt64(a) << 32 | UInt64(b)] ?? -1, "pair \(a) \(b)")
            }
        }
    }

    func testTermTableInternsAndFinds() {
        var table = TermTable(capacity: 4)
        let words = (0..<500).map { "słowo\($0)" } + ["e\u{301}", "é", ""]
        var ids: [String: UInt32] = [:]
        for w in words {
            let (id, isNew) = table.intern(w)
            if let old = ids[w] { XCTAssertEqual(id, old); XCTAssertFalse(isNew) } else { ids[w] = id }
        }
        XCTAssertEqual(table.id("e\u{301}"), table.id("é"))  // canonical equivalence, as String ==
        for w in words { XCTAssertEqual(table.id(w), ids[w]) }
        XCTAssertEqual(table.id("nieznane"), UInt32.max)
    }

    func testRankSortMatchesSort() {
        var state: UInt64 = 42
        for n in [0, 1, 2, 5, 17, 32, 33, 70] {
            let xs: [Int32] = (0..<n).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int32(truncatingIfNeeded: state >> 60)  // few values: many repeats
            }
            var src = xs, out = [Int32](repeating: 0, count: n)
            src.withUnsafeMutableBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    if n > 0 { sortIDs(s.baseAddress!, n, into: o.baseAddress!) }
                }
            }
            XCTAssertEqual(out, xs.sorted(), "n = \(n)")
        }
    }

    /// The byte-level split of pre-tokenised text against a split by characters: runs of separators, separators
    /// at both ends, tabs and line breaks, and multi-byte letters (whose bytes must never be taken for separators).
    func testWhitespaceTermsSplitLikeCharacterSplit() {
        let texts = ["", "   ", "senior", " klub  seniora\t", "żółć\ngęś  \t łódź", "a\r\nb", "ą ę\u{00A0}ó", "x y z "]
        let split = WhitespaceTerms()
        for t in texts {
            let expected = t.unicodeScalars.split(whereSeparator: { " \t\n\r".unicodeScalars.contains($0) }).map { String($0) }
            XCTAssertEqual(split.terms(t), expected, "text \(t.debugDescription)")
        }
        XCTAssertEqual(split.terms("żółć\ngęś  \t łódź"), ["żółć", "gęś", "łódź"])
        XCTAssertEqual(split.terms("ą ę\u{00A0}ó"), ["ą", "ę\u{00A0}ó"], "a no-break space is not a separator")
    }

    /// Terms streamed from records (`TermDocuments`, `predict(record:analyzer:scratch:)`, as tagging does) give the
    /// same model and the same predictions as terms analysed into arrays first: for the Polish-style analyzer and
    /// for pre-tokenised text, with a justification field, a record lacking it, and a decomposed "ó" (o + U+0301,
    /// which both paths must key by its NFC form).
    func testStreamedTermsMatchAnalysedTerms() throws {
        var records = Fixtures.records(count: 120)
        for i in records.indices where i % 4 == 0 {
            records[i].justification = records[(i + 7) % records.count].text + " uzasadnienie\tszko\u{0301}ła"
        }
        records[3].text += " szko\u{0301}ła  klub\u{0301}"
        let fields = [FieldWeight("text", 1), FieldWeight("justification", 0.5)]
        let options = TrainingOptions(vectorizer: VectorizerConfiguration(fields: fields))
        for analyzer in [try Fixtures.analyzer() as any TermAnalyzing, WhitespaceTerms()] {
            let corpus = try LabelledCorpus.make(records: records, labelField: "themes", fields: fields, analyzer: analyzer)
            let (v1, s1) = try ThemeTrainer.coreFit(documents: corpus.documents, labels: corpus.labels.values,
                                                    mode: corpus.labels.mode, options: options,
                                                    variant: .multinomialOneVsRest, alpha: 0.3)
            let (v2, s2) = try ThemeTrainer.coreFit(documents: TermDocuments(records: records, fields: fields, analyzer: analyzer),
                                                    labels: corpus.labels.values, mode: corpus.labels.mode,
                                                    options: options, variant: .multinomialOneVsRest, alpha: 0.3)
            XCTAssertEqual(v1.vocabulary, v2.vocabulary)
            XCTAssertEqual(v1.idf, v2.idf)
            XCTAssertEqual(s1, s2)
            XCTAssertTrue(v1.vocabulary.contains("szkoła"), "the decomposed form is keyed as its NFC form")
            let model = try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values,
                                               mode: corpus.labels.mode, labelField: "themes",
                                               analyzer: analyzer.configuration, options: options)
            let scratch = ThemeModel.Scratch()
            for r in records {
                let a = model.predict(model.fieldTerms(of: r, analyzer: analyzer))
                let b = model.predict(record: r, analyzer: analyzer, scratch: scratch)
                XCTAssertEqual(a, b, "record \(r.id)")
            }
        }
    }
}
