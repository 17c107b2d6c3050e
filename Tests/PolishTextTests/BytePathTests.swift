import Foundation
import XCTest
@testable import PolishText

/// The byte-level fast paths of the analysis chain against the general paths they stand in for, on every word of
/// the repository's corpora and on made-up edge cases; and the automaton's sorted-label check.
final class BytePathTests: XCTestCase {
    /// Every distinct whitespace-separated word of the corpora (as written, and lower-cased), plus edge cases.
    static let words: [String] = {
        var set = Set<String>()
        let root = MorphologyLemmatizerTests.root
        for f in (try? FileManager.default.contentsOfDirectory(atPath: root + "/Corpora")) ?? [] where f.hasSuffix(".jsonl") {
            for t in (try? LemmaFirstSightTests.texts(root + "/Corpora/" + f)) ?? [] {
                for w in t.split(whereSeparator: { $0 == " " || $0 == "\n" }) { set.insert(String(w)); set.insert(w.lowercased()) }
            }
        }
        set.formUnion(["", "a", "A", "Ab", "AB", "ABC1", "A1", "1a", "12a", "12A", "1234b", "12345c", "ab", "'a", "Ł", "Łódź",
                       "ŁÓDŹ", "ŁA", "Aą", "AĄ", "ZAŻÓŁĆ", "zażółć", "gęślą", "jaźń", "É", "éa", "Straße", "ﬁrma", "x\r\ny",
                       "ą\u{0301}", "e\u{0328}", "７", "١٢", "ⅻ", "NGO's", "SP114", "٣a", "12ą", "MAM'owych",
                       "ǅ", "ǅa", "ɏ", "ɐ", "a\u{0300}", "ß²", "½", "1½", "×", "1×2", "\u{00A0}a", "a\u{200D}b", "ǲ1"])
        return set.sorted()
    }()

    func testWordSampleIsLarge() {
        XCTAssertGreaterThan(Self.words.count, 5_000)
    }

    func testNormalizeASCIIPathEqualsTheScalarPath() {
        var ascii = 0
        for w in Self.words {
            guard let fast = TextNormalizer.asciiLowercase(w) else { continue }
            ascii += 1
            XCTAssertEqual(fast, TextNormalizer.fastLowercase(w), w)
        }
        XCTAssertGreaterThan(ascii, 1_000)
    }

    func testFoldBytePathEqualsTheCharacterPath() {
        var polish = 0
        for w in Self.words + ["żółć", "ŻÓŁĆ", "ąćęłńóśźż", "ĄĆĘŁŃÓŚŹŻ", "zaż\u{00F3}", "é", "ą\u{0301}"] {
            guard let fast = DiacriticFolding.foldPolishBytes(w) else { continue }
            if !w.utf8.allSatisfy({ $0 < 0x80 }) { polish += 1 }
            XCTAssertEqual(fast, DiacriticFolding.foldByCharacter(w), w)
        }
        XCTAssertGreaterThan(polish, 500)
        XCTAssertNil(DiacriticFolding.foldPolishBytes("é"))
        XCTAssertNil(DiacriticFolding.foldPolishBytes("ą\u{0301}"))
    }

    func testLetterCaseASCIIPathEqualsThePropertyPath() {
        var decided = 0
        for w in Self.words {
            guard let fast = WordShape.asciiLetterCase(w) else { continue }
            decided += 1
            XCTAssertEqual(fast, WordShape.scalarLetterCase(w), w)
        }
        XCTAssertGreaterThan(decided, 1_000)
    }

    func testHouseNumberAndTermLengthFromBytes() {
        for (s, want) in [("12a", true), ("1234b", true), ("12345c", false), ("a", false), ("1a1", false), ("12A", false),
                          ("12ą", false), ("٣a", false), ("7b", true), ("b", false), ("", false)] {
            XCTAssertEqual(WordShape.isHouseNumber(s), want, s)
        }
        for w in Self.words {
            for minLength in [1, 2, 3] {
                XCTAssertEqual(Analyzer.isLongEnoughAndNotNumeric(w, minLength: minLength),
                               w.count >= minLength && !w.allSatisfy(\.isNumber), w)
            }
        }
    }

    /// The byte-keyed word lists against `Set<String>` on every corpus word and every stop word, and what their
    /// invariant check catches.
    func testByteWordSetsAnswerAsTheirSets() throws {
        let lists: [(ByteWordSet, Set<String>)] = [(StopWords.allBytes, StopWords.all),
                                                   (WordShape.triggerBytes, WordShape.triggers),
                                                   (WordShape.markerBytes, WordShape.markers)]
        var hits = 0
        for (bytes, set) in lists {
            try bytes.checkInvariants(expected: set)
            for w in Self.words + Array(set) + set.map({ $0 + "a" }) + set.map({ String($0.dropLast()) }) {
                XCTAssertEqual(bytes.contains(w), set.contains(w), w)
                if set.contains(w) { hits += 1 }
            }
        }
        XCTAssertGreaterThan(hits, 400)
        XCTAssertEqual(StopWords.allBytes.count, StopWords.all.count)
        XCTAssertThrowsError(try StopWords.allBytes.checkInvariants(expected: StopWords.all.subtracting(["nie"])))
        let small = ByteWordSet(["ul", "al", "pl", "imię"])
        XCTAssertTrue(small.contains("imię"))
        XCTAssertFalse(small.contains("imie"))
        XCTAssertFalse(small.contains(""))
        XCTAssertFalse(small.contains("ulica"))
    }

    /// A two-arc root whose labels are out of order: the check says so, and lookups still find both arcs.
    func testUnsortedLabelsAreDetectedAndStillFound() throws {
        func automaton(_ first: UInt8, _ second: UInt8) throws -> CFSA2Automaton {
            // header, version, flags 0, no label table; epsilon arc (last) → offset 3; root: two final, terminal arcs.
            try CFSA2Automaton(bytes: [0x5C, 0x66, 0x73, 0x61, 0xC6, 0, 0, 0,
                                       0x40, 0x00, 0x03, 0x20, first, 0x00, 0x60, second, 0x00])
        }
        let sorted = try automaton(0x61, 0x62), unsorted = try automaton(0x62, 0x61)
        XCTAssertTrue(sorted.sortedLabels)
        XCTAssertFalse(unsorted.sortedLabels)
        for a in [sorted, unsorted] {
            a.withWalker { w in
                XCTAssertGreaterThan(w.arc(of: a.root, label: 0x61), 0)
                XCTAssertGreaterThan(w.arc(of: a.root, label: 0x62), 0)
                XCTAssertEqual(w.arc(of: a.root, label: 0x63), 0)
                XCTAssertEqual(w.arc(of: a.root, label: 0x41), 0)
            }
        }
    }

    func testThePolishDictionaryHasSortedLabels() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else { throw XCTSkip("no dictionary") }
        XCTAssertTrue(try MorphologyLemmatizerTests.lemmatizer().dictionary.automaton.sortedLabels)
    }

    /// The automata trusted as sorted by their hash (`CFSA2Automaton.knownSorted`, which skips the check at load)
    /// are sorted when checked: the installed dictionary, when its hash is listed, checked arc by arc here; and
    /// its hash is listed (else every start pays the check again: a new dictionary should be added).
    func testKnownSortedAutomataAreSorted() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else { throw XCTSkip("no dictionary") }
        let automaton = try MorphologyLemmatizerTests.lemmatizer().dictionary.automaton
        XCTAssertTrue(CFSA2Automaton.knownSorted.contains(automaton.arcsHash),
                      "the installed dictionary's arcs hash \(String(automaton.arcsHash, radix: 16)) is not in knownSorted")
        XCTAssertTrue(automaton.labelsCheckedSorted())
        XCTAssertTrue(automaton.sortedLabels)
    }
}

/// The guesser's byte path (`rule(for:)` through the hash index, `guess(_:)` by bytes) against the String path it
/// replaced (a binary search and a scalar view), on the corpus words, their lower-cased forms and made-up words of
/// one- to four-byte letters.
final class SuffixGuesserBytePathTests: XCTestCase {
    func testRuleBytePathEqualsTheStringPath() throws {
        let guesser = try SuffixGuesser(path: MorphologyLemmatizerTests.root + "/Models/" + PolishLemmatizer.guesserFileName)
        var ruled = 0, asked = 0
        let made = ["zblorgowania", "wiaduktowymi", "vilbertowi", "bowie", "lili", "ąąąąowi", "żółwiątkami", "日本語ami",
                    "kot𝔸owi", "x𝔸𝔸𝔸𝔸", "αβγδεζ", "ćwiczeń", "ab", "abc", "abcd", "łłłł"]
        for w in BytePathTests.words + made {
            asked += 1
            let fast = guesser.rule(for: w), reference = guesser.referenceRule(for: w)
            XCTAssertEqual(fast, reference, w)
            XCTAssertEqual(guesser.guess(w), guesser.referenceGuess(w), w)
            if fast != nil { ruled += 1 }
        }
        XCTAssertGreaterThan(asked, 5_000)
        XCTAssertGreaterThan(ruled, 2_000)
    }
}

/// The guesser's known-word check by the allocation-free walk (`hasSurface`) against the `surfaces` walk it replaced,
/// on the corpus words as written, lower-cased and capitalised, their guesses, and odd inputs (the separator,
/// letters outside the spelling tables, four-byte scalars).
final class SurfaceCheckTests: XCTestCase {
    func testHasSurfaceEqualsTheSurfacesWalk() throws {
        guard FileManager.default.fileExists(atPath: LexiconLocation.resolve()) else { throw XCTSkip("no dictionary") }
        let l = try MorphologyLemmatizerTests.lemmatizer()
        var words = Set(BytePathTests.words)
        for w in BytePathTests.words {
            words.insert(w.capitalized)
            if let g = l.guesser?.guess(w.lowercased()) { words.insert(g) }
        }
        words.formUnion(["kot+", "+", "a+b", "kraków", "KRAKÓW", "nato", "mlodziezy", "x", "ż", "𝔸", "日本", "i"])
        var known = 0
        for w in words.sorted() {
            for matching: MorfologikDictionary.Matching in [.caseInsensitive, [], [.caseInsensitive, .restoreDiacritics]] {
                var copy = w
                let fast = copy.withUTF8 { l.hasSurface($0, matching: matching) }
                let reference = !l.dictionary.surfaces(of: w, matching: matching, maxSurfaces: 1).isEmpty
                XCTAssertEqual(fast, reference, "\(w) \(matching.rawValue)")
                if reference { known += 1 }
            }
            XCTAssertEqual(l.isKnownWord(w), l.referenceIsKnownWord(w), w)
        }
        XCTAssertGreaterThan(words.count, 10_000)
        XCTAssertGreaterThan(known, 5_000)
    }
}
