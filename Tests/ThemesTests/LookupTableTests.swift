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
        for packing in [true, false] {
            let index = BigramIndex(termCount: 25, pairs: pairs.reversed(), packing: packing)
            XCTAssertNoThrow(try index.checkInvariants(), "packing \(packing)")
            for a in 0..<UInt32(26) {
                for b in 0..<UInt32(80) {
                    XCTAssertEqual(index.value(a, b), expected[UInt64(a) << 32 | UInt64(b)] ?? -1, "pair \(a) \(b), packing \(packing)")
                }
            }
            // ids beyond the packed slots' 20 bits are absent, not aliased
            XCTAssertEqual(index.value(1 << 20 | 1, 3), -1)
        }
        // too many terms for the packed slots: the rows are used
        let large = BigramIndex(termCount: (1 << 20) + 5, pairs: [((1 << 20) + 2, 7, 11), (3, 9, 12)])
        XCTAssertEqual(large.value((1 << 20) + 2, 7), 11)
        XCTAssertEqual(large.value(3, 9), 12)
        XCTAssertEqual(large.value(3, 7), -1)
        XCTAssertNoThrow(try large.checkInvariants())
    }

    /// The fit's bigram key table in both slot layouts, through growth, and moving from packed to wide slots when
    /// a term id or a value stops fitting (every key already in keeps its value).
    func testKeyTableInsertsAndFindsInBothLayouts() {
        var generator = SeededGenerator(state: 11)
        let keys: [UInt64] = (0..<3000).map { _ in
            UInt64.random(in: 0..<700, using: &generator) << 32 | UInt64.random(in: 0..<700, using: &generator)
        }
        for packing in [true, false] {
            var table = KeyTable(capacity: 8, packing: packing)
            XCTAssertEqual(table.isPacked, packing)
            var expected: [UInt64: Int32] = [:]
            for k in keys {
                let got = table.valueOrInsert(k, Int32(expected.count))
                if let v = expected[k] { XCTAssertEqual(got, v) } else { XCTAssertEqual(got, -1); expected[k] = Int32(expected.count) }
            }
            XCTAssertEqual(table.count, expected.count)
            XCTAssertNoThrow(try table.checkInvariants(), "packing \(packing)")
            XCTAssertEqual(table.isPacked, packing)
            for (k, v) in expected { XCTAssertEqual(table.value(k), v) }
            XCTAssertEqual(table.value(900 << 32 | 1), -1)
            XCTAssertEqual(table.value(1 << 52 | 1), -1)  // beyond the packed term bits: absent, not aliased
            // a term id beyond 20 bits, then a value beyond 24 bits: stored, and the earlier keys still found
            var wide = table
            XCTAssertEqual(wide.valueOrInsert((1 << 20 | 5) << 32 | 3, 77), -1)
            XCTAssertFalse(wide.isPacked)
            XCTAssertEqual(wide.value((1 << 20 | 5) << 32 | 3), 77)
            XCTAssertEqual(wide.valueOrInsert(5 << 32 | 1 << 20, 78), -1)
            var large = table
            XCTAssertEqual(large.valueOrInsert(800 << 32 | 800, 1 << 24), -1)
            XCTAssertFalse(large.isPacked)
            XCTAssertEqual(large.value(800 << 32 | 800), 1 << 24)
            for t in [wide, large] {
                for (k, v) in expected { XCTAssertEqual(t.value(k), v) }
                XCTAssertNoThrow(try t.checkInvariants())
            }
            // a present key with a value too large for packing is found, not re-inserted
            var again = table
            let (k0, v0) = expected.first!
            XCTAssertEqual(again.valueOrInsert(k0, 1 << 25), v0)
        }
    }

    /// The partial-word load of a key against bytes put together one by one: every length up to 24 and every
    /// word start, the key at the very end of its buffer (so a read past it would leave the allocation).
    func testKeyWordsMatchBytes() {
        for n in 1...24 {
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
            defer { buffer.deallocate() }
            for i in 0..<n { buffer[i] = UInt8(0x41 + 3 * i) }
            for from in stride(from: 0, to: n, by: 8) {
                var expected: UInt64 = 0
                for j in from..<min(n, from + 8) { expected |= UInt64(buffer[j]) << UInt64(8 * (j - from)) }
                XCTAssertEqual(TermTable.word(buffer, n, from: from), expected, "n \(n), from \(from)")
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
        XCTAssertNoThrow(try table.checkInvariants())
    }

    /// The slot-only lookup of a fitted vectoriser: keys of every length around its 8- and 16-byte heads, keys
    /// differing only in their last byte or only past the head, absent keys sharing a present key's head.
    func testTermLookupFindsEveryTermAndOnlyThose() {
        var table = TermTable(capacity: 4)
        var unigram: [Int32] = []
        var words: [String] = []
        for n in 0...40 {
            let base = String((0..<n).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            words.append(base)
            if n > 0 { words.append(String(base.dropLast()) + "Z") }
            if n > 17 { words.append("ż" + base.dropFirst(2)) }
        }
        for (i, w) in words.enumerated() {
            let (id, isNew) = table.intern(w)
            XCTAssertTrue(isNew, w)
            unigram.append(i % 3 == 0 ? -1 : Int32(1000 + i))
            XCTAssertEqual(Int(id), i)
        }
        let lookup = TermLookup(terms: table, unigram: unigram)
        XCTAssertNoThrow(try lookup.checkInvariants())
        for (i, w) in words.enumerated() {
            let found = TermTable.withKey(w) { lookup.find(TermLookup.prepare($0), bytes: $0.baseAddress) }
            XCTAssertEqual(found.id, UInt32(i), w)
            XCTAssertEqual(found.unigram, unigram[i], w)
        }
        let absent = words.filter { $0.count > 1 }.map { $0 + "q" } + words.filter { $0.count > 9 }.map { String($0.dropLast()) + "Y" }
        for w in absent where !words.contains(w) {
            let found = TermTable.withKey(w) { lookup.find(TermLookup.prepare($0), bytes: $0.baseAddress) }
            XCTAssertEqual(found.id, UInt32.max, w)
            XCTAssertEqual(found.unigram, -1, w)
        }
    }

    func testRankSortMatchesSort() {
        var state: UInt64 = 42
        for n in [0, 1, 2, 5, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 70] {
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
            XCTAssertNoThrow(try checkSortIDs(xs.map { $0 &* 1000 &+ Int32(n) }), "n = \(n)")
        }
        // ids too large for the rank key (≥ 2²⁶) take the standard sort
        let large: [Int32] = [1 << 30, 5, 1 << 27, 5, 0, Int32.max - 1]
        var src = large, out = [Int32](repeating: 0, count: large.count)
        src.withUnsafeMutableBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in sortIDs(s.baseAddress!, large.count, into: o.baseAddress!) }
        }
        XCTAssertEqual(out, large.sorted())
        XCTAssertNoThrow(try checkSortIDs(large))
    }

    /// The byte-level split of pre-tokenised text against a split by characters: runs of separators, separators
    /// at both ends, tabs and line breaks, and multi-byte letters (whose bytes must never be taken for separators).
    func testWhitespaceTermsSplitLikeCharacterSplit() {
        let texts = ["", "   ", "senior", " klub  seniora\t", "żółć\ngęś  \t łódź", "a\r\nb", "ą ę\u{00A0}ó", "x y z ",
                     "rewitalizacja\tzieleńców przy ulicach długich", "abcdefg hijklmnopqrstuvwxyz\u{1}ab cd",
                     "przebudowa\u{7}skrzyżowania   komunikacyjnego ", "szko\u{301}ła e\u{301}lan długie\u{301}słowo abcdefgh\u{301}"]
        let split = WhitespaceTerms()
        for t in texts {
            let expected = t.unicodeScalars.split(whereSeparator: { " \t\n\r".unicodeScalars.contains($0) }).map { String($0) }
            XCTAssertEqual(split.terms(t), expected, "text \(t.debugDescription)")
        }
        XCTAssertEqual(split.terms("żółć\ngęś  \t łódź"), ["żółć", "gęś", "łódź"])
        XCTAssertEqual(split.terms("ą ę\u{00A0}ó"), ["ą", "ę\u{00A0}ó"], "a no-break space is not a separator")
        // the split's flag is exactly "the piece holds a byte ≥ 0xCC" (a false one would only cost an NFC pass)
        for t in texts {
            WhitespaceTerms.forEachPiece(t) { piece, high in
                XCTAssertEqual(high, piece.contains { $0 >= 0xCC }, "piece \(String(decoding: piece, as: UTF8.self).debugDescription)")
            }
        }
        // a piece holding a combining mark (a byte ≥ 0xCC) anywhere, in a long run or its tail, is keyed by its
        // NFC form, as `TermTable.withKey` keys it; the others by their own bytes
        for t in texts {
            var keys: [[UInt8]] = []
            split.forEachTermKey(in: t) { keys.append(Array($0)) }
            let expected = split.terms(t).map { term in TermTable.withKey(term) { Array($0) } }
            XCTAssertEqual(keys, expected, "text \(t.debugDescription)")
        }
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

/// A seeded generator, so shuffles in tests are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}
